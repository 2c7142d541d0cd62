package cn.league.stats.snapshot;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.league.contracts.org.OrgDomain;
import cn.league.contracts.org.OrgType;
import cn.league.stats.completion.CompletionRule;
import cn.league.stats.projection.OwnFigures;

/**
 * Subtree figures from own figures: every org's figures plus those of everything below it, by domain (R-STAT-2).
 * Each org counts itself (leading body, grassroots body or branch, and whether it completed entry, R-STAT-1) and
 * its own people; then, deepest orgs first, each org's sums are added to its parent's — one pass per domain over
 * flat arrays, so a tree of millions of orgs rolls up in memory in well under a second.
 */
public final class RollUp {

    public static final int LEADING_BODIES = 0;
    public static final int LEADING_BODIES_COMPLETE = 1;
    public static final int BODIES = 2;
    public static final int BODIES_COMPLETE = 3;
    public static final int BRANCHES = 4;
    public static final int BRANCHES_COMPLETE = 5;
    public static final int MEMBERS = 6;
    public static final int MEMBERS_COMPLETE = 7;
    public static final int CADRES = 8;
    public static final int CADRES_COMPLETE = 9;
    public static final int WIDTH = 10;

    /** One org of the tree with its own figures ({@link OwnFigures}' indexes; null when nobody is in it). */
    public record Org(long id, Long parentId, String path, OrgType type, OrgDomain domain, long[] own) {
    }

    /** Receives the subtree figures of one org in one domain. */
    public interface Figures {
        void accept(long orgId, Long parentId, OrgDomain domain, long[] figures);
    }

    private final List<Org> orgs = new ArrayList<>();

    public void add(Org org) {
        orgs.add(org);
    }

    /** Hands over every (org, domain) whose subtree holds something of that domain. */
    public void forEach(Figures out) {
        int n = orgs.size();
        Map<Long, Integer> index = new HashMap<>(n * 2);
        for (int i = 0; i < n; i++) {
            index.put(orgs.get(i).id(), i);
        }
        int[] parent = new int[n];
        int[] deepestFirst = deepestFirst(index, parent);
        long[] own = new long[n * WIDTH];
        for (int i = 0; i < n; i++) {
            countItself(orgs.get(i), own, i * WIDTH);
        }
        long[] sums = new long[n * WIDTH];
        long[] figures = new long[WIDTH];
        for (OrgDomain domain : OrgDomain.values()) {
            Arrays.fill(sums, 0);
            for (int i = 0; i < n; i++) {
                if (domainOf(orgs.get(i)) == domain) {
                    System.arraycopy(own, i * WIDTH, sums, i * WIDTH, WIDTH);
                }
            }
            for (int i : deepestFirst) {
                if (parent[i] >= 0) {
                    for (int f = 0; f < WIDTH; f++) {
                        sums[parent[i] * WIDTH + f] += sums[i * WIDTH + f];
                    }
                }
            }
            for (int i = 0; i < n; i++) {
                boolean any = false;
                for (int f = 0; f < WIDTH; f++) {
                    figures[f] = sums[i * WIDTH + f];
                    any |= figures[f] != 0;
                }
                if (any) {
                    out.accept(orgs.get(i).id(), orgs.get(i).parentId(), domain, figures);
                }
            }
        }
    }

    /** An org without a domain (none given yet) counts under 其他. */
    private static OrgDomain domainOf(Org org) {
        return org.domain() == null ? OrgDomain.OTHER : org.domain();
    }

    private static void countItself(Org org, long[] own, int at) {
        long[] people = org.own() == null ? new long[OwnFigures.WIDTH] : org.own();
        boolean complete = CompletionRule.isComplete(org.type(), people[OwnFigures.CADRES],
                people[OwnFigures.CADRES_COMPLETE], people[OwnFigures.PEOPLE_COMPLETE]);
        int kind = org.type() == OrgType.LEADING_BODY ? LEADING_BODIES
                : org.type().isGrassrootsBody() ? BODIES : BRANCHES;
        own[at + kind] = 1;
        own[at + kind + 1] = complete ? 1 : 0;
        own[at + MEMBERS] = people[OwnFigures.MEMBERS];
        own[at + MEMBERS_COMPLETE] = people[OwnFigures.MEMBERS_COMPLETE];
        own[at + CADRES] = people[OwnFigures.CADRES];
        own[at + CADRES_COMPLETE] = people[OwnFigures.CADRES_COMPLETE];
    }

    /** Org indexes ordered by depth in the tree, deepest first; fills in each one's parent index (-1: none known). */
    private int[] deepestFirst(Map<Long, Integer> index, int[] parent) {
        int n = orgs.size();
        int[] depth = new int[n];
        int maxDepth = 0;
        for (int i = 0; i < n; i++) {
            Org org = orgs.get(i);
            Integer parentIndex = org.parentId() == null ? null : index.get(org.parentId());
            parent[i] = parentIndex == null ? -1 : parentIndex;
            depth[i] = (int) org.path().chars().filter(c -> c == '.').count();
            maxDepth = Math.max(maxDepth, depth[i]);
        }
        int[] start = new int[maxDepth + 2];
        for (int d : depth) {
            start[maxDepth - d + 1]++;
        }
        for (int d = 1; d < start.length; d++) {
            start[d] += start[d - 1];
        }
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[start[maxDepth - depth[i]]++] = i;
        }
        return order;
    }
}
