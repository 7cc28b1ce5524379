package dev.assist.retrieve;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/** Collects both rankings per document, so each fusion only has to say how to score one. */
final class FusedList {
    private FusedList() {
    }

    static List<Fusion.Fused> fuse(List<RankedHit> lexical, List<RankedHit> vector, ToDoubleFunction<Fusion.Fused> score) {
        Map<Integer, Fusion.Fused> byDoc = new LinkedHashMap<>();
        for (int i = 0; i < lexical.size(); i++) {
            RankedHit hit = lexical.get(i);
            byDoc.put(hit.doc(), new Fusion.Fused(hit.doc(), 0, i + 1, hit.score(), 0, 0));
        }
        for (int i = 0; i < vector.size(); i++) {
            RankedHit hit = vector.get(i);
            Fusion.Fused seen = byDoc.get(hit.doc());
            byDoc.put(hit.doc(), seen == null
                    ? new Fusion.Fused(hit.doc(), 0, 0, 0, i + 1, hit.score())
                    : new Fusion.Fused(hit.doc(), 0, seen.lexicalRank(), seen.lexicalScore(), i + 1, hit.score()));
        }
        List<Fusion.Fused> fused = new ArrayList<>(byDoc.size());
        for (Fusion.Fused both : byDoc.values()) {
            fused.add(new Fusion.Fused(both.doc(), score.applyAsDouble(both), both.lexicalRank(), both.lexicalScore(),
                    both.vectorRank(), both.vectorScore()));
        }
        fused.sort(Comparator.comparingDouble(Fusion.Fused::score).reversed().thenComparingInt(Fusion.Fused::doc));
        return fused;
    }
}
