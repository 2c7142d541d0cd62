package cn.league.transfer;

/** Where a transfer is: open at a step, or ended one of four ways (R-TR-5, R-TR-6, R-TR-7). */
public enum TransferState {
    OPEN, APPROVED, REJECTED, WITHDRAWN, EXPIRED;

    public boolean open() {
        return this == OPEN;
    }
}
