package cn.league.org.migration;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import cn.league.org.support.OrgApi;
import cn.league.test.ServiceApi.Response;
import cn.league.org.support.OrgEvents;
import cn.league.test.TopicReader;

import static cn.league.org.support.OrgEvents.data;
import static cn.league.org.support.OrgEvents.envelope;
import static cn.league.org.support.People.BEIJING;
import static cn.league.org.support.People.BEIJING_ADMIN;
import static cn.league.org.support.People.TIANJIN;
import static cn.league.org.support.People.TIANJIN_ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * R-ORG-7 through HTTP. Each test grows its own part of 团北京市委's tree and its own admins:
 * <pre>
 * 团北京市委
 *   oldDistrict            oldParentAdmin
 *     committee            orgAdmin         the org that migrates
 *       general            childAdmin
 *         grandchild
 *       branch
 *   newDistrict            newParentAdmin
 *   thirdDistrict          siblingAdmin     a sibling subtree
 * 团天津市委
 *   tianjinDistrict
 * </pre>
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MigrationApiTest {

    private static final AtomicLong PEOPLE = new AtomicLong(System.currentTimeMillis() % 1_000_000_000L * 1000);

    @Value("${local.server.port}")
    int port;
    @Autowired
    JdbcClient jdbc;

    OrgApi api;
    long oldDistrict;
    long committee;
    long general;
    long grandchild;
    long branch;
    long newDistrict;
    long thirdDistrict;
    long tianjinDistrict;
    String oldParentAdmin = person();
    String orgAdmin = person();
    String childAdmin = person();
    String newParentAdmin = person();
    String siblingAdmin = person();

    @BeforeEach
    void tree() {
        api = new OrgApi(port, jdbc);
        api.makeAdmin(TIANJIN_ADMIN, TIANJIN);
        oldDistrict = api.createDistrict("团东城区委", oldParentAdmin);
        committee = api.createChild(BEIJING_ADMIN, oldDistrict, "COMMITTEE", "STATE_ENTERPRISE", "某国企团委");
        general = api.createChild(BEIJING_ADMIN, committee, "GENERAL_BRANCH", "STATE_ENTERPRISE", "某国企分公司团总支");
        grandchild = api.createChild(BEIJING_ADMIN, general, "BRANCH", "STATE_ENTERPRISE", "分公司第一团支部");
        branch = api.createChild(BEIJING_ADMIN, committee, "BRANCH", "STATE_ENTERPRISE", "机关团支部");
        newDistrict = api.createDistrict("团西城区委", newParentAdmin);
        thirdDistrict = api.createDistrict("团朝阳区委", siblingAdmin);
        tianjinDistrict = api.createChild(TIANJIN_ADMIN, TIANJIN, "LEADING_BODY", "PARTY_AND_GOVERNMENT", "团和平区委");
        api.makeAdmin(orgAdmin, committee);
        api.makeAdmin(childAdmin, general);
    }

    @Test
    @DisplayName("R-ORG-7 requested, approved by the old parent then the new parent: the whole subtree moves")
    void happyPath() {
        Response requested = request(orgAdmin, committee, newDistrict);
        assertThat(requested.status()).isEqualTo(201);
        long id = requested.json().path("migration").path("id").asLong();
        assertThat(requested.json().path("migration").path("state").asString()).isEqualTo("AWAITING_OLD_PARENT");
        assertThat(requested.json().path("migration").path("newParentName").asString()).isEqualTo("团西城区委");
        assertThat(awaiting(oldParentAdmin)).containsExactly(id);
        assertThat(awaiting(newParentAdmin)).isEmpty();

        Response first = approve(oldParentAdmin, id);
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.json().path("migration").path("state").asString()).isEqualTo("AWAITING_NEW_PARENT");
        assertThat(path(committee)).as("nothing moves before the last approval")
                .isEqualTo("1.2." + oldDistrict + "." + committee);
        assertThat(awaiting(oldParentAdmin)).isEmpty();
        assertThat(awaiting(newParentAdmin)).containsExactly(id);

        Response last = approve(newParentAdmin, id);
        assertThat(last.status()).isEqualTo(200);
        assertThat(last.json().path("migration").path("state").asString()).isEqualTo("MOVED");
        assertThat(last.json().path("migration").path("awaiting").isNull()).isTrue();
        assertThat(awaiting(newParentAdmin)).isEmpty();

        String moved = "1.2." + newDistrict + "." + committee;
        assertThat(path(committee)).isEqualTo(moved);
        assertThat(path(general)).isEqualTo(moved + "." + general);
        assertThat(path(grandchild)).as("grandchildren move too").isEqualTo(moved + "." + general + "." + grandchild);
        assertThat(path(branch)).isEqualTo(moved + "." + branch);
        assertThat(parentOf(committee)).isEqualTo(newDistrict);
        assertThat(parentOf(general)).isEqualTo(committee);
        assertThat(jdbc.sql("select count(*) from org where parent_id = ?").param(oldDistrict).query(Integer.class)
                .single()).isZero();
        assertThat(jdbc.sql("select count(*) from org where path <@ ?::ltree").param(moved).query(Integer.class)
                .single()).isEqualTo(4);

        long later = api.createChild(childAdmin, general, "BRANCH", "STATE_ENTERPRISE", "分公司第二团支部");
        assertThat(path(later)).as("an org created later under the moved subtree")
                .isEqualTo(moved + "." + general + "." + later);

        assertThat(api.get(newParentAdmin, "/api/orgs/" + grandchild).status()).as("now in the new parent's scope")
                .isEqualTo(200);
        assertThat(api.get(oldParentAdmin, "/api/orgs/" + committee).status()).as("out of the old parent's scope")
                .isEqualTo(403);

        JsonNode history = api.get(oldParentAdmin, "/api/orgs/migrations/" + id).json();
        assertThat(history.path("migration").path("reason").asString()).isEqualTo("企业隶属关系调整");
        List<JsonNode> steps = history.path("steps").valueStream().toList();
        assertThat(steps).extracting(step -> step.path("action").asString())
                .containsExactly("REQUESTED", "APPROVED", "APPROVED");
        assertThat(steps).extracting(step -> text(step.path("actedAs")))
                .containsExactly("", "OLD_PARENT", "NEW_PARENT");
        assertThat(steps).extracting(step -> step.path("idNumber").asString())
                .containsExactly(orgAdmin, oldParentAdmin, newParentAdmin);
        assertThat(steps).allSatisfy(step -> assertThat(step.path("actedAt").isNull()).isFalse());
    }

    @Test
    @DisplayName("R-ORG-7 refused at request: across provinces (FAQ 32), into itself or its subtree, to its current parent, a second open one")
    void refusalsAtRequest() {
        Response crossProvince = request(orgAdmin, committee, tianjinDistrict);
        assertThat(crossProvince.status()).isEqualTo(422);
        assertThat(crossProvince.code()).isEqualTo("CROSS_PROVINCE_MIGRATION");
        assertThat(crossProvince.rule()).isEqualTo("R-ORG-7");
        assertThat(crossProvince.json().path("detail").asString()).isEqualTo("跨省组织迁移请省级团委管理员线下联系团中央后台处理");

        assertThat(request(orgAdmin, committee, committee).code()).isEqualTo("MIGRATION_INTO_OWN_SUBTREE");
        assertThat(request(orgAdmin, committee, grandchild).code()).isEqualTo("MIGRATION_INTO_OWN_SUBTREE");
        assertThat(request(orgAdmin, committee, general).code()).isEqualTo("MIGRATION_INTO_OWN_SUBTREE");
        assertThat(request(orgAdmin, committee, oldDistrict).code()).isEqualTo("MIGRATION_TO_CURRENT_PARENT");
        assertThat(request(orgAdmin, committee, 999_999_999L).code()).isEqualTo("NEW_PARENT_NOT_FOUND");
        assertThat(request(BEIJING_ADMIN, BEIJING, TIANJIN).code()).isEqualTo("TOP_ORG_NOT_MIGRATABLE");
        assertThat(api.post(orgAdmin, "/api/orgs/" + committee + "/migrations",
                "{\"newParentId\":" + newDistrict + ",\"reason\":\" \"}").status()).as("a reason is required")
                .isEqualTo(400);

        assertThat(request(orgAdmin, committee, newDistrict).status()).isEqualTo(201);
        Response again = request(orgAdmin, committee, thirdDistrict);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("MIGRATION_ALREADY_OPEN");
    }

    @Test
    @DisplayName("R-ORG-1 the new parent must be able to hold the org: a branch does not go under a leading body")
    void shapeRefusal() {
        api.makeAdmin(orgAdmin, branch);
        Response refused = request(orgAdmin, branch, newDistrict);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.code()).isEqualTo("ORG_SHAPE_NOT_ALLOWED");
        assertThat(refused.rule()).isEqualTo("R-ORG-1");
    }

    @Test
    @DisplayName("R-ORG-7 order of approvals: the new parent cannot approve first; rejection with a reason closes it")
    void orderOfApprovals() {
        long id = requestedId(orgAdmin, committee, newDistrict);

        Response newFirst = approve(newParentAdmin, id);
        assertThat(newFirst.status()).isEqualTo(409);
        assertThat(newFirst.code()).isEqualTo("MIGRATION_STEP_OUT_OF_ORDER");
        assertThat(newFirst.rule()).isEqualTo("R-ORG-7");
        assertThat(api.post(newParentAdmin, "/api/orgs/migrations/" + id + "/rejection", reason("不同意")).code())
                .isEqualTo("MIGRATION_STEP_OUT_OF_ORDER");

        assertThat(approve(oldParentAdmin, id).status()).isEqualTo(200);
        assertThat(approve(oldParentAdmin, id).code()).as("the old parent does not decide twice")
                .isEqualTo("MIGRATION_STEP_OUT_OF_ORDER");

        Response rejected = api.post(newParentAdmin, "/api/orgs/migrations/" + id + "/rejection", reason("本区不接收国企团组织"));
        assertThat(rejected.status()).isEqualTo(200);
        assertThat(rejected.json().path("migration").path("state").asString()).isEqualTo("REJECTED");
        JsonNode lastStep = rejected.json().path("steps").path(2);
        assertThat(lastStep.path("action").asString()).isEqualTo("REJECTED");
        assertThat(lastStep.path("actedAs").asString()).isEqualTo("NEW_PARENT");
        assertThat(lastStep.path("reason").asString()).isEqualTo("本区不接收国企团组织");

        assertThat(approve(newParentAdmin, id).code()).isEqualTo("MIGRATION_CLOSED");
        assertThat(path(committee)).isEqualTo("1.2." + oldDistrict + "." + committee);
        assertThat(request(orgAdmin, committee, newDistrict).status()).as("a new request after the rejection")
                .isEqualTo(201);
    }

    @Test
    @DisplayName("R-ORG-7 the old parent may reject; the requester withdraws before the last approval, not after")
    void rejectionAndWithdrawal() {
        long rejectedId = requestedId(orgAdmin, committee, newDistrict);
        Response rejected = api.post(oldParentAdmin, "/api/orgs/migrations/" + rejectedId + "/rejection",
                reason("暂不调整"));
        assertThat(rejected.json().path("steps").path(1).path("actedAs").asString()).isEqualTo("OLD_PARENT");
        assertThat(api.post(oldParentAdmin, "/api/orgs/migrations/" + rejectedId + "/rejection", "{}").status())
                .as("a rejection needs a reason").isEqualTo(400);

        long withdrawnId = requestedId(orgAdmin, committee, newDistrict);
        assertThat(approve(oldParentAdmin, withdrawnId).status()).isEqualTo(200);
        assertThat(withdraw(oldParentAdmin, withdrawnId).code()).isEqualTo("MIGRATION_REQUESTER_ONLY");
        Response withdrawn = withdraw(orgAdmin, withdrawnId);
        assertThat(withdrawn.status()).isEqualTo(200);
        assertThat(withdrawn.json().path("migration").path("state").asString()).isEqualTo("WITHDRAWN");
        assertThat(awaiting(newParentAdmin)).isEmpty();
        assertThat(approve(newParentAdmin, withdrawnId).code()).isEqualTo("MIGRATION_CLOSED");

        long movedId = requestedId(orgAdmin, committee, newDistrict);
        approve(oldParentAdmin, movedId);
        approve(newParentAdmin, movedId);
        Response tooLate = withdraw(orgAdmin, movedId);
        assertThat(tooLate.status()).isEqualTo(409);
        assertThat(tooLate.code()).isEqualTo("MIGRATION_CLOSED");
    }

    @Test
    @DisplayName("R-ORG-7 R-SCOPE-1 the requester's view: the org's migrations newest first, how each ended, the "
            + "names the page shows; its own and higher admins read them, sibling and child admins do not")
    void theOrgsMigrations() {
        long rejected = requestedId(orgAdmin, committee, thirdDistrict);
        api.post(oldParentAdmin, "/api/orgs/migrations/" + rejected + "/rejection", reason("暂不调整"));
        long withdrawn = requestedId(orgAdmin, committee, newDistrict);
        withdraw(orgAdmin, withdrawn);
        long open = requestedId(orgAdmin, committee, newDistrict);

        Response page = api.get(orgAdmin, "/api/orgs/" + committee + "/migrations");
        assertThat(page.status()).isEqualTo(200);
        List<JsonNode> items = page.json().path("items").valueStream().toList();
        assertThat(items).extracting(item -> item.path("id").asLong()).containsExactly(open, withdrawn, rejected);
        assertThat(items).extracting(item -> item.path("state").asString())
                .containsExactly("AWAITING_OLD_PARENT", "WITHDRAWN", "REJECTED");
        assertThat(items.getFirst().path("awaiting").asString()).isEqualTo("OLD_PARENT");
        assertThat(items.getFirst().path("orgName").asString()).isEqualTo("某国企团委");
        assertThat(items.getFirst().path("oldParentName").asString()).isEqualTo("团东城区委");
        assertThat(items.getFirst().path("newParentName").asString()).isEqualTo("团西城区委");
        assertThat(items.getFirst().path("requestedBy").asString()).isEqualTo(orgAdmin);
        assertThat(page.json().path("nextBefore").isNull()).isTrue();

        Response first = api.get(orgAdmin, "/api/orgs/" + committee + "/migrations?size=2");
        assertThat(first.json().path("items").valueStream().map(item -> item.path("id").asLong()))
                .containsExactly(open, withdrawn);
        assertThat(first.json().path("nextBefore").asLong()).isEqualTo(withdrawn);
        assertThat(api.get(orgAdmin, "/api/orgs/" + committee + "/migrations?before=" + withdrawn).json()
                .path("items").valueStream().map(item -> item.path("id").asLong())).containsExactly(rejected);

        assertThat(api.get(oldParentAdmin, "/api/orgs/" + committee + "/migrations").status()).isEqualTo(200);
        assertThat(api.get(BEIJING_ADMIN, "/api/orgs/" + committee + "/migrations").status()).isEqualTo(200);
        for (String outsider : List.of(siblingAdmin, childAdmin, newParentAdmin)) {
            Response refused = api.get(outsider, "/api/orgs/" + committee + "/migrations");
            assertThat(refused.status()).as(outsider).isEqualTo(403);
            assertThat(refused.rule()).isEqualTo("R-SCOPE-1");
        }
        assertThat(api.get(BEIJING_ADMIN, "/api/orgs/999999999/migrations").status()).isEqualTo(404);
    }

    @Test
    @DisplayName("R-ORG-7 the rules are checked again at approval: a move that became one into its own subtree is refused")
    void recheckedAtApproval() {
        long sibling = api.createChild(BEIJING_ADMIN, oldDistrict, "COMMITTEE", "STATE_ENTERPRISE", "另一国企团委");
        api.makeAdmin(orgAdmin, sibling);
        long committeeUnderSibling = requestedId(orgAdmin, committee, sibling);
        long siblingUnderCommittee = requestedId(orgAdmin, sibling, committee);

        approve(oldParentAdmin, committeeUnderSibling);
        approve(orgAdmin, committeeUnderSibling);
        assertThat(parentOf(committee)).isEqualTo(sibling);

        Response refused = approve(oldParentAdmin, siblingUnderCommittee);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.code()).isEqualTo("MIGRATION_INTO_OWN_SUBTREE");
        assertThat(parentOf(sibling)).isEqualTo(oldDistrict);

        long emptyTarget = api.createChild(newParentAdmin, newDistrict, "COMMITTEE", "STATE_ENTERPRISE", "待撤销团委");
        long toDeleted = requestedId(childAdmin, general, emptyTarget);
        assertThat(api.delete(newParentAdmin, "/api/orgs/" + emptyTarget).status()).isEqualTo(200);
        assertThat(approve(orgAdmin, toDeleted).code()).as("the new parent was deleted meanwhile")
                .isEqualTo("NEW_PARENT_NOT_FOUND");
    }

    @Test
    @DisplayName("R-SCOPE-1/2 request: only the org's own admin; sibling subtree, child and parent admins are refused")
    void scopeOfRequesting() {
        Response sibling = request(siblingAdmin, committee, newDistrict);
        assertThat(sibling.status()).isEqualTo(403);
        assertThat(sibling.rule()).isEqualTo("R-SCOPE-1");
        Response child = request(childAdmin, committee, newDistrict);
        assertThat(child.status()).isEqualTo(403);
        assertThat(child.rule()).isEqualTo("R-SCOPE-1");
        Response parent = request(oldParentAdmin, committee, newDistrict);
        assertThat(parent.status()).isEqualTo(403);
        assertThat(parent.code()).isEqualTo("MIGRATION_BY_OWN_ADMIN");
    }

    @Test
    @DisplayName("R-SCOPE-2 approving and rejecting: sibling subtree, child, the org's own and the grandparent's admins are refused")
    void scopeOfDeciding() {
        long id = requestedId(orgAdmin, committee, newDistrict);
        for (String outsider : List.of(siblingAdmin, childAdmin, orgAdmin, BEIJING_ADMIN)) {
            Response refused = approve(outsider, id);
            assertThat(refused.status()).as(outsider).isEqualTo(403);
            assertThat(refused.code()).isEqualTo("MIGRATION_NOT_APPROVER");
            assertThat(refused.rule()).isEqualTo("R-SCOPE-2");
            assertThat(api.post(outsider, "/api/orgs/migrations/" + id + "/rejection", reason("越权")).status())
                    .isEqualTo(403);
        }
        approve(oldParentAdmin, id);
        for (String outsider : List.of(siblingAdmin, childAdmin, orgAdmin, BEIJING_ADMIN)) {
            assertThat(approve(outsider, id).status()).as(outsider).isEqualTo(403);
            assertThat(api.post(outsider, "/api/orgs/migrations/" + id + "/rejection", reason("越权")).status())
                    .isEqualTo(403);
        }
        assertThat(awaiting(siblingAdmin)).isEmpty();
        assertThat(awaiting(childAdmin)).isEmpty();
        assertThat(awaiting(orgAdmin)).isEmpty();
        assertThat(path(committee)).isEqualTo("1.2." + oldDistrict + "." + committee);
    }

    @Test
    @DisplayName("R-SCOPE-1 reading and withdrawing: sibling subtree and child admins are refused")
    void scopeOfReadingAndWithdrawing() {
        long id = requestedId(orgAdmin, committee, newDistrict);
        for (String outsider : List.of(siblingAdmin, childAdmin)) {
            Response read = api.get(outsider, "/api/orgs/migrations/" + id);
            assertThat(read.status()).as(outsider).isEqualTo(403);
            assertThat(read.rule()).isEqualTo("R-SCOPE-1");
            assertThat(withdraw(outsider, id).status()).isEqualTo(403);
        }
        for (String party : List.of(orgAdmin, oldParentAdmin, newParentAdmin, BEIJING_ADMIN)) {
            assertThat(api.get(party, "/api/orgs/migrations/" + id).status()).as(party).isEqualTo(200);
        }
        assertThat(api.get(orgAdmin, "/api/orgs/migrations/999999999").status()).isEqualTo(404);
    }

    @Test
    @DisplayName("R-ORG-7 events: MigrationRequested, then one SubtreeMoved keyed by the province's tree")
    void events() {
        long id = requestedId(orgAdmin, committee, newDistrict);
        approve(oldParentAdmin, id);
        approve(newParentAdmin, id);
        try (TopicReader reader = OrgEvents.reader()) {
            ConsumerRecord<String, String> moved = reader.await(
                    r -> r.value().contains("\"SubtreeMoved.v1\"") && data(r).path("orgId").asLong() == committee,
                    Duration.ofSeconds(30)).orElseThrow(() -> new AssertionError("no SubtreeMoved"));
            assertThat(moved.key()).isEqualTo(String.valueOf(BEIJING));
            JsonNode data = data(moved);
            assertThat(data.path("newParentId").asLong()).isEqualTo(newDistrict);
            assertThat(data.path("oldPath").asString()).isEqualTo("1.2." + oldDistrict + "." + committee);
            assertThat(data.path("newPath").asString()).isEqualTo("1.2." + newDistrict + "." + committee);
            assertThat(envelope(moved).orgPath())
                    .isEqualTo("1.2." + newDistrict + "." + committee);

            assertThat(reader.seen().stream()
                    .filter(r -> r.value().contains("\"SubtreeMoved.v1\"") && data(r).path("orgId").asLong() == committee))
                    .as("one move event for the whole subtree").hasSize(1);
            ConsumerRecord<String, String> requested = reader.await(
                    r -> r.value().contains("\"MigrationRequested.v1\"") && data(r).path("migrationId").asLong() == id,
                    Duration.ofSeconds(10)).orElseThrow(() -> new AssertionError("no MigrationRequested"));
            assertThat(requested.key()).isEqualTo(String.valueOf(BEIJING));
            assertThat(data(requested).path("reason").asString()).isEqualTo("企业隶属关系调整");
            assertThat(reader.seen().stream().filter(r -> r.value().contains("\"MigrationApproved.v1\"")
                    && data(r).path("migrationId").asLong() == id)).hasSize(2);
            assertThat(reader.seen().stream().filter(r -> r.value().contains("\"OrgChanged.v1\"")
                    && List.of(general, grandchild, branch).contains(data(r).path("org").path("id").asLong())))
                    .as("no per-org events for the moved subtree").isEmpty();
        }
    }

    private Response request(String as, long orgId, long newParentId) {
        return api.post(as, "/api/orgs/" + orgId + "/migrations",
                "{\"newParentId\":" + newParentId + ",\"reason\":\"企业隶属关系调整\"}");
    }

    private long requestedId(String as, long orgId, long newParentId) {
        Response requested = request(as, orgId, newParentId);
        assertThat(requested.status()).as(requested.body()).isEqualTo(201);
        return requested.json().path("migration").path("id").asLong();
    }

    private Response approve(String as, long id) {
        return api.post(as, "/api/orgs/migrations/" + id + "/approval", null);
    }

    private Response withdraw(String as, long id) {
        return api.post(as, "/api/orgs/migrations/" + id + "/withdrawal", null);
    }

    private List<Long> awaiting(String as) {
        Response page = api.get(as, "/api/orgs/migrations/awaiting-my-decision");
        assertThat(page.status()).isEqualTo(200);
        return page.json().path("items").valueStream().map(item -> item.path("id").asLong()).toList();
    }

    private String path(long orgId) {
        return jdbc.sql("select path::text from org where id = ?").param(orgId).query(String.class).single();
    }

    private Long parentOf(long orgId) {
        return jdbc.sql("select parent_id from org where id = ?").param(orgId).query(Long.class).single();
    }

    private static String text(JsonNode node) {
        return node.isNull() ? "" : node.asString();
    }

    private static String reason(String reason) {
        return "{\"reason\":\"" + reason + "\"}";
    }

    private static String person() {
        return String.format("%018d", PEOPLE.incrementAndGet());
    }
}
