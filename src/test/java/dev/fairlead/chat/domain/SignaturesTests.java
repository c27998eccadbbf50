package dev.fairlead.chat.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The platforms publish the algorithm but no fixed input/output pair, so the vectors here were
 * computed once with OpenSSL, independently of this code:
 * <pre>
 * printf '%s\n%s' 1577262236757 SEC0123456789abcdef | openssl dgst -sha256 -hmac SEC0123456789abcdef -binary | base64
 * printf '' | openssl dgst -sha256 -mac HMAC -macopt hexkey:$(printf '1599360473\nfeishu-secret' | xxd -p) -binary | base64
 * </pre>
 */
class SignaturesTests {

    @Test
    void dingTalkSignsTimestampNewlineSecretKeyedWithTheSecretBase64ThenUrlEncoded() {
        String sign = Signatures.dingTalk("SEC0123456789abcdef", 1577262236757L);

        assertThat(sign).isEqualTo("Pgr6tpIpjVrMPPJUPkaI9sivFPPTYOy5zIOMF2GPFMA%3D");
        assertThat(URLDecoder.decode(sign, StandardCharsets.UTF_8)).isEqualTo("Pgr6tpIpjVrMPPJUPkaI9sivFPPTYOy5zIOMF2GPFMA=");
    }

    @Test
    void feishuKeysTheMacWithTimestampNewlineSecretOverEmptyData() {
        assertThat(Signatures.feishu("feishu-secret", 1599360473L)).isEqualTo("GnmU6lMJMtXPkxW7kXxgtXI0SJxjk0TQFnFuz93Dt+0=");
    }

    @Test
    void aSignatureChangesWithTheTimestampAndTheSecret() {
        assertThat(Signatures.dingTalk("SEC0123456789abcdef", 1577262236758L)).isNotEqualTo(Signatures.dingTalk("SEC0123456789abcdef", 1577262236757L));
        assertThat(Signatures.feishu("other-secret", 1599360473L)).isNotEqualTo(Signatures.feishu("feishu-secret", 1599360473L));
    }
}
