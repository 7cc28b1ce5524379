package dev.assist.auth;

import dev.assist.config.AssistConfig.ApiKeyConfig;
import dev.assist.config.ConfigException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The configured API keys, held only as SHA-256 digests. A presented key is hashed and compared
 * with every digest in constant time ({@link MessageDigest#isEqual}), without stopping at the first
 * match, so neither the comparison nor the position of a key in the list leaks through timing.
 */
public final class ApiKeys {
    private static final HexFormat HEX = HexFormat.of();

    private final List<Entry> entries;

    private ApiKeys(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    /**
     * Reads the keys of the configuration: each has either the key itself or its SHA-256 in hex,
     * a tenant and a scope.
     *
     * @throws ConfigException naming the entry (by position, never by key) and what is wrong with it
     */
    public static ApiKeys fromConfig(List<ApiKeyConfig> configured) {
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < configured.size(); i++) {
            entries.add(entry(configured.get(i), "api_keys[" + i + "]"));
        }
        return new ApiKeys(entries);
    }

    public static String sha256Hex(String key) {
        return HEX.formatHex(sha256(key));
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    public int size() {
        return entries.size();
    }

    /** The tenant and scope of a presented key; empty when it is not one of ours. */
    public Optional<ApiKey> authenticate(String presented) {
        if (presented == null || presented.isEmpty()) {
            return Optional.empty();
        }
        byte[] digest = sha256(presented);
        ApiKey found = null;
        for (Entry entry : entries) {
            if (MessageDigest.isEqual(entry.digest(), digest) && found == null) {
                found = entry.key();
            }
        }
        return Optional.ofNullable(found);
    }

    private static Entry entry(ApiKeyConfig config, String where) {
        if (config == null) {
            throw new ConfigException(where + ": empty entry");
        }
        boolean hasKey = config.key() != null && !config.key().isBlank();
        boolean hasHash = config.sha256() != null && !config.sha256().isBlank();
        if (hasKey == hasHash) {
            throw new ConfigException(where + ": give exactly one of key or sha256");
        }
        byte[] digest;
        if (hasKey) {
            digest = sha256(config.key().strip());
        } else {
            String hex = config.sha256().strip().toLowerCase(java.util.Locale.ROOT);
            if (!hex.matches("[0-9a-f]{64}")) {
                throw new ConfigException(where + ": sha256 must be 64 hex digits (the SHA-256 of the key)");
            }
            digest = HEX.parseHex(hex);
        }
        if (config.tenant() == null || config.tenant().isBlank()) {
            throw new ConfigException(where + ": tenant is required");
        }
        Scope scope;
        try {
            scope = Scope.parse(config.scope());
        } catch (IllegalArgumentException e) {
            throw new ConfigException(where + ": " + e.getMessage());
        }
        return new Entry(digest, new ApiKey(config.tenant().strip(), scope));
    }

    private static byte[] sha256(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private record Entry(byte[] digest, ApiKey key) {
    }
}
