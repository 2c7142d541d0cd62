package cn.league.orgreplica;

import java.util.Arrays;
import java.util.List;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Scope checks stay index lookups on a tree of real proportions (100,000 branches under one province). */
@SpringBootTest
class OrgTreeSpeedTest {

    static final long PROVINCE = 9_000_000;
    static final long CITY = PROVINCE + 1;
    static final long BRANCH = 10_000_000L + 1 * 1000 + 500; // a branch of the first city
    static final String CITY_ADMIN = "990000199001010000";

    @Autowired
    JdbcClient jdbc;
    @Autowired
    OrgTree tree;

    @BeforeEach
    void bigTree() {
        if (tree.find(PROVINCE).isPresent() && tree.find(BRANCH).isPresent()) {
            return;
        }
        jdbc.sql("""
                insert into org_replica.org (id, parent_id, path, type, tree_root_id)
                values (9000000, 1, '1.9000000', 'LEADING_BODY', 9000000) on conflict do nothing""").update();
        jdbc.sql("""
                insert into org_replica.org (id, parent_id, path, type, tree_root_id)
                select 9000000 + c, 9000000, '1.9000000.' || (9000000 + c), 'LEADING_BODY', 9000000
                  from generate_series(1, 100) c on conflict do nothing""").update();
        jdbc.sql("""
                insert into org_replica.org (id, parent_id, path, type, tree_root_id)
                select 10000000 + c * 1000 + b, 9000000 + c,
                       '1.9000000.' || (9000000 + c) || '.' || (10000000 + c * 1000 + b), 'BRANCH', 9000000
                  from generate_series(1, 100) c, generate_series(1, 999) b on conflict do nothing""").update();
        jdbc.sql("""
                insert into org_replica.org_admin (org_id, id_number)
                select 10000000 + c * 1000 + b, '99' || lpad((c * 1000 + b)::text, 16, '0')
                  from generate_series(1, 100) c, generate_series(1, 999) b on conflict do nothing""").update();
        jdbc.sql("insert into org_replica.org_admin values (?, ?) on conflict do nothing")
                .params(CITY, CITY_ADMIN).update();
        jdbc.sql("analyze org_replica.org").update();
        jdbc.sql("analyze org_replica.org_admin").update();
    }

    @Test
    @DisplayName("R-SCOPE-1 and R-SCOPE-2 checks read by primary key and index, never a scan of the tree")
    void scopeChecksUseIndexes() {
        for (String plan : List.of(
                plan(OrgTree.MAY_ACT_ON, BRANCH, CITY_ADMIN),
                plan(OrgTree.MAY_ACT_AS_PARENT_OF, BRANCH, CITY_ADMIN),
                plan(OrgTree.IS_WITHIN, BRANCH, CITY),
                plan(OrgTree.ADMINISTERED_BY, CITY_ADMIN))) {
            assertThat(plan).doesNotContain("Seq Scan").doesNotContain("Recursive");
        }
    }

    @Test
    @DisplayName("R-SCOPE-1 a scope check takes well under a millisecond on a warm database")
    void scopeChecksAreFast() {
        assertThat(tree.mayActOn(CITY_ADMIN, BRANCH)).isTrue();
        assertThat(tree.mayActOn(CITY_ADMIN, BRANCH + 1000)).as("a branch of the next city").isFalse();
        assertThat(tree.mayActAsParentOf(CITY_ADMIN, BRANCH)).isTrue();

        double mayActOn = medianMicros(() -> tree.mayActOn(CITY_ADMIN, BRANCH));
        double asParent = medianMicros(() -> tree.mayActAsParentOf(CITY_ADMIN, BRANCH));
        double within = medianMicros(() -> tree.isWithin(BRANCH, PROVINCE));
        System.out.printf("median µs: mayActOn %.0f, mayActAsParentOf %.0f, isWithin %.0f%n", mayActOn, asParent, within);

        assertThat(mayActOn).isLessThan(1000);
        assertThat(asParent).isLessThan(1000);
        assertThat(within).isLessThan(1000);
    }

    private String plan(String sql, Object... params) {
        return String.join("\n", jdbc.sql("explain " + sql).params(params).query(String.class).list());
    }

    private static double medianMicros(BooleanSupplier check) {
        for (int i = 0; i < 500; i++) {
            check.getAsBoolean();
        }
        long[] nanos = new long[2000];
        for (int i = 0; i < nanos.length; i++) {
            long start = System.nanoTime();
            check.getAsBoolean();
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        return nanos[nanos.length / 2] / 1000.0;
    }
}
