package dev.assist.routing;

import dev.assist.triage.LanguageIdentifier;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What the router knows about an agent: status, the languages they answer in (ISO 639-1), their
 * skills (team ids and/or intent labels they handle), how many conversations they have open and
 * how many they can hold, and when the help desk last told us.
 */
public record Agent(String id, AgentStatus status, Set<String> languages, Set<String> skills,
                    int openConversations, int capacity, Instant updatedAt) {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._@:-]{1,128}");
    /** A team id or an intent label, as the routing config and the intent models spell them. */
    private static final Pattern SKILL = Pattern.compile("[a-z0-9][a-z0-9_.:/-]{0,63}");

    public Agent {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("agent id must be 1-128 letters, digits or . _ @ : -");
        }
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(updatedAt, "updatedAt");
        languages = normalize(languages, "languages");
        skills = normalize(skills, "skills");
        for (String language : languages) {
            if (language.length() != 2 || !LanguageIdentifier.supports(language)) {
                throw new IllegalArgumentException("languages: '" + language + "' is not an ISO 639-1 code such as en or de");
            }
        }
        for (String skill : skills) {
            if (!SKILL.matcher(skill).matches()) {
                throw new IllegalArgumentException("skills: '" + skill + "' is not a team id or intent label (1-64 letters, "
                        + "digits or _ . : / -, starting with a letter or digit)");
            }
        }
        if (capacity < 1 || capacity > 100) {
            throw new IllegalArgumentException("capacity must be between 1 and 100, got " + capacity);
        }
        if (openConversations < 0) {
            throw new IllegalArgumentException("openConversations must not be negative");
        }
    }

    public boolean hasRoom() {
        return status == AgentStatus.ONLINE && openConversations < capacity;
    }

    public double load() {
        return (double) openConversations / capacity;
    }

    public Agent withOpenConversations(int open) {
        return new Agent(id, status, languages, skills, open, capacity, updatedAt);
    }

    private static Set<String> normalize(Set<String> values, String what) {
        if (values == null) {
            return Set.of();
        }
        if (values.size() > 200) {
            throw new IllegalArgumentException(what + " has more than 200 entries");
        }
        return values.stream().map(v -> {
            if (v == null || v.isBlank()) {
                throw new IllegalArgumentException(what + " contains an empty value");
            }
            return v.trim().toLowerCase(Locale.ROOT);
        }).collect(Collectors.toUnmodifiableSet());
    }
}
