package dev.assist.config;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads the configuration: built-in defaults, then the user's YAML file merged over them, then
 * environment variables ({@code ASSIST_INDEX}, {@code ASSIST_PORT}, {@code ASSIST_API_KEYS},
 * {@code ASSIST_FEEDBACK_FILE}).
 * Unknown keys are errors, so a typo never silently falls back to a default.
 */
public final class ConfigLoader {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    private ConfigLoader() {
    }

    public static AssistConfig load(Path file, Map<String, String> env) {
        ObjectNode tree = defaults();
        if (file != null) {
            if (!Files.isRegularFile(file)) {
                throw new ConfigException("config file not found: " + file);
            }
            try {
                JsonNode user = YAML.readTree(file.toFile());
                if (user != null && !user.isNull()) {
                    if (!user.isObject()) {
                        throw new ConfigException(file + ": the configuration must be a YAML mapping");
                    }
                    merge(tree, (ObjectNode) user);
                }
            } catch (IOException e) {
                throw new ConfigException(file + ": invalid YAML: " + e.getMessage(), e);
            }
        }
        AssistConfig config = bind(tree, file == null ? "built-in defaults" : file.toString());
        return applyEnvironment(config, env);
    }

    /**
     * The same from a YAML tree that was already read (a tool's file with its own sections taken
     * out); {@code origin} names it in error messages.
     */
    public static AssistConfig load(ObjectNode user, String origin, Map<String, String> env) {
        ObjectNode tree = defaults();
        merge(tree, user.deepCopy());
        return applyEnvironment(bind(tree, origin), env);
    }

    public static AssistConfig defaults(Map<String, String> env) {
        return load(null, env);
    }

    private static ObjectNode defaults() {
        try (InputStream in = ConfigLoader.class.getResourceAsStream("/assist-defaults.yaml")) {
            return (ObjectNode) YAML.readTree(in);
        } catch (IOException e) {
            throw new ConfigException("cannot read built-in defaults: " + e.getMessage(), e);
        }
    }

    private static void merge(ObjectNode base, ObjectNode over) {
        over.properties().forEach(entry -> {
            JsonNode existing = base.get(entry.getKey());
            if (existing instanceof ObjectNode baseChild && entry.getValue() instanceof ObjectNode overChild) {
                merge(baseChild, overChild);
            } else {
                base.set(entry.getKey(), entry.getValue());
            }
        });
    }

    private static AssistConfig bind(JsonNode tree, String origin) {
        try {
            return YAML.treeToValue(tree, AssistConfig.class);
        } catch (JsonMappingException e) {
            String path = e.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining("."));
            Throwable root = e.getCause() instanceof ConfigException config ? config : e;
            String reason = root instanceof ConfigException ? root.getMessage() : e.getOriginalMessage();
            throw new ConfigException(origin + ": " + (path.isEmpty() ? "" : path + ": ") + reason, e);
        } catch (IOException e) {
            throw new ConfigException(origin + ": " + e.getMessage(), e);
        }
    }

    private static AssistConfig applyEnvironment(AssistConfig config, Map<String, String> env) {
        if (env.containsKey("ASSIST_INDEX")) {
            config = config.withIndex(env.get("ASSIST_INDEX"));
        }
        if (env.containsKey("ASSIST_PORT")) {
            try {
                config = config.withPort(Integer.parseInt(env.get("ASSIST_PORT").trim()));
            } catch (NumberFormatException e) {
                throw new ConfigException("ASSIST_PORT must be a port number, got '" + env.get("ASSIST_PORT") + "'");
            }
        }
        if (env.containsKey("ASSIST_API_KEYS")) {
            List<AssistConfig.ApiKeyConfig> keys = new ArrayList<>(config.apiKeys());
            keys.addAll(parseKeys(env.get("ASSIST_API_KEYS")));
            config = config.withApiKeys(keys);
        }
        if (env.containsKey("ASSIST_FEEDBACK_FILE")) {
            String file = env.get("ASSIST_FEEDBACK_FILE").strip();
            if (file.isEmpty()) {
                throw new ConfigException("ASSIST_FEEDBACK_FILE must be a file path; unset it to use feedback.jsonl next to the index");
            }
            config = config.withFeedback(new AssistConfig.Feedback(file));
        }
        return config;
    }

    /** {@code key:tenant:scope,key:tenant:scope}. */
    static List<AssistConfig.ApiKeyConfig> parseKeys(String value) {
        List<AssistConfig.ApiKeyConfig> keys = new ArrayList<>();
        for (String entry : value.split(",")) {
            if (entry.isBlank()) {
                continue;
            }
            String[] parts = entry.strip().split(":");
            if (parts.length != 3 || parts[0].isBlank() || parts[1].isBlank() || parts[2].isBlank()) {
                throw new ConfigException("ASSIST_API_KEYS entries must be key:tenant:scope, got '" + mask(entry.strip()) + "'");
            }
            keys.add(new AssistConfig.ApiKeyConfig(parts[0], null, parts[1], parts[2]));
        }
        return keys;
    }

    private static String mask(String entry) {
        int colon = entry.indexOf(':');
        return colon < 0 ? "***" : "***" + entry.substring(colon);
    }
}
