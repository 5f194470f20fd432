package dev.attest.notification.support;

import dev.attest.testing.GreenMailResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.HashMap;
import java.util.Map;

/**
 * GreenMail (through {@link GreenMailResource}) with the service's mailer pointed at an {@link SmtpRelay}
 * in front of it, so that a test can take SMTP down and bring it back.
 */
public class SmtpRelayResource implements QuarkusTestResourceLifecycleManager {
    private static SmtpRelay relay;

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(new GreenMailResource().start());
        startRelay(config.get("quarkus.mailer.host"), Integer.parseInt(config.get("quarkus.mailer.port")));
        config.put("quarkus.mailer.host", "127.0.0.1");
        config.put("quarkus.mailer.port", Integer.toString(relay.port()));
        return config;
    }

    @Override
    public void stop() {
        // Shared by the JVM's test applications, like the GreenMail behind it.
    }

    public static synchronized SmtpRelay relay() {
        return relay;
    }

    private static synchronized void startRelay(String host, int port) {
        if (relay == null) {
            relay = new SmtpRelay(host, port);
        }
    }
}
