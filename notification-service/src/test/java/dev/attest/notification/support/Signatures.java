package dev.attest.notification.support;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Verifies a webhook the way a receiver's Standard Webhooks library does, independent of our signer. */
public final class Signatures {
    private Signatures() {}

    public static boolean verifies(Receiver.Request request, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
            String signed =
                    request.header("webhook-id") + "." + request.header("webhook-timestamp") + "." + request.body();
            byte[] expected = mac.doFinal(signed.getBytes(StandardCharsets.UTF_8));
            return Arrays.stream(request.header("webhook-signature").split(" "))
                    .filter(s -> s.startsWith("v1,"))
                    .map(s -> Base64.getDecoder().decode(s.substring(3)))
                    .anyMatch(actual -> MessageDigest.isEqual(expected, actual));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
