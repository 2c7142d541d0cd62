package cn.league.gateway.session;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import com.hazelcast.config.MapConfig;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.EntryProcessor;
import com.hazelcast.map.IMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.MapSession;
import org.springframework.session.ReactiveSessionRepository;
import org.springframework.session.config.annotation.web.server.EnableSpringWebSession;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import cn.league.gateway.grid.GatewayGrid;

/**
 * The browser sessions (the OAuth2 login, the tokens the gateway relays, the active org of R-ADM-8) on the gateway
 * grid, so any replica serves any browser and a replica's restart logs nobody out. The session cookie stays WebFlux's
 * {@code SESSION}. Every call is asynchronous: no request thread waits on another member.
 */
@Configuration(proxyBeanMethods = false)
@EnableSpringWebSession
public class GridSessions implements ReactiveSessionRepository<GridSession> {

    static final String MAP = "league-sessions";

    private final IMap<String, MapSession> sessions;
    private final Duration timeout;

    GridSessions(HazelcastInstance grid, @Value("${server.reactive.session.timeout:30m}") Duration timeout) {
        this.sessions = grid.getMap(MAP);
        this.timeout = timeout;
    }

    /** A session nobody reads or writes for its timeout is gone, on every member. */
    @Bean
    static MapConfig browserSessions(@Value("${server.reactive.session.timeout:30m}") Duration timeout) {
        return new MapConfig(MAP).setMaxIdleSeconds(GatewayGrid.seconds(timeout));
    }

    @Override
    public Mono<GridSession> createSession() {
        return Mono.fromSupplier(() -> GridSession.created(timeout));
    }

    @Override
    public Mono<Void> save(GridSession session) {
        if (session.isNew() || !session.getId().equals(session.storedId())) {
            // new, or a new id after the login (no session fixation): stored whole under its id, the old id gone
            Mono<Void> dropOld = session.isNew() ? Mono.empty()
                    : onGrid(() -> sessions.removeAsync(session.storedId())).then();
            return dropOld.then(onGrid(() -> sessions.setAsync(session.getId(), session.whole())));
        }
        return onGrid(() -> sessions.submitToKey(session.getId(), new ApplyChanges(session.changes(),
                session.getLastAccessedTime(), session.getMaxInactiveInterval()))).then();
    }

    @Override
    public Mono<GridSession> findById(String id) {
        return onGrid(() -> sessions.getAsync(id))
                .filter(stored -> !stored.isExpired())
                .map(GridSession::loaded);
    }

    @Override
    public Mono<Void> deleteById(String id) {
        return onGrid(() -> sessions.deleteAsync(id)).then();
    }

    /** The grid answers on its own threads; the request goes on off them. */
    private static <T> Mono<T> onGrid(java.util.function.Supplier<java.util.concurrent.CompletionStage<T>> call) {
        return Mono.fromCompletionStage(call).publishOn(Schedulers.parallel());
    }

    /**
     * One request's changes, applied on the member that owns the session; a session deleted meanwhile (logged out,
     * expired) stays deleted.
     */
    record ApplyChanges(Map<String, Object> changes, Instant lastAccessedTime, Duration maxInactiveInterval)
            implements EntryProcessor<String, MapSession, Boolean> {

        @Override
        public Boolean process(Map.Entry<String, MapSession> entry) {
            MapSession stored = entry.getValue();
            if (stored == null) {
                return false;
            }
            changes.forEach(stored::setAttribute);
            if (lastAccessedTime.isAfter(stored.getLastAccessedTime())) {
                stored.setLastAccessedTime(lastAccessedTime);
            }
            stored.setMaxInactiveInterval(maxInactiveInterval);
            entry.setValue(stored);
            return true;
        }
    }
}
