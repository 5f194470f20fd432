package dev.attest.compliance.service;

import dev.attest.common.alerts.CredentialsRejectedAlerts;
import dev.attest.common.problem.ProblemException;
import dev.attest.compliance.config.ComplianceConfig;
import dev.attest.compliance.provider.KycProvider;
import dev.attest.compliance.provider.KycProviderException;
import dev.attest.compliance.provider.KycProviders;
import dev.attest.compliance.provider.ProviderCredentials;
import dev.attest.compliance.provider.ProviderInquiry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jboss.logging.Logger;

/** What KYC and business reconciliation share: claiming waiting cases, asking their provider, bounding its time. */
@ApplicationScoped
public class ProviderCatchUp {
    private final KycProviders providers;
    private final CredentialsRejectedAlerts alerts;
    private final ComplianceConfig.Reconciliation config;
    private final ComplianceConfig.Persona persona;

    ProviderCatchUp(KycProviders providers, CredentialsRejectedAlerts alerts, ComplianceConfig config) {
        this.providers = providers;
        this.alerts = alerts;
        this.config = config.reconciliation();
        this.persona = config.persona();
    }

    /** A claimed case: what is needed to ask its provider, outside the claiming transaction. */
    public record Waiting(UUID id, String orgId, String provider, String reference) {}

    /** A repository's claim of its waiting cases (stamped asked, {@code for update skip locked}). */
    @FunctionalInterface
    public interface Claim<T> {
        List<T> claimWaiting(
                OffsetDateTime unchangedSince, OffsetDateTime openedAfter, OffsetDateTime notAskedSince, int limit);
    }

    /**
     * One pass: claims the due cases by the {@code reconciliation.*} settings in a transaction of its own, then
     * reconciles each in turn; one case's failure (its transaction rolled back) is logged as {@code kind}'s and does
     * not cost the others their turn.
     *
     * @return how many cases were claimed
     */
    public <T> int pass(
            Claim<T> claim, Function<T, Waiting> waiting, Consumer<Waiting> reconcile, Logger log, String kind) {
        OffsetDateTime now = OffsetDateTime.now();
        List<Waiting> due = QuarkusTransaction.requiringNew().call(() -> claim
                .claimWaiting(
                        now.minus(config.minAge()),
                        now.minus(config.maxAge()),
                        now.minus(config.recheckAfter()),
                        config.batchSize())
                .stream()
                .map(waiting)
                .toList());
        for (Waiting each : due) {
            try {
                reconcile.accept(each);
            } catch (RuntimeException e) {
                log.warnf(
                        "Reconciling %s %s failed (%s)",
                        kind, each.id(), e.getClass().getName());
            }
        }
        return due.size();
    }

    /**
     * What the provider shows of the waiting case now, asked outside any transaction with {@code credentials} (by
     * provider and organization); empty when it cannot be asked (not configured any more, refused or unavailable: the
     * case is asked again after {@code recheck-after}), when it shows no time or another reference, or a time further
     * ahead than webhooks may be (it would make every later event look stale).
     */
    public Optional<ProviderInquiry> retrieve(
            Waiting waiting, BiFunction<String, String, ProviderCredentials> credentials, Logger log, String kind) {
        ProviderInquiry inquiry;
        try {
            KycProvider provider = providers.named(waiting.provider());
            ProviderCredentials asked = credentials.apply(waiting.provider(), waiting.orgId());
            inquiry = alerts.watching(
                    waiting.orgId(),
                    provider.name(),
                    "retrieve-inquiry",
                    () -> provider.retrieve(asked, waiting.reference()));
        } catch (KycProviderException | ProblemException e) {
            log.debugf(
                    "%s %s not reconciled: %s",
                    capitalized(kind), waiting.id(), e.getClass().getSimpleName());
            return Optional.empty();
        }
        if (inquiry.statusAt().isEmpty()
                || !waiting.reference().equals(inquiry.reference())
                || inquiry.statusAt().get().isAfter(OffsetDateTime.now().plus(persona.webhookFutureTolerance()))) {
            return Optional.empty();
        }
        return Optional.of(inquiry);
    }

    private static String capitalized(String kind) {
        return Character.toUpperCase(kind.charAt(0)) + kind.substring(1);
    }
}
