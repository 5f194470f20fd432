package dev.attest.document.service;

import com.fasterxml.jackson.databind.JsonNode;
import dev.attest.document.client.EvmNode;
import dev.attest.document.client.ViewCall;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.function.Function;

/**
 * Decides access conditions ({@link AccessConditions}) for one request, as a Lit node would before it releases a
 * key share: every condition in order, joined by and/or, groups first. A condition that cannot be decided (the chain
 * does not answer, an unknown method) is not met. The answer names the first condition that failed, in terms that
 * carry no personal data (method and index).
 */
@ApplicationScoped
public class ConditionEvaluator {
    private final EvmNode chain;

    ConditionEvaluator(EvmNode chain) {
        this.chain = chain;
    }

    /** What a fact condition is decided against: the caller as the gateway's token states it, and the clock. */
    public record Facts(
            String subject,
            String orgId,
            Function<String, Boolean> hasRole,
            Function<String, Optional<String>> caseState,
            long nowEpochSeconds) {}

    /** Empty when the conditions hold; else why not. */
    public Optional<String> refusal(JsonNode conditions, Facts facts) {
        return evaluate(conditions, facts, "");
    }

    private Optional<String> evaluate(JsonNode list, Facts facts, String path) {
        Optional<String> result = Optional.of("no condition");
        String operator = null;
        for (int i = 0; i < list.size(); i++) {
            JsonNode item = list.get(i);
            if (item.has("operator")) {
                operator = item.get("operator").asText();
                continue;
            }
            if ("or".equals(operator) && result.isEmpty()) {
                continue; // already met
            }
            if ("and".equals(operator) && result.isPresent()) {
                continue; // already failed
            }
            result = item.isArray() ? evaluate(item, facts, path + i + ".") : decide(item, facts, path + i);
        }
        return result;
    }

    private Optional<String> decide(JsonNode condition, Facts facts, String index) {
        String method = AccessConditions.EVM_CONTRACT.equals(
                        condition.path("conditionType").asText())
                ? condition.path("functionName").asText()
                : condition.path("method").asText();
        JsonNode test = condition.path("returnValueTest");
        Optional<String> actual;
        try {
            actual = AccessConditions.FACTS.equals(
                            condition.path("contractAddress").asText())
                    ? fact(method, condition.path("parameters"), facts)
                    : onChain(method, condition);
        } catch (EvmNode.ChainUnavailableException e) {
            return Optional.of("condition " + index + " (" + method + ") could not be read from the chain");
        }
        String expected = test.path("value").asText();
        if (expected.startsWith("0x")) {
            expected = expected.toLowerCase(); // an address may be written checksummed; it is read in lower case
        }
        if (actual.isPresent()
                && AccessConditions.compare(
                        actual.get(), test.path("comparator").asText(), expected)) {
            return Optional.empty();
        }
        return Optional.of("condition " + index + " (" + method + ") is not met");
    }

    private Optional<String> fact(String method, JsonNode parameters, Facts facts) {
        return switch (method) {
            case "isCaller" -> Optional.of(
                    Boolean.toString(facts.subject().equals(parameters.path(0).asText())));
            case "hasOrgRole" -> Optional.of(
                    Boolean.toString(facts.orgId().equals(parameters.path(0).asText())
                            && facts.hasRole().apply(parameters.path(1).asText())));
            case "caseState" -> facts.caseState().apply(parameters.path(0).asText());
            case "now" -> Optional.of(Long.toString(facts.nowEpochSeconds()));
            default -> Optional.empty();
        };
    }

    private Optional<String> onChain(String method, JsonNode condition) {
        if (!AccessConditions.CHAIN.equals(condition.path("chain").asText())) {
            return Optional.empty();
        }
        if (AccessConditions.EVM_CONTRACT.equals(condition.path("conditionType").asText())) {
            return contractCall(condition);
        }
        if (!"eth_getBalance".equals(method)) {
            return Optional.empty();
        }
        JsonNode parameters = condition.path("parameters");
        return Optional.of(
                chain.balance(parameters.path(0).asText(), parameters.path(1).asText("latest"))
                        .toString());
    }

    /** An {@code evmContract} condition's output, as text; addresses and bytes in lower case, as read. */
    private Optional<String> contractCall(JsonNode condition) {
        ViewCall call;
        try {
            call = ViewCall.of(condition.path("functionAbi"), condition.path("functionParams"));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        String result = chain.call(condition.path("contractAddress").asText(), call.callData());
        return call.read(result, condition.path("returnValueTest").path("key").asText(""));
    }
}
