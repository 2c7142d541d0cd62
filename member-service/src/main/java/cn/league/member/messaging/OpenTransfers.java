package cn.league.member.messaging;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.league.contracts.transfer.TransferEvents.TransferRequested;

/**
 * The transfers open in transfer-service, as its events tell (R-MEM-8: nobody in a transfer is deleted).
 * Written only by {@link TransferEventsListener}.
 */
@Repository
public class OpenTransfers {

    private final JdbcClient jdbc;

    OpenTransfers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public boolean isInTransfer(String idNumber) {
        return jdbc.sql("select exists (select 1 from open_transfer where id_number = ?)").param(idNumber)
                .query(Boolean.class).single();
    }

    void opened(TransferRequested requested) {
        jdbc.sql("""
                        insert into open_transfer (transfer_id, id_number, from_org_id, to_org_id)
                        values (?, ?, ?, ?) on conflict do nothing""")
                .params(requested.transferId(), IdNumbers.canonical(requested.idNumber()), requested.fromOrgId(),
                        requested.toOrgId())
                .update();
    }

    void closed(long transferId) {
        jdbc.sql("delete from open_transfer where transfer_id = ?").param(transferId).update();
    }
}
