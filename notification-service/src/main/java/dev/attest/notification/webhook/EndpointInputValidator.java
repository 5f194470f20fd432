package dev.attest.notification.webhook;

import dev.attest.common.problem.ProblemException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Checks an endpoint's fields before anything is written; every refusal says which field and why. */
final class EndpointInputValidator {
    private static final Pattern HEADER_NAME = Pattern.compile("^[A-Za-z0-9!#$%&'*+.^_`|~-]{1,64}$");
    private static final Pattern EVENT_TYPE = Pattern.compile("^[a-z0-9.-]{1,120}$");
    /** Headers we set ourselves: a custom header must not forge or break the signature or the request. */
    private static final Set<String> RESERVED = Set.of(
            "host", "content-type", "content-length", "transfer-encoding", "connection", "user-agent", "upgrade");

    private EndpointInputValidator() {}

    static void validate(EndpointInput input, boolean creating) {
        if (creating && (input.url() == null || input.url().isBlank())) {
            throw invalid("url is required.");
        }
        if (input.url() != null && input.url().length() > 2048) {
            throw invalid("url is longer than 2048 characters.");
        }
        if (input.description() != null && input.description().length() > 500) {
            throw invalid("description is longer than 500 characters.");
        }
        validateEventTypes(input.eventTypes());
        validateHeaders(input.headers());
        if (input.rateLimit() != null && (input.rateLimit() < 1 || input.rateLimit() > 10_000)) {
            throw invalid("rate_limit must be between 1 and 10000 messages per second.");
        }
    }

    private static void validateEventTypes(List<String> eventTypes) {
        if (eventTypes == null) {
            return;
        }
        if (eventTypes.size() > 100) {
            throw invalid("event_types lists more than 100 types.");
        }
        for (String type : eventTypes) {
            if (type == null || !EVENT_TYPE.matcher(type).matches()) {
                throw invalid("event_types has an invalid type: use names like attest.kyc.status-changed.v1.");
            }
        }
    }

    private static void validateHeaders(Map<String, String> headers) {
        if (headers == null) {
            return;
        }
        if (headers.size() > 20) {
            throw invalid("headers has more than 20 entries.");
        }
        headers.forEach((name, value) -> {
            if (name == null || !HEADER_NAME.matcher(name).matches()) {
                throw invalid("headers has an invalid header name.");
            }
            String lower = name.toLowerCase(Locale.ROOT);
            if (RESERVED.contains(lower) || lower.startsWith("webhook-")) {
                throw invalid("headers must not set " + name + ": it is set by Attest.");
            }
            if (value == null || value.length() > 1024 || value.chars().anyMatch(c -> c < 0x20 && c != '\t')) {
                throw invalid("headers has an invalid value for " + name + ".");
            }
        });
    }

    static ProblemException invalid(String detail) {
        return ProblemException.badRequest("invalid-webhook-endpoint", detail);
    }
}
