package dev.assist.triage.learn;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * TF-IDF over word n-grams and character n-grams inside word boundaries (sklearn's {@code char_wb}),
 * with sublinear term frequency and L2 normalisation. Word features catch the words that name an
 * intent; character features survive typos, inflection and compounds, which embeddings of a small
 * English model handle badly.
 */
public final class NgramFeatures {
    private final NgramConfig config;
    private final Map<String, Integer> index;
    private final String[] terms;
    private final float[] idf;

    public NgramFeatures(NgramConfig config, String[] terms, float[] idf) {
        if (terms.length != idf.length) {
            throw new IllegalArgumentException("terms and idf differ in length");
        }
        this.config = config;
        this.terms = terms;
        this.idf = idf;
        this.index = new HashMap<>(terms.length * 2);
        for (int i = 0; i < terms.length; i++) {
            index.put(terms[i], i);
        }
    }

    /** Learns the vocabulary (terms in at least {@code minDf} texts) and the smoothed IDF from texts. */
    public static NgramFeatures fit(NgramConfig config, List<String> texts) {
        Map<String, int[]> df = new HashMap<>();
        for (String text : texts) {
            for (String term : distinct(terms(config, text))) {
                df.computeIfAbsent(term, t -> new int[1])[0]++;
            }
        }
        List<String> kept = new ArrayList<>();
        for (Map.Entry<String, int[]> entry : df.entrySet()) {
            if (entry.getValue()[0] >= config.minDf()) {
                kept.add(entry.getKey());
            }
        }
        kept.sort(null);
        String[] terms = kept.toArray(String[]::new);
        float[] idf = new float[terms.length];
        int n = texts.size();
        for (int i = 0; i < terms.length; i++) {
            idf[i] = (float) (Math.log((1.0 + n) / (1.0 + df.get(terms[i])[0])) + 1.0);
        }
        return new NgramFeatures(config, terms, idf);
    }

    public SparseVector transform(String text) {
        Map<Integer, float[]> counts = new HashMap<>();
        for (String term : terms(config, text)) {
            Integer id = index.get(term);
            if (id != null) {
                counts.computeIfAbsent(id, k -> new float[1])[0]++;
            }
        }
        if (counts.isEmpty()) {
            return SparseVector.EMPTY;
        }
        int[] ids = counts.keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
        float[] values = new float[ids.length];
        double norm = 0;
        for (int k = 0; k < ids.length; k++) {
            float tf = counts.get(ids[k])[0];
            values[k] = (float) ((1 + Math.log(tf)) * idf[ids[k]]);
            norm += values[k] * values[k];
        }
        float scale = (float) (1 / Math.sqrt(norm));
        for (int k = 0; k < values.length; k++) {
            values[k] *= scale;
        }
        return new SparseVector(ids, values);
    }

    public int size() {
        return terms.length;
    }

    public NgramConfig config() {
        return config;
    }

    public String[] terms() {
        return terms.clone();
    }

    public float[] idf() {
        return idf.clone();
    }

    static List<String> terms(NgramConfig config, String text) {
        String normal = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        List<String> words = words(normal);
        List<String> out = new ArrayList<>();
        for (int n = config.wordMin(); n <= config.wordMax(); n++) {
            for (int i = 0; i + n <= words.size(); i++) {
                out.add("w:" + String.join(" ", words.subList(i, i + n)));
            }
        }
        if (config.charMax() > 0) {
            for (String word : words) {
                String padded = " " + word + " ";
                int[] cps = padded.codePoints().toArray();
                for (int n = config.charMin(); n <= config.charMax(); n++) {
                    for (int i = 0; i + n <= cps.length; i++) {
                        out.add(new String(cps, i, n));
                    }
                    if (n >= cps.length) {
                        break;
                    }
                }
            }
        }
        return out;
    }

    /** Letters, digits and marks in runs; a CJK ideograph or kana is its own word. */
    static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        text.codePoints().forEach(cp -> {
            if (isIdeographic(cp)) {
                flush(current, words);
                words.add(new String(Character.toChars(cp)));
            } else if (Character.isLetterOrDigit(cp) || Character.getType(cp) == Character.NON_SPACING_MARK
                    || Character.getType(cp) == Character.COMBINING_SPACING_MARK) {
                current.appendCodePoint(cp);
            } else {
                flush(current, words);
            }
        });
        flush(current, words);
        return words;
    }

    private static boolean isIdeographic(int cp) {
        Character.UnicodeScript script = Character.UnicodeScript.of(cp);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA;
    }

    private static void flush(StringBuilder current, List<String> words) {
        if (!current.isEmpty()) {
            words.add(current.toString());
            current.setLength(0);
        }
    }

    private static String[] distinct(List<String> terms) {
        String[] array = terms.toArray(String[]::new);
        Arrays.sort(array);
        int unique = 0;
        for (int i = 0; i < array.length; i++) {
            if (i == 0 || !array[i].equals(array[i - 1])) {
                array[unique++] = array[i];
            }
        }
        return Arrays.copyOf(array, unique);
    }
}
