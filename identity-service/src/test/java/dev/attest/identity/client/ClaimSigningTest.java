package dev.attest.identity.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Credentials;
import org.web3j.utils.Numeric;

class ClaimSigningTest {
    private static final String ZERO_ADDRESS = "0x0000000000000000000000000000000000000000";
    /** The test mnemonic's deterministic account 1 (anvil's accounts): public knowledge, test only. */
    private static final Credentials SIGNER =
            Credentials.create("0x6cbed15c793ce57650b9877cf6fa156fbef513c4e6134f022a85b1ffdd59b2a1");

    private static final BigInteger SECP256K1_HALF_N =
            new BigInteger("7FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF5D576E7357A4501DDFE92F46681B20A0", 16);

    @Test
    void keyOfAnAddressIsTheKeccakOfItsAbiEncoding() {
        // keccak256 of one zero word, a well-known constant
        assertThat(Numeric.toHexString(ClaimSigning.keyOf(ZERO_ADDRESS)))
                .isEqualTo("0x290decd9548b62a8d60345a988386fc84ba6bc95484008f6362f93160ef3e563");
    }

    @Test
    void claimIdIsTheKeccakOfIssuerAndTopicAbiEncoded() {
        // keccak256 of two zero words, a well-known constant
        assertThat(Numeric.toHexString(ClaimSigning.claimId(ZERO_ADDRESS, BigInteger.ZERO)))
                .isEqualTo("0xad3228b676f7d3cd4284a5443f17f1962b36e491b30a40b2405849e597ba5fb5");
    }

    @Test
    void claimIdDiffersByTopic() {
        assertThat(ClaimSigning.claimId(ZERO_ADDRESS, BigInteger.ONE))
                .isNotEqualTo(ClaimSigning.claimId(ZERO_ADDRESS, BigInteger.TWO));
    }

    @Test
    void signatureIs65BytesWithV27Or28AndLowSAndRecoversTheSigner() {
        String identity = "0x1111111111111111111111111111111111111111";
        byte[] data = Numeric.hexStringToByteArray("0xabcdef");
        for (int topic = 1; topic <= 20; topic++) {
            byte[] signature = ClaimSigning.sign(identity, BigInteger.valueOf(topic), data, SIGNER.getEcKeyPair());
            assertThat(signature).hasSize(65);
            assertThat((int) signature[64]).isIn(27, 28);
            BigInteger s = new BigInteger(1, Arrays.copyOfRange(signature, 32, 64));
            assertThat(s).isLessThanOrEqualTo(SECP256K1_HALF_N);
            assertThat(ClaimSigning.signer(identity, BigInteger.valueOf(topic), data, signature))
                    .isEqualToIgnoringCase(SIGNER.getAddress());
        }
    }

    @Test
    void aSignatureDoesNotCoverAnotherIdentityTopicOrData() {
        String identity = "0x1111111111111111111111111111111111111111";
        byte[] data = {1, 2, 3};
        byte[] signature = ClaimSigning.sign(identity, BigInteger.ONE, data, SIGNER.getEcKeyPair());
        assertThat(ClaimSigning.signer("0x2222222222222222222222222222222222222222", BigInteger.ONE, data, signature))
                .isNotEqualToIgnoringCase(SIGNER.getAddress());
        assertThat(ClaimSigning.signer(identity, BigInteger.TWO, data, signature))
                .isNotEqualToIgnoringCase(SIGNER.getAddress());
        assertThat(ClaimSigning.signer(identity, BigInteger.ONE, new byte[] {1, 2, 4}, signature))
                .isNotEqualToIgnoringCase(SIGNER.getAddress());
    }
}
