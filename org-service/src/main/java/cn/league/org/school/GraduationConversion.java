package cn.league.org.school;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import cn.league.contracts.Topics;
import cn.league.contracts.org.OrgEvents.BranchesGraduated;
import cn.league.org.school.SchoolStore.Graduated;
import cn.league.org.scope.Scope;
import cn.league.support.jobs.ExclusiveBatches;
import cn.league.support.jobs.ExclusiveBatches.Batch;
import cn.league.support.outbox.Outbox;
import cn.league.support.problem.ProblemException;

/**
 * R-GRAD-3: every branch marked with this year's graduation year becomes a GRADUATE_BRANCH, and
 * {@code BranchesGraduated.v1} says which (member-service flags their members as graduates).
 * <p>Work goes in batches of at most {@code league.graduation.batch-size} branches, each in its own
 * transaction with its events; one event names the branches of one provincial-level tree (its Kafka key).
 * A second run finds nothing left to convert and publishes nothing. One replica converts at a time
 * ({@link ExclusiveBatches}: a run that finds another at work ends at once); even without that, runs at once would
 * split the branches between them (row locks, skip locked), so none is converted or announced twice.
 * <p><b>Decision</b>: the job checks daily and converts on or after the configured date
 * ({@code league.graduation.conversion-date}, default 06-01), so a day when no replica ran is caught up.
 * <p><b>Decision</b>: a branch marked with this year once the date has come has graduated already, so it converts at
 * once, in the mark's own transaction ({@link #graduateMarked}), as its admin expects (FAQ 52: "at the set time",
 * which has passed), rather than at the next daily check.
 */
@Service
public class GraduationConversion {

    private static final Logger log = LoggerFactory.getLogger(GraduationConversion.class);
    static final long CENTRAL = 1;
    static final String JOB = "graduation-conversion";

    private final SchoolStore store;
    private final Scope scope;
    private final Outbox outbox;
    private final ExclusiveBatches batches;
    private final MonthDay conversionDate;
    private final int batchSize;

    GraduationConversion(SchoolStore store, Scope scope, Outbox outbox, ExclusiveBatches batches,
                         @Value("${league.graduation.conversion-date:06-01}") String conversionDate,
                         @Value("${league.graduation.batch-size:1000}") int batchSize) {
        this.store = store;
        this.scope = scope;
        this.outbox = outbox;
        this.batches = batches;
        this.conversionDate = MonthDay.parse("--" + conversionDate);
        this.batchSize = batchSize;
    }

    /** What the yearly job does on {@code today}: nothing before the conversion date, this year's branches from it on. */
    public int convertIfDue(LocalDate today) {
        return isDue(today) ? convert(today.getYear()) : 0;
    }

    /** R-GRAD-3: whether this year's conversion is due on {@code today}: on or after the configured date. */
    public boolean isDue(LocalDate today) {
        return !today.isBefore(conversionDate.atYear(today.getYear()));
    }

    /**
     * R-GRAD-3 for branches just marked with this year once the date has come: those of them still plain branches
     * become graduate branches now, announced as the yearly run announces its own. Runs in the caller's transaction,
     * which holds the branches' rows, so the yearly run never converts or announces them a second time.
     *
     * @return the ids converted
     */
    public List<Long> graduateMarked(List<Long> branchIds, int year) {
        List<Graduated> graduated = store.graduate(branchIds, year);
        announce(year, graduated);
        if (!graduated.isEmpty()) {
            log.info("{} branches marked with {} after the conversion date became graduate branches", graduated.size(),
                    year);
        }
        return graduated.stream().map(Graduated::id).toList();
    }

    /** An ops run by an admin of 团中央. */
    public int convertAs(String caller, int year) {
        if (!scope.administers(caller, CENTRAL)) {
            throw new ProblemException(HttpStatus.FORBIDDEN, "CENTRAL_ADMIN_ONLY", "R-SCOPE-1",
                    "只有团中央管理员可以执行毕业生团组织转换");
        }
        return convert(year);
    }

    /** Converts every branch marked with {@code year}; returns how many this call converted. */
    public int convert(int year) {
        int converted = batches.run(JOB, () -> {
            int done = graduateBatch(year);
            return new Batch(done, done == batchSize);
        });
        if (converted > 0) {
            log.info("{} branches marked with {} became graduate branches", converted, year);
        }
        return converted;
    }

    private int graduateBatch(int year) {
        List<Graduated> batch = store.graduateBatch(year, batchSize);
        announce(year, batch);
        return batch.size();
    }

    /** One BranchesGraduated per provincial-level tree of the branches. */
    private void announce(int year, List<Graduated> graduated) {
        Map<String, List<Graduated>> byTree = new LinkedHashMap<>();
        graduated.forEach(branch -> byTree.computeIfAbsent(branch.treeKey(), key -> new ArrayList<>()).add(branch));
        byTree.forEach((treeKey, branches) -> outbox.publish(Topics.ORG_EVENTS,
                new BranchesGraduated(year, branches.stream().map(Graduated::id).toList()),
                treeKey, branches.getFirst().treePath()));
    }
}
