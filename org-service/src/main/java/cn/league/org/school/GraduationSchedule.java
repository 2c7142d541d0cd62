package cn.league.org.school;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Checks once a day whether the yearly conversion (R-GRAD-3) is due, on every replica: the conversion itself runs on
 * one replica at a time, and a run after it finds nothing left to convert.
 */
@Component
public class GraduationSchedule {

    private final GraduationConversion conversion;
    private final Clock clock;

    @Autowired
    GraduationSchedule(GraduationConversion conversion, @Value("${league.graduation.zone:Asia/Shanghai}") String zone) {
        this(conversion, Clock.system(ZoneId.of(zone)));
    }

    /** {@code clock} tells today's date in the league's zone. */
    GraduationSchedule(GraduationConversion conversion, Clock clock) {
        this.conversion = conversion;
        this.clock = clock;
    }

    @Scheduled(cron = "${league.graduation.cron:0 30 1 * * *}", zone = "${league.graduation.zone:Asia/Shanghai}")
    public void run() {
        runOn(LocalDate.now(clock));
    }

    /** What a check converts on {@code today}: how many branches became graduate branches. */
    int runOn(LocalDate today) {
        return conversion.convertIfDue(today);
    }
}
