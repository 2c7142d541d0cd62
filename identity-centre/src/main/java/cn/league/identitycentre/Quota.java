package cn.league.identitycentre;

/**
 * Pairs per second for all clients together, counted in one-second windows: a request whose pairs do not fit into
 * what is left of the current second is refused whole (429), as the centre cannot answer part of a batch.
 */
public class Quota {

    private long second = -1;
    private int used;

    /** @return whether {@code pairs} more fit into the second {@code nowMillis} falls in */
    public synchronized boolean take(int pairs, int perSecond, long nowMillis) {
        long current = nowMillis / 1000;
        if (current != second) {
            second = current;
            used = 0;
        }
        if (used + pairs > perSecond) {
            return false;
        }
        used += pairs;
        return true;
    }
}
