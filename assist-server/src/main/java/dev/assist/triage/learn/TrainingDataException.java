package dev.assist.triage.learn;

/** Training or evaluation data that cannot be used; the message names the file, the line and the reason. */
public final class TrainingDataException extends IllegalArgumentException {
    public TrainingDataException(String message) {
        super(message);
    }
}
