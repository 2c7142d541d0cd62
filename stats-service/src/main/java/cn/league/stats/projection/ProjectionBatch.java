package cn.league.stats.projection;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;

import cn.league.contracts.EventEnvelope;
import cn.league.contracts.member.MemberEvents.IdentityDetailsChanged;
import cn.league.contracts.member.MemberEvents.MembershipEnded;
import cn.league.contracts.member.MemberEvents.MembershipMoved;
import cn.league.contracts.member.MemberEvents.MembershipStarted;
import cn.league.contracts.member.MemberEvents.PersonDeleted;
import cn.league.contracts.member.MemberEvents.PersonEntered;
import cn.league.contracts.member.MemberEvents.PostsChanged;
import cn.league.contracts.member.MemberEvents.Post;
import cn.league.contracts.member.MemberEvents.ProfileChanged;
import cn.league.support.inbox.EventInbox.GatheredEffects;

import static cn.league.contracts.EventEnvelope.typeOf;
import static cn.league.contracts.EventJson.dataAs;

/**
 * The member events of one transaction applied to the people they name, in memory; at the end the changed people
 * are stored and what they changed is added to their orgs' own figures, one statement per table.
 */
final class ProjectionBatch implements GatheredEffects {

    static final Set<String> TYPES = Set.of(typeOf(PersonEntered.class), typeOf(MembershipStarted.class),
            typeOf(MembershipMoved.class), typeOf(MembershipEnded.class), typeOf(PostsChanged.class),
            typeOf(ProfileChanged.class), typeOf(IdentityDetailsChanged.class), typeOf(PersonDeleted.class));

    private final ProjectionStore store;
    /** As stored before this batch; a null value is someone not stored. */
    private final Map<String, PersonFact> before = new HashMap<>();
    /** As this batch leaves them; a null value is someone gone (deleted, or renumbered). */
    private final Map<String, PersonFact> after = new LinkedHashMap<>();

    ProjectionBatch(ProjectionStore store, Collection<String> idNumbers) {
        this.store = store;
        load(idNumbers.stream().map(ProjectionBatch::canonical).collect(Collectors.toSet()));
    }

    @Override
    public Runnable effectOf(EventEnvelope<JsonNode> event) {
        String type = event.type();
        if (type.equals(typeOf(PersonEntered.class))) {
            PersonEntered entered = dataAs(event, PersonEntered.class);
            Set<Long> posts = entered.post() == null ? Set.of() : Set.of(entered.post().orgId());
            return () -> put(new PersonFact(canonical(entered.idNumber()), entered.branchId(), posts,
                    Boolean.TRUE.equals(entered.complete())));
        }
        if (type.equals(typeOf(MembershipStarted.class))) {
            MembershipStarted started = dataAs(event, MembershipStarted.class);
            return () -> change(started.idNumber(), fact -> fact.withBranch(started.branchId()));
        }
        if (type.equals(typeOf(MembershipMoved.class))) {
            MembershipMoved moved = dataAs(event, MembershipMoved.class);
            return () -> change(moved.idNumber(), fact -> fact.withBranch(moved.toBranchId()));
        }
        if (type.equals(typeOf(MembershipEnded.class))) {
            MembershipEnded ended = dataAs(event, MembershipEnded.class);
            return () -> change(ended.idNumber(), fact -> Objects.equals(fact.branchId(), ended.branchId())
                    ? fact.withBranch(null) : fact);
        }
        if (type.equals(typeOf(PostsChanged.class))) {
            PostsChanged posts = dataAs(event, PostsChanged.class);
            Set<Long> orgIds = posts.posts() == null ? Set.of()
                    : posts.posts().stream().map(Post::orgId).collect(Collectors.toSet());
            return () -> change(posts.idNumber(), fact -> fact.withPosts(orgIds));
        }
        if (type.equals(typeOf(ProfileChanged.class))) {
            ProfileChanged profile = dataAs(event, ProfileChanged.class);
            // null: an event written before completeness was on it, which says nothing of it
            return profile.complete() == null ? null
                    : () -> change(profile.idNumber(), fact -> fact.withComplete(profile.complete()));
        }
        if (type.equals(typeOf(IdentityDetailsChanged.class))) {
            IdentityDetailsChanged changed = dataAs(event, IdentityDetailsChanged.class);
            String from = canonical(changed.previousIdNumber());
            String to = canonical(changed.idNumber());
            return from.equals(to) ? null : () -> {
                PersonFact moving = current(from);
                remove(from);
                put(moving.withIdNumber(to));
            };
        }
        if (type.equals(typeOf(PersonDeleted.class))) {
            PersonDeleted deleted = dataAs(event, PersonDeleted.class);
            return () -> remove(canonical(deleted.idNumber()));
        }
        return null;
    }

    /** Stores the people this batch changed and adds the difference they make to their orgs' figures. */
    @Override
    public void finish() {
        if (after.isEmpty()) {
            return;
        }
        OwnFigures changes = new OwnFigures();
        after.forEach((idNumber, fact) -> {
            changes.add(before.get(idNumber), -1);
            changes.add(fact, +1);
        });
        store.save(after.keySet().stream().filter(idNumber -> before.get(idNumber) != null).toList(),
                after.values().stream().filter(Objects::nonNull).toList());
        store.addToOrgs(changes.nonZero());
    }

    private void change(String rawIdNumber, UnaryOperator<PersonFact> change) {
        String idNumber = canonical(rawIdNumber);
        put(change.apply(current(idNumber)));
    }

    private PersonFact current(String idNumber) {
        if (!before.containsKey(idNumber)) { // named only inside an event (a renumbered person's old number)
            load(Set.of(idNumber));
        }
        PersonFact fact = after.containsKey(idNumber) ? after.get(idNumber) : before.get(idNumber);
        return fact == null ? PersonFact.unknown(idNumber) : fact;
    }

    private void put(PersonFact fact) {
        current(fact.idNumber());
        after.put(fact.idNumber(), fact);
    }

    private void remove(String idNumber) {
        current(idNumber);
        after.put(idNumber, null);
    }

    private void load(Set<String> idNumbers) {
        Set<String> missing = new HashSet<>(idNumbers);
        missing.removeAll(before.keySet());
        Map<String, PersonFact> stored = store.load(missing);
        missing.forEach(idNumber -> before.put(idNumber, stored.get(idNumber)));
    }

    static String canonical(String idNumber) {
        return idNumber.strip().toUpperCase(Locale.ROOT);
    }
}
