package cn.league.member.membership;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.league.member.person.Person;

/** SQL for memberships and posts. */
@Repository
public class MembershipStore {

    private final JdbcClient jdbc;

    public MembershipStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The person's name is kept beside the path, for name search within a subtree (V11__names_beside_paths.sql). */
    public void startMembership(String idNumber, long branchId, String orgPath) {
        jdbc.sql("insert into membership (id_number, branch_id, org_path, name) select ?, ?, ?, name from person"
                        + " where id_number = ?")
                .params(idNumber, branchId, orgPath, idNumber).update();
    }

    public void addPost(String idNumber, long orgId, String title, String orgPath) {
        jdbc.sql("insert into post (id_number, org_id, title, org_path, name) select ?, ?, ?, ?, name from person"
                        + " where id_number = ? on conflict do nothing")
                .params(idNumber, orgId, title, orgPath, idNumber).update();
    }

    /**
     * Ends the person's membership, if any, keeping it in {@code membership_end} for audit (deletion R-MEM-8,
     * age-out R-MEM-9); returns the branch it was in.
     */
    public Optional<Ended> endMembership(String idNumber, Instant at, String reason) {
        return jdbc.sql("""
                        with ended as (delete from membership where id_number = ? returning *),
                             kept as (insert into membership_end (id_number, branch_id, org_path, since, ended_at, reason)
                                      select id_number, branch_id, org_path, since, ?, ? from ended)
                        select branch_id, org_path from ended""")
                .params(idNumber, Timestamp.from(at), reason)
                .query((row, n) -> new Ended(row.getLong("branch_id"), row.getString("org_path")))
                .optional();
    }

    public List<PostHeld> posts(String idNumber) {
        return jdbc.sql("select org_id, title from post where id_number = ? order by org_id, title")
                .param(idNumber)
                .query((row, n) -> new PostHeld(row.getLong("org_id"), row.getString("title")))
                .list();
    }

    public Long branchOf(String idNumber) {
        return jdbc.sql("select branch_id from membership where id_number = ?").param(idNumber)
                .query(Long.class).optional().orElse(null);
    }

    /**
     * A page of the org's people — members of the branch and holders of posts in the org — in ID number order.
     */
    public List<OrgPerson> people(long orgId, String afterIdNumber, int limit) {
        return jdbc.sql("""
                        with page as (
                            select id_number from membership where branch_id = :org and id_number > :after
                            union
                            select id_number from post where org_id = :org and id_number > :after
                            order by id_number
                            limit :limit)
                        select p.id_number, p.name, p.political_status, p.verification,
                               exists (select 1 from membership m
                                       where m.id_number = p.id_number and m.branch_id = :org) as member,
                               coalesce((select string_agg(title, '、' order by title) from post
                                         where post.id_number = p.id_number and post.org_id = :org), '') as titles
                        from page join person p using (id_number)
                        where p.deleted_at is null
                        order by p.id_number""")
                .param("org", orgId).param("after", afterIdNumber).param("limit", limit)
                .query((row, n) -> {
                    Person.Verification verification = Person.Verification.valueOf(row.getString("verification"));
                    return new OrgPerson(row.getString("id_number"), row.getString("name"),
                            row.getString("political_status"), row.getBoolean("member"), row.getString("titles"),
                            verification, verification.label());
                })
                .list();
    }

    /** The branch a membership was in when it ended. */
    public record Ended(long branchId, String orgPath) {
    }

    /** A post someone holds. */
    public record PostHeld(long orgId, String title) {
    }

    /**
     * @param member whether their membership is in this org
     * @param titles their posts in this org, joined with 、
     * @param verificationLabel 未校验 / 校验通过 / 校验不通过 (R-ID-1)
     */
    public record OrgPerson(String idNumber, String name, String politicalStatus, boolean member, String titles,
                            Person.Verification verification, String verificationLabel) {
    }
}
