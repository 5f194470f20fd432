package dev.attest.compliance.service;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.attest.common.crypto.SecretCipher;
import dev.attest.compliance.KycCase;
import dev.attest.compliance.provider.ApplicantData;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The applicant's data on a case, sealed (SecretCipher, context naming the organization, the case and the
 * field), only for as long as the provider has not received it: a start retried after a failed provider
 * call must send exactly the same data under the same idempotency key. Erased once the inquiry exists.
 */
@ApplicationScoped
class SealedApplicantData {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DOCUMENT_NUMBER = "document_number";

    private final SecretCipher cipher;

    SealedApplicantData(SecretCipher cipher) {
        this.cipher = cipher;
    }

    void seal(KycCase kycCase, ApplicantData applicant) {
        Map<String, String> personal = new LinkedHashMap<>(applicant.fields());
        String documentNumber = personal.remove(DOCUMENT_NUMBER);
        kycCase.personalInfoEnc =
                personal.isEmpty() ? null : cipher.encrypt(write(personal), context(kycCase, "personal-info"));
        kycCase.documentDataEnc = documentNumber == null
                ? null
                : cipher.encrypt(write(Map.of(DOCUMENT_NUMBER, documentNumber)), context(kycCase, "document-data"));
    }

    ApplicantData open(KycCase kycCase) {
        Map<String, String> fields = new HashMap<>();
        if (kycCase.personalInfoEnc != null) {
            fields.putAll(read(cipher.decrypt(kycCase.personalInfoEnc, context(kycCase, "personal-info"))));
        }
        if (kycCase.documentDataEnc != null) {
            fields.putAll(read(cipher.decrypt(kycCase.documentDataEnc, context(kycCase, "document-data"))));
        }
        return new ApplicantData(fields);
    }

    /** The provider holds the data now: this service keeps none of it. */
    void erase(KycCase kycCase) {
        kycCase.personalInfoEnc = null;
        kycCase.documentDataEnc = null;
    }

    private static String context(KycCase kycCase, String field) {
        return context(kycCase.orgId, kycCase.id.toString(), field);
    }

    static String context(String orgId, String caseId, String field) {
        return "org:" + orgId + "/kyc-case:" + caseId + "/" + field;
    }

    private static String write(Map<String, String> fields) {
        try {
            return JSON.writeValueAsString(fields);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> read(String json) {
        try {
            return JSON.readValue(json, new TypeReference<Map<String, String>>() {});
        } catch (IOException e) {
            throw new IllegalStateException("sealed applicant data does not parse", e);
        }
    }
}
