package cn.league.stats.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaTemplate;

import cn.league.contracts.EventEnvelope;
import cn.league.contracts.EventJson;
import cn.league.contracts.Topics;
import cn.league.contracts.member.MemberEvents.PersonEntered;
import cn.league.stats.support.RelayedEvents;
import cn.league.test.BenchFigure;
import cn.league.test.CpuTime;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13 item 7, events applied per second, on its own and small (no national tree): a backlog of PersonEntered
 * on the member topic, applied by every consumer group of stats-service (projection, operation centre, the tree
 * replica's posts). Sent as the outbox relay sends them, with the {@code eventId} and {@code eventType} headers the
 * groups use to pass over events unread; the peer is the same backlog without headers, as {@link StatsBenchmark}
 * sends it, where every group reads every event. Prints its figures with the load average and records the rate with
 * the relay's headers against the goal of {@link StatsBenchmark} (at least 20,000/s) and the peer
 * ({@link BenchFigure}).
 * <pre>
 * ./mvnw -B -o -pl stats-service -am -Pbenchmark verify -Dtest=EventsAppliedBenchmark \
 *     -Dsurefire.failIfNoSpecifiedTests=false -Dbenchmark.stats.events=200000
 * </pre>
 */
@Tag("benchmark")
@SpringBootTest(properties = {"league.stats.snapshot.cron=-", "league.stats.projection.concurrency=3"})
class EventsAppliedBenchmark {

    static final int EVENTS = Integer.getInteger("benchmark.stats.events", 200_000);
    static final int BRANCHES = 10_000;

    @Autowired
    KafkaTemplate<String, String> kafka;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    KafkaListenerEndpointRegistry listeners;

    private long next = System.nanoTime() % 1_000_000_000L;

    @Test
    void eventsApplied() throws Exception {
        backlog(EVENTS / 10, true); // warm-up: JIT, connections, partitions assigned
        double[] relay = backlog(EVENTS, true);
        double[] peer = backlog(EVENTS, false);
        double[] relayAgain = backlog(EVENTS, true);
        String load = Files.readString(Path.of("/proc/loadavg")).strip();
        System.out.printf("""
                events-applied relay-headers: %,.0f PersonEntered/s (again: %,.0f/s) from a backlog of %,d; JVM CPU %.1f s, %,.0f events per JVM CPU-second; load %s
                events-applied peer no-headers (every group reads every event): %,.0f/s; JVM CPU %.1f s, %,.0f events per JVM CPU-second
                events-applied ratio relay/peer: %.2f (rate), %.2f (events per CPU-second)
                """, relay[0], relayAgain[0], EVENTS, relay[1], EVENTS / relay[1], load, peer[0], peer[1],
                EVENTS / peer[1], relay[0] / peer[0], (EVENTS / relay[1]) / (EVENTS / peer[1]));
        BenchFigure.of("stats.events_applied", relay[0], "events/s").atLeast(20_000)
                .peer("without the relay's headers", peer[0]).cpu(relay[1] * 1e6 / EVENTS, "ms/1000 events").record();
    }

    /** Stops the consumers, queues {@code count} entries, starts them and times the backlog: rate, JVM CPU s. */
    private double[] backlog(int count, boolean headers) throws Exception {
        listeners.getAllListenerContainers().forEach(container -> container.stop());
        List<CompletableFuture<?>> sends = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String id = "B" + String.format("%017d", next++);
            EventEnvelope<PersonEntered> event = EventEnvelope.wrap(PersonEntered.member(id, "压测", true,
                    8_000_000_000L + i % BRANCHES, i % 5 != 0), id, null, null, Instant.now());
            sends.add(headers ? kafka.send(RelayedEvents.record(Topics.MEMBER_EVENTS, event))
                    : kafka.send(Topics.MEMBER_EVENTS, id, EventJson.write(event)));
        }
        CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).get();
        long before = applied();
        double cpu = CpuTime.jvmSeconds();
        long started = System.nanoTime();
        listeners.getAllListenerContainers().forEach(container -> container.start());
        while (applied() - before < count && (System.nanoTime() - started) / 1e9 < 600) {
            Thread.sleep(100);
        }
        double took = (System.nanoTime() - started) / 1e9;
        assertThat(applied() - before).isEqualTo(count);
        return new double[] {count / took, CpuTime.jvmSeconds() - cpu};
    }

    private long applied() {
        return jdbc.sql("select count(*) from platform.consumed_event where consumer = 'stats-projection'")
                .query(Long.class).single();
    }
}
