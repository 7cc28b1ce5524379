package dev.assist.triage;

import com.github.pemistahl.lingua.api.IsoCode639_1;
import com.github.pemistahl.lingua.api.Language;
import dev.assist.conversation.LanguageConfidences;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeSet;

/**
 * Language of a conversation with Lingua restricted to the configured languages, read as a small
 * hidden-Markov filter over the customer's turns: each turn's Lingua scores become a likelihood,
 * the belief carries over from turn to turn (customers rarely switch language), and the request's
 * locale is the starting belief. A clear message decides on its own; a short one ("ok", "merci",
 * a product name) leans on the turns before it; with nothing to lean on the answer is {@code und}.
 *
 * <p>Lingua 1.2 reports relative confidences (top language 1.0, others the ratio of log-likelihoods);
 * {@code sharpness} turns them back into log-likelihood differences per letter. It and the other
 * constants are fitted on {@code tatoeba_langid/dev.jsonl} by {@code ./assist eval language --fit}.
 */
public final class LanguageIdentifier {
    private final List<String> languages;
    private final LanguageConfidences detector;
    private final LanguageSettings settings;

    public LanguageIdentifier(Set<String> isoCodes, LanguageSettings settings) {
        if (isoCodes.isEmpty()) {
            throw new IllegalArgumentException("configure at least one language");
        }
        List<IsoCode639_1> codes = new ArrayList<>();
        for (String code : new TreeSet<>(isoCodes)) {
            codes.add(isoCode(code));
        }
        this.languages = codes.stream().map(c -> c.name().toLowerCase(Locale.ROOT)).toList();
        this.settings = settings;
        this.detector = LanguageConfidences.among(EnumSet.copyOf(codes), settings.lowAccuracy());
    }

    /** The languages this identifier chooses between (ISO 639-1, sorted). */
    public List<String> languages() {
        return languages;
    }

    /** The language of one text, without context. */
    public LanguageGuess identify(String text) {
        return identify(List.of(text), Optional.empty());
    }

    /** The language of the last of {@code turns} (the customer's texts, oldest first), using the earlier ones and the locale as priors. */
    public LanguageGuess identify(List<String> turns, Optional<String> locale) {
        int n = languages.size();
        double[] belief = new double[n];
        double uniform = 1.0 / n;
        int localeIndex = locale.map(LanguageIdentifier::primaryLanguage).map(languages::indexOf).orElse(-1);
        for (int l = 0; l < n; l++) {
            belief[l] = localeIndex < 0 ? uniform
                    : (1 - settings.localeWeight()) * uniform + (l == localeIndex ? settings.localeWeight() : 0);
        }
        double[] lastLikelihood = null;
        boolean anyEvidence = localeIndex >= 0;
        for (String turn : turns) {
            double[] logLikelihood = logLikelihood(turn);
            lastLikelihood = logLikelihood;
            if (logLikelihood == null) {
                continue;
            }
            anyEvidence = true;
            double max = Double.NEGATIVE_INFINITY;
            for (int l = 0; l < n; l++) {
                belief[l] = Math.log((1 - settings.switchProbability()) * belief[l] + settings.switchProbability() * uniform)
                        + logLikelihood[l];
                max = Math.max(max, belief[l]);
            }
            double sum = 0;
            for (int l = 0; l < n; l++) {
                belief[l] = Math.exp(belief[l] - max);
                sum += belief[l];
            }
            for (int l = 0; l < n; l++) {
                belief[l] /= sum;
            }
        }
        int best = 0;
        for (int l = 1; l < n; l++) {
            if (belief[l] > belief[best]) {
                best = l;
            }
        }
        if (!anyEvidence || belief[best] < settings.minConfidence()) {
            return LanguageGuess.undetermined(anyEvidence ? belief[best] : 0);
        }
        boolean textAlone = lastLikelihood != null && textDecides(lastLikelihood, best);
        return new LanguageGuess(languages.get(best), belief[best],
                textAlone ? LanguageGuess.Evidence.TEXT : LanguageGuess.Evidence.CONTEXT);
    }

    /** Whether the last message alone, without priors, gives the language at least {@code minConfidence}. */
    private boolean textDecides(double[] ll, int best) {
        double max = java.util.Arrays.stream(ll).max().orElse(0);
        double sum = 0;
        for (double v : ll) {
            sum += Math.exp(v - max);
        }
        return Math.exp(ll[best] - max) / sum >= settings.minConfidence();
    }

    /**
     * Log-likelihood of the text under each language, up to a constant: Lingua's relative confidence
     * {@code c = LL(top) / LL(l)} gives {@code LL(l) - LL(top) = LL(top) (1/c - 1)}, with
     * {@code LL(top)} taken as {@code -sharpness * letters}. Null when the text has no letters. With
     * one language there is nothing to compare (Lingua refuses a single language): any text is it.
     */
    double[] logLikelihood(String text) {
        int letters = (int) text.codePoints().filter(Character::isLetter).count();
        if (letters == 0) {
            return null;
        }
        String sample = text.length() > 1000 ? text.substring(0, 1000) : text;
        SortedMap<Language, Double> confidence = detector.of(sample);
        if (confidence.isEmpty()) {
            return null;
        }
        double scale = settings.sharpness() * Math.min(letters, 1000);
        double[] ll = new double[languages.size()];
        for (int l = 0; l < ll.length; l++) {
            Double c = confidence.get(language(languages.get(l)));
            ll[l] = c == null || c <= 0 ? -scale * 10 : -scale * (1 / c - 1);
        }
        return ll;
    }

    /** Scores of a single text, for evaluation: language to probability. */
    public Map<String, Double> distribution(String text) {
        double[] ll = logLikelihood(text);
        Map<String, Double> out = new LinkedHashMap<>();
        if (ll == null) {
            return out;
        }
        double max = java.util.Arrays.stream(ll).max().orElse(0);
        double sum = 0;
        for (double v : ll) {
            sum += Math.exp(v - max);
        }
        for (int l = 0; l < ll.length; l++) {
            out.put(languages.get(l), Math.exp(ll[l] - max) / sum);
        }
        return out;
    }

    static String primaryLanguage(String locale) {
        String tag = locale.trim().replace('_', '-');
        int dash = tag.indexOf('-');
        return (dash < 0 ? tag : tag.substring(0, dash)).toLowerCase(Locale.ROOT);
    }

    private static Language language(String code) {
        return Language.getByIsoCode639_1(isoCode(code));
    }

    static IsoCode639_1 isoCode(String code) {
        try {
            return IsoCode639_1.valueOf(code.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown language code '" + code + "' (use ISO 639-1, e.g. en, de)");
        }
    }

    /** Whether Lingua knows this ISO 639-1 code. */
    public static boolean supports(String code) {
        try {
            return Language.getByIsoCode639_1(IsoCode639_1.valueOf(code.toUpperCase(Locale.ROOT))) != Language.UNKNOWN;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
