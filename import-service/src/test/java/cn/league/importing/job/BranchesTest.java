package cn.league.importing.job;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import cn.league.importing.support.TreeReplica;

import static org.assertj.core.api.Assertions.assertThat;

/** 所在团支部 of the subordinate template, read against import-service's copy of the tree in PostgreSQL. */
@SpringBootTest(properties = {"league.import.jobs-per-replica=0", "league.member-service.url=http://127.0.0.1:9"})
class BranchesTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transaction;

    @Test
    @DisplayName("R-MEM-1 R-SCOPE-1 a branch by its full name or id under the uploading org; one elsewhere, unknown or named twice is refused with the reason")
    void namesAndIds() {
        String run = "%06d".formatted(ThreadLocalRandom.current().nextInt(1_000_000));
        TreeReplica tree = new TreeReplica(jdbc);
        long province = tree.province("团分支测试省委" + run, "12");
        long committee = tree.child(province, "COMMITTEE", "某区团委" + run);
        long branch = tree.child(committee, "BRANCH", "某社区团支部" + run);
        tree.child(committee, "BRANCH", "同名团支部" + run);
        tree.child(committee, "BRANCH", "同名团支部" + run);
        long elsewhere = tree.child(tree.child(province, "COMMITTEE", "另一区团委" + run), "BRANCH", "另一团支部" + run);

        Branches branches = new Branches(jdbc, committee);
        assertThat(branches.find("某社区团支部" + run).orgId()).isEqualTo(branch);
        assertThat(branches.find(Long.toString(branch)).orgId()).isEqualTo(branch);
        assertThat(branches.find("另一团支部" + run).fault())
                .isEqualTo("本组织下没有名为“另一团支部" + run + "”的团支部,请填写团支部全称");
        assertThat(branches.find(Long.toString(elsewhere)).orgId()).isNull();
        assertThat(branches.find("同名团支部" + run).fault())
                .isEqualTo("本组织下有多个名为“同名团支部" + run + "”的团组织,请改填该团支部的组织ID");
    }

    @Test
    @DisplayName("a branch's full name is looked up through an index, not a scan of the whole replicated tree (3.7 million orgs nationally)")
    void byNameIsAnIndexLookup() {
        List<String> plan = transaction.execute(status -> {
            // the test tree is too small for the planner to prefer an index on its own: only ask whether one serves
            jdbc.sql("set local enable_seqscan = off").update();
            return jdbc.sql("explain " + Branches.BY_NAME).params("某社区团支部", 1L).query(String.class).list();
        });
        assertThat(String.join("\n", plan)).contains("org_full_name").doesNotContain("Seq Scan");
    }
}
