package dev.attest.identity.health;

import dev.attest.identity.client.EvmNode;
import dev.attest.identity.config.IdentityConfig;
import dev.attest.identity.service.PlatformKeys;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigInteger;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/** Ready only if the node answers on the configured chain and the operator can pay for issuance. */
@Readiness
@ApplicationScoped
public class ChainReadinessCheck implements HealthCheck {
    private final EvmNode node;
    private final PlatformKeys keys;
    private final IdentityConfig config;

    ChainReadinessCheck(EvmNode node, PlatformKeys keys, IdentityConfig config) {
        this.node = node;
        this.keys = keys;
        this.config = config;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("EVM node and operator balance");
        try {
            long chainId = node.chainId();
            BigInteger balance = node.balance(keys.operatorAddress());
            response.withData("chain_id", chainId)
                    .withData("operator", keys.operatorAddress())
                    .withData("operator_balance_wei", balance.toString());
            boolean up = chainId == config.chainId() && balance.compareTo(config.minOperatorBalanceWei()) >= 0;
            return response.status(up).build();
        } catch (RuntimeException e) {
            return response.down().withData("error", "node unreachable").build();
        }
    }
}
