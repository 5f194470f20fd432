package dev.attest.document.support;

import dev.attest.document.client.ArweaveWallet;
import dev.attest.testing.ArlocalResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.net.URI;
import java.util.Map;

/**
 * arlocal (test-support's {@link ArlocalResource}, a real Arweave gateway) behind a {@link GatewayRelay} the tests can
 * cut, and a fresh platform wallet funded on it, as buying AR credits the platform's wallet.
 */
public class ArweaveResource implements QuarkusTestResourceLifecycleManager {
    private static GatewayRelay relay;
    private static String wallet;

    @Override
    public synchronized Map<String, String> start() {
        if (relay == null) {
            relay = GatewayRelay.start(URI.create(ArlocalResource.gatewayUrl()));
            wallet = TestWallets.newJwk();
            ArlocalResource.fund(ArweaveWallet.fromJwk(wallet).address(), "1000000000000000000");
        }
        return Map.of("attest.document.arweave.gateway-url", relay.url(), "attest.document.arweave.wallet", wallet);
    }

    @Override
    public void stop() {
        // Shared by the JVM's test applications.
    }

    public static GatewayRelay relay() {
        return relay;
    }
}
