package dev.assist.triage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SignalDetectorTest {
    private final SignalDetector detector = SignalDetector.defaults();

    private Set<Signal> signals(double negative, String... customerTexts) {
        List<Message> messages = java.util.Arrays.stream(customerTexts).map(Message::customer).toList();
        return detector.detect(messages, negative).stream().map(SignalHit::signal).collect(Collectors.toSet());
    }

    @Test
    void eachSignalFiresOnItsWordsInSeveralLanguages() {
        assertThat(signals(0.2, "I need this fixed immediately, our clinic opens in an hour")).containsExactly(Signal.URGENCY);
        assertThat(signals(0.2, "Das ist dringend, bitte sofort melden")).containsExactly(Signal.URGENCY);
        assertThat(signals(0.5, "If this isn't fixed I'm cancelling my subscription")).contains(Signal.CANCELLATION_THREAT);
        assertThat(signals(0.5, "Je vais résilier mon abonnement")).contains(Signal.CANCELLATION_THREAT);
        assertThat(signals(0.5, "My lawyer will hear about this")).contains(Signal.LEGAL_THREAT);
        assertThat(signals(0.5, "Voy a poner una demanda")).contains(Signal.LEGAL_THREAT);
        assertThat(signals(0.5, "This is the third time I write about the same invoice")).contains(Signal.REPEATED_CONTACT);
        assertThat(signals(0.9, "This is absolutely unacceptable")).contains(Signal.ANGER);
    }

    @Test
    void urgencyIsAskingForItNowNotTheWordsNowOrToday() {
        assertThat(signals(0.3, "Please fix this today!")).containsExactly(Signal.URGENCY);
        assertThat(signals(0.3, "Sort it out now, the salon opens at nine")).containsExactly(Signal.URGENCY);
        assertThat(signals(0.05, "Great, it works now!!")).isEmpty();
        assertThat(signals(0.05, "My card arrived today!")).isEmpty();
    }

    @Test
    void anUltimatumIsACancellationThreat() {
        assertThat(signals(0.6, "Fix it now or I cancel!")).contains(Signal.CANCELLATION_THREAT, Signal.URGENCY);
        assertThat(signals(0.6, "Sort this out today, otherwise I'll switch")).contains(Signal.CANCELLATION_THREAT, Signal.URGENCY);
        assertThat(signals(0.05, "Can I cancel an appointment for a client?")).doesNotContain(Signal.CANCELLATION_THREAT);
    }

    @Test
    void shoutingAndAngryExclamationsAreAnger() {
        assertThat(signals(0.3, "WHY IS MY BOOKING PAGE OFFLINE AGAIN")).contains(Signal.ANGER);
        assertThat(signals(0.95, "You took my money and nothing works!!")).contains(Signal.ANGER);
        assertThat(signals(0.2, "Great, it works now!!")).doesNotContain(Signal.ANGER);
    }

    @Test
    void sendingTheSameTextTwiceIsRepeatedContact() {
        assertThat(signals(0.3, "Where is my invoice for May?", "Where is my invoice for May?")).contains(Signal.REPEATED_CONTACT);
    }

    @Test
    void calmQuestionsFireNothing() {
        assertThat(signals(0.05, "How do I add a staff member to my calendar?")).isEmpty();
        assertThat(signals(0.05, "Wie exportiere ich meine Rechnungen?")).isEmpty();
        assertThat(signals(0.05, "Thanks, that solved it")).isEmpty();
    }
}
