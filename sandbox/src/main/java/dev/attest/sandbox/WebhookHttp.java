package dev.attest.sandbox;

import java.net.http.HttpClient;
import java.time.Duration;

/** The HTTP client the sandbox's providers deliver webhooks with. */
public final class WebhookHttp {
    private WebhookHttp() {}

    /**
     * A client that gives up connecting after {@code connectTimeout} and never follows a redirect: a provider
     * posts to the configured URL only, and a redirect counts as that URL's (non-2xx) answer.
     */
    public static HttpClient client(Duration connectTimeout) {
        return HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }
}
