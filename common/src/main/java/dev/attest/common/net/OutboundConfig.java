package dev.attest.common.net;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;
import java.util.Optional;

/**
 * Where a service may send requests to URLs that tenants chose (webhook endpoints, provider base URLs):
 * the same policy in every service.
 */
@ConfigMapping(prefix = "attest.outbound")
public interface OutboundConfig {

    /** Whether tenant-chosen URLs must be https (production). */
    @WithDefault("false")
    boolean httpsOnly();

    /**
     * Networks (CIDR) that tenant-chosen URLs may resolve to although they are private, e.g. the local stack's
     * sandbox and demo receiver on loopback; empty in production.
     */
    Optional<List<String>> allowedNetworks();
}
