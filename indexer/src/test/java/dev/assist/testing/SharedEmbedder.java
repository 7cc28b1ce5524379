package dev.assist.testing;

import dev.assist.embed.Embedder;
import dev.assist.embed.EmbedderConfig;
import dev.assist.embed.Embedders;

/** The bundled model, loaded once per test JVM: loading it costs about a second and 100 MB. */
public final class SharedEmbedder {
    private static volatile Embedder instance;

    private SharedEmbedder() {
    }

    public static Embedder get() {
        if (instance == null) {
            synchronized (SharedEmbedder.class) {
                if (instance == null) {
                    instance = Embedders.create(EmbedderConfig.defaults());
                }
            }
        }
        return instance;
    }
}
