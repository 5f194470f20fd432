package dev.attest.gateway.rest;

import dev.attest.gateway.ratelimit.CallerBuckets;
import dev.attest.gateway.ratelimit.RateLimitDecision;
import dev.attest.gateway.security.EdgeCallers;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * The gateway's own API (organizations, projects, members, API keys, usage) is rate-limited like a routed
 * request that acts in no project: every authenticated caller draws from their own bucket (per caller; these
 * requests act in no project, and the organization in their path is not yet known to be theirs). Anonymous
 * requests (the JWKS, the OpenAPI document) draw nothing. The filter runs on the worker thread of the blocking
 * resource methods, so the bucket's one statement may block.
 */
public class OwnApiRateLimit {
    private static final String DECISION = OwnApiRateLimit.class.getName();

    private final SecurityIdentity identity;
    private final EdgeCallers callers;
    private final CallerBuckets buckets;

    OwnApiRateLimit(SecurityIdentity identity, EdgeCallers callers, CallerBuckets buckets) {
        this.identity = identity;
        this.callers = callers;
        this.buckets = buckets;
    }

    @ServerRequestFilter
    public void take(ContainerRequestContext request) {
        if (identity.isAnonymous()) {
            return;
        }
        RateLimitDecision limit = buckets.take(callers.of(identity).subject(), Optional.empty());
        request.setProperty(DECISION, limit);
        if (!limit.allowed()) {
            throw limit.refusal("Your");
        }
    }

    /** Every limited answer says how much is left; a refusal also says when to retry. */
    @ServerResponseFilter
    public void headers(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(DECISION) instanceof RateLimitDecision limit) {
            limit.headers().forEach(response.getHeaders()::putSingle);
        }
    }
}
