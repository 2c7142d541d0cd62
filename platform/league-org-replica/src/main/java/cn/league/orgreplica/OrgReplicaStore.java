package cn.league.orgreplica;

import java.sql.Types;
import java.util.List;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;

import cn.league.contracts.member.MemberEvents.Post;
import cn.league.contracts.org.OrgSnapshot;
import cn.league.contracts.org.OrgType;

/** The writes that keep the replica in step with org-service; called only from {@link OrgEventsListener}. */
class OrgReplicaStore {

    private final JdbcClient jdbc;

    OrgReplicaStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void upsert(OrgSnapshot org) {
        jdbc.sql("""
                        insert into org_replica.org (id, parent_id, path, type, branch_kind, domain, school_level,
                                                     full_name, short_name, province_code, tree_root_id, graduation_year)
                        values (:id, :parentId, :path, :type, :branchKind, :domain, :schoolLevel,
                                :fullName, :shortName, :provinceCode, :treeRootId, :graduationYear)
                        on conflict (id) do update set
                            parent_id = excluded.parent_id, path = excluded.path, type = excluded.type,
                            branch_kind = excluded.branch_kind, domain = excluded.domain,
                            school_level = excluded.school_level, full_name = excluded.full_name,
                            short_name = excluded.short_name, province_code = excluded.province_code,
                            tree_root_id = excluded.tree_root_id, graduation_year = excluded.graduation_year""")
                .param("id", org.id())
                .param("parentId", org.parentId(), Types.BIGINT)
                .param("path", org.path())
                .param("type", org.type().name())
                .param("branchKind", nameOf(org.branchKind()), Types.VARCHAR)
                .param("domain", nameOf(org.domain()), Types.VARCHAR)
                .param("schoolLevel", nameOf(org.schoolLevel()), Types.VARCHAR)
                .param("fullName", org.fullName(), Types.VARCHAR)
                .param("shortName", org.shortName(), Types.VARCHAR)
                .param("provinceCode", org.provinceCode(), Types.VARCHAR)
                .param("treeRootId", org.treeRootId(), Types.BIGINT)
                .param("graduationYear", org.graduationYear(), Types.INTEGER)
                .update();
    }

    void delete(long orgId) {
        jdbc.sql("delete from org_replica.org_admin where org_id = ?").param(orgId).update();
        jdbc.sql("delete from org_replica.org_post where org_id = ?").param(orgId).update();
        jdbc.sql("delete from org_replica.org where id = ?").param(orgId).update();
    }

    /** R-ORG-7: the moved org and everything under it get the new path prefix, in one statement. */
    void moveSubtree(long orgId, long newParentId, String oldPath, String newPath) {
        jdbc.sql("""
                        update org_replica.org
                           set path = :newPath || substr(path, :cut),
                               parent_id = case when id = :orgId then :newParentId else parent_id end
                         where path = :oldPath or path like :below""")
                .param("newPath", newPath)
                .param("cut", oldPath.length() + 1)
                .param("orgId", orgId)
                .param("newParentId", newParentId)
                .param("oldPath", oldPath)
                .param("below", oldPath + ".%") // paths hold digits and dots only: nothing to escape
                .update();
    }

    void grantAdmin(long orgId, String idNumber) {
        jdbc.sql("insert into org_replica.org_admin (org_id, id_number) values (?, ?) on conflict do nothing")
                .params(orgId, IdNumber.canonical(idNumber))
                .update();
    }

    void revokeAdmin(long orgId, String idNumber) {
        jdbc.sql("delete from org_replica.org_admin where org_id = ? and id_number = ?")
                .params(orgId, IdNumber.canonical(idNumber))
                .update();
    }

    /** R-ADM-8: the person's posts are now exactly these (PostsChanged carries them all). */
    void replacePosts(String idNumber, List<Post> posts) {
        String person = IdNumber.canonical(idNumber);
        jdbc.sql("delete from org_replica.org_post where id_number = ?").param(person).update();
        for (Post post : posts == null ? List.<Post>of() : posts) {
            jdbc.sql("insert into org_replica.org_post (org_id, id_number, title) values (?, ?, ?) on conflict do nothing")
                    .params(post.orgId(), person, post.title())
                    .update();
        }
    }

    /** R-GRAD-3. One array parameter, however many branches a school graduates. */
    void graduate(List<Long> orgIds) {
        if (orgIds == null || orgIds.isEmpty()) {
            return;
        }
        String ids = orgIds.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}"));
        jdbc.sql("update org_replica.org set type = ? where id = any(cast(? as bigint[]))")
                .params(OrgType.GRADUATE_BRANCH.name(), ids)
                .update();
    }

    private static String nameOf(Enum<?> value) {
        return value == null ? null : value.name();
    }
}
