package dev.assist.triage;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.assist.embed.Embedder;
import dev.assist.triage.learn.Classification;
import dev.assist.triage.learn.Labels;
import dev.assist.triage.learn.TextClassifier;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The triage stage: language, intent, sentiment, escalation signals and priority of a conversation.
 * Thread-safe; one instance serves every request. Models come from {@link ModelSource}s, so a
 * retrained model file is picked up by {@link #reloadIfChanged()} without a restart.
 */
public final class Triage {
    /** Bundled intent model of the sample help center (trained from eval/datasets/lumora-intents.jsonl). */
    public static final String BUNDLED_INTENTS = "/dev/assist/triage/lumora-intents.model";
    /** Bundled sentiment model (trained from GoEmotions, see the README next to it). */
    public static final String BUNDLED_SENTIMENT = "/dev/assist/triage/sentiment.model";
    private static final int MAX_CLASSIFIED_CHARS = 2000;
    /**
     * How often the anger word patterns of {@code signals.json} occur in comments of each sentiment
     * (negative, neutral, positive) of {@code goemotions_sentiment/train.jsonl}: 1012/8133, 264/12823
     * and 314/15216. Anger words make a message about six times likelier to be negative.
     */
    private static final double[] ANGER_WORDS_GIVEN_SENTIMENT = {0.1244, 0.0206, 0.0206};
    /**
     * Language sets whose identifier is kept. Lingua keeps its n-gram models in static maps, one per
     * language however many detectors use it, so an identifier costs a few kilobytes; the bound only
     * stops sets that articles come and go through from piling up.
     */
    private static final int IDENTIFIER_SETS = 1024;

    private final TriageVectors vectors;
    private final TriageConfig config;
    private final KnowledgeLanguages knowledgeLanguages;
    private final ModelSource intents;
    private final ModelSource sentiment;
    private final SignalDetector signals;
    private final Cache<String, float[]> embeddings;
    private final Cache<Set<String>, LanguageIdentifier> identifiers = Caffeine.newBuilder().maximumSize(IDENTIFIER_SETS).build();

    /** Triage without a knowledge base: tenants choose among their configured languages or {@code config.languages()}. */
    public Triage(Embedder embedder, TriageConfig config, ModelSource intents, ModelSource sentiment, SignalDetector signals) {
        this(embedder, config, KnowledgeLanguages.NONE, intents, sentiment, signals);
    }

    /** @param knowledgeLanguages the languages of each tenant's articles, its default triage languages */
    public Triage(Embedder embedder, TriageConfig config, KnowledgeLanguages knowledgeLanguages, ModelSource intents,
                  ModelSource sentiment, SignalDetector signals) {
        this.vectors = TriageVectors.of(embedder);
        this.config = config;
        this.knowledgeLanguages = knowledgeLanguages;
        this.intents = intents;
        this.sentiment = sentiment;
        this.signals = signals;
        this.embeddings = Caffeine.newBuilder().maximumSize(config.embeddingCacheSize()).build();
        checkSentimentLabels(sentiment.model());
        // Load Lingua's models now, not on the first request; a tenant's default set is within config.languages().
        identifier(config.languages());
        config.tenantLanguages().values().forEach(this::identifier);
    }

    /** Triage with the models bundled in the jar. */
    public static Triage withBundledModels(Embedder embedder, TriageConfig config) {
        Set<String> accepted = acceptedEmbeddingModels(embedder);
        return new Triage(embedder, config, ModelSource.resource(BUNDLED_INTENTS, accepted),
                ModelSource.resource(BUNDLED_SENTIMENT, accepted), SignalDetector.defaults());
    }

    /**
     * The embedding model ids triage models may be trained with to be served with {@code embedder}:
     * its own, and for an in-process ONNX model the other poolings of its one forward pass.
     */
    public static Set<String> acceptedEmbeddingModels(Embedder embedder) {
        return TriageVectors.acceptedModels(embedder);
    }

    public TriageResult triage(TriageRequest request) {
        List<String> customer = request.customerTexts();
        String last = clip(customer.get(customer.size() - 1));
        float[] vector = embed(last);
        LanguageGuess language = identifier(languagesOf(request.tenant())).identify(customer, request.locale());

        Classification intent = classifyIntent(customer, last, vector);
        TextClassifier polarityModel = sentiment.model();
        double[] polarity = polarityModel.probabilities(last, vectors.view(vector, polarityModel.header().embeddingModel()));
        if (signals.matches(Signal.ANGER, last)) {
            polarity = withAngerWords(priorFor(polarityModel, language, polarity), polarityModel.labels());
        }
        Sentiment mood = sentimentOf(polarity, polarityModel.labels());
        double negative = polarity[polarityModel.labels().indexOf("negative")];

        List<SignalHit> hits = signals.detect(request.messages(), negative);
        Set<Signal> fired = EnumSet.noneOf(Signal.class);
        hits.forEach(hit -> fired.add(hit.signal()));
        List<IntentScore> top = intent.top(3).stream().map(s -> new IntentScore(s.label(), s.score())).toList();
        return new TriageResult(language, intent.label(), top, mood, fired, hits, priority(mood, fired));
    }

    /** Reloads model files that changed on disk; true if any did. */
    public boolean reloadIfChanged() {
        boolean intentsChanged = intents.reloadIfChanged();
        // A file with other labels is refused before it replaces the sentiment model in use.
        boolean sentimentChanged = sentiment.reloadIfChanged(Triage::checkSentimentLabels);
        return intentsChanged || sentimentChanged;
    }

    public TextClassifier intentModel() {
        return intents.model();
    }

    public TextClassifier sentimentModel() {
        return sentiment.model();
    }

    /** The language identifier for a set of languages (built once per set, shared; the models are Lingua's, shared by all). */
    public LanguageIdentifier identifier(Set<String> languages) {
        return identifiers.get(Set.copyOf(languages), set -> new LanguageIdentifier(set, config.language()));
    }

    /** The languages a tenant's conversations are identified among now (see {@link TriageConfig#languagesOf}). */
    private Set<String> languagesOf(String tenant) {
        return config.languagesOf(tenant, knowledgeLanguages.of(tenant));
    }

    private Classification classifyIntent(List<String> customer, String last, float[] vector) {
        TextClassifier model = intents.model();
        Classification alone = model.classify(last, vectors.view(vector, model.header().embeddingModel()));
        if (customer.size() < 2 || !Labels.OUT_OF_SCOPE.equals(alone.label())) {
            return alone;
        }
        // "yes, please" after "I was charged twice": the recent turns together say more than the last one.
        String recent = clip(String.join("\n", customer.subList(Math.max(0, customer.size() - 3), customer.size())));
        Classification together = model.classify(recent, vectors.view(embed(recent), model.header().embeddingModel()));
        return together.confidence() > alone.confidence() ? together : alone;
    }

    private float[] embed(String text) {
        return embeddings.get(text, key -> TriageEmbedders.embedAll(vectors.embedder(), List.of(key)).get(0));
    }

    private static Sentiment sentimentOf(double[] p, List<String> labels) {
        int best = 0;
        for (int c = 1; c < p.length; c++) {
            if (p[c] > p[best]) {
                best = c;
            }
        }
        double score = p[labels.indexOf("positive")] - p[labels.indexOf("negative")];
        return new Sentiment(SentimentLabel.valueOf(labels.get(best).toUpperCase(java.util.Locale.ROOT)),
                Math.min(1, p[best]), Math.max(-1, Math.min(1, score)));
    }

    /**
     * What the anger words update: the model's polarity, or, for a message in a language the model was
     * not trained on (its header says which), the training base rates. A model that cannot read German
     * mostly calls it neutral, with a confidence that says nothing about the message, and that guess
     * would decide whether an angry German customer counts as negative.
     */
    static double[] priorFor(TextClassifier model, LanguageGuess language, double[] polarity) {
        Set<String> trained = model.header().languages();
        if (trained.isEmpty() || LanguageGuess.UNDETERMINED.equals(language.language()) || trained.contains(language.language())) {
            return polarity;
        }
        return model.header().labelShares().orElse(polarity);
    }

    /**
     * Bayes' rule with the anger words as evidence. The bundled sentiment model learned English only,
     * while the word patterns cover en, de, fr and es: "Unverschämt! Ich kündige!" is neutral to the
     * model and negative with its anger words. On English (goemotions_sentiment/dev.jsonl) the update
     * leaves macro-F1 where it was (0.7313 without, 0.7310 with), the model already knowing those words.
     */
    static double[] withAngerWords(double[] polarity, List<String> labels) {
        double[] updated = new double[polarity.length];
        double sum = 0;
        for (int c = 0; c < polarity.length; c++) {
            int sentimentIndex = List.of("negative", "neutral", "positive").indexOf(labels.get(c));
            updated[c] = polarity[c] * ANGER_WORDS_GIVEN_SENTIMENT[sentimentIndex];
            sum += updated[c];
        }
        for (int c = 0; c < updated.length; c++) {
            updated[c] /= sum;
        }
        return updated;
    }

    static Priority priority(Sentiment sentiment, Set<Signal> fired) {
        Priority priority = Priority.NORMAL;
        if (sentiment.label() == SentimentLabel.NEGATIVE && sentiment.confidence() >= 0.7) {
            priority = priority.raise();
        }
        if (!fired.isEmpty()) {
            priority = priority.raise();
        }
        if (fired.contains(Signal.LEGAL_THREAT) || fired.size() >= 3) {
            priority = Priority.URGENT;
        }
        return priority;
    }

    /** @throws IllegalArgumentException unless the model's labels are negative, neutral and positive */
    public static void checkSentimentLabels(TextClassifier model) {
        List<String> expected = List.of("negative", "neutral", "positive");
        if (!model.labels().equals(expected)) {
            throw new IllegalArgumentException("a sentiment model must have the labels " + expected + ", this one has "
                    + model.labels());
        }
    }

    private static String clip(String text) {
        return text.length() <= MAX_CLASSIFIED_CHARS ? text : text.substring(0, MAX_CLASSIFIED_CHARS);
    }
}
