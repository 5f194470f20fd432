package dev.attest.testing;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * A real SMTP server with a mailbox (GreenMail) in this JVM, for tests of mail sending; or the SMTP
 * server at {@code ATTEST_TEST_SMTP} ({@code host:port}) when that is set.
 */
public class GreenMailResource implements QuarkusTestResourceLifecycleManager {
    private static GreenMail greenMail;

    @Override
    public Map<String, String> start() {
        String hostAndPort = ExternalServer.url("ATTEST_TEST_SMTP").orElseGet(GreenMailResource::startEmbedded);
        int colon = hostAndPort.lastIndexOf(':');
        return Map.of(
                "quarkus.mailer.host", hostAndPort.substring(0, colon),
                "quarkus.mailer.port", hostAndPort.substring(colon + 1),
                "quarkus.mailer.mock", "false",
                "quarkus.mailer.start-tls", "DISABLED",
                "quarkus.mailer.tls", "false");
    }

    @Override
    public void stop() {
        // Shared by the JVM's test applications.
    }

    /** The embedded server, to read what was delivered; {@code null} when an external one is used. */
    public static synchronized GreenMail greenMail() {
        return greenMail;
    }

    private static synchronized String startEmbedded() {
        if (greenMail == null) {
            greenMail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
            greenMail.start();
            Runtime.getRuntime().addShutdownHook(new Thread(greenMail::stop));
        }
        return "127.0.0.1:" + greenMail.getSmtp().getPort();
    }
}
