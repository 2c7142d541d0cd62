package cn.league.org.school;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * R-GRAD-3 for a service started after this year's conversion date (any deployment, not only the demo): the daily
 * job would convert only at its next run (01:30), so once the service is ready it runs the same check at once, in the
 * background (one replica at a time). Nothing happens before the date, and a conversion already done finds nothing
 * left, so starting again changes nothing. After the demo data ({@code ApplicationRunner}s run before the service is
 * ready).
 */
@Component
class GraduationCatchUp {

    private static final Logger log = LoggerFactory.getLogger(GraduationCatchUp.class);

    private final GraduationSchedule schedule;

    GraduationCatchUp(GraduationSchedule schedule) {
        this.schedule = schedule;
    }

    @EventListener(ApplicationReadyEvent.class)
    void catchUpInBackground() {
        start();
    }

    /** The catch-up's thread, started. */
    Thread start() {
        return Thread.ofVirtual().name("graduation-catch-up").start(() -> {
            try {
                schedule.run();
            } catch (RuntimeException failure) {
                log.error("graduation conversion at startup failed; the daily job tries again", failure);
            }
        });
    }
}
