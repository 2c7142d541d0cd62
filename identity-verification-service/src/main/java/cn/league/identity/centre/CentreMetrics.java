package cn.league.identity.centre;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * {@code league_identity_centre_circuit_open}: 1 while this replica's circuit breaker to the citizen identity centre
 * is open (the centre is failing; nobody is being checked), 0 otherwise. deploy/helm/league alerts on it.
 */
public class CentreMetrics implements MeterBinder {

    private final GuardedCentre centre;

    public CentreMetrics(GuardedCentre centre) {
        this.centre = centre;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("league.identity.centre.circuit.open", centre, CentreMetrics::open)
                .description("1 while the circuit breaker to the citizen identity centre is open")
                .register(registry);
    }

    static double open(GuardedCentre centre) {
        CircuitBreaker.State state = centre.circuit();
        return state == CircuitBreaker.State.OPEN || state == CircuitBreaker.State.FORCED_OPEN ? 1 : 0;
    }
}
