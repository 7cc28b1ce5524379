package dev.assist.eval.run;

import dev.assist.eval.EvalCase;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs every case through every configuration. Configurations take turns case by case, so a
 * burst of load on a shared machine slows all of them alike and latency stays comparable; the
 * first few cases run once untimed to warm up each configuration.
 */
public final class EvalRunner {
    private static final int WARM_UP = 3;

    private final CaseScorer scorer;
    private final EvalProgress.Listener progress;

    public EvalRunner(CaseScorer scorer, EvalProgress.Listener progress) {
        this.scorer = scorer;
        this.progress = progress;
    }

    /** Rows per configuration, in the order of {@code targets}, each in case order. */
    public List<List<CaseRow>> run(List<EvalCase> cases, List<? extends EvalTarget> targets) {
        for (EvalTarget target : targets) {
            cases.stream().limit(WARM_UP).forEach(c -> {
                try {
                    target.run(c);
                } catch (RuntimeException ignored) {
                    // The timed run reports it.
                }
            });
        }
        List<List<CaseRow>> rows = new ArrayList<>();
        targets.forEach(t -> rows.add(new ArrayList<>(cases.size())));
        int total = cases.size() * targets.size();
        int done = 0;
        for (EvalCase c : cases) {
            for (int t = 0; t < targets.size(); t++) {
                rows.get(t).add(runOne(targets.get(t), c));
                progress.advanced(++done, total);
            }
        }
        return rows;
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
