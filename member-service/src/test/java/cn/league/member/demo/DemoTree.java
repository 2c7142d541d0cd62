package cn.league.member.demo;

import java.util.HashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;

import cn.league.member.support.TreeReplica;

/** org-service's demo tree (DemoData) put straight into the replica tables, as its events would. */
final class DemoTree {

    private final JdbcClient jdbc;
    private final TreeReplica tree;
    final Map<String, Long> ids = new HashMap<>();

    DemoTree(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.tree = new TreeReplica(jdbc);
    }

    DemoTree insert(int year) {
        long central = tree.province(DemoPeople.CENTRAL, null);
        ids.put(DemoPeople.CENTRAL, central);
        long zhejiang = tree.province(DemoPeople.ROOT, "33");
        ids.put(DemoPeople.ROOT, zhejiang);
        long city = child(zhejiang, "LEADING_BODY", "PARTY_AND_GOVERNMENT", DemoPeople.CITY);
        long county = child(city, "LEADING_BODY", "PARTY_AND_GOVERNMENT", DemoPeople.COUNTY);
        long university = child(zhejiang, "COMMITTEE", "SCHOOL", DemoPeople.UNIVERSITY);
        long computing = child(university, "COMMITTEE", "SCHOOL", DemoPeople.COMPUTING);
        long economics = child(university, "COMMITTEE", "SCHOOL", DemoPeople.ECONOMICS);
        for (DemoPeople.ClassBranch branch : DemoPeople.classBranches(year)) {
            long id = child(branch.name().startsWith("计算机") ? computing : economics, "BRANCH", "SCHOOL",
                    branch.name());
            jdbc.sql("update org_replica.org set graduation_year = ?, school_level = 'UNIVERSITY' where id = ?")
                    .params(branch.graduationYear(), id).update();
        }
        // this year's second computing class was converted (R-GRAD-3) before its people came
        jdbc.sql("update org_replica.org set type = 'GRADUATE_BRANCH' where id = ?")
                .param(ids.get(DemoPeople.classBranches(year).get(1).name())).update();
        long park = child(county, "WORK_COMMITTEE", "PRIVATE_ENTERPRISE", DemoPeople.PARK);
        long temporary = child(park, "BRANCH", "PRIVATE_ENTERPRISE", DemoPeople.TEMPORARY_BRANCH);
        jdbc.sql("update org_replica.org set branch_kind = 'SCHOOL_TO_SOCIETY_TEMPORARY' where id = ?")
                .param(temporary).update();
        child(park, "BRANCH", "PRIVATE_ENTERPRISE", DemoPeople.COMPANY_BRANCH);
        long street = child(county, "WORK_COMMITTEE", "URBAN_COMMUNITY", DemoPeople.STREET);
        long floating = child(street, "BRANCH", "URBAN_COMMUNITY", DemoPeople.FLOATING_BRANCH);
        jdbc.sql("update org_replica.org set branch_kind = 'FLOATING' where id = ?").param(floating).update();
        child(street, "BRANCH", "URBAN_COMMUNITY", DemoPeople.COMMUNITY_BRANCH);

        tree.admin(DemoPeople.PROVINCE_ADMIN, zhejiang);
        tree.admin(DemoPeople.CITY_ADMIN, city);
        tree.admin(DemoPeople.COUNTY_ADMIN, county);
        tree.admin(DemoPeople.UNIVERSITY_ADMIN, university);
        tree.admin(DemoPeople.PARK_ADMIN, park);
        tree.admin(DemoPeople.STREET_ADMIN, street);
        tree.admin(DemoPeople.CENTRAL_ADMIN, central);
        tree.admin(DemoPeople.COMPUTING_ADMIN, computing);
        tree.admin(DemoPeople.ECONOMICS_ADMIN, economics);
        tree.admin(DemoPeople.COMPUTING_CLASS_ADMIN, ids.get(DemoPeople.graduatingClass("计算机", year)));
        tree.admin(DemoPeople.ECONOMICS_CLASS_ADMIN, ids.get(DemoPeople.graduatingClass("经济学", year)));
        return this;
    }

    private long child(long parent, String type, String domain, String name) {
        long id = tree.child(parent, type, domain, name);
        ids.put(name, id);
        return id;
    }
}
