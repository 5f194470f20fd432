package dev.attest.document.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.attest.document.support.TestWallets;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Arweave's deep hash, data root and transaction signature against the reference implementation, arweave-js 1.15.7:
 * values its {@code lib/deepHash} and {@code lib/merkle.computeRootHash} computed, and a transaction it signed. (The
 * signed fixture of its own repository, {@code test/fixtures/signed_v2_tx.json}, is not usable: its id is not the hash
 * of its signature, which arweave-js' own {@code verify} refuses too.)
 */
class ArweaveSigningTest {

    @Test
    void deepHashOfABlobIsArweaveJs() {
        assertThat(Base64Url.encode(DeepHash.of(utf8("attest"))))
                .isEqualTo("niR88q7SVY6oU0X5Iy5ekN4j19CK-LPI8n4mrPMaxw_qD5XxuQ6M6--9zcmCDE99");
    }

    @Test
    void deepHashOfNestedListsIsArweaveJs() {
        Object value = List.of(
                utf8("2"),
                utf8("abc"),
                List.of(List.of(utf8("Content-Type"), utf8("application/octet-stream"))),
                new byte[0]);
        assertThat(Base64Url.encode(DeepHash.of(value)))
                .isEqualTo("gnh-VxyND7dvMe0EfxqqKU847SdhvICMqjQi6tVAlM0RZL7iN3aDeQuxnyvF4IRC");
    }

    @ParameterizedTest(name = "{0} bytes")
    @CsvSource({
        "1, JIK3SDDlKjjt_JzGUajGEVDAYS2klcOz3BwUxUeqql4",
        "1000, yLCk9MTJ5X8hEgPyEhgAw77bkTMYfulLlXSM4RpeKPs",
        "262144, 9caFXo8ZSLO0FkhNX--ThqiAjqDnmbHqI0OoDvCidIA",
        "262145, KfnRhfK7kS37cw4IEIQQSNjDn2JkPlLpn8MLHfgYFw4",
        "600000, n67Nefiqy059Y1xdQvDmf8uxgsuAtHDdNnBE3riX52M",
        "1048576, MKkvbStBoAXo8S_MMkCN8oJS3wndK21rrfqHwt7qNK8"
    })
    void dataRootIsArweaveJsMerkleRoot(int size, String root) {
        assertThat(Base64Url.encode(DataRoot.of(pattern(size)))).isEqualTo(root);
    }

    @Test
    void aTransactionSignedByArweaveJsVerifies() {
        List<ArweaveTransaction.Tag> tags = List.of(
                new ArweaveTransaction.Tag("Content-Type", "application/octet-stream"),
                new ArweaveTransaction.Tag("App-Name", "Attest"));
        ArweaveTransaction signedByArweaveJs = new ArweaveTransaction(
                "osNs0EqBlT4U4lJOH4q78Lcgo1mzIS_DZgYqc-7m3Ys",
                "",
                JS_OWNER,
                tags,
                "12345",
                "1000",
                "yLCk9MTJ5X8hEgPyEhgAw77bkTMYfulLlXSM4RpeKPs",
                JS_SIGNATURE);
        assertThat(signedByArweaveJs.verifies()).isTrue();
        assertThat(Base64Url.encode(DataRoot.of(pattern(1000)))).isEqualTo(signedByArweaveJs.dataRoot());
        ArweaveTransaction changedReward = new ArweaveTransaction(
                signedByArweaveJs.id(),
                "",
                JS_OWNER,
                tags,
                "12346",
                "1000",
                signedByArweaveJs.dataRoot(),
                JS_SIGNATURE);
        assertThat(changedReward.verifies())
                .as("a changed reward breaks the signature")
                .isFalse();
    }

    @Test
    void ourSignatureVerifiesAndTheIdIsItsHash() {
        ArweaveWallet wallet = ArweaveWallet.fromJwk(TestWallets.newJwk());
        ArweaveTransaction tx = ArweaveTransaction.sign(
                wallet,
                pattern(1000),
                List.of(new ArweaveTransaction.Tag("Content-Type", "application/octet-stream")),
                "12345",
                "");
        assertThat(tx.verifies()).isTrue();
        assertThat(tx.dataRoot()).isEqualTo("yLCk9MTJ5X8hEgPyEhgAw77bkTMYfulLlXSM4RpeKPs");
        assertThat(wallet.address()).hasSize(43);
    }

    @Test
    void aBadKeyFileIsRefusedWithoutQuotingIt() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ArweaveWallet.fromJwk("{\"n\":\"secret-ish\"}"))
                .hasMessageNotContaining("secret-ish");
    }

    private static byte[] pattern(int size) {
        byte[] bytes = new byte[size];
        for (int i = 0; i < size; i++) {
            bytes[i] = (byte) ((i * 31 + 7) & 0xff);
        }
        return bytes;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** A transaction signed by arweave-js 1.15.7 ({@code transactions.sign}) with a key made for this test. */
    private static final String JS_OWNER =
            "rQ9sO9hQk1z6XAtTLHmYAcd2K2z1gT_CxvjHyfrXgeH7Z1yYt275kwF5EfA_vS8xBkBzUWWFr9nhn5Kf7SAS6QqX9lZdTubcdyJYoqy67BCU5nxOum37Iqsm-7DFN6gkzpwvjPAt_Hgr_Omg4TwGpc59x_mmGvdF52SDoeRXTDY9CnVSZ3hcjuY9oWnZLKxDgOlAAflK03dkUfDiWInwKHroAW4UbD-jyIF1f1MnZaxDcyDJkrmW43_OJoaE1DfsHYNO-R1mAoAL2osHvLXUXf-wCxtmMn4X8J_HkHFiDH-Fnh4meVMDFVNaQAa1xdzrAstbqF5yG7Cmp5yjmFhtNl8TEZdgTNzxZBR7SFWXKWYAHwH_lCt89IU0RYS62Of9cTaDb2gczniSIDVO-qF60LSpSu0rSXlCh5_Wa-Q1EvMIUypkfPpXkJyf64ci69BTMB4BGxShxfmeV9rcuFhUKgw5mCW6Vl4j_WIHD5OgO7rT6Ws6Kk-FNB_8rcvbO4Vjgip6qtTAJhKfZOMPKYntudvXzsr8E89PjTwP1tEX-hF0EAp11Tli-JyK7u03WkZyOhcqvkehhzizsFgl0-jPWaE5VjrKJvAOJwfKnx-quZ0G_EKFUV_MQF6xkWlUSF7mjwxRtLz5CzkGK-3oj4OyQOZU4BbU8utORZ0wPgL1H10";

    private static final String JS_SIGNATURE =
            "aEgi1dPn3kCZO08dSjE3O3Cfkfv5LTXpX3YlQ-4VAbWT2XucfzNZNkuq11L4H43w2T7Uojf2vcf2XAf6tTIsWYFBmlU5mREX-w9VNsZ9V3__427PrRZBnYJMPubsUvjw42eUv0aGdLMK07v0ZzjEXQlsRSN_tRA9vr1NoU9qB7OTbUB4XHQjHZzQWWIv5heP6UxIRMBYgvR2fhj58HVtBVr5g3jzHvWWWNLTCAHS6hawVj_glK3LJDOdNcDSGS4glsZpZA43ps9_3HmvO02SzGzLDUCZGfgry8x4bbYNA8hJIZIqcMi-rTkVs_gnS8cOCwYWi-pA8Fub9TbOIfDnMe7uKvMVyceGi-gbMFyHtJQX-6Wtn5Kt1elIJlTe2uuVYRRkVzoTcg1RUSiNgdjb3eRVdWbMmRfF8XLOpT9nN3CQCcvxuKYAWWP8ui6HUK00dGJikDTCYYW1d2tZXN1s7p8geCb7rPOIwE7uGJ90SQwsV062Ik-8KkSPOPFxl6RqvDNgWhrJGQrmEbhz0o9pcaSTo93GrScd_mbui2SeDm6O_oP1VQs8OeiTFBMaEDUt8lWQ4mBjJDAXOmynsY6iaKfFTqiHSsm410TFFwCjWkWsOfIfaymr1NoGhFtFawlQaaFLc8jPQoN_c9XfSBtd9A1iXncQDhOaJGOWTVM1DH4";
}
