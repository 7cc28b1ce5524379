package dev.assist.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
    @TempDir
    Path dir;

    private Path yaml(String text) throws IOException {
        return Files.writeString(dir.resolve("assist.yaml"), text);
    }

    @Test
    void defaultsLoadAndValidate() {
        AssistConfig config = ConfigLoader.defaults(Map.of());
        assertThat(config.port()).isEqualTo(7070);
        assertThat(config.retrieval().retriever()).isEqualTo("hybrid");
        assertThat(config.compose().extractive().threshold()).isBetween(0.0, 1.0);
        assertThat(config.apiKeys()).isEmpty();
    }

    @Test
    void aUserFileChangesOnlyWhatItSets() throws IOException {
        AssistConfig config = ConfigLoader.load(yaml("retrieval:\n  fusion: rrf\nport: 8080\n"), Map.of());
        assertThat(config.retrieval().fusion()).isEqualTo("rrf");
        assertThat(config.retrieval().depth()).as("untouched default").isEqualTo(50);
        assertThat(config.port()).isEqualTo(8080);
    }

    @Test
    void environmentWinsAndAddsKeys() throws IOException {
        AssistConfig config = ConfigLoader.load(yaml("port: 8080\n"),
                Map.of("ASSIST_PORT", "9090", "ASSIST_API_KEYS", "k1:acme:bot, k2:acme:admin"));
        assertThat(config.port()).isEqualTo(9090);
        assertThat(config.apiKeys()).extracting(AssistConfig.ApiKeyConfig::tenant, AssistConfig.ApiKeyConfig::scope)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("acme", "bot"), org.assertj.core.groups.Tuple.tuple("acme", "admin"));
    }

    @Test
    void unknownKeysAreErrorsNamingTheKey() throws IOException {
        Path file = yaml("retrieval:\n  fusoin: rrf\n");
        assertThatThrownBy(() -> ConfigLoader.load(file, Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("fusoin").hasMessageContaining(file.toString());
    }

    @Test
    void badValuesSayWhatTheyMustBe() throws IOException {
        assertThatThrownBy(() -> ConfigLoader.load(yaml("retrieval:\n  convex_alpha: 2\n"), Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("convex_alpha must be within [0, 1]");
        assertThatThrownBy(() -> ConfigLoader.load(yaml("retrieval:\n  adaptive_rank: 1\n"), Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("adaptive_rank must be at least 2");
        assertThatThrownBy(() -> ConfigLoader.load(yaml("port: 70000\n"), Map.of()))
                .hasMessageContaining("port must be within");
        assertThatThrownBy(() -> ConfigLoader.load(yaml("port: [1\n"), Map.of()))
                .hasMessageContaining("invalid YAML");
        assertThatThrownBy(() -> ConfigLoader.load(yaml("- a list\n"), Map.of()))
                .hasMessageContaining("must be a YAML mapping");
        assertThatThrownBy(() -> ConfigLoader.load(yaml("limits:\n  rate_per_minute: -1\n"), Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("limits.rate_per_minute must be 0 (no limit) or positive");
        assertThatThrownBy(() -> ConfigLoader.load(yaml("limits:\n  rate_burst: 0\n"), Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("limits.rate_burst must be at least 1");
        assertThatThrownBy(() -> ConfigLoader.load(yaml("limits:\n  trusted_proxies: [proxy.internal]\n"), Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("limits.trusted_proxies: 'proxy.internal' is not an IP address or CIDR block");
        assertThatThrownBy(() -> ConfigLoader.load(yaml("limits:\n  trusted_proxies: [10.0.0.0/33]\n"), Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("prefix length outside 0..32");
    }

    @Test
    void trustedProxiesTakeAddressesAndBlocks() throws IOException {
        AssistConfig config = ConfigLoader.load(yaml("limits:\n  trusted_proxies: [127.0.0.1, 10.0.0.0/8, 'fd00::/8']\n"), Map.of());
        assertThat(config.limits().proxyRanges()).extracting(Object::toString)
                .containsExactly("127.0.0.1", "10.0.0.0/8", "fd00::/8");
        assertThat(ConfigLoader.defaults(Map.of()).limits().trustedProxies()).as("none by default").isEmpty();
    }

    @Test
    void triageAndRoutingDefaultToTheBundledModelsAndMap() throws IOException {
        AssistConfig config = ConfigLoader.defaults(Map.of());
        assertThat(config.triage().intentModel()).isNull();
        assertThat(config.triage().sentimentModel()).isNull();
        assertThat(config.triage().languages()).as("empty: the server's languages").isEmpty();
        assertThat(config.routing().teams()).isNull();
        assertThat(config.routing().agentStaleMinutes()).isEqualTo(15);

        AssistConfig set = ConfigLoader.load(yaml("triage:\n  intent_model: /models/intents.model\n  languages: [en, de]\n"
                + "routing:\n  agent_stale_minutes: 5\n"), Map.of());
        assertThat(set.triage().intentModel()).isEqualTo("/models/intents.model");
        assertThat(set.triage().languages()).containsExactly("en", "de");
        assertThat(set.triage().reloadSeconds()).as("untouched default").isEqualTo(10);
        assertThat(set.routing().agentStaleMinutes()).isEqualTo(5);
    }

    @Test
    void badTriageAndRoutingValuesSayWhatTheyMustBe() throws IOException {
        assertThatThrownBy(() -> ConfigLoader.load(yaml("triage:\n  reload_seconds: 0\n"), Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("triage.reload_seconds must be at least 1");
        assertThatThrownBy(() -> ConfigLoader.load(yaml("routing:\n  agent_stale_minutes: 0\n"), Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("routing.agent_stale_minutes must be at least 1");
        assertThatThrownBy(() -> ConfigLoader.load(yaml("routing:\n  max_agents: 5\n"), Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("max_agents");
    }

    @Test
    void tenantLanguagesAreReadPerTenantAndDefaultToNone() throws IOException {
        assertThat(ConfigLoader.defaults(Map.of()).triage().tenantLanguages())
                .as("none: each tenant's articles' languages plus English").isEmpty();

        AssistConfig config = ConfigLoader.load(yaml("triage:\n  tenant_languages:\n    acme: [en, FR]\n    globex: [de]\n"),
                Map.of());

        assertThat(config.triage().tenantLanguages()).containsOnly(
                Map.entry("acme", List.of("en", "fr")), Map.entry("globex", List.of("de")));
        assertThat(config.triage().languages()).as("untouched default").isEmpty();
    }

    @Test
    void badTriageLanguagesNameTheFieldAndTheCode() throws IOException {
        Path unknown = yaml("triage:\n  tenant_languages:\n    acme: [en, xx]\n");
        assertThatThrownBy(() -> ConfigLoader.load(unknown, Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining(unknown.toString())
                .hasMessageContaining("triage.tenant_languages.acme: unknown language 'xx'").hasMessageContaining("ISO 639-1");
        assertThatThrownBy(() -> ConfigLoader.load(yaml("triage:\n  tenant_languages:\n    acme: []\n"), Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("triage.tenant_languages.acme must list at least one language");
        assertThatThrownBy(() -> ConfigLoader.load(yaml("triage:\n  tenant_languages:\n    acme:\n"), Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("triage.tenant_languages.acme must list at least one language");
        assertThatThrownBy(() -> ConfigLoader.load(yaml("triage:\n  tenant_languages: [en, de]\n"), Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("tenant_languages");
        assertThatThrownBy(() -> ConfigLoader.load(yaml("triage:\n  languages: [en, english]\n"), Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("triage.languages: unknown language 'english'");
    }

    @Test
    void badEnvironmentValuesAreClear() {
        assertThatThrownBy(() -> ConfigLoader.defaults(Map.of("ASSIST_PORT", "seventy")))
                .hasMessageContaining("ASSIST_PORT must be a port number");
        assertThatThrownBy(() -> ConfigLoader.defaults(Map.of("ASSIST_API_KEYS", "secret-key:acme")))
                .hasMessageContaining("key:tenant:scope").hasMessageNotContaining("secret-key");
    }

    @Test
    void missingFileIsAnError() {
        assertThatThrownBy(() -> ConfigLoader.load(dir.resolve("nope.yaml"), Map.of())).hasMessageContaining("config file not found");
    }
}
