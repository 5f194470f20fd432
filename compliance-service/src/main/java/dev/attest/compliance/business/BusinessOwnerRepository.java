package dev.attest.compliance.business;

import dev.attest.compliance.KycStatus;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The owners of business cases, and their KYC cases' statuses. */
@ApplicationScoped
public class BusinessOwnerRepository implements PanacheRepositoryBase<BusinessOwner, UUID> {

    /** An owner and the status of their KYC case (pending while they have none yet). */
    public record OwnerState(
            BusinessOwner owner, Optional<UUID> kycCaseId, KycStatus status, String provider, String reference) {}

    public List<BusinessOwner> ofCase(UUID businessCaseId) {
        return list("businessCaseId", Sort.ascending("position"), businessCaseId);
    }

    public Optional<BusinessOwner> findInCase(UUID businessCaseId, UUID ownerId) {
        return find("businessCaseId = ?1 and id = ?2", businessCaseId, ownerId).firstResultOptional();
    }

    /**
     * The owners with their KYC cases as the database has them now (found by the owner's user id, so also a case
     * whose id the owner row has not recorded yet). Read as values, flushed first: a status this transaction
     * has just changed counts, and an entity loaded earlier in the session cannot hide another's commit.
     */
    public List<OwnerState> states(BusinessCase businessCase) {
        getEntityManager().flush();
        List<BusinessOwner> owners = ofCase(businessCase.id);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = getEntityManager()
                .createNativeQuery("select o.id, k.id as kyc_id, k.status, k.provider, k.provider_reference"
                        + " from business_owner o left join kyc_case k on k.org_id = o.org_id"
                        + " and k.user_id = ?1 || o.id::text where o.business_case_id = ?2"
                        + " order by o.position, k.created_at desc")
                .setParameter(1, BusinessOwner.USER_PREFIX)
                .setParameter(2, businessCase.id)
                .getResultList();
        return owners.stream()
                .map(owner -> rows.stream()
                        .filter(row -> owner.id.equals(row[0]))
                        .findFirst()
                        .map(row -> new OwnerState(
                                owner,
                                Optional.ofNullable((UUID) row[1]),
                                row[2] == null ? KycStatus.PENDING : KycStatus.fromWire((String) row[2]),
                                (String) row[3],
                                (String) row[4]))
                        .orElseGet(() -> new OwnerState(owner, Optional.empty(), KycStatus.PENDING, null, null)))
                .toList();
    }
}
