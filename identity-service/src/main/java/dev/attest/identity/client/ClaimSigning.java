package dev.attest.identity.client;

import java.math.BigInteger;
import java.security.SignatureException;
import java.util.Arrays;
import java.util.List;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.TypeEncoder;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.DynamicBytes;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Hash;
import org.web3j.crypto.Keys;
import org.web3j.crypto.Sign;
import org.web3j.utils.Numeric;

/** The OnchainID claim rules (ERC-734/735 as Identity.sol and ClaimIssuer.sol verify them), as pure functions. */
public final class ClaimSigning {

    private ClaimSigning() {}

    /** {@code keccak256(abi.encode(address))}: how an identity names a key. */
    public static byte[] keyOf(String address) {
        return Hash.sha3(Numeric.hexStringToByteArray(TypeEncoder.encode(new Address(address))));
    }

    /** {@code keccak256(abi.encode(issuer, topic))}: one claim per issuer and topic. */
    public static byte[] claimId(String issuer, BigInteger topic) {
        String encoded = TypeEncoder.encode(new Address(issuer)) + TypeEncoder.encode(new Uint256(topic));
        return Hash.sha3(Numeric.hexStringToByteArray(encoded));
    }

    /** {@code keccak256(abi.encode(identity, topic, data))}: standard (not packed) ABI encoding. */
    public static byte[] dataHash(String identity, BigInteger topic, byte[] data) {
        String encoded = FunctionEncoder.encodeConstructor(
                List.of(new Address(identity), new Uint256(topic), new DynamicBytes(data)));
        return Hash.sha3(Numeric.hexStringToByteArray(encoded));
    }

    /**
     * The claim signature: EIP-191 personal-sign of {@link #dataHash}, 65 bytes {@code r‖s‖v} with v = 27/28 and
     * low s, which every OnchainID version accepts.
     */
    public static byte[] sign(String identity, BigInteger topic, byte[] data, ECKeyPair issuerKey) {
        Sign.SignatureData signature = Sign.signPrefixedMessage(dataHash(identity, topic, data), issuerKey);
        byte[] out = new byte[65];
        System.arraycopy(signature.getR(), 0, out, 0, 32);
        System.arraycopy(signature.getS(), 0, out, 32, 32);
        out[64] = signature.getV()[0];
        return out;
    }

    /** The address that signed {@code signature} over a claim, as isClaimValid recovers it. */
    public static String signer(String identity, BigInteger topic, byte[] data, byte[] signature) {
        byte[] r = Arrays.copyOfRange(signature, 0, 32);
        byte[] s = Arrays.copyOfRange(signature, 32, 64);
        byte[] v = {signature[64]};
        try {
            BigInteger publicKey =
                    Sign.signedPrefixedMessageToKey(dataHash(identity, topic, data), new Sign.SignatureData(v, r, s));
            return "0x" + Keys.getAddress(publicKey);
        } catch (SignatureException e) {
            throw new IllegalArgumentException("not a claim signature", e);
        }
    }
}
