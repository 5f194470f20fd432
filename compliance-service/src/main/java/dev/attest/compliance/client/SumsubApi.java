package dev.attest.compliance.client;

import dev.attest.common.net.ProviderHttp;
import dev.attest.common.net.ProviderPath;
import dev.attest.common.net.ProviderRequest;
import dev.attest.compliance.config.ComplianceConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The raw HTTP exchange with Sumsub: every request signed with the organization's app token and secret key
 * ({@code X-App-Token}, {@code X-App-Access-Ts}, {@code X-App-Access-Sig} over ts + METHOD + path-with-query + body),
 * connect and request timeouts. No retries or error translation here; {@link SumsubClient} owns them. Sent through
 * common's {@link ProviderHttp}: one client span per exchange, {@code http.client.requests{clientName="sumsub"}}, no
 * trace context sent to Sumsub.
 */
@ApplicationScoped
class SumsubApi {
    static final String PROVIDER = "sumsub";

    private final ComplianceConfig.Sumsub config;
    private final ProviderHttp http;
    private final Clock clock = Clock.systemUTC();

    SumsubApi(ComplianceConfig config, ProviderHttp http) {
        this.config = config.sumsub();
        this.http = http;
    }

    record Answer(int status, byte[] body) implements ProviderGuards.Answer {}

    /** The app's credentials: never logged ({@link #toString()}). */
    record App(String appToken, String secretKey) {
        @Override
        public String toString() {
            return "App[****]";
        }
    }

    Answer send(String method, ProviderPath path, App app, byte[] body, Duration timeout) throws IOException {
        // Signed afresh at each attempt: Sumsub refuses a timestamp far from its clock.
        long ts = clock.instant().getEpochSecond();
        ProviderRequest request = ProviderRequest.to(PROVIDER, method, baseUrl(), path)
                .header("Accept", "application/json")
                .header("X-App-Token", app.appToken())
                .header("X-App-Access-Ts", Long.toString(ts))
                .header(
                        "X-App-Access-Sig",
                        SumsubSigning.requestSignature(app.secretKey(), ts, method, path.value(), body))
                .body(body)
                .timeouts(config.connectTimeout(), timeout);
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        ProviderHttp.Answer answer = http.exchange(request);
        return new Answer(answer.status(), answer.body());
    }

    Answer send(String method, ProviderPath path, App app, byte[] body) throws IOException {
        return send(method, path, app, body, config.requestTimeout());
    }

    /** Read at each call: in tests the sandbox shares the service's random port, known only after startup. */
    private String baseUrl() {
        String url = ConfigProvider.getConfig()
                .getOptionalValue("attest.compliance.sumsub.base-url", String.class)
                .orElse(config.baseUrl());
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
