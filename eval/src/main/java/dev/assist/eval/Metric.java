package dev.assist.eval;

import java.util.Locale;
import java.util.Optional;

/**
 * Every number an eval run reports per configuration, with the name gates and reports use, how
 * rows are aggregated, and which direction is better.
 */
public enum Metric {
    RECALL_1("recall@1", Group.RETRIEVAL, Aggregate.MEAN, Direction.HIGHER),
    RECALL_5("recall@5", Group.RETRIEVAL, Aggregate.MEAN, Direction.HIGHER),
    RECALL_10("recall@10", Group.RETRIEVAL, Aggregate.MEAN, Direction.HIGHER),
    MRR_10("mrr@10", Group.RETRIEVAL, Aggregate.MEAN, Direction.HIGHER),
    NDCG_10("ndcg@10", Group.RETRIEVAL, Aggregate.MEAN, Direction.HIGHER),
    GROUNDEDNESS("groundedness", Group.ANSWER, Aggregate.MEAN, Direction.HIGHER),
    CITATION_PRECISION("citation_precision", Group.ANSWER, Aggregate.MEAN, Direction.HIGHER),
    CITATION_RECALL("citation_recall", Group.ANSWER, Aggregate.MEAN, Direction.HIGHER),
    ANSWER_COSINE("answer_cosine", Group.ANSWER, Aggregate.MEAN, Direction.HIGHER),
    ANSWER_TOKEN_F1("answer_token_f1", Group.ANSWER, Aggregate.MEAN, Direction.HIGHER),
    ANSWER_TOKEN_RECALL("answer_token_recall", Group.ANSWER, Aggregate.MEAN, Direction.HIGHER),
    HANDOFF_RATE("handoff_rate", Group.HANDOFF, Aggregate.MEAN, Direction.NEUTRAL),
    HANDOFF_PRECISION("handoff_precision", Group.HANDOFF, Aggregate.PRECISION, Direction.HIGHER),
    HANDOFF_RECALL("handoff_recall", Group.HANDOFF, Aggregate.RECALL, Direction.HIGHER),
    HANDOFF_F1("handoff_f1", Group.HANDOFF, Aggregate.F1, Direction.HIGHER),
    TOKENS_IN("tokens_in", Group.ANSWER, Aggregate.MEAN, Direction.LOWER),
    TOKENS_OUT("tokens_out", Group.ANSWER, Aggregate.MEAN, Direction.LOWER),
    LATENCY_P50("latency_p50_ms", Group.LATENCY, Aggregate.P50, Direction.LOWER),
    LATENCY_P95("latency_p95_ms", Group.LATENCY, Aggregate.P95, Direction.LOWER),
    LATENCY_P99("latency_p99_ms", Group.LATENCY, Aggregate.P99, Direction.LOWER);

    /** What part of the system a metric judges. */
    public enum Group {
        RETRIEVAL, ANSWER, HANDOFF, LATENCY;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Which way is better; NEUTRAL metrics (the hand-off rate) are reported as higher or lower only. */
    public enum Direction {
        HIGHER, LOWER, NEUTRAL
    }

    private final String wireName;
    private final Group group;
    private final Aggregate aggregate;
    private final Direction direction;

    Metric(String wireName, Group group, Aggregate aggregate, Direction direction) {
        this.wireName = wireName;
        this.group = group;
        this.aggregate = aggregate;
        this.direction = direction;
    }

    public String wireName() {
        return wireName;
    }

    public Group group() {
        return group;
    }

    public Aggregate aggregate() {
        return aggregate;
    }

    public Direction direction() {
        return direction;
    }

    /** By wire name, case-insensitive; {@code p50}, {@code latency_p50} and {@code mrr} are accepted too. */
    public static Optional<Metric> parse(String name) {
        String n = name.strip().toLowerCase(Locale.ROOT);
        for (Metric metric : values()) {
            String w = metric.wireName;
            if (w.equals(n) || w.equals(n + "_ms") || w.equals("latency_" + n + "_ms") || w.equals(n + "@10")) {
                return Optional.of(metric);
            }
        }
        return Optional.empty();
    }
}
