package cn.league.support.jobs;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Scheduled jobs in every service, and the one way they run safely on several replicas. */
@AutoConfiguration(after = DataSourceTransactionManagerAutoConfiguration.class)
@EnableScheduling
public class JobsConfiguration {

    @Bean
    ExclusiveBatches exclusiveBatches(JdbcClient jdbc, PlatformTransactionManager transactions,
                                      ObjectProvider<MeterRegistry> meters) {
        return new ExclusiveBatches(jdbc, new TransactionTemplate(transactions),
                meters.getIfAvailable(CompositeMeterRegistry::new));
    }
}
