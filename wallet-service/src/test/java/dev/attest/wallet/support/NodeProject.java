package dev.attest.wallet.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The test's npm project ({@code src/test/node}): the official Dfns SDK and OpenZeppelin's compiled
 * contracts (MIT), installed with {@code npm ci} exactly as package-lock.json pins them.
 */
public final class NodeProject {
    public static final Path DIRECTORY = Path.of("src", "test", "node");

    private NodeProject() {}

    public static synchronized void ensureInstalled() throws Exception {
        if (Files.isDirectory(DIRECTORY.resolve("node_modules/@dfns/sdk"))
                && Files.isDirectory(DIRECTORY.resolve("node_modules/@openzeppelin/contracts"))) {
            return;
        }
        Process install = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund")
                .directory(DIRECTORY.toFile())
                .redirectErrorStream(true)
                .redirectOutput(Path.of("target", "npm-ci.log").toFile())
                .start();
        assertThat(install.waitFor(5, TimeUnit.MINUTES) && install.exitValue() == 0)
                .as("npm ci in " + DIRECTORY + " failed; see target/npm-ci.log")
                .isTrue();
    }
}
