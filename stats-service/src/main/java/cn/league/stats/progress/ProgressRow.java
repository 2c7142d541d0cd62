package cn.league.stats.progress;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * One line of 录入进度 (R-STAT-2, FAQ 38): an org's subtree figures with their ratios (null where nothing to divide
 * by). Members: child branches, completed branches, members entered and complete, and against the 2017 团统 count.
 * Cadres: basic-level orgs (团委, 团工委, 团总支), completed ones, cadres entered and complete; leading bodies and
 * completed ones (R-STAT-1).
 */
public record ProgressRow(long orgId, String fullName, String type,
                          long branches, long branchesComplete, BigDecimal branchesRatio,
                          long members, long membersComplete, BigDecimal membersRatio,
                          Long baseline, BigDecimal baselineRatio,
                          long bodies, long bodiesComplete, BigDecimal bodiesRatio,
                          long cadres, long cadresComplete, BigDecimal cadresRatio,
                          long leadingBodies, long leadingBodiesComplete) {

    /**
     * @param baseline the org's 2017 团统 count, or null when none was loaded
     * @param filtered whether the figures are one domain's: the baseline counts every domain, so no ratio then
     */
    static ProgressRow of(long orgId, String fullName, String type, Figures f, Long baseline, boolean filtered) {
        return new ProgressRow(orgId, fullName, type,
                f.branches(), f.branchesComplete(), ratio(f.branchesComplete(), f.branches()),
                f.members(), f.membersComplete(), ratio(f.membersComplete(), f.members()),
                baseline, baseline == null || filtered ? null : ratio(f.members(), baseline),
                f.bodies(), f.bodiesComplete(), ratio(f.bodiesComplete(), f.bodies()),
                f.cadres(), f.cadresComplete(), ratio(f.cadresComplete(), f.cadres()),
                f.leadingBodies(), f.leadingBodiesComplete());
    }

    static BigDecimal ratio(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
    }
}
