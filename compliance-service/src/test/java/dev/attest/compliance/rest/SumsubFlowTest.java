package dev.attest.compliance.rest;

import static dev.attest.testing.Waits.waitFor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.attest.compliance.client.SumsubReview;
import dev.attest.compliance.provider.ApplicantData;
import dev.attest.compliance.provider.KycProvider;
import dev.attest.compliance.provider.KycProviders;
import dev.attest.compliance.provider.ProviderCredentials;
import dev.attest.compliance.provider.ProviderInquiry;
import dev.attest.compliance.support.KycEventsOnKafka;
import dev.attest.compliance.support.SumsubOrg;
import dev.attest.contracts.EventTypes;
import dev.attest.testing.GatewayTokens;
import dev.attest.testing.KafkaResource;
import dev.attest.testing.PostgresResource;
import dev.attest.testing.TestDatabase;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Cases at Sumsub end to end against the in-process Sumsub sandbox: start (applicant, access token), reviews scripted
 * at the sandbox arriving as its digested webhooks, the statuses, reasons and events they make, a downgrade, duplicated
 * and reordered webhooks converging, a retried create, and a reviewer's decision.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
@WithTestResource(GatewayTokens.class)
class SumsubFlowTest {
    private static final DateTimeFormatter CREATED_AT_MS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

    @Inject
    AgroalDataSource dataSource;

    @Inject
    KycProviders providers;

    @Test
    void aStartOpensAnApplicantAndAGreenReviewVerifiesTheCaseWithItsEvent() {
        SumsubOrg org = SumsubOrg.create(dataSource);
        JsonPath started =
                org.start("user-green").then().statusCode(200).extract().jsonPath();
        String caseId = started.getString("case_id");
        String applicantId = started.getString("provider_reference");
        assertThat(started.getString("provider")).isEqualTo("sumsub");
        assertThat(applicantId).matches("[0-9a-f]{24}");
        assertThat(started.getString("session_token")).startsWith("_act-");
        assertThat(started.getString("status")).isEqualTo("pending");

        SumsubOrg.review(applicantId, "GREEN", null);

        waitFor("the case verified from Sumsub's webhook")
                .until(() -> "verified".equals(org.caseOf(caseId).status()));
        assertThat(org.caseOf(caseId).reason()).isEqualTo("sumsub.green");
        try (KycEventsOnKafka events = new KycEventsOnKafka()) {
            var changes = events
                    .of(caseId, list -> list.stream().anyMatch(e -> e.type().equals(EventTypes.Kyc.STATUS_CHANGED)))
                    .stream()
                    .filter(e -> e.type().equals(EventTypes.Kyc.STATUS_CHANGED))
                    .toList();
            assertThat(changes).hasSize(1);
            assertThat(changes.get(0).data().path("provider").asText()).isEqualTo("sumsub");
            assertThat(changes.get(0).data().path("status").asText()).isEqualTo("verified");
            assertThat(changes.get(0).data().path("provider_reference").asText())
                    .isEqualTo(applicantId);
        }
        JsonPath steps = org.admin()
                .get("/orgs/" + org.id() + "/kyc/cases/" + caseId + "/steps")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(steps.getList("history.kind")).contains("inquiry");
        assertThat(steps.getString("history.find { it.kind == 'inquiry' }.status"))
                .isEqualTo("passed");
        // The personal data went to Sumsub as fixedInfo, and is kept here nowhere.
        assertThat(new TestDatabase(dataSource).rowsContaining("Lovelace")).isZero();
    }

    @Test
    void redRetryLeavesTheCasePendingWithAReasonAndRedFinalRejects() {
        SumsubOrg org = SumsubOrg.create(dataSource);
        JsonPath retry =
                org.start("user-retry").then().statusCode(200).extract().jsonPath();
        SumsubOrg.review(retry.getString("provider_reference"), "RED", "RETRY", "UNSATISFACTORY_PHOTOS");
        waitFor("the retry's reason on the pending case")
                .until(() -> SumsubReview.RETRY_REASON.equals(
                        org.caseOf(retry.getString("case_id")).reason()));
        assertThat(org.caseOf(retry.getString("case_id")).status()).isEqualTo("pending");
        // The person may go on: a start resumes the same applicant with a fresh token.
        JsonPath resumed =
                org.start("user-retry").then().statusCode(200).extract().jsonPath();
        assertThat(resumed.getString("case_id")).isEqualTo(retry.getString("case_id"));
        assertThat(resumed.getString("session_token")).startsWith("_act-");

        JsonPath fin = org.start("user-final").then().statusCode(200).extract().jsonPath();
        SumsubOrg.review(fin.getString("provider_reference"), "RED", "FINAL", "FORGERY");
        waitFor("the case rejected").until(() -> "rejected"
                .equals(org.caseOf(fin.getString("case_id")).status()));
        assertThat(org.caseOf(fin.getString("case_id")).reason()).isEqualTo("sumsub.red.final");
    }

    @Test
    void aRedAfterGreenDowngradesTheCaseToRejected() {
        SumsubOrg org = SumsubOrg.create(dataSource);
        JsonPath started =
                org.start("user-downgrade").then().statusCode(200).extract().jsonPath();
        String caseId = started.getString("case_id");
        SumsubOrg.review(started.getString("provider_reference"), "GREEN", null);
        waitFor("verified").until(() -> "verified".equals(org.caseOf(caseId).status()));

        SumsubOrg.review(started.getString("provider_reference"), "RED", "FINAL", "ADVERSE_MEDIA");

        waitFor("the downgrade")
                .until(() -> "rejected".equals(org.caseOf(caseId).status()));
        List<String> history = org.admin()
                .get("/orgs/" + org.id() + "/kyc/cases/" + caseId + "/history")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("to_status");
        assertThat(history).containsExactly("verified", "rejected");
    }

    @Test
    void duplicatedAndReorderedWebhooksConvergeOnTheSameStatusAndSteps() {
        // The sandbox sends this organization nothing: the test delivers the webhooks itself.
        SumsubOrg org = SumsubOrg.create(dataSource, false);
        List<String> caseIds = new ArrayList<>();
        List<String> applicants = new ArrayList<>();
        for (String user : List.of("in-order", "shuffled-1", "shuffled-2")) {
            JsonPath started = org.start(user).then().statusCode(200).extract().jsonPath();
            caseIds.add(started.getString("case_id"));
            applicants.add(started.getString("provider_reference"));
        }
        OffsetDateTime t0 = OffsetDateTime.now().minusMinutes(10);
        Random random = new Random(21);
        for (int i = 0; i < caseIds.size(); i++) {
            List<byte[]> sequence = lifecycle(applicants.get(i), caseIds.get(i), t0);
            List<byte[]> deliveries = new ArrayList<>(sequence);
            if (i > 0) {
                deliveries.addAll(sequence); // each one twice
                Collections.shuffle(deliveries, random);
            }
            for (byte[] body : deliveries) {
                org.deliver(body).then().statusCode(200);
            }
        }
        TestDatabase sql = new TestDatabase(dataSource);
        waitFor("every webhook processed")
                .until(() -> sql.count(
                                "select count(*) from sumsub_webhook where org_id = ? and state = 'received'", org.id())
                        == 0);
        assertThat(sql.count("select count(*) from sumsub_webhook where org_id = ?", org.id()))
                .isEqualTo(3L * 5);
        List<List<String>> histories = new ArrayList<>();
        for (String caseId : caseIds) {
            assertThat(org.caseOf(caseId).status()).isEqualTo("verified");
            JsonPath steps = org.admin()
                    .get("/orgs/" + org.id() + "/kyc/cases/" + caseId + "/steps")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            List<Map<String, Object>> history = steps.getList("history");
            histories.add(history.stream()
                    .map(step -> step.get("kind") + "/" + step.get("status") + "/" + step.get("provider_status") + "/"
                            + step.get("at"))
                    .toList());
            assertThat(sql.count(
                            "select count(*) from kyc_case_history where case_id = ?::uuid and to_status = 'verified'",
                            caseId))
                    .isEqualTo(1);
        }
        assertThat(histories.get(1)).isEqualTo(histories.get(0));
        assertThat(histories.get(2)).isEqualTo(histories.get(0));
        assertThat(histories.get(0)).hasSize(1).allMatch(step -> step.startsWith("inquiry/passed/green/"));
    }

    @Test
    void reconciliationCatchesUpWithAReviewWhoseWebhooksWereLost() {
        SumsubOrg org = SumsubOrg.create(dataSource, false);
        JsonPath started =
                org.start("user-lost").then().statusCode(200).extract().jsonPath();
        String caseId = started.getString("case_id");
        SumsubOrg.review(started.getString("provider_reference"), "GREEN", null);
        TestDatabase sql = new TestDatabase(dataSource);
        // Old enough to be asked about (reconciliation.min-age is an hour in these tests).
        assertThat(sql.update("update kyc_case set updated_at = now() - interval '2 hours' where id = ?::uuid", caseId))
                .isEqualTo(1);

        waitFor("the case verified through reconciliation")
                .until(() -> "verified".equals(org.caseOf(caseId).status()));
        JsonPath steps = org.admin()
                .get("/orgs/" + org.id() + "/kyc/cases/" + caseId + "/steps")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        // The review and the document sets Sumsub showed, against the organization's required steps.
        assertThat(steps.getList("history.kind")).contains("inquiry", "government-id", "selfie");
        assertThat(sql.count("select count(*) from sumsub_webhook where org_id = ?", org.id()))
                .isZero();
    }

    @Test
    void aRetriedOpenAfterALostAnswerGetsTheSameApplicant() {
        SumsubOrg org = SumsubOrg.create(dataSource, false);
        KycProvider sumsub = providers.named("sumsub");
        ProviderCredentials credentials = providers.credentials("sumsub", org.id());
        String caseId = UUID.randomUUID().toString();

        ProviderInquiry first = sumsub.open(credentials, caseId, "kyc-case-" + caseId, ApplicantData.NONE);
        // The answer was lost: the caller opens again, and Sumsub's 409 leads to the same applicant.
        ProviderInquiry again = sumsub.open(credentials, caseId, "kyc-case-" + caseId, ApplicantData.NONE);

        assertThat(again.reference()).isEqualTo(first.reference());
        assertThat(again.sessionToken()).isPresent();
        assertThat(sumsub.retrieve(credentials, first.reference()).status().wire())
                .isEqualTo("pending");
    }

    @Test
    void aReviewersDecisionOnACaseOnHoldIsRecordedByAttestAlone() {
        SumsubOrg org = SumsubOrg.create(dataSource);
        JsonPath started =
                org.start("user-held").then().statusCode(200).extract().jsonPath();
        String caseId = started.getString("case_id");
        SumsubOrg.review(started.getString("provider_reference"), "ON_HOLD", null);
        waitFor("the case in review")
                .until(() -> "review".equals(org.caseOf(caseId).status()));

        org.admin()
                .body(Map.of("decision", "approve", "reason", "manual.documents-checked"))
                .post("/orgs/" + org.id() + "/kyc/cases/" + caseId + "/decision")
                .then()
                .statusCode(200)
                .body("status", equalTo("verified"))
                .body("decided_by", equalTo("admin-of-" + org.id()));
        // Nothing went to Sumsub: the applicant is still on hold there.
        assertThat(providers
                        .named("sumsub")
                        .retrieve(providers.credentials("sumsub", org.id()), started.getString("provider_reference"))
                        .providerStatus())
                .isEqualTo("onhold");
    }

    /** An applicant's webhooks through a RED/RETRY and a resubmission to GREEN, a second apart. */
    private static List<byte[]> lifecycle(String applicantId, String caseId, OffsetDateTime t0) {
        return List.of(
                webhook(applicantId, caseId, "applicantCreated", "init", null, t0),
                webhook(applicantId, caseId, "applicantPending", "pending", null, t0.plusSeconds(1)),
                webhook(
                        applicantId,
                        caseId,
                        "applicantReviewed",
                        "completed",
                        "{\"reviewAnswer\":\"RED\",\"reviewRejectType\":\"RETRY\",\"rejectLabels\":[\"BAD_SELFIE\"]}",
                        t0.plusSeconds(2)),
                webhook(applicantId, caseId, "applicantPending", "pending", null, t0.plusSeconds(3)),
                webhook(
                        applicantId,
                        caseId,
                        "applicantReviewed",
                        "completed",
                        "{\"reviewAnswer\":\"GREEN\"}",
                        t0.plusSeconds(4)));
    }

    static byte[] webhook(
            String applicantId, String caseId, String type, String reviewStatus, String result, OffsetDateTime at) {
        return ("{\"applicantId\":\"" + applicantId + "\",\"inspectionId\":\"i" + applicantId
                        + "\",\"correlationId\":\"req-" + UUID.randomUUID() + "\",\"levelName\":\"" + SumsubOrg.LEVEL
                        + "\",\"externalUserId\":\"" + caseId + "\",\"type\":\"" + type
                        + "\",\"sandboxMode\":true,\"reviewStatus\":\"" + reviewStatus + "\""
                        + (result == null ? "" : ",\"reviewResult\":" + result)
                        + ",\"createdAtMs\":\"" + CREATED_AT_MS.format(at) + "\",\"applicantType\":\"individual\"}")
                .getBytes(StandardCharsets.UTF_8);
    }
}
