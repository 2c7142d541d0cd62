package cn.league.org.school;

import java.time.LocalDate;
import java.time.ZoneId;

import javax.sql.DataSource;

import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs the yearly conversion (R-GRAD-3) once a day on one replica only: ShedLock's row in the
 * {@code shedlock} table is held for the run and at least a few minutes after, so replicas whose clocks
 * differ a little do not run it one after another.
 */
@Component
public class GraduationSchedule {

    static final String LOCK = "graduation-conversion";

    private final GraduationConversion conversion;
    private final ZoneId zone;

    GraduationSchedule(GraduationConversion conversion, @Value("${league.graduation.zone:Asia/Shanghai}") String zone) {
        this.conversion = conversion;
        this.zone = ZoneId.of(zone);
    }

    @Scheduled(cron = "${league.graduation.cron:0 30 1 * * *}", zone = "${league.graduation.zone:Asia/Shanghai}")
    @SchedulerLock(name = LOCK, lockAtMostFor = "PT2H", lockAtLeastFor = "PT5M")
    public void run() {
        conversion.convertIfDue(LocalDate.now(zone));
    }

    @Configuration(proxyBeanMethods = false)
    @EnableScheduling
    @EnableSchedulerLock(defaultLockAtMostFor = "PT2H")
    static class Locking {

        /** Locks in the service's own database, timed by the database's clock, not the replicas'. */
        @Bean
        LockProvider lockProvider(DataSource dataSource) {
            return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                    .withJdbcTemplate(new JdbcTemplate(dataSource))
                    .usingDbTime()
                    .build());
        }
    }
}
