package dev.attest.wallet.health;

import dev.attest.common.tenant.Tenants;
import dev.attest.wallet.client.DfnsClient;
import dev.attest.wallet.client.DfnsException;
import dev.attest.wallet.client.DfnsUnavailableException;
import dev.attest.wallet.config.WalletConfig;
import dev.attest.wallet.service.DfnsSettingsService;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness: the Dfns API of the configured default organization answers (one wallet listing, no
 * retries). Down only when Dfns cannot be reached; credentials Dfns refuses are reported but do not take
 * the service out of rotation (other organizations' credentials may work, and the admins are alerted).
 * Not a liveness check: restarting this service does not bring Dfns back.
 */
@Readiness
@ApplicationScoped
public class DfnsReadinessCheck implements HealthCheck {
    private static final String NAME = "dfns";

    private final DfnsSettingsService settings;
    private final DfnsClient dfns;
    private final Tenants tenants;
    private final WalletConfig.DefaultOrg defaultOrg;

    DfnsReadinessCheck(DfnsSettingsService settings, DfnsClient dfns, Tenants tenants, WalletConfig config) {
        this.settings = settings;
        this.dfns = dfns;
        this.tenants = tenants;
        this.defaultOrg = config.dfns().defaultOrg();
    }

    @Override
    public HealthCheckResponse call() {
        var org = defaultOrg.orgId().map(tenants::orgIdOf).flatMap(settings::forOrg);
        if (org.isEmpty()) {
            return HealthCheckResponse.named(NAME)
                    .up()
                    .withData("default-org", "not configured")
                    .build();
        }
        try {
            dfns.ping(org.get().credentials());
            return HealthCheckResponse.named(NAME)
                    .up()
                    .withData("api", "reachable")
                    .build();
        } catch (DfnsException e) {
            return HealthCheckResponse.named(NAME)
                    .up()
                    .withData("api", "reachable")
                    .withData("credentials", "refused (" + e.status() + ")")
                    .build();
        } catch (DfnsUnavailableException e) {
            return HealthCheckResponse.named(NAME)
                    .down()
                    .withData("api", "unreachable")
                    .build();
        }
    }
}
