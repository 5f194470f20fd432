package dev.attest.common.net;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.List;

/** The SSRF guard as configured: the system's DNS, the allowlist, and whether only https is accepted. */
public class OutboundGuardProducer {

    @Produces
    @Singleton
    OutboundAddressGuard guard(OutboundConfig config) {
        AddressPolicy policy = new AddressPolicy(config.allowedNetworks().orElse(List.of()));
        return new OutboundAddressGuard(policy, HostResolver.SYSTEM, config.httpsOnly());
    }
}
