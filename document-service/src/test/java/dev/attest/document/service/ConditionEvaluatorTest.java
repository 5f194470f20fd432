package dev.attest.document.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.attest.common.problem.ProblemException;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Access conditions in Lit's format, decided on platform facts (on-chain ones are tested against anvil). */
class ConditionEvaluatorTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final ConditionEvaluator evaluator = new ConditionEvaluator(null);

    @Test
    void aReviewerGrantHoldsOnlyForThatReviewerAsOrgAdminWhileTheCaseIsOpen() {
        JsonNode reviewer = AccessConditions.reviewer("rev-1", "org-1", "case-1");
        assertThat(evaluator.refusal(reviewer, facts("rev-1", "org-1", "org-admin", "open")))
                .isEmpty();
        assertThat(evaluator.refusal(reviewer, facts("rev-2", "org-1", "org-admin", "open")))
                .hasValueSatisfying(r -> assertThat(r).contains("isCaller"));
        assertThat(evaluator.refusal(reviewer, facts("rev-1", "org-1", "user", "open")))
                .hasValueSatisfying(r -> assertThat(r).contains("hasOrgRole"));
        assertThat(evaluator.refusal(reviewer, facts("rev-1", "org-1", "org-admin", "approved")))
                .hasValueSatisfying(r -> assertThat(r).contains("caseState"));
        assertThat(evaluator.refusal(reviewer, facts("rev-1", "org-1", "org-admin", null)))
                .as("an unknown case is not open")
                .isPresent();
    }

    @Test
    void anAuditorGrantEndsAtItsExpiry() {
        Instant expiry = Instant.ofEpochSecond(1_800_000_000L);
        JsonNode auditor = AccessConditions.auditor("aud-1", expiry, null);
        assertThat(evaluator.refusal(auditor, facts("aud-1", 1_800_000_000L))).isEmpty();
        assertThat(evaluator.refusal(auditor, facts("aud-1", 1_800_000_001L)))
                .hasValueSatisfying(r -> assertThat(r).contains("now"));
    }

    @Test
    void orAndGroupsAreDecidedAsLitDoes() throws Exception {
        JsonNode conditions = MAPPER.readTree("[" + isCaller("a") + ",{\"operator\":\"or\"},[" + isCaller("b")
                + ",{\"operator\":\"and\"}," + isCaller("c") + "]]");
        assertThat(evaluator.refusal(conditions, facts("a", 0))).isEmpty();
        assertThat(evaluator.refusal(conditions, facts("b", 0)))
                .as("b and c cannot both hold")
                .isPresent();
    }

    @Test
    void anUnknownFactIsNotMet() throws Exception {
        JsonNode unknown = MAPPER.readTree("[{\"conditionType\":\"evmBasic\",\"contractAddress\":\"attest://facts/v1\","
                + "\"standardContractType\":\"LitAction\",\"chain\":\"attest\",\"method\":\"isAdminOfEverything\","
                + "\"parameters\":[],\"returnValueTest\":{\"comparator\":\"=\",\"value\":\"true\"}}]");
        assertThat(evaluator.refusal(unknown, facts("a", 0))).isPresent();
    }

    @Test
    void onChainConditionsAreCheckedBeforeTheyAreAccepted() {
        assertThatThrownBy(() -> AccessConditions.checkOnChain(MAPPER.readTree("[" + isCaller("a") + "]")))
                .isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> AccessConditions.checkOnChain(MAPPER.readTree(
                        "[{\"conditionType\":\"evmBasic\",\"contractAddress\":\"\",\"standardContractType\":\"\","
                                + "\"chain\":\"attest\",\"method\":\"eth_getBalance\",\"parameters\":[\"0x1\",\"latest\"],"
                                + "\"returnValueTest\":{\"comparator\":\">\",\"value\":\"0\"}}]")))
                .as("an address of 40 hex digits")
                .isInstanceOf(ProblemException.class);
    }

    @Test
    void comparisonsAreNumericForNumbersAndExactForText() {
        assertThat(AccessConditions.compare("10", ">", "9")).isTrue();
        assertThat(AccessConditions.compare("1000000000000000000000", ">=", "1"))
                .isTrue();
        assertThat(AccessConditions.compare("open", "=", "open")).isTrue();
        assertThat(AccessConditions.compare("open", ">", "closed")).isFalse();
    }

    private static String isCaller(String subject) {
        return "{\"conditionType\":\"evmBasic\",\"contractAddress\":\"attest://facts/v1\","
                + "\"standardContractType\":\"LitAction\",\"chain\":\"attest\",\"method\":\"isCaller\","
                + "\"parameters\":[\"" + subject + "\"],\"returnValueTest\":{\"comparator\":\"=\",\"value\":\"true\"}}";
    }

    private static ConditionEvaluator.Facts facts(String subject, String orgId, String role, String caseState) {
        return new ConditionEvaluator.Facts(
                subject, orgId, r -> Set.of(role).contains(r), id -> Optional.ofNullable(caseState), 0);
    }

    private static ConditionEvaluator.Facts facts(String subject, long now) {
        return new ConditionEvaluator.Facts(subject, "org-1", r -> false, id -> Optional.empty(), now);
    }
}
