package dev.attest.gateway.ratelimit;

import dev.attest.gateway.config.GatewayConfig;
import io.netty.util.NetUtil;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Arrays;
import java.util.Optional;

/**
 * The edge limit of provider webhooks. The gateway cannot tell a provider's delivery from anyone else's (only
 * the service can check the signature), yet each delivery costs the service a database write; so every
 * delivery draws, in memory and before it is forwarded, from two buckets: its source address's in the
 * organization its path names ({@code /webhooks/<provider>/<org>}), so that one organization's flood leaves
 * another's deliveries from the same provider address alone, and its source address's over all organizations,
 * so that naming ever new organizations gains nothing. A refused provider retries later, as it does after any
 * non-2xx answer. The buckets are this instance's: each replica limits for itself.
 */
@ApplicationScoped
public class WebhookLimits {
    /** Longer organization segments are cut: the key only has to tell organizations apart. */
    private static final int MAX_ORG_KEY = 100;

    private static final long SWEEP_MILLIS = 30_000;

    private final MemoryTokenBuckets perOrganization;
    private final MemoryTokenBuckets perSource;
    private final Vertx vertx;
    private long sweeper = -1;

    WebhookLimits(GatewayConfig config, Vertx vertx) {
        GatewayConfig.WebhookRateLimit limit = config.webhookRateLimit();
        this.perOrganization = new MemoryTokenBuckets(limit.capacity(), limit.refillPerSecond(), System::nanoTime);
        this.perSource =
                new MemoryTokenBuckets(limit.sourceCapacity(), limit.sourceRefillPerSecond(), System::nanoTime);
        this.vertx = vertx;
    }

    void start(@Observes StartupEvent event) {
        // on a worker: a flood from many sources makes the maps large, and the event loop must not walk them
        sweeper = vertx.setPeriodic(
                SWEEP_MILLIS,
                id -> vertx.executeBlocking(
                        () -> {
                            perOrganization.forgetFull();
                            perSource.forgetFull();
                            return null;
                        },
                        false));
    }

    void stop(@Observes ShutdownEvent event) {
        if (sweeper >= 0) {
            vertx.cancelTimer(sweeper);
        }
    }

    /**
     * Takes a token for one delivery from {@code sourceAddress} (the connection's peer address) naming {@code
     * org} in its path (the segment after the provider, empty when there is none).
     */
    public RateLimitDecision take(String sourceAddress, Optional<String> org) {
        String source = sourceKey(sourceAddress);
        String orgKey = org.map(o -> o.length() > MAX_ORG_KEY ? o.substring(0, MAX_ORG_KEY) : o)
                .orElse("");
        RateLimitDecision inOrganization = perOrganization.take(source + " " + orgKey);
        if (!inOrganization.allowed()) {
            return inOrganization;
        }
        return perSource.take(source);
    }

    /**
     * An IPv4 address as it is (also when a dual-stack socket states it as IPv6); an IPv6 address by its /64
     * network, which one subscriber usually holds whole (so taking another address from it is no new source).
     */
    static String sourceKey(String address) {
        byte[] bytes = address == null ? null : NetUtil.createByteArrayFromIpAddressString(address);
        if (bytes == null || bytes.length != 16) {
            return String.valueOf(address);
        }
        if (isIpv4Mapped(bytes)) {
            return NetUtil.bytesToIpAddress(Arrays.copyOfRange(bytes, 12, 16));
        }
        Arrays.fill(bytes, 8, 16, (byte) 0);
        return NetUtil.bytesToIpAddress(bytes) + "/64";
    }

    /** {@code ::ffff:a.b.c.d}: an IPv4 client of a dual-stack socket, one address like any other IPv4 one. */
    private static boolean isIpv4Mapped(byte[] bytes) {
        for (int i = 0; i < 10; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff;
    }
}
