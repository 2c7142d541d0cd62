package cn.league.identity;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.league.identity.centre.CentreClient;
import cn.league.identity.centre.CentreMetrics;
import cn.league.identity.centre.CentreProperties;
import cn.league.identity.centre.GuardedCentre;
import cn.league.identity.centre.SharedQuota;
import cn.league.identity.worker.WorkerProperties;

@Configuration
@EnableConfigurationProperties({CentreProperties.class, WorkerProperties.class})
class IdentityVerificationConfiguration {

    @Bean
    GuardedCentre guardedCentre(CentreProperties properties, JdbcClient jdbc) {
        return new GuardedCentre(new CentreClient(properties),
                new SharedQuota(jdbc, properties.pairsPerSecond(), properties.batchSize()), properties);
    }

    @Bean
    CentreMetrics centreMetrics(GuardedCentre centre) {
        return new CentreMetrics(centre);
    }
}
