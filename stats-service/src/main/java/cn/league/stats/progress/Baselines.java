package cn.league.stats.progress;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.league.orgreplica.OrgTree;
import cn.league.stats.scope.StatsScope;
import cn.league.support.problem.ProblemException;

/** Loading the 2017 团统 counts (R-STAT-2): national admins only; every org must be one the tree holds. */
@Service
public class Baselines {

    private final StatsScope scope;
    private final ProgressStore store;
    private final OrgTree tree;

    Baselines(StatsScope scope, ProgressStore store, OrgTree tree) {
        this.scope = scope;
        this.store = store;
        this.tree = tree;
    }

    /** @return how many orgs' counts were loaded */
    @Transactional
    public int load(String caller, String csv) {
        scope.requireNational(caller);
        Map<Long, Long> counts = BaselineFile.parse(csv == null ? "" : csv);
        List<Long> orgIds = new ArrayList<>(counts.keySet());
        var known = tree.findAll(orgIds).keySet();
        for (Long orgId : orgIds) {
            if (!known.contains(orgId)) {
                throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "BASELINE_ORG_UNKNOWN", "R-STAT-2",
                        "组织编号不存在:" + orgId);
            }
        }
        store.putBaselines(counts);
        return counts.size();
    }
}
