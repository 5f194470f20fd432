package dev.attest.sandbox;

import java.util.List;

/**
 * Where a provider's root is on the sandbox's main port, and which paths of its own origin are already there.
 * Dfns: everything is under {@code /dfns}. Persona: its API, hosted page and scripting are under
 * {@code /persona}; what its JavaScript SDK loads from the host ({@code /widget}, {@code /preload}) is at the
 * root already; and {@code /persona/...} is left as it is, because the hosted page's forms post there. Sumsub:
 * its API, WebSDK frame and scripting are all under {@code /sumsub}.
 */
enum ProviderRoot {
    DFNS("Dfns", "/dfns", List.of()),
    PERSONA("Persona", "/persona", List.of("/widget", "/preload", "/persona")),
    SUMSUB("Sumsub", "/sumsub", List.of());

    private final String name;
    private final String prefix;
    private final List<String> atRootAlready;

    ProviderRoot(String name, String prefix, List<String> atRootAlready) {
        this.name = name;
        this.prefix = prefix;
        this.atRootAlready = atRootAlready;
    }

    /**
     * The main port's path (with the query) for {@code path} on this provider's own origin, or {@code null}
     * when that path is served as it is.
     */
    String mainPath(String path, String query) {
        String rooted = path == null || path.isEmpty() ? "/" : path;
        for (String kept : atRootAlready) {
            if (rooted.equals(kept) || rooted.startsWith(kept + "/")) {
                return null;
            }
        }
        return prefix + rooted + (query == null ? "" : "?" + query);
    }

    @Override
    public String toString() {
        return name;
    }
}
