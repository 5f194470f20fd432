package dev.attest.sandbox.sumsub;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An applicant of one app, a person ({@code individual}) or a legal entity ({@code company}); its review changes
 * only through the WebSDK's submit, the control API and a reset. Guarded by its own monitor.
 */
final class Applicant {
    /** Sumsub's date format in applicant data and webhooks ({@code 2026-12-07 11:20:00}). */
    static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    static final String INDIVIDUAL = "individual";
    static final String COMPANY = "company";

    /**
     * A step of the applicant's level, as the WebSDK's {@code onStepInitiated} names it: its {@code idDocSetType}
     * and the document types it accepts. The sandbox has no level configuration: a person's level asks for an
     * identity document and a selfie, a company's (KYB) for a company document.
     */
    record Step(String idDocSetType, List<String> types) {}

    private static final List<Step> INDIVIDUAL_STEPS = List.of(
            new Step("IDENTITY", List.of("ID_CARD", "PASSPORT", "DRIVERS", "RESIDENCE_PERMIT")),
            new Step("SELFIE", List.of("SELFIE")));
    private static final List<Step> COMPANY_STEPS = List.of(new Step("COMPANY", List.of("COMPANY_DOC")));

    /** An uploaded image of a step (any bytes: the sandbox reads nothing from it). */
    record Document(int imageId, String idDocType, String country, int size) {}

    final String id;
    final String inspectionId;
    final String appToken;
    final String externalUserId;
    final String levelName;
    final String type;
    /** What the client provided at creation ({@code fixedInfo}, e.g. {@code companyInfo}); also the applicant's {@code info}. */
    private final ObjectNode fixedInfo;

    final Instant createdAt;
    private String reviewStatus = "init";
    private Review review;
    private Instant reviewDate;
    private int attemptCnt;
    private final Map<String, Document> documents = new LinkedHashMap<>();

    /** A scripted review result: {@code reviewAnswer}, and for RED its reject type and labels. */
    record Review(String answer, String rejectType, List<String> labels) {}

    Applicant(
            String id,
            String inspectionId,
            String appToken,
            String externalUserId,
            String levelName,
            String type,
            ObjectNode fixedInfo,
            Instant now) {
        this.id = id;
        this.inspectionId = inspectionId;
        this.appToken = appToken;
        this.externalUserId = externalUserId;
        this.levelName = levelName;
        this.type = type;
        this.fixedInfo = fixedInfo == null ? null : fixedInfo.deepCopy();
        this.createdAt = now;
    }

    List<Step> steps() {
        return COMPANY.equals(type) ? COMPANY_STEPS : INDIVIDUAL_STEPS;
    }

    Optional<Step> step(String idDocSetType) {
        return steps().stream()
                .filter(step -> step.idDocSetType().equals(idDocSetType))
                .findFirst();
    }

    synchronized String reviewStatus() {
        return reviewStatus;
    }

    synchronized boolean pendingFirst() {
        return "init".equals(reviewStatus);
    }

    /** Records a step's document; a later upload of the same step replaces it, as a retake does. */
    synchronized void upload(String idDocSetType, Document document) {
        documents.put(idDocSetType, document);
    }

    synchronized boolean completed(String idDocSetType) {
        return documents.containsKey(idDocSetType);
    }

    /** The steps still without a document, in the level's order. */
    synchronized List<String> missingSteps() {
        return steps().stream()
                .map(Step::idDocSetType)
                .filter(step -> !documents.containsKey(step))
                .toList();
    }

    synchronized void submit() {
        reviewStatus = "pending";
        attemptCnt++;
    }

    synchronized void complete(Review result, Instant now) {
        review = result;
        reviewStatus = "completed";
        reviewDate = now;
    }

    /** Further processing is paused ({@code applicantOnHold}): no result yet. */
    synchronized void hold() {
        reviewStatus = "onHold";
    }

    /** Sumsub's reset: back to {@code init}, documents inactive, the previous result gone. */
    synchronized void reset() {
        reviewStatus = "init";
        review = null;
        reviewDate = null;
        documents.clear();
    }

    /** GET /resources/applicants/{id}/one. */
    synchronized ObjectNode json() {
        ObjectNode node = SumsubError.JSON.createObjectNode();
        node.put("id", id);
        node.put("createdAt", DATE.format(createdAt));
        node.put("clientId", "attest-sandbox");
        node.put("inspectionId", inspectionId);
        node.put("externalUserId", externalUserId);
        if (fixedInfo != null) {
            node.set("fixedInfo", fixedInfo.deepCopy());
            node.set("info", fixedInfo.deepCopy());
        }
        node.put("type", type);
        node.set("review", status());
        return node;
    }

    /** GET /resources/applicants/{id}/status, also the applicant's {@code review}. */
    synchronized ObjectNode status() {
        ObjectNode node = SumsubError.JSON.createObjectNode();
        node.put("reviewId", inspectionId + "-r");
        node.put("attemptId", inspectionId + "-a" + attemptCnt);
        node.put("attemptCnt", attemptCnt);
        node.put("levelName", levelName);
        node.put("createDate", DATE.format(createdAt));
        if (reviewDate != null) {
            node.put("reviewDate", DATE.format(reviewDate));
        }
        node.put("reviewStatus", reviewStatus);
        if (review != null) {
            node.set("reviewResult", reviewResult());
        }
        return node;
    }

    /**
     * The WebSDK's status payload ({@code idCheck.applicantStatus}, {@code idCheck.onApplicantStatusChanged}):
     * {@code {reprocessing, levelName, creationDate, reviewStatus, autoChecked, reviewResult?}}.
     */
    synchronized ObjectNode sdkStatus() {
        ObjectNode node = SumsubError.JSON.createObjectNode();
        node.put("reprocessing", false);
        node.put("levelName", levelName);
        node.put("creationDate", DATE.format(createdAt));
        node.put("reviewStatus", reviewStatus);
        node.put("autoChecked", false);
        if (review != null) {
            node.set("reviewResult", reviewResult());
        }
        return node;
    }

    /**
     * GET /resources/applicants/{id}/requiredIdDocsStatus: each step of the level, null until a document was
     * uploaded, then its document ({@code idDocType}, {@code country}, {@code imageIds}) and, once reviewed, the
     * {@code reviewResult}.
     */
    synchronized ObjectNode requiredIdDocsStatus() {
        ObjectNode node = SumsubError.JSON.createObjectNode();
        for (Step step : steps()) {
            Document document = documents.get(step.idDocSetType());
            if (document == null && review == null) {
                node.putNull(step.idDocSetType());
                continue;
            }
            ObjectNode status = node.putObject(step.idDocSetType());
            if (document != null) {
                status.put("idDocType", document.idDocType());
                status.put("country", document.country());
                ArrayNode images = status.putArray("imageIds");
                images.add(document.imageId());
            }
            if (review != null) {
                status.set("reviewResult", reviewResult());
            }
        }
        return node;
    }

    synchronized ObjectNode reviewResult() {
        ObjectNode node = SumsubError.JSON.createObjectNode();
        node.put("reviewAnswer", review.answer());
        if ("RED".equals(review.answer())) {
            node.put("reviewRejectType", review.rejectType());
            var labels = node.putArray("rejectLabels");
            review.labels().forEach(labels::add);
        }
        return node;
    }
}
