package dev.assist.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LlmConfigTest {

    @Test
    void noVariablesMeansNoLlm() {
        LlmConfig config = LlmConfig.fromEnvironment(Map.of());

        assertThat(config.provider()).isEqualTo(LlmProvider.NONE);
        assertThat(config.enabled()).isFalse();
        assertThat(config).isEqualTo(LlmConfig.none());
    }

    @Test
    void readsEveryVariableAndKeepsTheDefaultsForTheRest() {
        LlmConfig config = LlmConfig.fromEnvironment(Map.of(
                "ASSIST_LLM_PROVIDER", " OpenAI ",
                "ASSIST_LLM_BASE_URL", "http://localhost:8000/v1",
                "ASSIST_LLM_MODEL", "qwen2.5-7b-instruct",
                "ASSIST_LLM_API_KEY", "sk-local",
                "ASSIST_LLM_TIMEOUT_MS", "15000"));

        assertThat(config.provider()).isEqualTo(LlmProvider.OPENAI);
        assertThat(config.baseUrl()).isEqualTo("http://localhost:8000/v1");
        assertThat(config.model()).isEqualTo("qwen2.5-7b-instruct");
        assertThat(config.apiKey()).isEqualTo("sk-local");
        assertThat(config.timeout()).isEqualTo(Duration.ofSeconds(15));
        assertThat(config.maxRetries()).isEqualTo(1);
        assertThat(config.temperature()).isEqualTo(0.2);
        assertThat(config.failuresToOpen()).isEqualTo(5);
        assertThat(config.openDuration()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void defaultsAreTheDocumentedOnes() {
        LlmConfig config = LlmConfig.of(LlmProvider.OLLAMA, null, "llama3.1:8b", null);

        assertThat(config.timeout()).isEqualTo(Duration.ofSeconds(20));
        assertThat(config.maxRetries()).isEqualTo(1);
        assertThat(config.temperature()).isEqualTo(0.2);
        assertThat(config.failuresToOpen()).isEqualTo(5);
        assertThat(config.openDuration()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void modelIsRequiredForEveryProvider() {
        assertThatThrownBy(() -> LlmConfig.fromEnvironment(Map.of("ASSIST_LLM_PROVIDER", "openai",
                "ASSIST_LLM_API_KEY", "sk-1")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("ASSIST_LLM_MODEL is required when ASSIST_LLM_PROVIDER=openai");
        assertThatThrownBy(() -> LlmConfig.fromEnvironment(Map.of("ASSIST_LLM_PROVIDER", "ollama")))
                .hasMessageStartingWith("ASSIST_LLM_MODEL is required when ASSIST_LLM_PROVIDER=ollama");
    }

    @Test
    void unknownProviderListsTheKnownOnes() {
        assertThatThrownBy(() -> LlmConfig.fromEnvironment(Map.of("ASSIST_LLM_PROVIDER", "gpt")))
                .hasMessage("ASSIST_LLM_PROVIDER must be one of none, openai, ollama, anthropic; got 'gpt'");
    }

    @Test
    void anthropicNeedsAKey() {
        assertThatThrownBy(() -> LlmConfig.fromEnvironment(Map.of("ASSIST_LLM_PROVIDER", "anthropic",
                "ASSIST_LLM_MODEL", "claude-3-5-haiku-latest")))
                .hasMessage("ASSIST_LLM_API_KEY is required when ASSIST_LLM_PROVIDER=anthropic");
    }

    @Test
    void openAiNeedsAKeyOnlyForItsOwnEndpoint() {
        assertThatThrownBy(() -> LlmConfig.fromEnvironment(Map.of("ASSIST_LLM_PROVIDER", "openai",
                "ASSIST_LLM_MODEL", "gpt-4o-mini")))
                .hasMessageStartingWith("ASSIST_LLM_API_KEY is required when ASSIST_LLM_PROVIDER=openai")
                .hasMessageContaining("ASSIST_LLM_BASE_URL");

        LlmConfig local = LlmConfig.fromEnvironment(Map.of("ASSIST_LLM_PROVIDER", "openai",
                "ASSIST_LLM_MODEL", "local", "ASSIST_LLM_BASE_URL", "http://127.0.0.1:8080/v1"));
        assertThat(local.apiKey()).isNull();
    }

    @Test
    void timeoutMustBeAPositiveWholeNumber() {
        Map<String, String> base = Map.of("ASSIST_LLM_PROVIDER", "ollama", "ASSIST_LLM_MODEL", "m");
        assertThatThrownBy(() -> LlmConfig.fromEnvironment(with(base, "ASSIST_LLM_TIMEOUT_MS", "20s")))
                .hasMessage("ASSIST_LLM_TIMEOUT_MS must be a whole number; got '20s'");
        assertThatThrownBy(() -> LlmConfig.fromEnvironment(with(base, "ASSIST_LLM_TIMEOUT_MS", "0")))
                .hasMessage("ASSIST_LLM_TIMEOUT_MS must be between 1 and 600000 ms; got 0");
        assertThatThrownBy(() -> LlmConfig.fromEnvironment(with(base, "ASSIST_LLM_TIMEOUT_MS", "-5")))
                .hasMessageStartingWith("ASSIST_LLM_TIMEOUT_MS must be between");
    }

    @Test
    void baseUrlMustBeHttp() {
        Map<String, String> base = Map.of("ASSIST_LLM_PROVIDER", "ollama", "ASSIST_LLM_MODEL", "m");
        assertThatThrownBy(() -> LlmConfig.fromEnvironment(with(base, "ASSIST_LLM_BASE_URL", "localhost:11434")))
                .hasMessageStartingWith("ASSIST_LLM_BASE_URL must be an http(s) URL with a host");
        assertThatThrownBy(() -> LlmConfig.fromEnvironment(with(base, "ASSIST_LLM_BASE_URL", "http://bad host/")))
                .hasMessageStartingWith("ASSIST_LLM_BASE_URL is not a valid URL");
    }

    @Test
    void tuningValuesAreRangeChecked() {
        Map<String, String> base = Map.of("ASSIST_LLM_PROVIDER", "ollama", "ASSIST_LLM_MODEL", "m");
        assertThatThrownBy(() -> LlmConfig.fromEnvironment(with(base, "ASSIST_LLM_TEMPERATURE", "3")))
                .hasMessage("ASSIST_LLM_TEMPERATURE must be between 0 and 2; got 3.0");
        assertThatThrownBy(() -> LlmConfig.fromEnvironment(with(base, "ASSIST_LLM_MAX_RETRIES", "9")))
                .hasMessage("ASSIST_LLM_MAX_RETRIES must be between 0 and 5; got 9");
        assertThatThrownBy(() -> LlmConfig.fromEnvironment(with(base, "ASSIST_LLM_CIRCUIT_FAILURES", "0")))
                .hasMessage("ASSIST_LLM_CIRCUIT_FAILURES must be at least 1; got 0");
        assertThatThrownBy(() -> LlmConfig.fromEnvironment(with(base, "ASSIST_LLM_CIRCUIT_OPEN_MS", "0")))
                .hasMessage("ASSIST_LLM_CIRCUIT_OPEN_MS must be positive; got 0");
    }

    @Test
    void toStringNeverShowsTheKey() {
        LlmConfig config = LlmConfig.of(LlmProvider.ANTHROPIC, null, "claude-3-5-haiku-latest", "sk-ant-secret");

        assertThat(config.toString()).doesNotContain("sk-ant-secret").contains("apiKey=***");
    }

    private static Map<String, String> with(Map<String, String> base, String key, String value) {
        java.util.HashMap<String, String> copy = new java.util.HashMap<>(base);
        copy.put(key, value);
        return copy;
    }
}
