package dev.assist.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/** The public datasets in {@code ../shared/datasets}, read in place (never copied into the project). */
public final class SharedDatasets {
    private SharedDatasets() {
    }

    public static Path root() {
        String repo = System.getProperty("assist.repo.root");
        Path base = repo == null ? Path.of("").toAbsolutePath() : Path.of(repo);
        Path datasets = base.resolveSibling("shared").resolve("datasets");
        if (!Files.isDirectory(datasets)) {
            throw new IllegalStateException("shared datasets not found at " + datasets);
        }
        return datasets;
    }

    public static Path file(String dataset, String name) {
        return root().resolve(dataset).resolve(name);
    }
}
