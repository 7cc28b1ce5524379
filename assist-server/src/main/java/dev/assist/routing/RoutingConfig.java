package dev.assist.routing;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Which team handles which intent ({@code intentTeams}; intents not listed go to {@code defaultTeam}),
 * and how long a conversation may wait for an agent with the right skill and language before the
 * router widens the search ({@code waitForSkillSeconds}). Read from YAML.
 */
public record RoutingConfig(Map<String, String> intentTeams, String defaultTeam, int waitForSkillSeconds) {
    private static final String DEFAULT_RESOURCE = "/dev/assist/routing/routing.yaml";

    public RoutingConfig {
        if (defaultTeam == null || defaultTeam.isBlank()) {
            throw new IllegalArgumentException("routing: defaultTeam is required");
        }
        Map<String, String> copy = new HashMap<>();
        (intentTeams == null ? Map.<String, String>of() : intentTeams).forEach((intent, team) -> {
            if (team == null || team.isBlank()) {
                throw new IllegalArgumentException("routing: intent '" + intent + "' has no team");
            }
            copy.put(intent, team.trim().toLowerCase(Locale.ROOT));
        });
        intentTeams = Map.copyOf(copy);
        defaultTeam = defaultTeam.trim().toLowerCase(Locale.ROOT);
        if (waitForSkillSeconds < 0) {
            throw new IllegalArgumentException("routing: waitForSkillSeconds must not be negative");
        }
    }

    public String teamOf(String intent) {
        return intentTeams.getOrDefault(intent, defaultTeam);
    }

    /** The map for the Lumora sample intents, shipped with Assist. */
    public static RoutingConfig defaults() {
        try (InputStream in = RoutingConfig.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            return parse(in, DEFAULT_RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static RoutingConfig read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return parse(in, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read routing config " + file + ": " + e.getMessage(), e);
        }
    }

    private static RoutingConfig parse(InputStream in, String name) throws IOException {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory()).configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
        try {
            return yaml.readValue(in, RoutingConfig.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(name + ": " + e.getOriginalMessage());
        }
    }
}
