package dev.attest.gateway.proxy;

import dev.attest.common.problem.ProblemException;
import java.util.Map;

/**
 * What the gateway does with an authenticated request to a service: forward it with a gateway token, or
 * refuse it with a problem. Either way it may carry rate-limit headers for the client.
 */
record ForwardDecision(String gatewayToken, ProblemException refusal, Map<String, String> headers) {

    static ForwardDecision forward(String gatewayToken, Map<String, String> headers) {
        return new ForwardDecision(gatewayToken, null, headers);
    }

    static ForwardDecision refuse(ProblemException refusal, Map<String, String> headers) {
        return new ForwardDecision(null, refusal, headers);
    }

    boolean refused() {
        return refusal != null;
    }
}
