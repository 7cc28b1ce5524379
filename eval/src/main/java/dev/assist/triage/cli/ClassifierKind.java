package dev.assist.triage.cli;

import java.util.Optional;
import java.util.Set;

/** What a train or eval command classifies, and which rows of a labelled file it reads by default. */
enum ClassifierKind {
    INTENTS("intents", Optional.empty()),
    SENTIMENT("sentiment", Optional.of(Set.of("negative", "neutral", "positive")));

    final String command;
    /** Rows with other labels are skipped (GoEmotions also has ambiguous and mixed rows). */
    final Optional<Set<String>> defaultKeep;

    ClassifierKind(String command, Optional<Set<String>> defaultKeep) {
        this.command = command;
        this.defaultKeep = defaultKeep;
    }
}
