package dev.assist.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assist.config.AddressRange;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClientAddressTest {
    private final ClientAddress behindProxies = new ClientAddress(
            List.of(AddressRange.parse("10.0.0.0/8"), AddressRange.parse("127.0.0.1")));

    @Test
    void anUntrustedPeerIsTheClientWhateverItForwards() {
        assertThat(behindProxies.of("198.51.100.4", List.of("203.0.113.1"))).isEqualTo("198.51.100.4");
        assertThat(new ClientAddress(List.of()).of("127.0.0.1", List.of("203.0.113.1")))
                .as("no trusted proxies: the header is ignored").isEqualTo("127.0.0.1");
    }

    @Test
    void fromATrustedProxyTheLastHopItDidNotAddItselfIsTheClient() {
        assertThat(behindProxies.of("127.0.0.1", List.of("203.0.113.1"))).isEqualTo("203.0.113.1");
        assertThat(behindProxies.of("127.0.0.1", List.of("203.0.113.1, 10.1.2.3"))).as("through two proxies")
                .isEqualTo("203.0.113.1");
        assertThat(behindProxies.of("127.0.0.1", List.of("203.0.113.1", "10.1.2.3"))).as("one header per proxy")
                .isEqualTo("203.0.113.1");
    }

    @Test
    void whatTheClientPrependsCannotChangeItsAddress() {
        assertThat(behindProxies.of("127.0.0.1", List.of("192.0.2.99, 203.0.113.1"))).isEqualTo("203.0.113.1");
        assertThat(behindProxies.of("127.0.0.1", List.of("10.9.9.9, 203.0.113.1"))).isEqualTo("203.0.113.1");
    }

    @Test
    void withoutAnUntrustedHopTheFirstKnownAddressIsTheClient() {
        assertThat(behindProxies.of("127.0.0.1", List.of())).isEqualTo("127.0.0.1");
        assertThat(behindProxies.of("127.0.0.1", List.of(" , "))).isEqualTo("127.0.0.1");
        assertThat(behindProxies.of("127.0.0.1", List.of("10.1.1.1, 10.2.2.2"))).isEqualTo("10.1.1.1");
    }
}
