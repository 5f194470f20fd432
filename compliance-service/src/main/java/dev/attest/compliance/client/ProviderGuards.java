package dev.attest.compliance.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.attest.compliance.provider.KycProviderException;
import dev.attest.compliance.provider.KycProviderException.Kind;
import io.smallrye.faulttolerance.api.CustomBackoffStrategy;
import io.smallrye.faulttolerance.api.TypedGuard;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * The guards every KYC provider's client wraps its calls in (one circuit breaker per provider, counting each call once
 * and skipping refusals; retries of 429, 5xx and no answer) and the translation of what they leave, built once for
 * Persona's and Sumsub's clients.
 */
final class ProviderGuards<A extends ProviderGuards.Answer> {
    private static final Logger LOG = Logger.getLogger(ProviderGuards.class);
    /** Answers are read with a plain mapper: the providers use their own keys, not the service's snake_case. */
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A provider's HTTP answer, as the guards read it. */
    interface Answer {
        int status();

        byte[] body();
    }

    /** Makes the provider's own refusal (the circuit skips its type: a refusal is not an outage). */
    interface Refusals {
        KycProviderException refused(Kind kind, int status, String message);
    }

    private final String provider;
    private final Refusals refusals;
    private final Function<byte[], String> refusedDetails;
    private final Function<byte[], String> busyDetails;
    private final TypedGuard<JsonNode> circuit;
    private final TypedGuard<A> retries;

    /**
     * @param provider the provider's name in messages ({@code Persona})
     * @param circuitName the circuit breaker's name ({@code CircuitBreakerMaintenance})
     * @param refusedType the provider's refusal type, which does not count against the circuit
     * @param refusedDetails the provider's error body as text to append to a refusal's message (logs only)
     * @param busyDetails the same for a 429/5xx that outlasted the retries
     * @param backoff the wait before each retry; null: doubling from {@code retryBackoff}, up to 2 s
     */
    ProviderGuards(
            String provider,
            String circuitName,
            Class<A> answerType,
            Class<? extends KycProviderException> refusedType,
            Refusals refusals,
            Function<byte[], String> refusedDetails,
            Function<byte[], String> busyDetails,
            int maxAttempts,
            Duration retryBackoff,
            Supplier<CustomBackoffStrategy> backoff) {
        this.provider = provider;
        this.refusals = refusals;
        this.refusedDetails = refusedDetails;
        this.busyDetails = busyDetails;
        this.circuit = TypedGuard.create(JsonNode.class)
                .withCircuitBreaker()
                .name(circuitName)
                .requestVolumeThreshold(10)
                .failureRatio(0.5)
                .delay(10, ChronoUnit.SECONDS)
                .skipOn(refusedType)
                .done()
                .build();
        TypedGuard.Builder.RetryBuilder<A> retry = TypedGuard.create(answerType)
                .withRetry()
                .maxRetries(Math.max(0, maxAttempts - 1))
                .delay(retryBackoff.toMillis(), ChronoUnit.MILLIS)
                .jitter(0, ChronoUnit.MILLIS)
                .retryOn(List.of(IOException.class, Busy.class))
                .abortOn(InterruptedIOException.class)
                .beforeRetry(failure -> LOG.debugf("%s: %s; retrying", provider, describe(failure)));
        this.retries = (backoff == null
                        ? retry.withExponentialBackoff()
                                .factor(2)
                                .maxDelay(2, ChronoUnit.SECONDS)
                                .done()
                        : retry.withCustomBackoff().strategy(backoff).done())
                .done()
                .build();
    }

    /**
     * One call: the same request ({@code attempt}) until the provider answers other than 429/5xx or the attempts run
     * out, inside the circuit breaker; then the answer translated: a 2xx's JSON, else the provider's refusal
     * (401/403 unauthorized, other 4xx rejected) or unavailable.
     */
    JsonNode call(Callable<A> attempt) {
        return circuit.get(() -> {
            A answer = retried(() -> {
                A sent = attempt.call();
                if (sent.status() == 429 || sent.status() >= 500) {
                    throw new Busy(sent);
                }
                return sent;
            });
            int status = answer.status();
            if (status / 100 == 2) {
                return parse(answer.body());
            }
            Kind kind = status == 401 || status == 403 ? Kind.UNAUTHORIZED : Kind.REJECTED;
            throw refusals.refused(
                    kind, status, provider + " answered " + status + refusedDetails.apply(answer.body()));
        });
    }

    private A retried(Callable<A> attempt) {
        try {
            return retries.call(attempt);
        } catch (Busy e) {
            int status = e.answer.status();
            throw new KycProviderException(
                    Kind.UNAVAILABLE, status, provider + " answered " + status + busyDetails.apply(e.answer.body()));
        } catch (InterruptedException | InterruptedIOException e) {
            Thread.currentThread().interrupt();
            throw new KycProviderException(Kind.UNAVAILABLE, 0, "interrupted while calling " + provider, e);
        } catch (IOException e) {
            throw new KycProviderException(Kind.UNAVAILABLE, 0, provider + " did not answer: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode parse(byte[] body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new KycProviderException(Kind.UNAVAILABLE, 200, provider + " answered with malformed JSON", e);
        }
    }

    /** A request body as bytes, sent alike at every attempt. */
    static byte[] write(JsonNode body) {
        try {
            return JSON.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What a retried failure was, for the debug log: a status or an exception's class, never a path or a body. */
    private static String describe(Throwable failure) {
        return failure instanceof Busy busy
                ? "answered " + busy.answer.status()
                : "no answer (" + failure.getClass().getSimpleName() + ")";
    }

    /** The provider answered 429 or 5xx: worth another attempt. Carries the answer (for a Retry-After, its errors). */
    static final class Busy extends Exception {
        final transient Answer answer;

        Busy(Answer answer) {
            super("answered " + answer.status(), null, false, false);
            this.answer = answer;
        }
    }
}
