package dev.attest.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/** The repository's Node tools ({@code tools/node}, installed by {@code npm ci --prefix tools/node}). */
final class NodeTools {
    private NodeTools() {}

    /** {@code file} under {@code tools/node/node_modules}, found from the module's working directory upwards. */
    static Path find(String file, String tool, String externalVariable) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("tools/node/node_modules").resolve(file);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException(tool + " is not installed: run `npm ci --prefix tools/node` at the repository"
                + " root, or set " + externalVariable + " to a running server");
    }
}
