package dev.attest.gateway.monitoring;

import java.time.Duration;

/** A detector's window as a sentence says it: "30 seconds", "5 minutes", "1 hour". */
final class Windows {
    private Windows() {}

    static String describe(Duration window) {
        long seconds = window.getSeconds();
        if (seconds % 3600 == 0) {
            return plural(seconds / 3600, "hour");
        }
        if (seconds % 60 == 0) {
            return plural(seconds / 60, "minute");
        }
        return plural(seconds, "second");
    }

    private static String plural(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }
}
