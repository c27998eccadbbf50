package dev.fairlead.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WebhookTargetsTests {

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.8.9.10", "169.254.169.254", "169.254.0.1", "10.0.0.1", "172.16.5.4", "172.31.255.255",
            "192.168.1.1", "100.64.0.1", "100.127.255.255", "0.0.0.0", "224.0.0.1", "255.255.255.255", "::1", "::", "fe80::1",
            "fc00::1", "fd12:3456::1", "::ffff:127.0.0.1", "::ffff:169.254.169.254"})
    void anAddressInsideTheNetworkIsInternal(String address) throws Exception {
        assertThat(WebhookTargets.internal(InetAddress.getByName(address))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"8.8.8.8", "1.1.1.1", "100.63.255.255", "100.128.0.1", "172.32.0.1", "169.253.1.1", "203.0.113.7",
            "2001:4860:4860::8888", "2400:3200::1"})
    void anAddressOnTheInternetIsNot(String address) throws Exception {
        assertThat(WebhookTargets.internal(InetAddress.getByName(address))).isFalse();
    }

    /** The value Python's hmac module computes for the same secret, timestamp and body (docs/api.md). */
    @Test
    void theSignatureIsHmacSha256OfTheTimestampADotAndTheBody() {
        assertThat(WebhookSignature.sign("whsec_docs-example-secret", "1765072800",
                "{\"id\":\"6b1f\",\"type\":\"lead.created\",\"company\":\"上海精工\"}"))
                .isEqualTo("sha256=e491f878d30283b16716d191ed0c46e7015c0426247394639a0ff72b849492a9");
    }
}
