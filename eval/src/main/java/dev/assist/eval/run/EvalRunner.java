package dev.assist.eval.run;

import dev.assist.eval.EvalCase;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs every case through every configuration. Configurations take turns case by case, so a
 * burst of load on a shared machine slows all of them alike and latency stays comparable.
 *
 * <p>Before timing, the first few cases run once untimed (the JIT), and with a full warm-up every
 * case is {@linkplain EvalTarget#warm warmed}, so latency is that of a server that has seen its
 * articles before (steady state) rather than of its first requests.
 */
public final class EvalRunner {
    private static final int JIT_WARM_UP = 3;

    private final CaseScorer scorer;
    private final EvalProgress.Listener progress;
    private final boolean fullWarmUp;

    public EvalRunner(CaseScorer scorer, EvalProgress.Listener progress, boolean fullWarmUp) {
        this.scorer = scorer;
        this.progress = progress;
        this.fullWarmUp = fullWarmUp;
    }

    /** Rows per configuration, in the order of {@code targets}, each in case order. */
    public List<List<CaseRow>> run(List<EvalCase> cases, List<? extends EvalTarget> targets) {
        for (EvalTarget target : targets) {
            cases.stream().limit(JIT_WARM_UP).forEach(c -> quietly(() -> target.run(c)));
        }
        if (fullWarmUp) {
            int done = 0;
            int total = cases.size() * targets.size();
            for (EvalCase c : cases) {
                for (EvalTarget target : targets) {
                    quietly(() -> target.warm(c));
                    progress.advanced("warm-up", ++done, total);
                }
            }
        }
        List<List<CaseRow>> rows = new ArrayList<>();
        targets.forEach(t -> rows.add(new ArrayList<>(cases.size())));
        int total = cases.size() * targets.size();
        int done = 0;
        for (EvalCase c : cases) {
            for (int t = 0; t < targets.size(); t++) {
                rows.get(t).add(runOne(targets.get(t), c));
                progress.advanced("eval", ++done, total);
            }
        }
        return rows;
    }

    /** Warm-up failures are not reported: the timed run meets them again and reports them. */
    private static void quietly(Runnable work) {
        try {
            work.run();
        } catch (RuntimeException ignored) {
            // reported by the timed run
        }
    }

    private CaseRow runOne(EvalTarget target, EvalCase c) {
        Outcome outcome;
        try {
            outcome = target.run(c);
        } catch (RuntimeException e) {
            return scorer.failed(c, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        return scorer.score(c, outcome);
    }
}
