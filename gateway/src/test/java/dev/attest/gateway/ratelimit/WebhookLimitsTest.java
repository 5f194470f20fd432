package dev.attest.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WebhookLimitsTest {

    @Test
    void anIpv6SourceCountsByItsSlash64AndAnIpv4OneByItsAddress() {
        assertThat(WebhookLimits.sourceKey("2001:db8:1:2:aaaa:bbbb:cccc:dddd"))
                .isEqualTo(WebhookLimits.sourceKey("2001:db8:1:2::1"))
                .isNotEqualTo(WebhookLimits.sourceKey("2001:db8:1:3::1"));
        assertThat(WebhookLimits.sourceKey("203.0.113.7")).isEqualTo("203.0.113.7");
        assertThat(WebhookLimits.sourceKey("::ffff:203.0.113.7"))
                .as("an IPv4 client of a dual-stack socket")
                .isEqualTo("203.0.113.7");
    }
}
