package cn.league.member.search;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.league.member.support.MemberApi;
import cn.league.member.support.TreeReplica;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MemberSearchApiTest {

    static final String PROVINCE_ADMIN = id("11010519800101001");
    static final String COMMITTEE_ADMIN = id("11010519810101002");
    static final String BRANCH_ADMIN = id("11010519820101003");
    static final String SIBLING_ADMIN = id("11010519830101004");
    static final String TWO_PROVINCES_ADMIN = id("11010519840101005");

    static final String MEMBER = id("11010520000101122");       // 张伟, member of branch; ends in X
    static final String LONGER = id("11010520010202124");       // 张伟强, member of branch
    static final String OTHER_BRANCH = id("11010520020303125"); // 李娜, member of branch 2
    static final String CADRE = id("11010519900404126");        // 陈静, 书记 of the committee, member in sibling branch
    static final String DEEP = id("11010520030505127");         // 欧阳小明, member of branch
    static final String OTHER_PROVINCE = id("44030520040606128"); // 张伟, member in province 44
    static final String DELETED = id("11010520050707129");      // 张伟, deleted
    static final String OUTSIDE_CADRE = id("44030519910808130"); // 卫国, 副书记 of the committee, member in province 44

    @Value("${local.server.port}")
    int port;
    @Autowired
    JdbcClient jdbc;

    MemberApi api;
    long committee;
    long branch;
    long branch2;
    long siblingBranch;
    long otherProvinceBranch;

    @BeforeAll
    void people() {
        api = new MemberApi(port);
        TreeReplica tree = new TreeReplica(jdbc);
        long province = tree.province("团搜索测试省委", "11");
        committee = tree.child(province, "COMMITTEE", "PRIVATE_ENTERPRISE", "搜索公司团委");
        branch = tree.child(committee, "BRANCH", "PRIVATE_ENTERPRISE", "搜索公司一支部");
        branch2 = tree.child(committee, "BRANCH", "PRIVATE_ENTERPRISE", "搜索公司二支部");
        long siblingCommittee = tree.child(province, "COMMITTEE", "RURAL", "搜索镇团委");
        siblingBranch = tree.child(siblingCommittee, "BRANCH", "RURAL", "搜索村团支部");
        long otherProvince = tree.province("团另一省委", "44");
        otherProvinceBranch = tree.child(tree.child(otherProvince, "COMMITTEE", "RURAL", "另一镇团委"),
                "BRANCH", "RURAL", "另一村团支部");
        tree.admin(PROVINCE_ADMIN, province);
        tree.admin(COMMITTEE_ADMIN, committee);
        tree.admin(BRANCH_ADMIN, branch);
        tree.admin(SIBLING_ADMIN, siblingCommittee);
        tree.admin(TWO_PROVINCES_ADMIN, province);
        tree.admin(TWO_PROVINCES_ADMIN, otherProvince);

        member(MEMBER, "张伟", "201511000001", branch);
        member(LONGER, "张伟强", null, branch);
        member(OTHER_BRANCH, "李娜", null, branch2);
        member(CADRE, "陈静", null, siblingBranch);
        post(CADRE, committee, "书记");
        member(DEEP, "欧阳小明", null, branch);
        member(OTHER_PROVINCE, "张伟", null, otherProvinceBranch);
        member(DELETED, "张伟", null, branch);
        member(OUTSIDE_CADRE, "卫国", null, otherProvinceBranch);
        post(OUTSIDE_CADRE, committee, "副书记");
        jdbc.sql("update person set deleted_at = now(), deletion_reason = '测试' where id_number = ?")
                .param(DELETED).update();
        for (int i = 0; i < 5; i++) {
            member(id("1101052001010" + (2000 + i)), "王芳", null, branch2);
        }
    }

    @Test
    @DisplayName("R-SRCH-1 by ID number, any letter case of X: the org's direct parent's admin sees it in full")
    void byIdNumber() {
        JsonNode items = search(COMMITTEE_ADMIN, "idNumber=" + MEMBER.toLowerCase()).path("items");
        assertThat(items).hasSize(1);
        assertThat(items.get(0).path("name").asString()).isEqualTo("张伟");
        assertThat(items.get(0).path("idNumber").asString()).isEqualTo(MEMBER);
        assertThat(items.get(0).path("orgName").asString()).isEqualTo("搜索公司一支部");
        assertThat(items.get(0).path("politicalStatus").asString()).isEqualTo("共青团员");
    }

    @Test
    @DisplayName("R-SRCH-1 R-SCOPE-1 an admin higher up (e.g. the one who entered the person) sees the ID number in full, "
            + "by name as by the number, as in the member lists of their subtree")
    void fullForEveryAdminWhoFindsThePerson() {
        JsonNode byName = search(PROVINCE_ADMIN, "name=张伟&orgId=" + branch).path("items").get(0);
        assertThat(byName.path("idNumber").asString()).isEqualTo(MEMBER);
        assertThat(byName.has("idNumberMasked")).as("no masking, so no flag").isFalse();
        JsonNode byNumber = search(PROVINCE_ADMIN, "idNumber=" + MEMBER.toLowerCase()).path("items").get(0);
        assertThat(byNumber.path("idNumber").asString()).isEqualTo(MEMBER);
        assertThat(api.get(PROVINCE_ADMIN, "/api/members/orgs/" + branch + "/people").body()).contains(MEMBER);
    }

    @Test
    @DisplayName("R-SRCH-1 the person's own admins see the ID number in full in a name search too")
    void fullForOwnAdminsByName() {
        JsonNode hit = search(COMMITTEE_ADMIN, "name=张伟&orgId=" + branch).path("items").get(0);
        assertThat(hit.path("idNumber").asString()).isEqualTo(MEMBER);
    }

    @Test
    @DisplayName("R-SCOPE-1 R-SRCH-1 a sibling subtree's admin finds nobody there, by ID, name or development number")
    void siblingFindsNothing() {
        assertThat(search(SIBLING_ADMIN, "idNumber=" + MEMBER).path("items")).isEmpty();
        assertThat(search(SIBLING_ADMIN, "name=张伟").path("items")).isEmpty();
        var archive = api.get(SIBLING_ADMIN, "/api/members/archive?developmentNumber=201511000001");
        assertThat(archive.status()).isEqualTo(404);
        assertThat(archive.code()).isEqualTo("ARCHIVE_NOT_FOUND");
        assertThat(archive.body()).doesNotContain("张伟").doesNotContain("搜索公司");
    }

    @Test
    @DisplayName("R-SCOPE-1 R-SRCH-1 a child org's admin finds neither the parent's cadres nor a sibling branch's members")
    void childFindsNothingAbove() {
        assertThat(search(BRANCH_ADMIN, "idNumber=" + CADRE).path("items")).isEmpty();
        assertThat(search(BRANCH_ADMIN, "idNumber=" + OTHER_BRANCH).path("items")).isEmpty();
        assertThat(search(BRANCH_ADMIN, "name=王芳").path("items")).isEmpty();
        assertThat(search(BRANCH_ADMIN, "idNumber=" + MEMBER).path("items")).hasSize(1);
    }

    @Test
    @DisplayName("R-SCOPE-3 R-SRCH-1 a member who administers nothing finds only themself")
    void memberFindsOnlyThemself() {
        JsonNode self = search(LONGER, "idNumber=" + LONGER).path("items");
        assertThat(self).hasSize(1);
        assertThat(self.get(0).path("idNumber").asString()).isEqualTo(LONGER);
        assertThat(search(LONGER, "idNumber=" + MEMBER).path("items")).isEmpty();
        JsonNode byName = search(LONGER, "name=张伟").path("items");
        assertThat(byName).hasSize(1);
        assertThat(byName.get(0).path("name").asString()).isEqualTo("张伟强");
        assertThat(api.get(LONGER, "/api/members/archive?developmentNumber=201511000001").status()).isEqualTo(404);
        assertThat(api.get(MEMBER, "/api/members/archive?developmentNumber=201511000001").status()).isEqualTo(200);
    }

    @Test
    @DisplayName("R-SRCH-1 by name: two characters match the full name first, then longer names; deleted people never")
    void byNamePrefix() {
        JsonNode items = search(COMMITTEE_ADMIN, "name=张伟").path("items");
        assertThat(names(items)).containsExactly("张伟", "张伟强");
    }

    @Test
    @DisplayName("R-SRCH-1 by name: three characters or more match anywhere in the name")
    void byNameAnywhere() {
        assertThat(names(search(PROVINCE_ADMIN, "name=阳小明").path("items"))).containsExactly("欧阳小明");
        assertThat(search(PROVINCE_ADMIN, "name=小明").path("items")).isEmpty();
    }

    @Test
    @DisplayName("R-SRCH-1 a cadre is found through a post in scope; the org shown is the one in scope")
    void cadreThroughPost() {
        JsonNode hit = search(COMMITTEE_ADMIN, "name=陈静").path("items").get(0);
        assertThat(hit.path("orgName").asString()).isEqualTo("搜索公司团委");
        assertThat(hit.path("idNumber").asString()).isEqualTo(CADRE);
    }

    @Test
    @DisplayName("R-SRCH-1 a cadre whose membership is in another province is found through the post alone, by the "
            + "province's admin (posts walked by name) and by the committee's (posts picked in the subtree)")
    void cadreOnlyThroughPost() {
        for (String admin : List.of(PROVINCE_ADMIN, COMMITTEE_ADMIN)) {
            JsonNode items = search(admin, "name=卫国").path("items");
            assertThat(items).as(admin).hasSize(1);
            assertThat(items.get(0).path("orgName").asString()).isEqualTo("搜索公司团委");
        }
        assertThat(search(SIBLING_ADMIN, "name=卫国").path("items")).isEmpty();
        assertThat(search(TWO_PROVINCES_ADMIN, "name=卫国&province=11").path("items")).hasSize(1);
    }

    @Test
    @DisplayName("R-SRCH-1 many hits are narrowed by org; an org outside the subtree narrows to nothing")
    void narrowByOrg() {
        assertThat(search(PROVINCE_ADMIN, "name=张伟&orgId=" + branch2).path("items")).isEmpty();
        assertThat(names(search(PROVINCE_ADMIN, "name=张伟&orgId=" + branch).path("items")))
                .containsExactly("张伟", "张伟强");
        assertThat(search(PROVINCE_ADMIN, "name=张伟&orgId=" + otherProvinceBranch).path("items")).isEmpty();
        assertThat(names(search(BRANCH_ADMIN, "name=张伟&orgId=" + committee).path("items")))
                .containsExactly("张伟", "张伟强");
    }

    @Test
    @DisplayName("R-SRCH-1 many hits are narrowed by province")
    void narrowByProvince() {
        assertThat(search(TWO_PROVINCES_ADMIN, "name=张伟").path("items")).hasSize(3);
        JsonNode in44 = search(TWO_PROVINCES_ADMIN, "name=张伟&province=44").path("items");
        assertThat(in44).hasSize(1);
        assertThat(in44.get(0).path("orgName").asString()).isEqualTo("另一村团支部");
        assertThat(api.get(TWO_PROVINCES_ADMIN, "/api/members/search?name=张伟&province=x").code())
                .isEqualTo("BAD_PROVINCE");
    }

    @Test
    @DisplayName("R-SRCH-1 hits are paged by keyset; the cursor holds no ID number")
    void paging() {
        List<String> seen = new ArrayList<>();
        String after = "";
        int pages = 0;
        do {
            JsonNode page = search(COMMITTEE_ADMIN, "name=王芳&size=2&after=" + after);
            page.path("items").forEach(item -> seen.add(item.path("idNumber").asString()));
            after = page.path("nextAfter").isNull() ? null : page.path("nextAfter").asString();
            if (after != null) {
                String decoded = new String(Base64.getUrlDecoder().decode(after), StandardCharsets.UTF_8);
                assertThat(decoded).doesNotContain("110105");
            }
            pages++;
        } while (after != null && pages < 10);
        assertThat(seen).hasSize(5).doesNotHaveDuplicates();
        assertThat(pages).isEqualTo(3);
    }

    @Test
    @DisplayName("R-SRCH-1 development number opens the member's e-archive: profile, membership and posts in scope")
    void archive() {
        var archive = api.get(COMMITTEE_ADMIN, "/api/members/archive?developmentNumber=201511000001");
        assertThat(archive.status()).as(archive.body()).isEqualTo(200);
        JsonNode json = archive.json();
        assertThat(json.path("name").asString()).isEqualTo("张伟");
        assertThat(json.path("idNumber").asString()).isEqualTo(MEMBER);
        assertThat(json.path("developmentNumber").asString()).isEqualTo("201511000001");
        assertThat(json.path("membership").path("orgName").asString()).isEqualTo("搜索公司一支部");
        assertThat(json.path("posts")).isEmpty();

        var higherUp = api.get(PROVINCE_ADMIN, "/api/members/archive?developmentNumber=201511000001").json();
        assertThat(higherUp.path("idNumber").asString()).as("R-SRCH-1 in full for every admin who finds them")
                .isEqualTo(MEMBER);
    }

    @Test
    @DisplayName("R-SRCH-1 a search needs exactly one of ID number and name")
    void oneTerm() {
        var neither = api.get(PROVINCE_ADMIN, "/api/members/search");
        assertThat(neither.status()).isEqualTo(400);
        assertThat(neither.code()).isEqualTo("SEARCH_TERM_REQUIRED");
        assertThat(neither.json().path("detail").asString()).isEqualTo("请输入身份证号码或姓名");
        assertThat(api.get(PROVINCE_ADMIN, "/api/members/search?name=a&idNumber=b").status()).isEqualTo(400);
    }

    private JsonNode search(String as, String query) {
        String[] parts = query.split("&");
        StringBuilder encoded = new StringBuilder();
        for (String part : parts) {
            int eq = part.indexOf('=');
            encoded.append(encoded.isEmpty() ? "" : "&").append(part, 0, eq + 1)
                    .append(java.net.URLEncoder.encode(part.substring(eq + 1), StandardCharsets.UTF_8));
        }
        var response = api.get(as, "/api/members/search?" + encoded);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private static List<String> names(JsonNode items) {
        List<String> names = new ArrayList<>();
        items.forEach(item -> names.add(item.path("name").asString()));
        return names;
    }

    private void member(String idNumber, String name, String developmentNumber, long branchId) {
        jdbc.sql("""
                        insert into person (id_number, name, birth_date, gender, political_status, development_number,
                                            join_date)
                        values (?, ?, to_date(substr(?, 7, 8), 'YYYYMMDD'), 'MALE', '共青团员', ?, date '2015-05-04')""")
                .params(idNumber, name, idNumber, developmentNumber).update();
        jdbc.sql("""
                        insert into membership (id_number, branch_id, org_path, name)
                        select ?, id, path, ? from org_replica.org where id = ?""")
                .params(idNumber, name, branchId).update();
    }

    private void post(String idNumber, long orgId, String title) {
        jdbc.sql("""
                        insert into post (id_number, org_id, title, org_path, name)
                        select p.id_number, o.id, ?, o.path, p.name from person p, org_replica.org o
                         where p.id_number = ? and o.id = ?""")
                .params(title, idNumber, orgId).update();
    }

    /** A full ID number from its first 17 characters, with the GB 11643 check digit. */
    static String id(String first17) {
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * weights[i];
        }
        return first17 + "10X98765432".charAt(sum % 11);
    }
}
