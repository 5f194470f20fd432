package dev.attest.e2e.bench;

import dev.attest.e2e.Settings;
import dev.attest.e2e.StepFailed;
import dev.attest.e2e.tenant.DemoTenantSetup;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Persona webhook ingest through the gateway (signature checked, event stored, answered) against the
 * gateway's bare echo endpoint, with the same clients, the same bodies and the same concurrency, one after the
 * other in the same run: the ratio is what the ingest keeps of what the gateway's HTTP server alone can do.
 */
public final class IngestBench {
    static final String WEBHOOK_PATH = "/webhooks/persona/inquiry";
    static final String ECHO_PATH = "/_bench/echo";

    /** Both measurements; the ratio is webhook throughput over echo throughput. */
    public record Result(int concurrency, ClosedLoopLoad.Result echo, ClosedLoopLoad.Result webhook) {
        public double ratio() {
            return webhook.perSecond() / echo.perSecond();
        }
    }

    private final URI webhook;
    private final URI echo;

    public IngestBench(Settings settings) {
        this.webhook = URI.create(settings.gatewayUrl() + WEBHOOK_PATH);
        this.echo = URI.create(settings.gatewayUrl() + ECHO_PATH);
    }

    public Result run(int concurrency, Duration warmUp, Duration measured) throws InterruptedException {
        SignedPersonaEvents events = new SignedPersonaEvents(webhook, DemoTenantSetup.PERSONA_WEBHOOK_SECRET);
        requireEcho(events);
        ClosedLoopLoad load = new ClosedLoopLoad(concurrency);
        ClosedLoopLoad.Result echoed = load.run(() -> events.unsignedTo(echo), warmUp, measured);
        ClosedLoopLoad.Result ingested = load.run(events::next, warmUp, measured);
        return new Result(concurrency, echoed, ingested);
    }

    private void requireEcho(SignedPersonaEvents events) throws InterruptedException {
        int status;
        try {
            status = HttpClient.newHttpClient()
                    .send(events.unsignedTo(echo), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            throw new StepFailed("the gateway is not reachable at " + echo + ": " + e.getMessage(), e);
        }
        if (status != 200) {
            throw new StepFailed("POST " + ECHO_PATH + " answered " + status
                    + ": start the gateway with ATTEST_GATEWAY_BENCH_ECHO=true (the local stack does)");
        }
    }
}
