package cn.league.identity;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.league.identity.centre.CentreClient;
import cn.league.identity.centre.CentreMetrics;
import cn.league.identity.centre.CentreProperties;
import cn.league.identity.centre.GuardedCentre;
import cn.league.identity.worker.WorkerProperties;

@Configuration
@EnableConfigurationProperties({CentreProperties.class, WorkerProperties.class})
class IdentityVerificationConfiguration {

    @Bean
    GuardedCentre guardedCentre(CentreProperties properties) {
        return new GuardedCentre(new CentreClient(properties), properties);
    }

    @Bean
    CentreMetrics centreMetrics(GuardedCentre centre) {
        return new CentreMetrics(centre);
    }
}
