package cn.league.identitycentre;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.Instant;
import java.util.List;

/**
 * How the centre behaves now: its limits and its faults.
 *
 * @param outages daily windows (UTC) in which every request answers 503
 * @param down    an outage the operator started, until they end it
 */
public record Conditions(int maxBatch, int quotaPerSecond, Duration latency, double errorRate,
                         List<Window> outages, Duration lag, boolean down) {

    /** A daily window, from {@code start} (inclusive) to {@code end} (exclusive), UTC; may cross midnight. */
    public record Window(LocalTime start, LocalTime end) {

        static Window parse(String text) {
            String[] ends = text.strip().split("-");
            return new Window(LocalTime.parse(ends[0].strip()), LocalTime.parse(ends[1].strip()));
        }

        boolean contains(LocalTime time) {
            return start.isBefore(end) ? !time.isBefore(start) && time.isBefore(end)
                    : !time.isBefore(start) || time.isBefore(end);
        }
    }

    static Conditions of(CentreProperties properties) {
        List<Window> outages = properties.outages() == null ? List.of()
                : properties.outages().stream().filter(text -> !text.isBlank()).map(Window::parse).toList();
        return new Conditions(properties.maxBatch(), properties.quotaPerSecond(), properties.latency(),
                properties.errorRate(), outages, properties.lag(), false);
    }

    boolean outOfService(Instant now) {
        LocalTime time = LocalTime.ofInstant(now, ZoneOffset.UTC);
        return down || outages.stream().anyMatch(window -> window.contains(time));
    }
}
