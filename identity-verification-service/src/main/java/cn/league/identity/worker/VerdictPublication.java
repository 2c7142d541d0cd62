package cn.league.identity.worker;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.springframework.stereotype.Component;

import cn.league.contracts.Topics;
import cn.league.contracts.identity.IdentityEvents.IdentityVerificationFailed;
import cn.league.contracts.identity.IdentityEvents.IdentityVerified;
import cn.league.identity.worker.BatchStore.Place;
import cn.league.identity.worker.BatchStore.Verdict;
import cn.league.identity.worker.BatchStore.Written;
import cn.league.support.outbox.Outbox;
import cn.league.support.outbox.Outbox.Publication;

/**
 * Publishes a verdict that changed a person's status or reason (R-ID-1), in the transaction that wrote it; a re-check
 * that confirms what was known publishes nothing.
 */
@Component
class VerdictPublication {

    private final Outbox outbox;

    VerdictPublication(Outbox outbox) {
        this.outbox = outbox;
    }

    void publish(List<Written> written, Instant checkedAt) {
        List<Publication> publications = new ArrayList<>();
        for (Written write : written) {
            Verdict verdict = write.verdict();
            BatchStore.Claimed person = verdict.person();
            if (person.status() == verdict.outcome().status() && Objects.equals(person.reason(),
                    verdict.outcome().reason())) {
                continue;
            }
            Place place = write.place();
            Long orgId = place == null ? null : place.orgId();
            Object event = verdict.outcome().passed()
                    ? new IdentityVerified(person.idNumber(), person.name(), orgId, checkedAt)
                    : new IdentityVerificationFailed(person.idNumber(), person.name(), orgId,
                    verdict.outcome().reason(), checkedAt);
            publications.add(new Publication(event, person.idNumber(), place == null ? null : place.path()));
        }
        outbox.publishAll(Topics.IDENTITY_EVENTS, publications);
    }
}
