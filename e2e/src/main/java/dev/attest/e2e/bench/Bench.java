package dev.attest.e2e.bench;

import dev.attest.e2e.Settings;
import dev.attest.e2e.auth.Keycloak;
import dev.attest.e2e.auth.SignedIn;
import dev.attest.e2e.http.HttpJson;
import dev.attest.e2e.tenant.DemoTenant;
import dev.attest.e2e.tenant.DemoTenantSetup;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * {@code ./attest bench}: the webhook ingest and the onboarding throughput of the running local stack, printed
 * with the targets they are held to. A benchmark, not a test: it reports what it measured and exits 0 unless
 * it could not measure (the launcher then adds each process's memory).
 */
public final class Bench {
    /** What to run: the defaults are the figures docs/performance.md reports. */
    public record Options(
            int concurrency,
            Duration warmUp,
            Duration measured,
            int users,
            double rate,
            int latencyUsers,
            double latencyRate,
            Duration quiet,
            boolean ingest,
            boolean onboarding) {

        /**
         * {@code [--concurrency N] [--warm-up S] [--seconds S] [--users N] [--rate R] [--latency-users N] [--latency-rate R]
         * [--ingest-only | --onboarding-only]}
         */
        public static Options parse(String... args) {
            int concurrency = 32;
            long warmUp = 20;
            long seconds = 20;
            int users = 1000;
            double rate = 0;
            int latencyUsers = 100;
            double latencyRate = 10;
            boolean ingest = true;
            boolean onboarding = true;
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--concurrency" -> concurrency = Integer.parseInt(value(args, ++i));
                    case "--seconds" -> seconds = Long.parseLong(value(args, ++i));
                    case "--warm-up" -> warmUp = Long.parseLong(value(args, ++i));
                    case "--users" -> users = Integer.parseInt(value(args, ++i));
                    case "--rate" -> rate = Double.parseDouble(value(args, ++i));
                    case "--latency-users" -> latencyUsers = Integer.parseInt(value(args, ++i));
                    case "--latency-rate" -> latencyRate = Double.parseDouble(value(args, ++i));
                    case "--ingest-only" -> onboarding = false;
                    case "--onboarding-only" -> ingest = false;
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
            return new Options(
                    concurrency,
                    // A freshly started service needs tens of seconds of load before the JIT has compiled its path.
                    Duration.ofSeconds(warmUp),
                    Duration.ofSeconds(seconds),
                    users,
                    rate,
                    latencyUsers,
                    latencyRate,
                    Duration.ofMinutes(10), // the chain can take minutes between two claims of a large batch
                    ingest,
                    onboarding);
        }

        private static String value(String[] args, int i) {
            if (i >= args.length) {
                throw new IllegalArgumentException(args[i - 1] + " needs a value");
            }
            return args[i];
        }
    }

    // The targets of issue 16, printed beside the figures.
    static final double INGEST_TARGET_PER_SECOND = 3000;
    static final double INGEST_TARGET_P99_MS = 50;
    static final double INGEST_TARGET_RATIO = 0.40;
    static final double ONBOARDING_TARGET_PER_SECOND = 20;
    static final double ONBOARDING_TARGET_RATIO = 0.50;
    static final double ONBOARDING_TARGET_P99_MS = 2000;

    private final Settings settings;
    private final PrintStream out;

    public Bench(Settings settings, PrintStream out) {
        this.settings = settings;
        this.out = out;
    }

    public void run(Options options) throws InterruptedException {
        out.printf("Attest benchmark, %s%n", Instant.now().truncatedTo(ChronoUnit.SECONDS));
        out.println("  machine: " + Machine.describe());
        HttpJson http = new HttpJson();
        Keycloak keycloak = new Keycloak(settings, http);
        DemoTenant tenant = new DemoTenantSetup(settings, http, keycloak).ensure();
        if (options.ingest()) {
            ingest(options);
        }
        if (options.onboarding()) {
            SignedIn orgAdmin = keycloak.signIn("org-admin", "org-admin");
            try (ProjectRateLimit limit = ProjectRateLimit.raise(settings, http, orgAdmin, tenant, 100_000)) {
                out.printf(
                        "%nOnboarding (the demo project's rate limit raised from %s for the run)%n",
                        limit.previousText());
                onboarding(options);
            }
        }
    }

    private void ingest(Options options) throws InterruptedException {
        out.printf(
                "%nPersona webhook ingest through the gateway (%d concurrent clients, %d s warm-up, %d s measured)%n",
                options.concurrency(),
                options.warmUp().toSeconds(),
                options.measured().toSeconds());
        IngestBench.Result result =
                new IngestBench(settings).run(options.concurrency(), options.warmUp(), options.measured());
        line("gateway echo (baseline)", result.echo());
        line("Persona webhook", result.webhook());
        out.printf("  %-26s %6.2f %%%n", "webhook / echo", 100 * result.ratio());
        ClosedLoopLoad.Result webhook = result.webhook();
        verdict(
                String.format(
                        "ingest ≥ %.0f/s, p99 < %.0f ms, ≥ %.0f %% of echo",
                        INGEST_TARGET_PER_SECOND, INGEST_TARGET_P99_MS, 100 * INGEST_TARGET_RATIO),
                webhook.perSecond() >= INGEST_TARGET_PER_SECOND
                        && webhook.latencies().p99() < INGEST_TARGET_P99_MS
                        && result.ratio() >= INGEST_TARGET_RATIO
                        && webhook.failed() == 0);
    }

    private void line(String name, ClosedLoopLoad.Result r) {
        out.printf(
                "  %-26s %8.0f req/s   p50 %6.1f ms   p99 %6.1f ms   max %7.1f ms   %d answered, %d failed%n",
                name,
                r.perSecond(),
                r.latencies().p50(),
                r.latencies().p99(),
                r.latencies().maxMillis(),
                r.answered(),
                r.failed());
        if (r.firstFailure() != null) {
            out.printf("  %-26s first failure: %s%n", "", r.firstFailure());
        }
    }

    private void onboarding(Options options) throws InterruptedException {
        ChainBaseline.Result chain = new ChainBaseline(settings.evmRpcUrl()).run(options.users());
        out.printf(
                "  chain-only baseline        %.1f users/s (%d of %d onboarding transactions straight to the node in"
                        + " %.1f s, %d blocks)%n",
                chain.perSecond(),
                chain.onboarded(),
                chain.users(),
                chain.span().toMillis() / 1e3,
                chain.blocks());

        out.printf("%n  Throughput: %d users%n", options.users());
        OnboardingBench.Result throughput =
                new OnboardingBench(settings, out).run(options.users(), options.rate(), options.quiet());
        report(throughput);
        double ratio = throughput.sustainedPerSecond() / Math.max(1e-9, chain.perSecond());
        out.printf("  platform / chain-only      %6.2f %%%n", 100 * ratio);
        verdict(
                String.format(
                        "onboarding ≥ %.0f users/s, ≥ %.0f %% of the chain-only baseline, none lost",
                        ONBOARDING_TARGET_PER_SECOND, 100 * ONBOARDING_TARGET_RATIO),
                throughput.sustainedPerSecond() >= ONBOARDING_TARGET_PER_SECOND
                        && ratio >= ONBOARDING_TARGET_RATIO
                        && throughput.lost() == 0
                        && throughput.approved() == throughput.users());

        out.printf("%n  Latency: %d users offered at %s/s%n", options.latencyUsers(), options.latencyRate());
        OnboardingBench.Result latency =
                new OnboardingBench(settings, out).run(options.latencyUsers(), options.latencyRate(), options.quiet());
        report(latency);
        verdict(
                String.format("p99 < %.0f ms from approval to ClaimIssued, none lost", ONBOARDING_TARGET_P99_MS),
                latency.toClaim().p99() < ONBOARDING_TARGET_P99_MS
                        && latency.lost() == 0
                        && latency.approved() == latency.users());
    }

    private void report(OnboardingBench.Result r) {
        out.printf(
                "  users                      %d, approvals offered at %s, prepared in %.0f s%n",
                r.users(),
                r.offeredPerSecond() > 0 ? r.offeredPerSecond() + "/s" : "once",
                r.preparation().toMillis() / 1e3);
        out.printf(
                "  approved → ClaimIssued     p50 %7.0f ms   p99 %7.0f ms   max %7.0f ms%n",
                r.toClaim().p50(), r.toClaim().p99(), r.toClaim().maxMillis());
        out.printf(
                "  approved → notification    p50 %7.0f ms   p99 %7.0f ms   max %7.0f ms%n",
                r.toNotification().p50(),
                r.toNotification().p99(),
                r.toNotification().maxMillis());
        out.printf(
                "  sustained                  %.1f users/s (%d claims in %.1f s from the first approval)%n",
                r.sustainedPerSecond(), r.claimed(), r.span().toMillis() / 1e3);
        out.printf(
                "  approved %d, claims issued %d, notified %d: %d lost%n",
                r.approved(), r.claimed(), r.notified(), r.lost());
    }

    private void verdict(String target, boolean met) {
        out.printf("  target: %s: %s%n", target, met ? "met" : "NOT met");
    }
}
