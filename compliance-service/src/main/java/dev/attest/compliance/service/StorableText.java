package dev.attest.compliance.service;

/**
 * Text as PostgreSQL can store it: a {@code text} value cannot hold the NUL character (U+0000), and an id or
 * name from outside is bounded by what the domain allows. Used where outside text reaches the database
 * without passing the API's validation (signed webhooks, webhook paths).
 */
final class StorableText {
    /** Persona's ids ({@code evt_…}, {@code inq_…}), event names and statuses are far shorter. */
    static final int MAX_ID_LENGTH = 255;

    private StorableText() {}

    /** Whether {@code value} (null counts as storable) has no NUL and at most {@code maxLength} characters. */
    static boolean storable(String value, int maxLength) {
        return value == null || (value.length() <= maxLength && value.indexOf('\u0000') < 0);
    }

    /** A copy that can be stored, for display only: NUL shown as U+FFFD, cut to {@code maxLength}. */
    static String forDisplay(String value, int maxLength) {
        String cut = value.length() > maxLength ? value.substring(0, maxLength) : value;
        return cut.replace('\u0000', '\uFFFD');
    }
}
