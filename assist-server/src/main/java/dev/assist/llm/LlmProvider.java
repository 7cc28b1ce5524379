package dev.assist.llm;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Which remote chat model Assist talks to; {@code NONE} means answers stay extractive. */
public enum LlmProvider {
    /** No LLM: every LLM call fails fast with {@code NOT_CONFIGURED}. */
    NONE,
    /** The OpenAI chat-completions API or any server that speaks it (vLLM, llama.cpp, LiteLLM ...). */
    OPENAI,
    /** An Ollama server ({@code POST /api/chat}). */
    OLLAMA,
    /** The Anthropic messages API ({@code POST /v1/messages}). */
    ANTHROPIC;

    /** The lower-case name used in {@code ASSIST_LLM_PROVIDER}. */
    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses the value of {@code ASSIST_LLM_PROVIDER}; blank means {@code NONE}. */
    public static LlmProvider parse(String value) {
        if (value == null || value.isBlank()) {
            return NONE;
        }
        String wanted = value.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(p -> p.configName().equals(wanted))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "ASSIST_LLM_PROVIDER must be one of " + allNames() + "; got '" + value.strip() + "'"));
    }

    private static String allNames() {
        return Arrays.stream(values()).map(LlmProvider::configName).collect(Collectors.joining(", "));
    }
}
