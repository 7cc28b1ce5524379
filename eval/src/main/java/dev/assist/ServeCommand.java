package dev.assist;

import dev.assist.cli.EmbeddingOptions;
import dev.assist.config.AssistConfig;
import dev.assist.config.ConfigException;
import dev.assist.config.ConfigLoader;
import dev.assist.embed.Embedders;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code assist serve}: the HTTP API over an index built with {@code assist index}. The server owns
 * the index while it runs (live article updates go through it). Exit status 2 for a bad
 * configuration, 3 when the index cannot be used or the port is taken.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serve the HTTP API (answers, streaming, search, suggestions, article updates) over an index.")
public final class ServeCommand implements Callable<Integer> {

    @Option(names = "--index", description = "The index folder (default: index of --config, ASSIST_INDEX, or data/index).")
    Path index;

    @Option(names = "--port", description = "Port to listen on (default: ASSIST_PORT, port of --config, or 7070; 0 picks a free one).")
    Integer port;

    @Option(names = "--config", description = "YAML file merged over the built-in defaults (see assist-defaults.yaml).")
    Path config;

    @Mixin
    EmbeddingOptions embedding = new EmbeddingOptions();

    private final PrintStream out;
    private final PrintStream err;

    public ServeCommand() {
        this(System.out, System.err);
    }

    ServeCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() throws Exception {
        AssistConfig settings;
        try {
            settings = ConfigLoader.load(config, System.getenv());
        } catch (ConfigException e) {
            err.println("error: " + e.getMessage());
            return ServerRunner.EXIT_CONFIG;
        }
        if (index != null) {
            settings = settings.withIndex(index.toString());
        }
        if (port != null) {
            settings = settings.withPort(port);
        }
        Path indexPath = Path.of(settings.index());
        if (!looksLikeAnIndex(indexPath)) {
            err.println("error: no index at " + indexPath + "; build one first: ./assist index --source <articles> --index "
                    + indexPath + " --tenant <tenant>");
            return ServerRunner.EXIT_FATAL;
        }
        return new ServerRunner(out, err).serve(settings, Embedders.create(embedding.toConfig()), false);
    }

    /** A Lucene index has a segments file; serving an empty folder would silently answer nothing. */
    static boolean looksLikeAnIndex(Path path) throws java.io.IOException {
        if (!Files.isDirectory(path)) {
            return false;
        }
        try (var files = Files.list(path)) {
            return files.anyMatch(f -> f.getFileName().toString().startsWith("segments_"));
        }
    }
}
