package cn.league.stats.projection;

import org.springframework.stereotype.Service;

import cn.league.support.jobs.ExclusiveBatches;
import cn.league.support.jobs.ExclusiveBatches.Batch;

/**
 * Repairs the orgs' own figures: counts them again from the stored person facts with the same arithmetic as the
 * events ({@link OwnFigures}) and replaces them whole. The consumers wait meanwhile (table locks), so no event is
 * counted twice or lost; one replica at a time.
 */
@Service
public class Recompute {

    private final ExclusiveBatches batches;
    private final ProjectionStore store;

    Recompute(ExclusiveBatches batches, ProjectionStore store) {
        this.batches = batches;
        this.store = store;
    }

    /** @return how many orgs have figures now; 0 also when another replica is recomputing */
    public int run() {
        return batches.run("stats-recompute", () -> {
            store.lockForRecompute();
            OwnFigures figures = new OwnFigures();
            store.forEachFact(person -> figures.add(person, +1));
            var nonZero = figures.nonZero();
            store.replaceOrgFigures(nonZero);
            return new Batch(nonZero.size(), false);
        });
    }
}
