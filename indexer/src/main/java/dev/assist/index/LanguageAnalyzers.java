package dev.assist.index;

import dev.assist.source.Languages;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.ar.ArabicAnalyzer;
import org.apache.lucene.analysis.cjk.CJKAnalyzer;
import org.apache.lucene.analysis.de.GermanAnalyzer;
import org.apache.lucene.analysis.el.GreekAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.es.SpanishAnalyzer;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.hi.HindiAnalyzer;
import org.apache.lucene.analysis.it.ItalianAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.nl.DutchAnalyzer;
import org.apache.lucene.analysis.pt.PortugueseAnalyzer;
import org.apache.lucene.analysis.ro.RomanianAnalyzer;
import org.apache.lucene.analysis.ru.RussianAnalyzer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.sv.SwedishAnalyzer;
import org.apache.lucene.analysis.th.ThaiAnalyzer;
import org.apache.lucene.analysis.tr.TurkishAnalyzer;

/**
 * Lucene's own analyzer per language (stemming and stop words); languages without one share
 * the {@code std} key, a {@link StandardAnalyzer}. Chinese, Japanese and Korean use CJK bigrams.
 */
public final class LanguageAnalyzers {
    public static final String FALLBACK = "std";

    private static final Map<String, Supplier<Analyzer>> FACTORIES = Map.ofEntries(
            Map.entry("en", EnglishAnalyzer::new),
            Map.entry("de", GermanAnalyzer::new),
            Map.entry("fr", FrenchAnalyzer::new),
            Map.entry("es", SpanishAnalyzer::new),
            Map.entry("pt", PortugueseAnalyzer::new),
            Map.entry("it", ItalianAnalyzer::new),
            Map.entry("nl", DutchAnalyzer::new),
            Map.entry("sv", SwedishAnalyzer::new),
            Map.entry("ru", RussianAnalyzer::new),
            Map.entry("ar", ArabicAnalyzer::new),
            Map.entry("el", GreekAnalyzer::new),
            Map.entry("hi", HindiAnalyzer::new),
            Map.entry("ro", RomanianAnalyzer::new),
            Map.entry("tr", TurkishAnalyzer::new),
            Map.entry("th", ThaiAnalyzer::new),
            Map.entry("zh", CJKAnalyzer::new),
            Map.entry("ja", CJKAnalyzer::new),
            Map.entry("ko", CJKAnalyzer::new),
            Map.entry(FALLBACK, StandardAnalyzer::new));

    private final Map<String, Analyzer> analyzers = new HashMap<>();
    private final PerFieldAnalyzerWrapper perField;

    public LanguageAnalyzers() {
        Map<String, Analyzer> byField = new HashMap<>();
        FACTORIES.forEach((key, factory) -> {
            Analyzer analyzer = factory.get();
            analyzers.put(key, analyzer);
            byField.put(IndexSchema.textField(key), analyzer);
            byField.put(IndexSchema.titleField(key), analyzer);
        });
        perField = new PerFieldAnalyzerWrapper(analyzers.get(FALLBACK), byField);
    }

    /** The analyzer key for a language tag: the language itself when Lucene has an analyzer, else {@code std}. */
    public static String keyFor(String languageTag) {
        String primary = Languages.primary(languageTag);
        return FACTORIES.containsKey(primary) ? primary : FALLBACK;
    }

    public Analyzer analyzer(String key) {
        return analyzers.getOrDefault(key, analyzers.get(FALLBACK));
    }

    /** The analyzer the writer uses: each {@code text_xx}/{@code title_xx} field with its language's. */
    public Analyzer perField() {
        return perField;
    }
}
