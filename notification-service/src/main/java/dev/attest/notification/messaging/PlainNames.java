package dev.attest.notification.messaging;

import java.util.regex.Pattern;

/**
 * Names an event puts into an email or a notification (a provider, an operation, a detector): only short plain
 * names pass, so an event cannot write markup or a sentence of its own into them.
 */
final class PlainNames {
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

    private PlainNames() {}

    static boolean isPlain(String name) {
        return name != null && NAME.matcher(name).matches();
    }
}
