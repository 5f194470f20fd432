package dev.attest.compliance.provider;

import java.util.Locale;

/**
 * What one call to a provider showed about the connection, classified. Only the classification leaves this
 * service (Test Connection, health): never the provider's words, headers or status text, so the answer tells
 * a caller nothing more about the target than these four outcomes.
 *
 * @param outcome the class of the answer
 * @param status the provider's HTTP status, 0 without an answer; kept for the credentials alert's event only
 */
public record ConnectionCheck(Outcome outcome, int status) {

    public enum Outcome {
        /** The provider answered as expected and accepted the credentials. */
        OK,
        /** The provider answered 401 or 403: the credentials are refused. */
        UNAUTHORIZED,
        /** No answer in time, or the provider is failing (5xx) or rate limiting (429). */
        UNREACHABLE,
        /** An answer that is not the provider's (another status, a redirect, a body that is not its JSON). */
        UNEXPECTED_ANSWER;

        /** The outcome as the API states it: {@code ok}, {@code unauthorized}, {@code unreachable}, … */
        public String wire() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** Classifies an HTTP answer's status (a body that is not the provider's is the caller's to judge). */
    public static ConnectionCheck ofStatus(int status) {
        if (status / 100 == 2) {
            return new ConnectionCheck(Outcome.OK, status);
        }
        if (status == 401 || status == 403) {
            return new ConnectionCheck(Outcome.UNAUTHORIZED, status);
        }
        if (status == 429 || status >= 500) {
            return new ConnectionCheck(Outcome.UNREACHABLE, status);
        }
        return new ConnectionCheck(Outcome.UNEXPECTED_ANSWER, status);
    }

    public static ConnectionCheck noAnswer() {
        return new ConnectionCheck(Outcome.UNREACHABLE, 0);
    }
}
