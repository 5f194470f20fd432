package dev.attest.identity.service;

import java.nio.charset.StandardCharsets;
import org.web3j.crypto.Hash;
import org.web3j.utils.Numeric;

/** Values derived from ids alone, so that the same user or case always yields the same value. */
public final class Derivations {
    private Derivations() {}

    /**
     * The IdFactory salt of a user: the same user always gets the same salt, and the factory refuses a
     * taken salt, so a redelivered event or a restart can never deploy a second identity. Hashed, so the
     * chain does not show our user ids.
     */
    public static String identitySalt(String orgId, String userId) {
        return "attest-" + Numeric.toHexStringNoPrefix(Hash.sha3(utf8("identity:" + orgId + ":" + userId)));
    }

    /** Claim data: a hash of the case reference and level; evidence by pointer, no personal data on chain. */
    public static byte[] claimData(String orgId, String kycCaseId, String kycLevel) {
        return Hash.sha3(utf8("attest-kyc:" + orgId + ":" + kycCaseId + ":" + kycLevel));
    }

    /** KYB claim data: a hash of the business case reference (KYB has no level); no company data on chain. */
    public static byte[] kybClaimData(String orgId, String businessCaseId) {
        return Hash.sha3(utf8("attest-kyb:" + orgId + ":" + businessCaseId));
    }

    private static byte[] utf8(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
