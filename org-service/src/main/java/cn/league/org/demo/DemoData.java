package cn.league.org.demo;

import java.time.Year;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import cn.league.contracts.Topics;
import cn.league.contracts.org.BranchKind;
import cn.league.contracts.org.OrgDomain;
import cn.league.contracts.org.OrgEvents.AdminGranted;
import cn.league.contracts.org.OrgEvents.OrgChanged;
import cn.league.contracts.org.OrgType;
import cn.league.contracts.org.SchoolLevel;
import cn.league.org.tree.NewOrg;
import cn.league.org.tree.Org;
import cn.league.org.tree.OrgStore;
import cn.league.org.tree.OrgTree;
import cn.league.support.outbox.Outbox;

/**
 * The demo tree {@code ./league up} shows (only with {@code league.demo.enabled=true}): under 团浙江省委 a
 * city and a county; a university with colleges and class branches, some graduating this year; an
 * enterprise park's work committee with a 学社衔接临时团支部; a street's 流动团支部; and an admin for
 * each, for the colleges and their first graduating classes, and for 团中央, who log in with the demo password of
 * the Keycloak realm. Made once, through the same rules as
 * any admin's changes.
 */
@Component
@Order(10)
@ConditionalOnBooleanProperty("league.demo.enabled")
class DemoData implements ApplicationRunner {

    static final String PROVINCE_ADMIN = "110105199001014329";
    static final String CITY_ADMIN = "330102198602020027";
    static final String COUNTY_ADMIN = "330106198703030035";
    static final String UNIVERSITY_ADMIN = "330106198804040048";
    static final String PARK_ADMIN = "330110198905050055";
    static final String STREET_ADMIN = "330106199006060065";
    static final String CENTRAL_ADMIN = "110101198505040117";
    static final String COMPUTING_ADMIN = "330108199010151712";
    static final String ECONOMICS_ADMIN = "330302198906301910";
    static final String COMPUTING_CLASS_ADMIN = "330106200403152356";
    static final String ECONOMICS_CLASS_ADMIN = "330106200308212445";
    /** 团中央: the root of the tree (V1__org_tree.sql). */
    static final long CENTRAL = 1;

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final OrgTree tree;
    private final OrgStore store;
    private final JdbcClient jdbc;
    private final Outbox outbox;
    private final TransactionTemplate transaction;

    DemoData(OrgTree tree, OrgStore store, JdbcClient jdbc, Outbox outbox, TransactionTemplate transaction) {
        this.tree = tree;
        this.store = store;
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.transaction = transaction;
    }

    @Override
    public void run(ApplicationArguments args) {
        transaction.executeWithoutResult(status -> {
            long zhejiang = jdbc.sql("select id from org where full_name = '团浙江省委' for update")
                    .query(Long.class).single();
            if (store.countChildren(zhejiang) > 0) {
                return; // made before
            }
            build(zhejiang);
            log.info("demo tree created under 团浙江省委");
        });
    }

    private void build(long zhejiang) {
        grantAdmin(CENTRAL, CENTRAL_ADMIN);
        grantAdmin(zhejiang, PROVINCE_ADMIN);
        Org city = create(zhejiang, OrgType.LEADING_BODY, OrgDomain.PARTY_AND_GOVERNMENT, null, null, "团杭州市委", "杭州团市委");
        grantAdmin(city.id(), CITY_ADMIN);
        Org county = create(city.id(), OrgType.LEADING_BODY, OrgDomain.PARTY_AND_GOVERNMENT, null, null, "团杭州市西湖区委", "团西湖区委");
        grantAdmin(county.id(), COUNTY_ADMIN);

        Org university = create(zhejiang, OrgType.COMMITTEE, OrgDomain.SCHOOL, SchoolLevel.UNIVERSITY, null, "共青团浙江大学委员会", "浙江大学团委");
        grantAdmin(university.id(), UNIVERSITY_ADMIN);
        int thisYear = Year.now().getValue();
        Org computing = create(university.id(), OrgType.COMMITTEE, OrgDomain.SCHOOL, SchoolLevel.UNIVERSITY, null, "计算机科学与技术学院团委", "计算机学院团委");
        grantAdmin(computing.id(), COMPUTING_ADMIN);
        grantAdmin(classBranch(computing, "计算机" + (thisYear - 4) + "级1班团支部", thisYear).id(), COMPUTING_CLASS_ADMIN);
        classBranch(computing, "计算机" + (thisYear - 4) + "级2班团支部", thisYear);
        classBranch(computing, "计算机" + (thisYear - 3) + "级1班团支部", thisYear + 1);
        Org economics = create(university.id(), OrgType.COMMITTEE, OrgDomain.SCHOOL, SchoolLevel.UNIVERSITY, null, "经济学院团委", "经济学院团委");
        grantAdmin(economics.id(), ECONOMICS_ADMIN);
        grantAdmin(classBranch(economics, "经济学" + (thisYear - 4) + "级1班团支部", thisYear).id(), ECONOMICS_CLASS_ADMIN);
        classBranch(economics, "经济学" + (thisYear - 2) + "级1班团支部", thisYear + 2);

        Org park = create(county.id(), OrgType.WORK_COMMITTEE, OrgDomain.PRIVATE_ENTERPRISE, null, null, "西湖科创园团工委", "科创园团工委");
        grantAdmin(park.id(), PARK_ADMIN);
        create(park.id(), OrgType.BRANCH, OrgDomain.PRIVATE_ENTERPRISE, null, BranchKind.SCHOOL_TO_SOCIETY_TEMPORARY, "西湖科创园学社衔接临时团支部", "科创园临时团支部");
        create(park.id(), OrgType.BRANCH, OrgDomain.PRIVATE_ENTERPRISE, null, null, "某科技有限公司团支部", "某科技公司团支部");

        Org street = create(county.id(), OrgType.WORK_COMMITTEE, OrgDomain.URBAN_COMMUNITY, null, null, "转塘街道团工委", "转塘街道团工委");
        grantAdmin(street.id(), STREET_ADMIN);
        create(street.id(), OrgType.BRANCH, OrgDomain.URBAN_COMMUNITY, null, BranchKind.FLOATING, "转塘街道流动团支部", "转塘流动团支部");
        create(street.id(), OrgType.BRANCH, OrgDomain.URBAN_COMMUNITY, null, null, "转塘街道某社区团支部", "某社区团支部");
    }

    private Org create(long parentId, OrgType type, OrgDomain domain, SchoolLevel level, BranchKind kind,
                       String fullName, String shortName) {
        return tree.createChild(PROVINCE_ADMIN, parentId,
                new NewOrg(type, kind, domain, level, fullName, shortName, null, null, null));
    }

    /** A class branch marked with its graduation year (R-GRAD-1). */
    private Org classBranch(Org college, String name, int graduationYear) {
        Org branch = create(college.id(), OrgType.BRANCH, OrgDomain.SCHOOL, SchoolLevel.UNIVERSITY, null, name, name);
        Org marked = branch.withGraduationYear(graduationYear);
        store.update(marked);
        outbox.publish(Topics.ORG_EVENTS, new OrgChanged(marked.snapshot()), marked.eventKey(), marked.path());
        return marked;
    }

    /** The demo admins are their org's 书记 too, since an admin must be a cadre of the org (R-ADM-2). */
    private void grantAdmin(long orgId, String idNumber) {
        Org org = store.find(orgId).orElseThrow();
        jdbc.sql("insert into org_admin (org_id, id_number) values (?, ?)").params(orgId, idNumber).update();
        jdbc.sql("insert into org_post (org_id, id_number, title) values (?, ?, '书记')").params(orgId, idNumber).update();
        outbox.publish(Topics.ORG_EVENTS, new AdminGranted(orgId, idNumber), org.eventKey(), org.path());
    }
}
