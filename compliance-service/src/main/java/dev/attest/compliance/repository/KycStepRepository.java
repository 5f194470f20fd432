package dev.attest.compliance.repository;

import dev.attest.compliance.KycStep;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class KycStepRepository implements PanacheRepositoryBase<KycStep, KycStep.Key> {

    public Optional<KycStep> find(UUID caseId, String providerStepId) {
        KycStep.Key key = new KycStep.Key();
        key.caseId = caseId;
        key.providerStepId = providerStepId;
        return findByIdOptional(key);
    }

    /** A case's steps in the provider's time, oldest first (ties in a fixed order, so every read agrees). */
    public List<KycStep> ofCase(String orgId, UUID caseId) {
        return find("orgId = ?1 and caseId = ?2", Sort.ascending("providerAt", "kind", "providerStepId"), orgId, caseId)
                .list();
    }
}
