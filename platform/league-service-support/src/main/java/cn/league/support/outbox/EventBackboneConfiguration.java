package cn.league.support.outbox;

import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;

import javax.sql.DataSource;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.backoff.ExponentialBackOff;

import cn.league.support.inbox.EventInbox;
import cn.league.support.inbox.InboxPruning;
import cn.league.support.jobs.ExclusiveBatches;
import cn.league.support.schema.PlatformSchema;

/** The event backbone every service gets: the outbox, its relay and the idempotent consumer. */
@AutoConfiguration(after = {DataSourceTransactionManagerAutoConfiguration.class, KafkaAutoConfiguration.class})
@EnableConfigurationProperties(OutboxProperties.class)
public class EventBackboneConfiguration {

    @Bean
    PlatformSchemaMigration platformSchemaMigration(DataSource dataSource) {
        PlatformSchema.migrate(dataSource);
        return new PlatformSchemaMigration();
    }

    @Bean
    OutboxRelay outboxRelay(PlatformSchemaMigration migrated, JdbcClient jdbc,
                            PlatformTransactionManager transactions, ProducerFactory<?, ?> producers,
                            OutboxProperties properties, Environment environment) {
        return new OutboxRelay(jdbc, new TransactionTemplate(transactions), producers,
                environment.getProperty("spring.application.name", "league") + "-outbox-relay",
                properties.batchSize(), properties.idlePoll(), properties.sendTimeout());
    }

    @Bean
    Outbox outbox(JdbcClient jdbc, DataSource dataSource, OutboxRelay relay, ObjectProvider<Tracer> tracer) {
        Supplier<String> traceparent = () -> {
            Tracer current = tracer.getIfAvailable();
            Span span = current == null ? null : current.currentSpan();
            if (span == null) {
                return null;
            }
            return "00-" + span.context().traceId() + "-" + span.context().spanId() + "-01";
        };
        return new Outbox(jdbc, dataSource, Clock.systemUTC(), traceparent, relay);
    }

    @Bean
    OutboxMetrics outboxMetrics(PlatformSchemaMigration migrated, JdbcClient jdbc) {
        return new OutboxMetrics(jdbc);
    }

    @Bean
    EventInbox eventInbox(PlatformSchemaMigration migrated, JdbcClient jdbc, PlatformTransactionManager transactions) {
        return new EventInbox(jdbc, new TransactionTemplate(transactions));
    }

    @Bean
    InboxPruning inboxPruning(PlatformSchemaMigration migrated, JdbcClient jdbc, ExclusiveBatches batches,
                              Environment environment) {
        return new InboxPruning(jdbc, batches, Clock.systemUTC(),
                environment.getProperty("league.inbox.keep", Duration.class, Duration.ofDays(15)));
    }

    /**
     * A consumer that keeps failing on an event retries with back-off, then parks it on
     * {@code <topic>-dlt} instead of dropping it, and goes on with the next.
     */
    @Bean
    @ConditionalOnMissingBean
    CommonErrorHandler kafkaErrorHandler(KafkaTemplate<String, String> kafka) {
        ExponentialBackOff backOff = new ExponentialBackOff(500, 2);
        backOff.setMaxElapsedTime(Duration.ofSeconds(30).toMillis());
        return new DefaultErrorHandler(new DeadLetterPublishingRecoverer(kafka), backOff);
    }

    /** Marks that the platform tables exist before anything uses them. */
    public static final class PlatformSchemaMigration {
    }
}
