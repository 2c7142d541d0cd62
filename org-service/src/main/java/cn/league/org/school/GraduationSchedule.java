package cn.league.org.school;

import java.time.LocalDate;
import java.time.ZoneId;

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
    private final ZoneId zone;

    GraduationSchedule(GraduationConversion conversion, @Value("${league.graduation.zone:Asia/Shanghai}") String zone) {
        this.conversion = conversion;
        this.zone = ZoneId.of(zone);
    }

    @Scheduled(cron = "${league.graduation.cron:0 30 1 * * *}", zone = "${league.graduation.zone:Asia/Shanghai}")
    public void run() {
        conversion.convertIfDue(LocalDate.now(zone));
    }
}
