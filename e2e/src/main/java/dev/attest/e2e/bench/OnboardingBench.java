package dev.attest.e2e.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.attest.e2e.Settings;
import dev.attest.e2e.StepFailed;
import dev.attest.e2e.auth.Keycloak;
import dev.attest.e2e.auth.SignedIn;
import dev.attest.e2e.client.EndUser;
import dev.attest.e2e.http.HttpJson;
import dev.attest.e2e.http.Reply;
import dev.attest.e2e.probe.NotificationStream;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * Onboards a batch of new users, releasing their approvals at a fixed pace, and times each user from Persona's
 * approval to the KYC claim on chain and to the notification on the user's live stream.
 *
 * <p>Preparation, not timed: each user signs up at Keycloak, opens their notification stream and starts KYC
 * through the gateway; the stream's {@code kyc.started} shows it is live. Then the users finish the Persona
 * page, {@code rate} per second; the sandbox approves each inquiry and sends its signed webhooks.
 *
 * <p>The clocks, all on this machine: <b>approved</b> is when the gateway answered the sandbox's {@code
 * inquiry.approved} webhook (the sandbox's delivery log); <b>claim issued</b> is when identity-service recorded
 * the claim issued, in the transaction that wrote {@code ClaimIssued} (the claim's {@code updated_at});
 * <b>notified</b> is when this client read {@code claim.issued} on the user's stream.
 */
public final class OnboardingBench {
    private static final int PREPARE_THREADS = 8;
    /**
     * KYC starts per second while preparing: Persona allows 300 API requests a minute per key by default, and a
     * start is one or two (create, then resume when the create answer holds no session token). Faster, Persona
     * answers 429 and the platform's circuit breaker to it opens.
     */
    private static final double KYC_STARTS_PER_SECOND = 2.0;

    private static final Duration STREAM_LIVE_TIMEOUT = Duration.ofSeconds(60);
    private static final Predicate<JsonNode> CLAIM_ISSUED =
            n -> "claim.issued".equals(n.path("type").asText());

    /** What one batch measured. */
    public record Result(
            int users,
            double offeredPerSecond,
            Duration preparation,
            int approved,
            int claimed,
            int notified,
            Duration span,
            Latencies toClaim,
            Latencies toNotification) {

        /** Claims issued per second, from the first approval to the last claim. */
        public double sustainedPerSecond() {
            return claimed / Math.max(1e-9, span.toNanos() / 1e9);
        }

        /** Users approved whose claim or notification never came. */
        public int lost() {
            return approved - Math.min(claimed, notified);
        }
    }

    private final Settings settings;
    private final HttpJson http;
    private final HttpJson streams;
    private final Keycloak keycloak;
    private final PrintStream out;

    public OnboardingBench(Settings settings, PrintStream out) {
        this.settings = settings;
        this.http = new HttpJson();
        // One HTTP/1.1 connection per live stream, as browsers hold them.
        this.streams = new HttpJson(HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build());
        this.keycloak = new Keycloak(settings, http);
        this.out = out;
    }

    public Result run(int users, double rate, Duration quietTimeout) throws InterruptedException {
        long prepareStart = System.nanoTime();
        List<Subject> subjects = prepare(users);
        Duration preparation = Duration.ofNanos(System.nanoTime() - prepareStart);
        try {
            release(subjects, rate);
            awaitNotifications(subjects, quietTimeout);
            return measure(subjects, rate, preparation);
        } finally {
            subjects.forEach(s -> s.stream.close());
        }
    }

    /** One user of the batch: signed in, stream open, KYC started. */
    private record Subject(EndUser user, NotificationStream stream, JsonNode kyc) {
        String inquiryId() {
            return kyc.path("persona_inquiry_id").asText();
        }

        Optional<Instant> notifiedAt() {
            return stream.firstArrival(CLAIM_ISSUED).map(NotificationStream.Arrival::at);
        }
    }

    private List<Subject> prepare(int users) throws InterruptedException {
        String run = Long.toString(System.currentTimeMillis(), 36);
        out.printf("  preparing %d users (sign-up, live stream, KYC started)…%n", users);
        AtomicInteger ready = new AtomicInteger();
        List<Callable<Subject>> tasks = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < users; i++) {
            String username = "bench-" + run + "-" + i;
            long kycSlot = start + (long) (i * 1e9 / KYC_STARTS_PER_SECOND);
            tasks.add(() -> {
                SignedIn signedIn = keycloak.signUp(username, username, settings.demoOrgSlug());
                NotificationStream stream =
                        NotificationStream.openFromFirst(streams, settings.gatewayUrl(), signedIn.accessToken());
                EndUser user = new EndUser(settings, http, signedIn);
                sleepUntil(kycSlot);
                JsonNode kyc = user.startKyc();
                stream.await("kyc.started on " + username + "'s stream", STREAM_LIVE_TIMEOUT, n -> "kyc.started"
                        .equals(n.path("type").asText()));
                int done = ready.incrementAndGet();
                if (done % 100 == 0) {
                    out.printf("    %d ready%n", done);
                }
                return new Subject(user, stream, kyc);
            });
        }
        return all(tasks, PREPARE_THREADS, "preparing the users");
    }

    /** The users finish the Persona page at {@code rate} per second (all at once if rate ≤ 0). */
    private void release(List<Subject> subjects, double rate) throws InterruptedException {
        out.printf("  releasing %d approvals at %s…%n", subjects.size(), rate > 0 ? rate + "/s" : "once");
        ExecutorService pressers = Executors.newFixedThreadPool(16);
        List<Future<?>> pressed = new ArrayList<>();
        long start = System.nanoTime();
        try {
            for (int i = 0; i < subjects.size(); i++) {
                if (rate > 0) {
                    sleepUntil(start + (long) (i * 1e9 / rate));
                }
                Subject subject = subjects.get(i);
                pressed.add(pressers.submit(
                        () -> subject.user.finishVerification(subject.kyc, EndUser.Verification.COMPLETE)));
            }
            for (Future<?> press : pressed) {
                press.get();
            }
        } catch (ExecutionException e) {
            throw new StepFailed(
                    "finishing a Persona verification failed: " + e.getCause().getMessage(), e);
        } finally {
            pressers.shutdownNow();
        }
    }

    /** Until every user's claim.issued is on their stream, or none came for {@code quiet}. */
    private void awaitNotifications(List<Subject> subjects, Duration quiet) throws InterruptedException {
        long start = System.nanoTime();
        long lastProgress = start;
        long lastPrint = start;
        int seen = 0;
        while (seen < subjects.size()) {
            Thread.sleep(250);
            int now = (int)
                    subjects.stream().filter(s -> s.notifiedAt().isPresent()).count();
            long t = System.nanoTime();
            if (now > seen) {
                seen = now;
                lastProgress = t;
            } else if (t - lastProgress > quiet.toNanos()) {
                out.printf("    no claim.issued for %d s: stopped waiting%n", quiet.toSeconds());
                return;
            }
            if (t - lastPrint > 5_000_000_000L) {
                lastPrint = t;
                out.printf("    %d/%d claim.issued notifications%n", seen, subjects.size());
            }
        }
    }

    private Result measure(List<Subject> subjects, double rate, Duration preparation) throws InterruptedException {
        Map<String, Instant> approvedAt = approvalsAnswered();
        // Read as the org admin, signed in now: a long batch outlives the users' access tokens.
        String admin = keycloak.signIn("org-admin", "org-admin").accessToken();
        List<Callable<Optional<Instant>>> lookups = new ArrayList<>();
        for (Subject subject : subjects) {
            lookups.add(() -> claimIssuedAt(admin, subject.user.signedIn().subject()));
        }
        List<Optional<Instant>> claimedAt = all(lookups, PREPARE_THREADS, "reading the users' claims");
        List<Duration> toClaim = new ArrayList<>();
        List<Duration> toNotification = new ArrayList<>();
        int approved = 0;
        int claimed = 0;
        int notified = 0;
        Instant first = null;
        Instant last = null;
        for (int i = 0; i < subjects.size(); i++) {
            Instant approval = approvedAt.get(subjects.get(i).inquiryId());
            Optional<Instant> claim = claimedAt.get(i);
            Optional<Instant> notification = subjects.get(i).notifiedAt();
            if (approval == null) {
                continue;
            }
            approved++;
            first = first == null || approval.isBefore(first) ? approval : first;
            if (claim.isPresent()) {
                claimed++;
                toClaim.add(Duration.between(approval, claim.get()));
                last = last == null || claim.get().isAfter(last) ? claim.get() : last;
            }
            if (notification.isPresent()) {
                notified++;
                toNotification.add(Duration.between(approval, notification.get()));
            }
        }
        Duration span = first == null || last == null ? Duration.ZERO : Duration.between(first, last);
        return new Result(
                subjects.size(),
                rate,
                preparation,
                approved,
                claimed,
                notified,
                span,
                Latencies.of(toClaim),
                Latencies.of(toNotification));
    }

    /** Per inquiry, when the gateway answered 2xx to the sandbox's first successful inquiry.approved delivery. */
    private Map<String, Instant> approvalsAnswered() {
        JsonNode deliveries = http.get(settings.sandboxUrl() + "/persona/_sandbox/deliveries", null)
                .expect(200)
                .json();
        Map<String, Instant> answered = new HashMap<>();
        for (JsonNode delivery : deliveries) {
            if (!"inquiry.approved".equals(delivery.path("event_name").asText())
                    || delivery.path("status").asInt() / 100 != 2) {
                continue;
            }
            Instant at =
                    OffsetDateTime.parse(delivery.path("answered_at").asText()).toInstant();
            answered.merge(delivery.path("inquiry_id").asText(), at, (a, b) -> a.isBefore(b) ? a : b);
        }
        return answered;
    }

    private Optional<Instant> claimIssuedAt(String adminToken, String userId) {
        Reply reply = http.get(settings.gatewayUrl() + "/identities/" + userId, adminToken);
        if (reply.status() == 404) {
            return Optional.empty();
        }
        for (JsonNode claim : reply.expect(200).json().path("claims")) {
            if ("issued".equals(claim.path("status").asText())) {
                return Optional.of(
                        OffsetDateTime.parse(claim.path("updated_at").asText()).toInstant());
            }
        }
        return Optional.empty();
    }

    private static void sleepUntil(long nanoTime) throws InterruptedException {
        long wait = nanoTime - System.nanoTime();
        if (wait > 0) {
            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
    }

    private static <T> List<T> all(List<Callable<T>> tasks, int threads, String what) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<T> results = new ArrayList<>();
            for (Future<T> future : pool.invokeAll(tasks)) {
                results.add(future.get());
            }
            return results;
        } catch (ExecutionException e) {
            throw new StepFailed(what + " failed: " + e.getCause().getMessage(), e);
        } finally {
            pool.shutdownNow();
        }
    }
}
