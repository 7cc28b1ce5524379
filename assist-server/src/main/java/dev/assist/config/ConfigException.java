package dev.assist.config;

/** A configuration value is missing or wrong; the message names the field and what it must be. */
public final class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
