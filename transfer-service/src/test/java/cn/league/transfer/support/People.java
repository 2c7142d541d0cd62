package cn.league.transfer.support;

import java.util.concurrent.atomic.AtomicInteger;

/** Fresh, well-formed 18-char ID numbers (with check digit), different in every run. */
public final class People {

    private static final AtomicInteger SEQ = new AtomicInteger((int) (System.nanoTime() % 900));
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK = "10X98765432";

    private People() {
    }

    public static String idNumber() {
        int n = SEQ.incrementAndGet();
        String body = "110101" + (1990 + n % 15) + "%02d%02d".formatted(1 + n % 12, 1 + n % 28)
                + "%03d".formatted((n / 7) % 1000);
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (body.charAt(i) - '0') * WEIGHTS[i];
        }
        return body + CHECK.charAt(sum % 11);
    }
}
