package dev.attest.common.crypto;

/** A stored secret that cannot be decrypted: tampered with, bound to another context, or its key is gone. */
public class SecretDecryptionException extends RuntimeException {
    public SecretDecryptionException(String message, Throwable cause) {
        super(message, cause);
    }

    public SecretDecryptionException(String message) {
        super(message);
    }
}
