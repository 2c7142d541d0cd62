package cn.league.org.benchmark;

import java.util.SplittableRandom;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The generated tree's parent links held in memory (ids are dense: the seeded 1..38, then org_id_seq from
 * 1000), to pick random orgs, random descendants and random parents with children without asking the database.
 */
final class TreeShape {

    final int[] parent;
    final int[] ids;
    private final int[] firstChild;
    private final int[] children;
    private final int[] parentsWithChildren;

    TreeShape(JdbcClient jdbc) {
        int maxId = jdbc.sql("select max(id) from org").query(Integer.class).single();
        int total = jdbc.sql("select count(*) from org").query(Integer.class).single();
        parent = new int[maxId + 1];
        ids = new int[total];
        int[] childCount = new int[maxId + 2];
        int[] next = {0};
        jdbc.sql("select id, coalesce(parent_id, 0) from org").query(row -> {
            int id = row.getInt(1);
            int parentId = row.getInt(2);
            ids[next[0]++] = id;
            parent[id] = parentId;
            childCount[parentId]++;
        });
        firstChild = new int[maxId + 2];
        int withChildren = 0;
        for (int id = 0; id <= maxId; id++) {
            firstChild[id + 1] = firstChild[id] + childCount[id];
            if (id > 0 && childCount[id] > 0) {
                withChildren++;
            }
        }
        children = new int[total];
        int[] fill = new int[maxId + 1];
        for (int id : ids) {
            int parentId = parent[id];
            children[firstChild[parentId] + fill[parentId]++] = id;
        }
        parentsWithChildren = new int[withChildren];
        int n = 0;
        for (int id = 1; id <= maxId; id++) {
            if (childCount[id] > 0) {
                parentsWithChildren[n++] = id;
            }
        }
    }

    int size() {
        return ids.length;
    }

    int childCount(int id) {
        return firstChild[id + 1] - firstChild[id];
    }

    int child(int id, int index) {
        return children[firstChild[id] + index];
    }

    int randomOrg(SplittableRandom random) {
        return ids[random.nextInt(ids.length)];
    }

    int randomParent(SplittableRandom random) {
        return parentsWithChildren[random.nextInt(parentsWithChildren.length)];
    }

    /** The org itself or a random descendant, walking down a random number of steps. */
    int randomDescendant(int id, SplittableRandom random) {
        int steps = random.nextInt(8);
        int at = id;
        for (int i = 0; i < steps && childCount(at) > 0; i++) {
            at = child(at, random.nextInt(childCount(at)));
        }
        return at;
    }

    /** Whether {@code id} is {@code ancestor} or lies below it. */
    boolean isWithin(int id, int ancestor) {
        for (int at = id; at != 0; at = parent[at]) {
            if (at == ancestor) {
                return true;
            }
        }
        return false;
    }

    int depth(int id) {
        int depth = 0;
        for (int at = id; at != 0; at = parent[at]) {
            depth++;
        }
        return depth;
    }
}
