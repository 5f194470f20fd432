package dev.attest.sandbox.persona;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What came of a person's choice at a page of the verification flow, for that page to render.
 *
 * @param action the choice as the page named it ({@code complete}, {@code fail}, {@code abandon}, or anything
 *     a hand-made request sends)
 * @param sessionToken set only when the person left: the token that resumes the flow
 * @param status the inquiry's status as the flow reports it to the person's browser
 * @param fields the inquiry's fields as the API shows them, on completion and failure
 */
record FlowOutcome(Kind kind, String action, String inquiryId, String sessionToken, String status, JsonNode fields) {

    enum Kind {
        /** No inquiry has this id with this session token (wrong, expired, or already used up). */
        INVALID_SESSION,
        UNKNOWN_ACTION,
        /** The inquiry is not in a status where the choice applies (e.g. completed already). */
        NOT_POSSIBLE,
        COMPLETED,
        FAILED,
        /** The person left without finishing; nothing changed. */
        LEFT
    }
}
