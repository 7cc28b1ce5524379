package dev.assist.rerank;

import dev.assist.retrieve.Candidate;
import dev.assist.retrieve.Passage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Orders the first {@code depth} candidates by a {@link CrossEncoder}'s relevance of (question,
 * passage title and text); the rest keep their first-stage order below them. Scores are the
 * model's logits. It reads every language: pick a multilingual model (bge-reranker-v2-m3) when
 * questions are not all English.
 */
public final class CrossEncoderReranker implements Reranker {
    private final CrossEncoder model;
    private final int depth;

    public CrossEncoderReranker(CrossEncoder model, int depth) {
        if (depth < 1) {
            throw new IllegalArgumentException("depth must be at least 1");
        }
        this.model = model;
        this.depth = depth;
    }

    @Override
    public List<ScoredPassage> rerank(RerankQuery query, List<Candidate> candidates) {
        if (candidates.isEmpty()) {
            return List.of();
        }
        List<Candidate> head = candidates.subList(0, Math.min(depth, candidates.size()));
        float[] scores = model.score(query.searched(), head.stream().map(candidate -> text(candidate.passage())).toList());
        List<ScoredPassage> scored = new ArrayList<>(candidates.size());
        for (int i = 0; i < head.size(); i++) {
            scored.add(new ScoredPassage(head.get(i), scores[i], List.of()));
        }
        // A stable sort: equal scores keep the first-stage order.
        scored.sort(Comparator.comparingDouble(ScoredPassage::score).reversed());
        double floor = scored.getLast().score();
        for (int i = head.size(); i < candidates.size(); i++) {
            scored.add(new ScoredPassage(candidates.get(i), floor - (i - head.size() + 1) * 1e-6, List.of()));
        }
        return scored;
    }

    /** What the model reads of a passage: the title says what the chunk is about. */
    static String text(Passage passage) {
        return passage.title() == null || passage.title().isBlank() ? passage.text() : passage.title() + "\n" + passage.text();
    }
}
