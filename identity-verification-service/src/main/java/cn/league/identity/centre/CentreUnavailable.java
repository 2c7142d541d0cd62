package cn.league.identity.centre;

/**
 * The centre did not answer a batch this time: a 5xx, a timeout, a refused connection, or its quota (429, {@code
 * busy}). Worth retrying; a busy centre is not a broken one, so the circuit breaker does not count it.
 */
public class CentreUnavailable extends RuntimeException {

    private final boolean busy;

    public CentreUnavailable(String message, boolean busy, Throwable cause) {
        super(message, cause);
        this.busy = busy;
    }

    public boolean busy() {
        return busy;
    }
}
