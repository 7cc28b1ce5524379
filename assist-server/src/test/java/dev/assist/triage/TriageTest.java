package dev.assist.triage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assist.conversation.Role;
import dev.assist.routing.AgentRegistry;
import dev.assist.routing.AgentStatus;
import dev.assist.routing.CustomerTier;
import dev.assist.routing.RouteRequest;
import dev.assist.routing.Router;
import dev.assist.routing.RoutingConfig;
import dev.assist.routing.RoutingDecision;
import dev.assist.testing.SharedEmbedder;
import dev.assist.triage.learn.TextClassifier;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The facade with the models bundled in the jar, as the server runs it without ../shared/datasets. */
class TriageTest {
    private static final Triage TRIAGE = Triage.withBundledModels(SharedEmbedder.get(), TriageConfig.defaults());

    @Test
    void aSentimentFileReplacedByAModelWithOtherLabelsIsRefusedAndTheOldModelStays(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("sentiment.model");
        copy(Triage.BUNDLED_SENTIMENT, file);
        Set<String> accepted = Triage.acceptedEmbeddingModels(SharedEmbedder.get());
        Triage triage = new Triage(SharedEmbedder.get(), TriageConfig.defaults(), ModelSource.resource(Triage.BUNDLED_INTENTS, accepted),
                ModelSource.file(file, accepted), SignalDetector.defaults());

        copy(Triage.BUNDLED_INTENTS, file);

        assertThatThrownBy(triage::reloadIfChanged).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("a sentiment model must have the labels [negative, neutral, positive]");
        assertThat(triage.sentimentModel().labels()).containsExactly("negative", "neutral", "positive");
        assertThat(triage.triage(TriageRequest.of("This is unacceptable, you charged me twice!", "lumora")).sentiment().label())
                .isEqualTo(SentimentLabel.NEGATIVE);
    }

    private static void copy(String resource, Path target) throws IOException {
        try (InputStream in = Triage.class.getResourceAsStream(resource)) {
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Test
    void anAngryRefundRequestIsTriagedAndRaisedInPriority() {
        TriageResult result = TRIAGE.triage(TriageRequest.of(
                "You charged me twice for the annual plan and nobody answers. I want my money back immediately!!", "lumora"));
        assertThat(result.language().language()).isEqualTo("en");
        assertThat(result.intent()).isEqualTo("refund");
        assertThat(result.intents()).hasSizeLessThanOrEqualTo(3).first().extracting(IntentScore::intent).isEqualTo("refund");
        assertThat(result.sentiment().label()).isEqualTo(SentimentLabel.NEGATIVE);
        assertThat(result.signals()).contains(Signal.URGENCY, Signal.REPEATED_CONTACT);
        assertThat(result.priority()).isIn(Priority.HIGH, Priority.URGENT);
        assertThat(result.evidence()).allMatch(hit -> hit.messageIndex() == 0);
    }

    @Test
    void angerWordsMakeAnAngryMessageNegativeInLanguagesTheSentimentModelDidNotLearn() {
        TriageResult result = TRIAGE.triage(TriageRequest.of(
                "Ich bin so wütend! Ich will mein Abo kündigen und mein Geld zurück, sofort!", "lumora"));
        assertThat(result.language().language()).isEqualTo("de");
        assertThat(result.signals()).contains(Signal.ANGER, Signal.CANCELLATION_THREAT);
        assertThat(result.sentiment().label()).isEqualTo(SentimentLabel.NEGATIVE);
        assertThat(result.sentiment().score()).isNegative();
    }

    @Test
    void inALanguageTheModelDidNotLearnTheAngerWordsUpdateTheBaseRatesNotTheModelsGuess() {
        TextClassifier model = TRIAGE.sentimentModel();
        assertThat(model.header().languages()).as("the bundled model records its training language").containsExactly("en");
        double[] shares = model.header().labelShares().orElseThrow();
        assertThat(Arrays.stream(shares).sum()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-3));
        double[] guess = {0.1, 0.8, 0.1};

        assertThat(Triage.priorFor(model, new LanguageGuess("de", 0.95, LanguageGuess.Evidence.TEXT), guess)).containsExactly(shares);
        assertThat(Triage.priorFor(model, new LanguageGuess("en", 0.95, LanguageGuess.Evidence.TEXT), guess)).isSameAs(guess);
        assertThat(Triage.priorFor(model, LanguageGuess.undetermined(0.3), guess)).as("unsure of the language: keep the model")
                .isSameAs(guess);
    }

    @Test
    void aTenantIsIdentifiedAmongItsOwnLanguagesOnly() {
        Triage triage = Triage.withBundledModels(SharedEmbedder.get(), new TriageConfig(Set.of("en", "de", "fr", "es"),
                Map.of("bistro", Set.of("en", "fr")), LanguageSettings.defaults(), 100));
        String german = "Ich möchte mein Abonnement kündigen, bitte schicken Sie mir die letzte Rechnung.";

        assertThat(triage.triage(TriageRequest.of(german, "lumora")).language().language()).isEqualTo("de");
        assertThat(triage.triage(TriageRequest.of(german, "bistro")).language().language()).isIn("en", "fr", "und");
        assertThat(triage.triage(TriageRequest.of("Je voudrais annuler mon abonnement.", "bistro")).language().language())
                .isEqualTo("fr");
    }

    @Test
    void angerWordsShiftTheSentimentByBayesRule() {
        double[] updated = Triage.withAngerWords(new double[] {0.2, 0.7, 0.1}, List.of("negative", "neutral", "positive"));
        assertThat(updated[0]).isCloseTo(0.2 * 0.1244 / (0.2 * 0.1244 + 0.8 * 0.0206), org.assertj.core.data.Offset.offset(1e-9));
        assertThat(updated[0] + updated[1] + updated[2]).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(updated[1] / updated[2]).isCloseTo(7.0, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void aHappyMessageIsPositiveWithoutSignals() {
        TriageResult result = TRIAGE.triage(TriageRequest.of("Thank you so much, the calendar sync works perfectly now!", "lumora"));
        assertThat(result.sentiment().label()).isEqualTo(SentimentLabel.POSITIVE);
        assertThat(result.sentiment().score()).isPositive();
        assertThat(result.signals()).isEmpty();
        assertThat(result.priority()).isEqualTo(Priority.NORMAL);
    }

    @Test
    void aShortFollowUpTakesLanguageAndIntentFromTheConversation() {
        TriageRequest request = new TriageRequest(List.of(
                Message.customer("Ich habe mein Passwort vergessen und der Link in der E-Mail funktioniert nicht."),
                new Message(Role.AGENT, "Ich schicke Ihnen einen neuen Link."),
                Message.customer("ok")), Optional.of("de-DE"), "lumora");
        TriageResult result = TRIAGE.triage(request);
        assertThat(result.language().language()).isEqualTo("de");
        assertThat(result.language().evidence()).isEqualTo(LanguageGuess.Evidence.CONTEXT);
    }

    @Test
    void offTopicQuestionsAreOutOfScopeAndRouteToTheDefaultTeam() {
        TriageResult result = TRIAGE.triage(TriageRequest.of("Who won the football world cup in 2014?", "lumora"));
        assertThat(result.intent()).isEqualTo("out_of_scope");

        AgentRegistry agents = AgentRegistry.inMemory();
        agents.put("lumora", "ana", AgentStatus.ONLINE, Set.of("en"), Set.of("general"), 0, 3);
        RoutingDecision decision = new Router(RoutingConfig.defaults(), agents)
                .route(RouteRequest.of("lumora", result, CustomerTier.STANDARD));
        assertThat(decision.team()).isEqualTo("general");
        assertThat(decision.best()).hasValueSatisfying(best -> assertThat(best.agentId()).isEqualTo("ana"));
    }

    @Test
    void aHundredKilobyteMessageIsTriagedInBoundedTime() {
        String big = "My booking page is down and clients cannot book. ".repeat(2100).substring(0, 100 * 1024);
        long start = System.nanoTime();
        TriageResult result = TRIAGE.triage(TriageRequest.of(big, "lumora"));
        assertThat(result.language().language()).isEqualTo("en");
        assertThat((System.nanoTime() - start) / 1e9).isLessThan(5);
    }
}
