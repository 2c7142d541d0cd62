package cn.league.member.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * R-SRCH-1 with R-SCOPE-1: which subtrees a search looks in. An admin searches the subtrees of the orgs they
 * administer; narrowing to an org keeps only what lies in both. A subtree is named by its org's materialised
 * path (ids joined by dots, e.g. {@code 1.5.23}); the result never holds one path below another, so every
 * person is looked at once. Nothing in common means nothing is found — no hint that the org exists.
 */
public final class SearchScope {

    private SearchScope() {
    }

    /**
     * @param administered the paths of the orgs the caller administers (any order, may nest)
     * @param narrowTo     the path of the org to narrow to, or null for no narrowing
     * @return the subtree roots to search, shallowest first
     */
    public static List<String> subtrees(List<String> administered, String narrowTo) {
        List<String> roots = outermost(administered);
        if (narrowTo == null) {
            return roots;
        }
        for (String root : roots) {
            if (isWithin(narrowTo, root)) {
                return List.of(narrowTo);
            }
        }
        return roots.stream().filter(root -> isWithin(root, narrowTo)).toList();
    }

    /**
     * The part of the subtrees that lies within the others: narrowing to a province keeps, of each subtree, the
     * province's own tree where the subtree holds it (团中央's) or the subtree itself where the province holds it.
     *
     * @param subtrees the subtree roots to search, none below another
     * @param within   the roots to keep the search within, none below another
     */
    public static List<String> within(List<String> subtrees, List<String> within) {
        List<String> kept = new ArrayList<>();
        for (String subtree : subtrees) {
            for (String root : within) {
                if (isWithin(subtree, root)) {
                    kept.add(subtree);
                } else if (isWithin(root, subtree)) {
                    kept.add(root);
                }
            }
        }
        kept.sort(Comparator.comparingInt(String::length).thenComparing(Comparator.naturalOrder()));
        return List.copyOf(kept);
    }

    /** Whether {@code path} is {@code ancestor} itself or lies below it. */
    public static boolean isWithin(String path, String ancestor) {
        return path.equals(ancestor) || path.startsWith(ancestor + ".");
    }

    private static List<String> outermost(List<String> paths) {
        List<String> sorted = new ArrayList<>(paths);
        sorted.sort(Comparator.comparingInt(String::length).thenComparing(Comparator.naturalOrder()));
        List<String> roots = new ArrayList<>();
        for (String path : sorted) {
            if (roots.stream().noneMatch(root -> isWithin(path, root))) {
                roots.add(path);
            }
        }
        return List.copyOf(roots);
    }
}
