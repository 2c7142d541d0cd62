package cn.league.member.messaging;

import java.util.List;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.league.contracts.Topics;
import cn.league.contracts.member.MemberEvents.GraduateFlagged;
import cn.league.contracts.member.MemberEvents.PersonAdded;
import cn.league.contracts.member.MemberEvents.Post;
import cn.league.contracts.member.MemberEvents.PostsChanged;
import cn.league.contracts.member.MemberEvents.ProfileChanged;
import cn.league.contracts.org.OrgEvents.AdminRegistered;
import cn.league.contracts.org.OrgEvents.BranchesGraduated;
import cn.league.contracts.org.OrgEvents.OrgDeleted;
import cn.league.contracts.org.OrgEvents.SecretaryAppointed;
import cn.league.contracts.org.OrgEvents.SubtreeMoved;
import cn.league.contracts.org.OrgSnapshot;
import cn.league.member.idnumber.IdNumber;
import cn.league.member.idnumber.IdNumberRule;
import cn.league.member.membership.MembershipStore;
import cn.league.member.person.Person;
import cn.league.member.person.PersonStore;
import cn.league.orgreplica.OrgTree;
import cn.league.support.outbox.Outbox;

/**
 * What org-service's facts change in people, memberships and posts. Each method runs inside the inbox
 * transaction of its event ({@link OrgEffectsListener}), so its writes and the events it publishes commit
 * together with the record that the event was applied.
 */
@Component
class OrgEffects {

    /**
     * A person made by org-service's facts (a new secretary, R-ORG-6; an admin registering, R-ADM-3) comes with
     * a name and ID number only. Their political status is not known until they or an admin fill it in.
     */
    static final String UNKNOWN_POLITICAL_STATUS = "未知";
    static final String SECRETARY = "书记";

    private static final Logger log = LoggerFactory.getLogger(OrgEffects.class);

    private final JdbcClient jdbc;
    private final PersonStore people;
    private final MembershipStore memberships;
    private final MembershipMoves moves;
    private final OrgTree tree;
    private final IdNumberRule idNumbers;
    private final Outbox outbox;

    OrgEffects(JdbcClient jdbc, PersonStore people, MembershipStore memberships, MembershipMoves moves, OrgTree tree,
               IdNumberRule idNumbers, Outbox outbox) {
        this.jdbc = jdbc;
        this.people = people;
        this.memberships = memberships;
        this.moves = moves;
        this.tree = tree;
        this.idNumbers = idNumbers;
        this.outbox = outbox;
    }

    /**
     * R-ORG-2: a deleted branch's people move to the pending branch made under the same parent. Its path is
     * the parent's path and its id, so this does not wait for the replica to learn of the new branch. Posts in
     * the deleted org end: the org is gone (R-ADM-7, the former admin registers elsewhere).
     */
    void orgDeleted(OrgDeleted deleted) {
        if (deleted.peopleMovedTo() != null) {
            String parentPath = deleted.path().substring(0, deleted.path().lastIndexOf('.'));
            moves.moveBranch(deleted.orgId(), deleted.peopleMovedTo(), parentPath + "." + deleted.peopleMovedTo());
        }
        List<String> holders = jdbc.sql("delete from post where org_id = ? returning id_number")
                .param(deleted.orgId()).query(String.class).list();
        holders.stream().distinct().forEach(idNumber -> publishPosts(idNumber, deleted.path()));
    }

    /** R-ORG-7: memberships, posts and pending registrations under the moved subtree take its new path. */
    void subtreeMoved(SubtreeMoved moved) {
        for (String table : List.of("membership", "post", "registration")) {
            jdbc.sql("update " + table + " set org_path = :newPath || substr(org_path, :cut)"
                            + " where org_path = :oldPath or org_path like :below")
                    .param("newPath", moved.newPath())
                    .param("cut", moved.oldPath().length() + 1)
                    .param("oldPath", moved.oldPath())
                    .param("below", moved.oldPath() + ".%") // paths hold digits and dots only
                    .update();
        }
    }

    /**
     * R-MEM-10, R-GRAD-3: the members of the graduated branches become graduates, except delayed graduates and
     * teachers; each one flagged is announced.
     */
    void branchesGraduated(BranchesGraduated graduated) {
        if (graduated.orgIds() == null || graduated.orgIds().isEmpty()) {
            return;
        }
        String ids = graduated.orgIds().stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}"));
        jdbc.sql("""
                        update person p set graduate = true, updated_at = now()
                          from membership m
                         where m.id_number = p.id_number and m.branch_id = any (cast(? as bigint[]))
                           and not p.graduate and not p.delayed_graduate and not p.teacher and p.deleted_at is null
                        returning p.id_number, m.branch_id, m.org_path""")
                .param(ids)
                .query((row, n) -> new Flagged(row.getString("id_number"), row.getLong("branch_id"),
                        row.getString("org_path")))
                .list()
                .forEach(flagged -> outbox.publish(Topics.MEMBER_EVENTS,
                        new GraduateFlagged(flagged.idNumber(), flagged.branchId()), flagged.idNumber(),
                        flagged.orgPath()));
    }

    private record Flagged(String idNumber, long branchId, String orgPath) {
    }

    /**
     * R-ORG-6: the secretary gets the post 书记 in the org, made as a person first if new (R-AUTH-2); the
     * previous secretary's 书记 post there ends.
     */
    void secretaryAppointed(SecretaryAppointed appointed) {
        OrgSnapshot org = orgInReplica(appointed.orgId());
        String secretary = givePost(appointed.idNumber(), appointed.name(), org, SECRETARY);
        if (appointed.previousIdNumber() != null) {
            String previous = IdNumbers.canonical(appointed.previousIdNumber());
            if (!previous.equals(secretary)) {
                int ended = jdbc.sql("delete from post where id_number = ? and org_id = ? and title = ?")
                        .params(previous, org.id(), SECRETARY).update();
                if (ended > 0) {
                    publishPosts(previous, org.path());
                }
            }
        }
    }

    /** R-ADM-3: the admin who registered with a code holds the post they named, made as a person first if new. */
    void adminRegistered(AdminRegistered registered) {
        givePost(registered.idNumber(), registered.name(), orgInReplica(registered.orgId()), registered.postTitle());
    }

    private String givePost(String rawIdNumber, String name, OrgSnapshot org, String title) {
        IdNumber id = idNumbers.require(rawIdNumber);
        if (!people.exists(id.value())) {
            Person person = new Person(id.value(), name.strip(), id.birthDate(), id.gender(), null,
                    UNKNOWN_POLITICAL_STATUS, null, null, null, null, null, null, null, null, false, false, false,
                    Person.Verification.UNVERIFIED);
            people.insert(person);
            outbox.publish(Topics.MEMBER_EVENTS, new PersonAdded(person.idNumber(), person.name()), person.idNumber(),
                    org.path());
            outbox.publish(Topics.MEMBER_EVENTS, new ProfileChanged(person.idNumber(), person.name(), false, false),
                    person.idNumber(), org.path());
        } else if (people.find(id.value()).isEmpty()) {
            // R-MEM-8: a deleted person stays deleted; org-service's view is corrected by a new appointment
            log.warn("post {} in org {} not given: the person was deleted", title, org.id());
            return id.value();
        }
        memberships.addPost(id.value(), org.id(), title.strip(), org.path());
        publishPosts(id.value(), org.path());
        return id.value();
    }

    private void publishPosts(String idNumber, String orgPath) {
        String name = jdbc.sql("select name from person where id_number = ?").param(idNumber)
                .query(String.class).optional().orElse(null);
        if (name == null) {
            return; // a post of someone this service never knew of
        }
        outbox.publish(Topics.MEMBER_EVENTS, new PostsChanged(idNumber, name, memberships.posts(idNumber).stream()
                .map(held -> new Post(held.orgId(), held.title())).toList()), idNumber, orgPath);
    }

    /** An org this event names must already be in the replica (fed from the same topic); until then, retry. */
    private OrgSnapshot orgInReplica(long orgId) {
        return tree.find(orgId).orElseThrow(() -> new IllegalStateException(
                "org " + orgId + " is not in the replica yet"));
    }
}
