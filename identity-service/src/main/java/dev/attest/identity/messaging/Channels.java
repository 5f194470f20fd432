package dev.attest.identity.messaging;

/** The service's incoming channels (configured in application.properties). */
public final class Channels {
    public static final String WALLET_EVENTS = "wallet-events";
    public static final String KYC_EVENTS = "kyc-events";

    private Channels() {}
}
