package cn.league.transfer.membercopy;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

import cn.league.contracts.EventEnvelope;
import cn.league.contracts.Topics;
import cn.league.contracts.member.MemberEvents.GraduateFlagged;
import cn.league.contracts.member.MemberEvents.GraduationFlagsSet;
import cn.league.contracts.member.MemberEvents.IdentityDetailsChanged;
import cn.league.contracts.member.MemberEvents.MembershipEnded;
import cn.league.contracts.member.MemberEvents.MembershipMoved;
import cn.league.contracts.member.MemberEvents.MembershipStarted;
import cn.league.contracts.member.MemberEvents.PersonAdded;
import cn.league.contracts.member.MemberEvents.PersonDeleted;
import cn.league.contracts.member.MemberEvents.PersonEntered;
import cn.league.support.inbox.EventInbox;
import cn.league.transfer.membercopy.MemberCopyStore;

import static cn.league.contracts.EventEnvelope.typeOf;
import static cn.league.contracts.EventJson.dataAs;

/** Keeps the member copy (name, branch, graduate flags) from member-service's facts, each event once. */
@Component
public class MemberEventsListener {

    static final String CONSUMER = "transfer-member-copy";

    private final EventInbox inbox;
    private final Map<String, Consumer<EventEnvelope<JsonNode>>> handlers;

    MemberEventsListener(EventInbox inbox, MemberCopyStore copy) {
        this.inbox = inbox;
        this.handlers = Map.of(
                typeOf(PersonAdded.class), event -> {
                    PersonAdded added = dataAs(event, PersonAdded.class);
                    copy.named(id(added.idNumber()), added.name());
                },
                typeOf(PersonEntered.class), event -> {
                    PersonEntered entered = dataAs(event, PersonEntered.class);
                    copy.named(id(entered.idNumber()), entered.name());
                    if (entered.branchId() != null) {
                        copy.inBranch(id(entered.idNumber()), entered.branchId());
                    }
                },
                typeOf(MembershipStarted.class), event -> {
                    MembershipStarted started = dataAs(event, MembershipStarted.class);
                    copy.inBranch(id(started.idNumber()), started.branchId());
                },
                typeOf(MembershipMoved.class), event -> {
                    MembershipMoved moved = dataAs(event, MembershipMoved.class);
                    copy.inBranch(id(moved.idNumber()), moved.toBranchId());
                },
                typeOf(MembershipEnded.class), event -> {
                    MembershipEnded ended = dataAs(event, MembershipEnded.class);
                    copy.leftBranch(id(ended.idNumber()), ended.branchId());
                },
                typeOf(IdentityDetailsChanged.class), event -> {
                    IdentityDetailsChanged changed = dataAs(event, IdentityDetailsChanged.class);
                    copy.renumbered(id(changed.previousIdNumber()), id(changed.idNumber()), changed.name());
                },
                typeOf(PersonDeleted.class), event -> copy.delete(id(dataAs(event, PersonDeleted.class).idNumber())),
                typeOf(GraduateFlagged.class),
                event -> copy.flaggedGraduate(id(dataAs(event, GraduateFlagged.class).idNumber())),
                typeOf(GraduationFlagsSet.class), event -> {
                    GraduationFlagsSet flags = dataAs(event, GraduationFlagsSet.class);
                    copy.graduationFlags(id(flags.idNumber()), flags.graduate(), flags.delayedGraduate(),
                            flags.teacher());
                });
    }

    /** A poll's records in one transaction: moves and imports come by the thousand per second. */
    @KafkaListener(topics = Topics.MEMBER_EVENTS, groupId = "${spring.application.name}-member-copy", batch = "true")
    void on(List<ConsumerRecord<String, String>> records) {
        inbox.applyBatch(CONSUMER, records, this::effectOf);
    }

    /** @return whether the event changed anything now (false: not ours, or applied before) */
    public boolean apply(EventEnvelope<JsonNode> event) {
        Runnable effect = effectOf(event);
        return effect != null && inbox.applyOnce(CONSUMER, event, effect);
    }

    private Runnable effectOf(EventEnvelope<JsonNode> event) {
        Consumer<EventEnvelope<JsonNode>> handler = handlers.get(event.type());
        return handler == null ? null : () -> handler.accept(event);
    }

    private static String id(String idNumber) {
        return idNumber.toUpperCase(Locale.ROOT);
    }
}
