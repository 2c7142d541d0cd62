package cn.league.stats.progress;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** R-STAT-5 (FAQ 30): the moment figures are as of, in Beijing time, and how the page says it ("截至 14:00"). */
public record AsOf(Instant instant, String label) {

    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter LABEL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(BEIJING);

    public static AsOf of(Instant instant) {
        return new AsOf(instant, "截至 " + LABEL.format(instant));
    }
}
