package dev.attest.compliance.support;

import dev.attest.compliance.support.PersonaEvents.Check;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What Persona sends for one person's inquiry, in the order it happens: the flow started; a government id passed;
 * a first selfie needing a retry, a second one passing; the inquiry completed, then approved (each inquiry event
 * including the verifications as they stand). The verification ids are the same for every inquiry, so the
 * histories of several cases can be compared as they are.
 */
public final class StepScenario {
    public static final String GOVERNMENT_ID = "ver_governmentid0001";
    public static final String FIRST_SELFIE = "ver_selfie0001";
    public static final String SECOND_SELFIE = "ver_selfie0002";

    private StepScenario() {}

    /** The event bodies of {@code inquiryId}, their ids prefixed with {@code eventPrefix}, times from {@code t0}. */
    public static List<byte[]> events(String inquiryId, String eventPrefix, Instant t0) {
        List<byte[]> events = new ArrayList<>();
        Counter next = new Counter(eventPrefix, t0);
        Instant started = t0.plusSeconds(1);
        events.add(next.inquiry("inquiry.started", inquiryId, "pending", started, List.of()));
        events.add(next.inquiry("inquiry.transitioned", inquiryId, "pending", started, List.of()));

        Check id = check(GOVERNMENT_ID, "government-id", "passed", t0.plusSeconds(2));
        Check firstSelfie = check(FIRST_SELFIE, "selfie", "requires_retry", t0.plusSeconds(5));
        Check secondSelfie = check(SECOND_SELFIE, "selfie", "passed", t0.plusSeconds(8));
        for (Check check : List.of(id, firstSelfie, secondSelfie)) {
            events.add(next.verification("verification.created", inquiryId, initiated(check)));
            events.add(next.verification("verification.submitted", inquiryId, submitted(check)));
            events.add(next.verification("verification." + check.status().replace('_', '-'), inquiryId, check));
        }
        List<Check> all = List.of(id, firstSelfie, secondSelfie);
        Instant completed = t0.plusSeconds(11);
        events.add(next.inquiry("inquiry.completed", inquiryId, "completed", completed, all));
        events.add(next.inquiry("inquiry.transitioned", inquiryId, "completed", completed, all));
        events.add(next.inquiry("inquiry.approved", inquiryId, "approved", t0.plusSeconds(12), all));
        return events;
    }

    /** The history every ordering must end in: {@code kind/provider id/status/provider status/seconds after t0}. */
    public static List<String> expected() {
        return List.of(
                "government-id/" + GOVERNMENT_ID + "/passed/passed/4",
                "selfie/" + FIRST_SELFIE + "/requires-retry/requires_retry/7",
                "selfie/" + SECOND_SELFIE + "/passed/passed/10",
                "inquiry/inquiry/passed/approved/12");
    }

    /** A check's final state: created at {@code createdAt}, submitted a second later, decided a second after. */
    private static Check check(String id, String kind, String outcome, Instant createdAt) {
        return new Check(id, kind, outcome, createdAt, createdAt.plusSeconds(1), createdAt.plusSeconds(2));
    }

    private static Check initiated(Check check) {
        return new Check(check.id(), check.kind(), "initiated", check.createdAt(), null, null);
    }

    private static Check submitted(Check check) {
        return new Check(check.id(), check.kind(), "submitted", check.createdAt(), check.submittedAt(), null);
    }

    /** Event ids and created-at times: each event a little after what it reports, as Persona's are. */
    private static final class Counter {
        private final String prefix;
        private final Instant t0;
        private int sequence;

        Counter(String prefix, Instant t0) {
            this.prefix = prefix;
            this.t0 = t0;
        }

        byte[] inquiry(String name, String inquiryId, String status, Instant statusAt, List<Check> included) {
            return PersonaEvents.inquiryEvent(
                    nextId(), name, statusAt.plusMillis(500 + sequence), inquiryId, status, statusAt, included);
        }

        byte[] verification(String name, String inquiryId, Check check) {
            Instant at = check.completedAt() != null
                    ? check.completedAt()
                    : check.submittedAt() != null ? check.submittedAt() : check.createdAt();
            return PersonaEvents.verificationEvent(nextId(), name, at.plusMillis(500 + sequence), inquiryId, check);
        }

        private String nextId() {
            return prefix + "_" + (++sequence);
        }
    }
}
