package cn.league.org.school;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.league.contracts.Topics;
import cn.league.contracts.org.OrgEvents.OrgChanged;
import cn.league.org.scope.Scope;
import cn.league.org.tree.Org;
import cn.league.org.tree.OrgStore;
import cn.league.org.tree.OrgTree;
import cn.league.support.outbox.Outbox;
import cn.league.support.problem.ProblemException;

/**
 * Marking, changing and clearing branches' graduation year, one or many at once (R-GRAD-1, R-GRAD-2). A mark of this
 * year once the conversion date has come converts the branches at once (R-GRAD-3, {@link GraduationConversion}).
 */
@Service
public class GraduationMarks {

    private final OrgStore orgs;
    private final SchoolStore store;
    private final Outbox outbox;
    private final GraduationConversion conversion;
    private final Clock clock;

    @Autowired
    GraduationMarks(OrgStore orgs, SchoolStore store, Outbox outbox, GraduationConversion conversion,
                    @Value("${league.graduation.zone:Asia/Shanghai}") String zone) {
        this(orgs, store, outbox, conversion, Clock.system(ZoneId.of(zone)));
    }

    /** {@code clock} tells today's date in the league's zone. */
    GraduationMarks(OrgStore orgs, SchoolStore store, Outbox outbox, GraduationConversion conversion, Clock clock) {
        this.orgs = orgs;
        this.store = store;
        this.outbox = outbox;
        this.conversion = conversion;
        this.clock = clock;
    }

    /**
     * Marks every branch or none: one refusal refuses the whole call, naming the branch when the caller may
     * see it.
     *
     * @param year the graduation year, or null to clear the marks
     */
    @Transactional
    public List<Org> mark(String caller, List<Long> branchIds, Integer year) {
        LocalDate today = LocalDate.now(clock);
        GraduationMarkRule.checkYear(year, today.getYear());
        List<Org> marked = new ArrayList<>(branchIds.size());
        // ascending ids: two bulk calls over overlapping branches lock them in the same order
        for (long branchId : branchIds.stream().distinct().sorted().toList()) {
            marked.add(markOne(caller, branchId, year, branchIds.size() > 1));
        }
        if (year == null || year != today.getYear() || !conversion.isDue(today)) {
            return marked;
        }
        Set<Long> graduated = Set.copyOf(conversion.graduateMarked(marked.stream().map(Org::id).toList(), year));
        return marked.stream().map(org -> graduated.contains(org.id()) ? orgs.find(org.id()).orElseThrow() : org)
                .toList();
    }

    private Org markOne(String caller, long branchId, Integer year, boolean nameTheBranch) {
        Org branch = orgs.lock(branchId).orElseThrow(OrgTree::notFound);
        List<Org> administered = store.administeredOnPath(caller, branch);
        if (administered.isEmpty()) {
            throw Scope.outOfScope("R-SCOPE-1");
        }
        try {
            GraduationMarkRule.checkBranch(branch);
            GraduationMarkRule.checkMarker(branch, administered);
        } catch (ProblemException refused) {
            // the caller may see this branch, so naming it tells them which of many to fix
            throw nameTheBranch ? new ProblemException(refused.status(), refused.code(), refused.rule(),
                    branch.fullName() + ":" + refused.detail()) : refused;
        }
        if (Objects.equals(branch.graduationYear(), year)) {
            return branch;
        }
        Org saved = branch.withGraduationYear(year);
        orgs.update(saved);
        outbox.publish(Topics.ORG_EVENTS, new OrgChanged(saved.snapshot()), saved.eventKey(), saved.path());
        return saved;
    }
}
