package dev.assist.pipeline;

import java.util.Locale;

/** The stages of the pipeline, as timings and metrics name them. */
public enum Stage {
    LANGUAGE,
    REWRITE,
    RETRIEVE,
    RERANK,
    COMPOSE;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
