package dev.attest.wallet.service;

import dev.attest.common.outbox.Outbox;
import dev.attest.common.problem.ProblemException;
import dev.attest.common.tenant.TenantProject;
import dev.attest.common.tenant.Tenants;
import dev.attest.common.tracing.WorkSpans;
import dev.attest.common.work.DurableWork;
import dev.attest.common.work.RetrySchedule;
import dev.attest.common.work.Workers;
import dev.attest.wallet.KycStanding;
import dev.attest.wallet.Wallet;
import dev.attest.wallet.client.DfnsClient;
import dev.attest.wallet.client.DfnsException;
import dev.attest.wallet.client.DfnsUnavailableException;
import dev.attest.wallet.client.DfnsWallet;
import dev.attest.wallet.config.WalletConfig;
import dev.attest.wallet.events.WalletEvents;
import dev.attest.wallet.repository.KycStandingRepository;
import dev.attest.wallet.repository.WalletRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * Provisions a Dfns wallet for each verified user and each verified business, exactly once. The KYC (or KYB) event
 * only records that a
 * wallet is due (a {@code pending} row, in the inbox's transaction); a worker then asks Dfns for it with
 * an externalId derived from the user, so a crash between the Dfns call and the commit, a retry or a
 * redelivered event all end with the same single wallet. Failures are retried with exponential backoff;
 * when the attempts run out the wallet is {@code failed} and the org's admins are alerted by event.
 *
 * <p>A durable work run by {@link Workers}: a wallet that becomes due wakes it once its transaction commits; its
 * interval only picks up what another replica recorded, retries and leftovers after a crash. Two replicas at once
 * are safe: a wallet is leased by the pass that locks it.
 *
 * <p>A pass asks Dfns for up to {@code concurrency} wallets at once: each request is a user-action signature and
 * three round trips (about 150 ms against the sandbox), so one at a time capped provisioning near 7 wallets a
 * second. Each wallet is claimed, requested and recorded on its own, so concurrency changes nothing of the above.
 */
@ApplicationScoped
public class ProvisioningService implements DurableWork {
    public static final String NAME = "wallet-provisioning";
    private static final Logger LOG = Logger.getLogger(ProvisioningService.class);
    /** Wallets a pass takes, per request in flight: enough to keep every slot busy through the pass. */
    private static final int BATCH_PER_SLOT = 4;

    private final WalletRepository wallets;
    private final KycStandingRepository standings;
    private final DfnsSettingsService settings;
    private final DfnsClient dfns;
    private final Outbox outbox;
    private final Tenants tenants;
    private final WalletConfig.Provisioning config;
    private final Workers workers;
    private final RetrySchedule retries;
    private final WorkSpans spans;
    private final ExecutorService requests;
    private final int batch;

    ProvisioningService(
            WalletRepository wallets,
            KycStandingRepository standings,
            DfnsSettingsService settings,
            DfnsClient dfns,
            Outbox outbox,
            Tenants tenants,
            WalletConfig config,
            Workers workers,
            WorkSpans spans) {
        this.wallets = wallets;
        this.standings = standings;
        this.settings = settings;
        this.dfns = dfns;
        this.outbox = outbox;
        this.tenants = tenants;
        this.config = config.provisioning();
        this.workers = workers;
        this.spans = spans;
        this.retries = RetrySchedule.exponential(this.config.backoff(), this.config.maxAttempts());
        AtomicInteger threads = new AtomicInteger();
        this.requests = Executors.newFixedThreadPool(this.config.concurrency(), runnable -> {
            Thread thread = new Thread(runnable, NAME + "-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.batch = this.config.concurrency() * BATCH_PER_SLOT;
    }

    @PreDestroy
    void stopRequests() {
        requests.shutdownNow();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Duration pollInterval() {
        return config.pollInterval();
    }

    /**
     * Records the subject's verification status; on {@code verified}, a wallet becomes due unless the subject (a user,
     * or a business) has one.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void onVerification(String orgId, Verification changed) {
        Optional<KycStanding> known = standings.findByUser(orgId, changed.subjectId());
        KycStanding standing = known.orElseGet(KycStanding::new);
        standing.orgId = orgId;
        standing.userId = changed.subjectId();
        standing.caseId = changed.caseId();
        standing.status = changed.status();
        standing.level = changed.level();
        standing.updatedAt = Instant.now();
        if (known.isEmpty()) {
            standings.persist(standing);
        }
        if (KycStanding.VERIFIED.equals(changed.status())
                && wallets.findByUser(orgId, changed.subjectId()).isEmpty()) {
            Wallet wallet = Wallet.pending(
                    orgId,
                    changed.subject(),
                    changed.subjectId(),
                    networkFor(orgId, changed.projectId()),
                    changed.caseId(),
                    changed.level());
            wallet.projectId = changed.projectId();
            wallet.traceparent = WorkSpans.current();
            wallets.persist(wallet);
            workers.wakeAfterCommit(NAME);
        }
    }

    // The project's wallet network (tenant replica) when the event names a known project, else the org's default.
    private String networkFor(String orgId, String projectId) {
        return tenants.project(orgId, projectId)
                .map(TenantProject::walletNetwork)
                .filter(network -> !network.isBlank())
                .map(DfnsNetworks::fromProject)
                .orElseGet(() -> settings.forOrg(orgId)
                        .map(DfnsSettingsService.OrgDfns::defaultNetwork)
                        .orElse("Ethereum"));
    }

    /**
     * An org admin's retry of a user's provisioning that failed for good: the wallet is due again, with a
     * fresh count of attempts (its externalId is unchanged, so no second wallet can come of it).
     */
    @jakarta.inject.Inject
    dev.attest.common.audit.AuditTrail audit;

    @Transactional
    public Wallet retry(String orgId, String userId) {
        Wallet wallet = wallets.findByUser(orgId, userId)
                .orElseThrow(() -> ProblemException.notFound("Wallet of user " + userId));
        if (!Wallet.FAILED.equals(wallet.status)) {
            throw ProblemException.conflict(
                    "provisioning-not-failed",
                    "Only a provisioning that failed can be retried; it is " + wallet.status + ".");
        }
        wallet.status = Wallet.PENDING;
        wallet.attempts = 0;
        wallet.nextAttemptAt = Instant.now();
        wallet.updatedAt = wallet.nextAttemptAt;
        wallet.traceparent = WorkSpans.current(); // the admin's request: the new attempts belong to its trace
        audit.record(dev.attest.common.audit.AuditEntry.of(
                        "wallet.provisioning-retried", orgId, "wallet", wallet.id.toString())
                .withChanges(dev.attest.common.audit.AuditChanges.of(
                        java.util.Map.of("status", Wallet.FAILED, "user_id", userId),
                        java.util.Map.of("status", wallet.status, "user_id", userId))));
        return wallet;
    }

    /** The user's wallet and its provisioning status ({@code none} before KYC is verified). */
    @Transactional
    public Optional<Wallet> statusOf(String orgId, String userId) {
        return wallets.findByUser(orgId, userId);
    }

    /** One batch of due wallets, {@code concurrency} at a time; another at once if it was full and claimed. */
    @Override
    public Pass runPass() {
        List<UUID> due = QuarkusTransaction.requiringNew().call(() -> wallets.dueIds(Instant.now(), batch));
        AtomicInteger claimed = new AtomicInteger();
        CompletableFuture<?>[] attempts = due.stream()
                .map(id -> CompletableFuture.runAsync(() -> attempt(id, claimed), requests))
                .toArray(CompletableFuture[]::new);
        CompletableFuture.allOf(attempts).join();
        // None claimed of a full batch: it is locked elsewhere or the database refuses; the interval looks again.
        return new Pass(claimed.get(), due.size() == batch && claimed.get() > 0);
    }

    private void attempt(UUID id, AtomicInteger claimed) {
        try {
            if (provision(id)) {
                claimed.incrementAndGet();
            }
        } catch (RuntimeException e) {
            // As after a crash: the claim's lease runs out and a later attempt looks for what Dfns made.
            LOG.warnf("provisioning wallet %s broke off (%s); it is retried when its lease ends", id, e.toString());
        }
    }

    /** One attempt at the wallet {@code id}, if it is still due; returns whether this pass claimed it. */
    boolean provision(UUID id) {
        Optional<Wallet> claimed = QuarkusTransaction.requiringNew().call(() -> claim(id));
        if (claimed.isEmpty()) {
            return false;
        }
        Wallet wallet = claimed.get();
        // In the trace of what made the wallet due: the Dfns calls and WalletProvisioned join it.
        spans.handling(NAME, "provision", wallet.traceparent, () -> provisionClaimed(id, wallet));
        return true;
    }

    private void provisionClaimed(UUID id, Wallet wallet) {
        if (tenants.suspended(wallet.orgId, wallet.projectId)) {
            // Issue 20: no Dfns call for a suspended organization or project. The claim's lease stays on the wallet,
            // which is looked at again when it ends (no attempt counted), so it is made once it is reactivated.
            LOG.infof("wallet %s waits: its organization or project is suspended", id);
            return;
        }
        try {
            var org = settings.forOrg(wallet.orgId)
                    .orElseThrow(() -> new DfnsException(0, "the organization has no Dfns settings"));
            // An earlier attempt may have reached Dfns and died before recording the answer.
            Optional<DfnsWallet> earlier = wallet.dfnsRequestedAt == null
                    ? Optional.empty()
                    : dfns.findWalletByExternalId(org.credentials(), wallet.externalId());
            QuarkusTransaction.requiringNew().run(() -> markRequested(id));
            DfnsWallet created = earlier.isPresent() ? earlier.get() : create(org, wallet);
            QuarkusTransaction.requiringNew().run(() -> succeed(id, created));
        } catch (DfnsException | DfnsUnavailableException | IllegalArgumentException e) {
            LOG.infof("provisioning wallet %s failed: %s", id, e.getMessage());
            QuarkusTransaction.requiringNew().run(() -> fail(id, e.getMessage()));
        }
    }

    private DfnsWallet create(DfnsSettingsService.OrgDfns org, Wallet wallet) {
        try {
            return dfns.createWallet(
                    org.credentials(),
                    wallet.network,
                    "attest " + wallet.userId,
                    wallet.externalId(),
                    List.of("attest"));
        } catch (DfnsException e) {
            if (e.status() != 409) {
                throw e;
            }
            // Dfns already holds a wallet with this externalId (made by an attempt that did not record it).
            return dfns.findWalletByExternalId(org.credentials(), wallet.externalId())
                    .orElseThrow(() -> e);
        }
    }

    private void markRequested(UUID id) {
        wallets.findById(id).dfnsRequestedAt = Instant.now();
    }

    // The lease keeps other workers off this wallet while Dfns is called; a crashed worker's lease expires.
    private Optional<Wallet> claim(UUID id) {
        Optional<Wallet> wallet = wallets.lockIfDue(id, Instant.now());
        wallet.ifPresent(w -> w.nextAttemptAt = Instant.now().plus(config.lease()));
        return wallet;
    }

    private void succeed(UUID id, DfnsWallet created) {
        Wallet wallet = wallets.findById(id);
        if (!Wallet.PENDING.equals(wallet.status)) {
            return;
        }
        wallet.status = Wallet.PROVISIONED;
        wallet.providerWalletId = created.id();
        wallet.address = created.address();
        wallet.network = created.network();
        wallet.attempts++;
        wallet.lastError = null;
        wallet.nextAttemptAt = null;
        wallet.updatedAt = Instant.now();
        outbox.publish(WalletEvents.provisioned(wallet));
    }

    private void fail(UUID id, String reason) {
        Wallet wallet = wallets.findById(id);
        if (!Wallet.PENDING.equals(wallet.status)) {
            return;
        }
        wallet.attempts++;
        wallet.lastError = reason == null || reason.isBlank() ? "unknown error" : truncate(reason);
        wallet.updatedAt = Instant.now();
        Optional<Instant> next = retries.next(wallet.attempts, wallet.updatedAt);
        wallet.nextAttemptAt = next.orElse(null);
        if (next.isEmpty()) {
            wallet.status = Wallet.FAILED;
            outbox.publish(WalletEvents.provisioningFailed(wallet, true));
        }
    }

    private static String truncate(String reason) {
        return reason.length() > 500 ? reason.substring(0, 500) : reason;
    }
}
