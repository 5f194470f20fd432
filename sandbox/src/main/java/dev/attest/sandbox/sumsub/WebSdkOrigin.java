package dev.attest.sandbox.sumsub;

import dev.attest.sandbox.ProviderOrigins;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;

/**
 * The origin the official WebSDK runs the flow at: the Sumsub port's, as a browser reaches it. The SDK loads
 * {@code <base URL>/websdk/websdk.html} and then accepts only messages whose origin equals its base URL, so the
 * base URL must be an origin with nothing after it: the sandbox's {@code /sumsub} prefix on its main port cannot
 * be one, its Sumsub port is.
 */
@ApplicationScoped
class WebSdkOrigin {
    private final SumsubSandboxConfig config;
    private final ProviderOrigins origins;

    WebSdkOrigin(SumsubSandboxConfig config, ProviderOrigins origins) {
        this.config = config;
        this.origins = origins;
    }

    /**
     * {@code sandbox.sumsub.websdk-url} when set; otherwise the scheme and host the API request was sent to
     * ({@code requestBase}, from its {@code Host}) with the Sumsub port, or with the request's own port when the
     * sandbox has no Sumsub port (there the SDK cannot run; the hosted link page still does).
     */
    String of(URI requestBase) {
        if (config.websdkUrl().isPresent()) {
            return stripSlash(config.websdkUrl().get());
        }
        int port = origins.sumsubPort().orElse(requestBase.getPort());
        return requestBase.getScheme() + "://" + requestBase.getHost() + (port < 0 ? "" : ":" + port);
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
