package dev.assist.conversation;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.pemistahl.lingua.api.IsoCode639_1;
import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetector;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Lingua's confidence values among a fixed set of languages, computed once per text.
 *
 * <p>A conversation's earlier turns come back with every request, and the answer language and the
 * triage both read the same texts; without the cache every turn went through Lingua on every request
 * (about a quarter of the server's CPU in {@code ./assist bench serve}). Lingua also runs each text
 * on the JVM's common fork-join pool, a single thread on two cores, where concurrent requests queue.
 * Instances are shared per language set (tenants may each have their own), and one bounded cache holds
 * the values of all sets; Lingua keeps its models in static fields, one copy per language.
 */
public final class LanguageConfidences {
    /** Characters of texts whose values are kept, over all language sets together (weighed by length). */
    private static final long CACHED_CHARS = 4_000_000;
    private static final ConcurrentMap<Key, LanguageConfidences> SHARED = new ConcurrentHashMap<>();
    private static final Cache<KeyText, SortedMap<Language, Double>> VALUES = Caffeine.newBuilder().maximumWeight(CACHED_CHARS)
            .<KeyText, SortedMap<Language, Double>>weigher((key, values) -> key.text().length() + 100).build();

    private final Key key;
    private final LanguageDetector detector;
    private final Language only;

    private record Key(Set<IsoCode639_1> codes, boolean lowAccuracy) {
    }

    private record KeyText(Key key, String text) {
    }

    private LanguageConfidences(Key key) {
        this.key = key;
        if (key.codes().size() == 1) {
            // Lingua refuses to choose from one language; there is nothing to choose.
            this.detector = null;
            this.only = Language.getByIsoCode639_1(key.codes().iterator().next());
            return;
        }
        LanguageDetectorBuilder builder = LanguageDetectorBuilder.fromIsoCodes639_1(key.codes().toArray(IsoCode639_1[]::new));
        if (key.lowAccuracy()) {
            builder = builder.withLowAccuracyMode();
        }
        this.detector = builder.withPreloadedLanguageModels().build();
        this.only = null;
    }

    /** The shared instance for these languages (built, and its models loaded, on first use). */
    public static LanguageConfidences among(Set<IsoCode639_1> codes, boolean lowAccuracy) {
        if (codes.isEmpty()) {
            throw new IllegalArgumentException("configure at least one language");
        }
        Key key = new Key(Collections.unmodifiableSet(EnumSet.copyOf(codes)), lowAccuracy);
        return SHARED.computeIfAbsent(key, LanguageConfidences::new);
    }

    /**
     * Lingua's relative confidences (the top language 1.0), most confident first; empty when the text
     * has nothing Lingua can read. The map must not be modified.
     */
    public SortedMap<Language, Double> of(String text) {
        if (only != null) {
            return text.codePoints().anyMatch(Character::isLetter)
                    ? Collections.unmodifiableSortedMap(new TreeMap<>(Map.of(only, 1.0)))
                    : Collections.emptySortedMap();
        }
        return VALUES.get(new KeyText(key, text),
                k -> Collections.unmodifiableSortedMap(detector.computeLanguageConfidenceValues(k.text())));
    }
}
