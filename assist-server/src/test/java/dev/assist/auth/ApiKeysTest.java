package dev.assist.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assist.config.AssistConfig.ApiKeyConfig;
import dev.assist.config.ConfigException;
import dev.assist.retrieve.Channel;
import java.util.List;
import org.junit.jupiter.api.Test;

class ApiKeysTest {

    @Test
    void recognisesPlainAndHashedKeysWithTheirTenantAndScope() {
        ApiKeys keys = ApiKeys.fromConfig(List.of(
                new ApiKeyConfig("plain-key", null, "acme", "bot"),
                new ApiKeyConfig(null, ApiKeys.sha256Hex("hashed-key").toUpperCase(), "acme", "ADMIN")));

        assertThat(keys.authenticate("plain-key")).contains(new ApiKey("acme", Scope.BOT));
        assertThat(keys.authenticate("hashed-key")).contains(new ApiKey("acme", Scope.ADMIN));
        assertThat(keys.authenticate("plain-key ")).isEmpty();
        assertThat(keys.authenticate("unknown")).isEmpty();
        assertThat(keys.authenticate("")).isEmpty();
        assertThat(keys.authenticate(null)).isEmpty();
    }

    @Test
    void sha256IsTheHexDigestOfTheKey() {
        assertThat(ApiKeys.sha256Hex("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void scopesSearchUnderTheirChannel() {
        assertThat(Scope.BOT.channel()).isEqualTo(Channel.BOT);
        assertThat(Scope.AGENT.channel()).isEqualTo(Channel.AGENT);
        assertThat(Scope.ADMIN.channel()).isEqualTo(Channel.AGENT);
    }

    @Test
    void misconfiguredKeysNameTheEntryButNeverTheKey() {
        assertThatThrownBy(() -> ApiKeys.fromConfig(List.of(new ApiKeyConfig("k1", null, "acme", "bot"),
                new ApiKeyConfig("s3cret", null, "acme", "superuser"))))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("api_keys[1]").hasMessageContaining("superuser").hasMessageNotContaining("s3cret");
        assertThatThrownBy(() -> ApiKeys.fromConfig(List.of(new ApiKeyConfig("s3cret", null, " ", "bot"))))
                .hasMessageContaining("tenant");
        assertThatThrownBy(() -> ApiKeys.fromConfig(List.of(new ApiKeyConfig("s3cret", "ab", "acme", "bot"))))
                .hasMessageContaining("exactly one of key or sha256");
        assertThatThrownBy(() -> ApiKeys.fromConfig(List.of(new ApiKeyConfig(null, "not-hex", "acme", "bot"))))
                .hasMessageContaining("64 hex digits");
    }
}
