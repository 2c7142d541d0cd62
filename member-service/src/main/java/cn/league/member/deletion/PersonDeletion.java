package cn.league.member.deletion;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.league.contracts.Topics;
import cn.league.contracts.member.MemberEvents.MembershipEnded;
import cn.league.contracts.member.MemberEvents.PersonDeleted;
import cn.league.contracts.member.MemberEvents.PostsChanged;
import cn.league.contracts.org.OrgSnapshot;
import cn.league.contracts.org.OrgType;
import cn.league.member.membership.MembershipStore;
import cn.league.member.messaging.OpenTransfers;
import cn.league.member.person.Person;
import cn.league.member.person.PersonStore;
import cn.league.member.scope.MemberScope;
import cn.league.orgreplica.OrgTree;
import cn.league.support.outbox.Outbox;

/**
 * Deleting a person (R-MEM-8). The person row stays, marked deleted with who and why; their membership ends
 * (kept in {@code membership_end}) and their posts end, each told by its event, then PersonDeleted.
 */
@Service
public class PersonDeletion {

    private final JdbcClient jdbc;
    private final PersonStore people;
    private final MembershipStore memberships;
    private final OpenTransfers openTransfers;
    private final OrgTree tree;
    private final Outbox outbox;
    private final Clock clock;

    PersonDeletion(JdbcClient jdbc, PersonStore people, MembershipStore memberships, OpenTransfers openTransfers,
                   OrgTree tree, Outbox outbox, ObjectProvider<Clock> clock) {
        this.jdbc = jdbc;
        this.people = people;
        this.memberships = memberships;
        this.openTransfers = openTransfers;
        this.tree = tree;
        this.outbox = outbox;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    @Transactional
    public Deleted delete(String caller, String idNumber, String reason) {
        Person person = lockPerson(idNumber);
        List<OrgSnapshot> personOrgs = orgsOf(person.idNumber());
        Set<Long> callerOrgs = tree.administeredBy(caller);
        List<OrgSnapshot> callerOrgsOverPerson = callerOrgs.stream()
                .filter(adminOrg -> personOrgs.stream().anyMatch(org -> tree.isWithin(org.id(), adminOrg)))
                .map(tree::find).flatMap(Optional::stream).toList();
        if (callerOrgsOverPerson.isEmpty() && !caller.equals(person.idNumber())) {
            throw MemberScope.personNotFound(); // outside the caller's subtree: as if not there (R-SCOPE-1)
        }
        DeletionRule.check(new DeletionRule.Facts(
                !callerOrgsOverPerson.isEmpty(),
                callerOrgsOverPerson.stream().anyMatch(org -> org.type() == OrgType.LEADING_BODY),
                !tree.administeredBy(person.idNumber()).isEmpty(),
                openTransfers.isInTransfer(person.idNumber())), reason);

        Instant now = clock.instant();
        String why = reason.strip();
        String orgPath = personOrgs.isEmpty() ? null : personOrgs.getFirst().path();
        memberships.endMembership(person.idNumber(), now, "人员已删除:" + why).ifPresent(ended ->
                outbox.publish(Topics.MEMBER_EVENTS, new MembershipEnded(person.idNumber(), ended.branchId(),
                        "人员已删除:" + why), person.idNumber(), ended.orgPath()));
        int posts = jdbc.sql("delete from post where id_number = ?").param(person.idNumber()).update();
        if (posts > 0) {
            outbox.publish(Topics.MEMBER_EVENTS, new PostsChanged(person.idNumber(), person.name(), List.of()),
                    person.idNumber(), orgPath);
        }
        jdbc.sql("""
                        update person set deleted_at = ?, deleted_by = ?, deletion_reason = ?, updated_at = now()
                         where id_number = ?""")
                .params(Timestamp.from(now), caller, why, person.idNumber()).update();
        outbox.publish(Topics.MEMBER_EVENTS, new PersonDeleted(person.idNumber(), caller, why), person.idNumber(),
                orgPath);
        return new Deleted(person.idNumber(), person.name(), now, caller, why);
    }

    /** The person, not yet deleted, locked so that two deletions, or a deletion and a move, do not interleave. */
    private Person lockPerson(String idNumber) {
        String canonical = idNumber.strip().toUpperCase(Locale.ROOT);
        return jdbc.sql("select id_number from person where id_number = ? and deleted_at is null for update")
                .param(canonical).query(String.class).optional()
                .flatMap(people::find)
                .orElseThrow(MemberScope::personNotFound);
    }

    /** Where the person is: their branch and the orgs of their posts. */
    private List<OrgSnapshot> orgsOf(String idNumber) {
        return jdbc.sql("""
                        select branch_id from membership where id_number = ?
                        union select org_id from post where id_number = ?""")
                .params(idNumber, idNumber).query(Long.class).list().stream()
                .map(tree::find).flatMap(Optional::stream).toList();
    }

    public record Deleted(String idNumber, String name, Instant deletedAt, String deletedBy, String reason) {
    }
}
