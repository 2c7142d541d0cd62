package cn.league.transfer.approverview;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.client.circuitbreaker.CircuitBreakerFactory;
import org.springframework.stereotype.Component;

import cn.league.contracts.member.TransferCard;

/**
 * Asks member-service for a member's card through the Resilience4j circuit breaker {@value #BREAKER}: a time
 * limit bounds the wait, and after repeated failures the breaker answers at once without calling. Either way the
 * approver view still answers, marked incomplete. Limits are in application.properties.
 */
@Component
class MemberCards {

    static final String BREAKER = "member-card";

    private static final Logger log = LoggerFactory.getLogger(MemberCards.class);

    /** What member-service said: the card, that it holds no such person, or nothing in time. */
    record Lookup(TransferCard card, Outcome outcome) {

        enum Outcome { FOUND, NOT_HELD, UNAVAILABLE }
    }

    private final MemberCardClient client;
    private final CircuitBreakerFactory<?, ?> breakers;

    MemberCards(MemberCardClient client, CircuitBreakerFactory<?, ?> breakers) {
        this.client = client;
        this.breakers = breakers;
    }

    Lookup find(String idNumber) {
        return breakers.create(BREAKER).run(
                () -> client.card(idNumber).map(card -> new Lookup(card, Lookup.Outcome.FOUND))
                        .orElseGet(() -> new Lookup(null, Lookup.Outcome.NOT_HELD)),
                failure -> {
                    log.warn("member card unavailable: {}", failure.toString());
                    return new Lookup(null, Lookup.Outcome.UNAVAILABLE);
                });
    }
}
