package dev.attest.sandbox.sumsub;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** An applicant of one app; its review changes only through the control API. Guarded by its own monitor. */
final class Applicant {
    /** Sumsub's date format in applicant data and webhooks ({@code 2026-12-07 11:20:00}). */
    static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    final String id;
    final String inspectionId;
    final String appToken;
    final String externalUserId;
    final String levelName;
    final Instant createdAt;
    private String reviewStatus = "init";
    private Review review;
    private Instant reviewDate;
    private int attemptCnt;

    /** A scripted review result: {@code reviewAnswer}, and for RED its reject type and labels. */
    record Review(String answer, String rejectType, List<String> labels) {}

    Applicant(String id, String inspectionId, String appToken, String externalUserId, String levelName, Instant now) {
        this.id = id;
        this.inspectionId = inspectionId;
        this.appToken = appToken;
        this.externalUserId = externalUserId;
        this.levelName = levelName;
        this.createdAt = now;
    }

    synchronized boolean pendingFirst() {
        return "init".equals(reviewStatus);
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

    /** GET /resources/applicants/{id}/one. */
    synchronized ObjectNode json() {
        ObjectNode node = SumsubError.JSON.createObjectNode();
        node.put("id", id);
        node.put("createdAt", DATE.format(createdAt));
        node.put("clientId", "attest-sandbox");
        node.put("inspectionId", inspectionId);
        node.put("externalUserId", externalUserId);
        node.put("type", "individual");
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

    /** GET /resources/applicants/{id}/requiredIdDocsStatus: each step's result once reviewed, else null. */
    synchronized ObjectNode requiredIdDocsStatus() {
        ObjectNode node = SumsubError.JSON.createObjectNode();
        for (String step : List.of("IDENTITY", "SELFIE")) {
            if (review == null) {
                node.putNull(step);
            } else {
                node.putObject(step).set("reviewResult", reviewResult());
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
