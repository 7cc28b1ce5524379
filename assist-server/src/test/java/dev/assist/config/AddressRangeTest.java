package dev.assist.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AddressRangeTest {

    @Test
    void aSingleAddressContainsOnlyItself() {
        AddressRange one = AddressRange.parse("192.0.2.7");
        assertThat(one.contains("192.0.2.7")).isTrue();
        assertThat(one.contains("192.0.2.8")).isFalse();
        assertThat(one.contains("::ffff:192.0.2.7")).as("IPv4-mapped IPv6 is the same address").isTrue();
    }

    @Test
    void blocksCompareThePrefixBitsOnly() {
        AddressRange block = AddressRange.parse("10.20.0.0/14");
        assertThat(block.contains("10.23.255.1")).isTrue();
        assertThat(block.contains("10.24.0.1")).isFalse();
        assertThat(AddressRange.parse("0.0.0.0/0").contains("203.0.113.9")).isTrue();
        AddressRange v6 = AddressRange.parse("fd00::/8");
        assertThat(v6.contains("fd12:3456::1")).isTrue();
        assertThat(v6.contains("[fd12::1]")).as("bracketed, as in URLs").isTrue();
        assertThat(v6.contains("fe80::1")).isFalse();
        assertThat(v6.contains("10.0.0.1")).as("another family").isFalse();
    }

    @Test
    void namesAndGarbageAreNeverContained() {
        AddressRange all = AddressRange.parse("0.0.0.0/0");
        assertThat(all.contains("localhost")).as("no DNS lookups").isFalse();
        assertThat(all.contains("unknown")).isFalse();
        assertThat(all.contains("")).isFalse();
        assertThat(all.contains(null)).isFalse();
        assertThat(all.contains("1.2.3")).isFalse();
        assertThat(all.contains("999.1.1.1")).as("not an address, and not looked up as a name").isFalse();
    }

    @Test
    void badRangesSayWhatIsWrong() {
        assertThatThrownBy(() -> AddressRange.parse("proxy.internal"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is not an IP address or CIDR block");
        assertThatThrownBy(() -> AddressRange.parse("10.0.0.0/40")).hasMessageContaining("prefix length outside 0..32");
        assertThatThrownBy(() -> AddressRange.parse("::1/129")).hasMessageContaining("prefix length outside 0..128");
        assertThatThrownBy(() -> AddressRange.parse("10.0.0.0/x")).hasMessageContaining("prefix length");
        assertThatThrownBy(() -> AddressRange.parse(null)).hasMessageContaining("is not an IP address");
    }
}
