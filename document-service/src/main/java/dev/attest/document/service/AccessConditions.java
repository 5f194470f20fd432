package dev.attest.document.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.attest.common.problem.ProblemException;
import dev.attest.document.client.ViewCall;
import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Access conditions in Lit Protocol's access-control-condition format (unified conditions: {@code conditionType},
 * {@code returnValueTest}, {@code {"operator": "and"|"or"}} between them, nested arrays for groups), so that a Lit
 * adapter can hand the same JSON to Lit's nodes. Two kinds are written here:
 *
 * <ul>
 *   <li>platform facts, in the shape Lit gives conditions a Lit Action decides ({@code standardContractType:
 *       "LitAction"}), with {@code contractAddress} {@value #FACTS} instead of an IPFS id: {@code isCaller},
 *       {@code hasOrgRole}, {@code caseState}, {@code now};
 *   <li>on-chain conditions, Lit's own, on chain {@value #CHAIN} (the EVM network the platform is configured with),
 *       read from the node when the key is asked for: {@code evmBasic} {@code eth_getBalance}, and
 *       {@code evmContract} view calls (an identity's KYC claim: {@code ClaimIssuer.isClaimValid},
 *       {@code Identity.getClaim}).
 * </ul>
 *
 * This class builds and checks them; {@link ConditionEvaluator} decides them.
 */
public final class AccessConditions {
    public static final String FACTS = "attest://facts/v1";
    public static final String CHAIN = "attest";
    public static final String EVM_CONTRACT = "evmContract";
    private static final Pattern ADDRESS = Pattern.compile("^0x[0-9a-fA-F]{40}$");
    private static final List<String> COMPARATORS = List.of("=", "!=", "<", "<=", ">", ">=");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private AccessConditions() {}

    /** The owner of a document: only they. */
    public static ArrayNode user(String userId) {
        return all(fact("isCaller", List.of(userId), "=", "true"));
    }

    /** The organization's reviewers: this reviewer, still an org-admin of the org, and only while the case is open. */
    public static ArrayNode reviewer(String subject, String orgId, String caseId) {
        return all(
                fact("isCaller", List.of(subject), "=", "true"),
                fact("hasOrgRole", List.of(orgId, "org-admin"), "=", "true"),
                fact("caseState", List.of(caseId), "=", "open"));
    }

    /** An auditor: this person until {@code expiresAt}, and whatever on-chain conditions the grantor added. */
    public static ArrayNode auditor(String subject, Instant expiresAt, JsonNode onChain) {
        ArrayNode conditions = all(
                fact("isCaller", List.of(subject), "=", "true"),
                fact("now", List.of(), "<=", Long.toString(expiresAt.getEpochSecond())));
        if (onChain != null && !onChain.isNull() && !onChain.isEmpty()) {
            checkOnChain(onChain);
            conditions.addObject().put("operator", "and");
            conditions.add(onChain);
        }
        return conditions;
    }

    /** When an auditor grant's conditions end (its {@code now <=} fact); empty for grants that do not expire. */
    public static Optional<Instant> expiry(JsonNode conditions) {
        for (JsonNode condition : conditions) {
            if (FACTS.equals(condition.path("contractAddress").asText())
                    && "now".equals(condition.path("method").asText())
                    && "<="
                            .equals(condition
                                    .path("returnValueTest")
                                    .path("comparator")
                                    .asText())) {
                return Optional.of(Instant.ofEpochSecond(
                        condition.path("returnValueTest").path("value").asLong()));
            }
        }
        return Optional.empty();
    }

    /**
     * Refuses (400) anything but on-chain conditions this platform can decide, joined by and/or, on chain
     * {@value #CHAIN}: {@code evmBasic} {@code eth_getBalance} of a given address at {@code latest}, and
     * {@code evmContract} calls of a view function with elementary arguments ({@link ViewCall}) on a given contract,
     * such as OnchainID's {@code ClaimIssuer.isClaimValid} and {@code Identity.getClaim}.
     */
    static void checkOnChain(JsonNode conditions) {
        if (!conditions.isArray() || conditions.isEmpty() || conditions.size() > 9) {
            throw invalid("on-chain conditions are a list of 1 to 9 conditions and operators");
        }
        for (int i = 0; i < conditions.size(); i++) {
            JsonNode item = conditions.get(i);
            if (i % 2 == 1) {
                if (!item.has("operator")
                        || !List.of("and", "or").contains(item.path("operator").asText())) {
                    throw invalid("item " + i + " must be {\"operator\": \"and\"} or {\"operator\": \"or\"}");
                }
                continue;
            }
            if (!item.isObject() || !CHAIN.equals(item.path("chain").asText())) {
                throw invalid("item " + i + " is not a condition on chain \"" + CHAIN + "\"");
            }
            if (EVM_CONTRACT.equals(item.path("conditionType").asText())) {
                checkContractCall(item, i);
            } else {
                checkBalance(item, i);
            }
        }
        if (conditions.size() % 2 == 0) {
            throw invalid("the conditions end with an operator");
        }
    }

    private static void checkBalance(JsonNode item, int i) {
        boolean balance = "evmBasic".equals(item.path("conditionType").asText("evmBasic"))
                && "eth_getBalance".equals(item.path("method").asText())
                && item.path("standardContractType").asText().isEmpty()
                && item.path("contractAddress").asText().isEmpty()
                && item.path("parameters").size() == 2
                && ADDRESS.matcher(item.path("parameters").path(0).asText()).matches()
                && "latest".equals(item.path("parameters").path(1).asText());
        JsonNode test = item.path("returnValueTest");
        boolean comparable = COMPARATORS.contains(test.path("comparator").asText())
                && test.path("value").asText().matches("^[0-9]{1,78}$");
        if (!balance || !comparable) {
            throw invalid("item " + i + " is neither an evmContract condition nor an evmBasic eth_getBalance"
                    + " condition with a numeric returnValueTest");
        }
    }

    private static void checkContractCall(JsonNode item, int i) {
        if (!ADDRESS.matcher(item.path("contractAddress").asText()).matches()) {
            throw invalid("item " + i + " names no contract address (0x and 40 hex digits)");
        }
        ViewCall call;
        try {
            call = ViewCall.of(item.path("functionAbi"), item.path("functionParams"));
        } catch (IllegalArgumentException e) {
            throw invalid("item " + i + ": " + e.getMessage());
        }
        if (!call.name().equals(item.path("functionName").asText())) {
            throw invalid("item " + i + ": functionName is not the name in functionAbi");
        }
        JsonNode test = item.path("returnValueTest");
        String comparator = test.path("comparator").asText();
        String value = test.path("value").asText();
        ViewCall.Output output = call.output(test.path("key").asText(""))
                .orElseThrow(() -> invalid("item " + i + ": returnValueTest.key names no output of the function"
                        + " (empty for a function of one output)"));
        boolean numeric = "uint256".equals(output.type());
        if (!test.path("value").isTextual()
                || !ViewCall.comparable(output.type(), value)
                || !(numeric ? COMPARATORS : List.of("=", "!=")).contains(comparator)) {
            throw invalid("item " + i + ": returnValueTest does not compare a " + output.type() + " output"
                    + (numeric ? "" : " (= or != only)"));
        }
    }

    private static ArrayNode all(ObjectNode... conditions) {
        ArrayNode list = MAPPER.createArrayNode();
        for (int i = 0; i < conditions.length; i++) {
            if (i > 0) {
                list.addObject().put("operator", "and");
            }
            list.add(conditions[i]);
        }
        return list;
    }

    private static ObjectNode fact(String method, List<String> parameters, String comparator, String value) {
        ObjectNode condition = MAPPER.createObjectNode();
        condition.put("conditionType", "evmBasic");
        condition.put("contractAddress", FACTS);
        condition.put("standardContractType", "LitAction");
        condition.put("chain", CHAIN);
        condition.put("method", method);
        ArrayNode params = condition.putArray("parameters");
        parameters.forEach(params::add);
        ObjectNode test = condition.putObject("returnValueTest");
        test.put("comparator", comparator);
        test.put("value", value);
        return condition;
    }

    /** Compares as integers when both sides are integers, else as text (= and != only). */
    static boolean compare(String actual, String comparator, String expected) {
        if (actual.matches("^-?[0-9]+$") && expected.matches("^-?[0-9]+$")) {
            int order = new BigInteger(actual).compareTo(new BigInteger(expected));
            return switch (comparator) {
                case "=" -> order == 0;
                case "!=" -> order != 0;
                case "<" -> order < 0;
                case "<=" -> order <= 0;
                case ">" -> order > 0;
                case ">=" -> order >= 0;
                default -> false;
            };
        }
        return switch (comparator) {
            case "=" -> actual.equals(expected);
            case "!=" -> !actual.equals(expected);
            default -> false;
        };
    }

    private static ProblemException invalid(String detail) {
        return ProblemException.badRequest("invalid-access-conditions", "The access conditions are invalid: " + detail);
    }
}
