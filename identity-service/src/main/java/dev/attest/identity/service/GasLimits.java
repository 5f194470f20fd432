package dev.attest.identity.service;

import dev.attest.identity.client.EvmNode;
import dev.attest.identity.config.IdentityConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigInteger;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Gas limits per kind of call, estimated once with headroom and reused, instead of an {@code eth_estimateGas}
 * before every send: the operator's recurring calls (onboarding a user, adding or revoking a claim) cost the same
 * gas each time, and an estimate costs the node as much as the call itself. A limit is checked against what its
 * transactions really used ({@link #used}): one that came close to it, or ran out, is estimated again.
 */
@ApplicationScoped
public class GasLimits {
    /** Used gas above this share of the limit (percent) means the call has grown: estimate again. */
    private static final int REESTIMATE_ABOVE_PERCENT = 90;

    private final EvmNode node;
    private final int headroomPercent;
    private final Map<String, BigInteger> byKind = new ConcurrentHashMap<>();

    GasLimits(EvmNode node, IdentityConfig config) {
        this.node = node;
        this.headroomPercent = config.gasHeadroomPercent();
    }

    /**
     * The limit for a call of {@code kind} (null: a one-off call, estimated every time).
     *
     * @throws dev.attest.identity.client.RevertedException if the estimate reverts
     */
    public BigInteger limitFor(String kind, String from, String to, String data) {
        if (kind == null) {
            return withHeadroom(node.estimateGas(from, to, data));
        }
        BigInteger known = byKind.get(kind);
        if (known != null) {
            return known;
        }
        BigInteger limit = withHeadroom(node.estimateGas(from, to, data));
        byKind.put(kind, limit);
        return limit;
    }

    /** A transaction of {@code kind} with {@code limit} used {@code gasUsed}; a limit too tight is dropped. */
    public void used(String kind, BigInteger limit, BigInteger gasUsed) {
        if (kind != null
                && gasUsed.multiply(BigInteger.valueOf(100))
                                .compareTo(limit.multiply(BigInteger.valueOf(REESTIMATE_ABOVE_PERCENT)))
                        > 0) {
            byKind.remove(kind, limit);
        }
    }

    private BigInteger withHeadroom(BigInteger estimate) {
        return estimate.multiply(BigInteger.valueOf(headroomPercent)).divide(BigInteger.valueOf(100));
    }
}
