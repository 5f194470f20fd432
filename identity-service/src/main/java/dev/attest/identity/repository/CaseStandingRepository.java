package dev.attest.identity.repository;

import dev.attest.identity.CaseStanding;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

@ApplicationScoped
public class CaseStandingRepository implements PanacheRepositoryBase<CaseStanding, CaseStanding.Key> {

    /** Records {@code status} as the case's latest (events of one case arrive in order: the last one wins). */
    public void record(String orgId, String caseId, String status) {
        CaseStanding known = findById(new CaseStanding.Key(orgId, caseId));
        CaseStanding standing = known == null ? new CaseStanding() : known;
        standing.orgId = orgId;
        standing.caseId = caseId;
        standing.status = status;
        standing.updatedAt = Instant.now();
        if (known == null) {
            persist(standing);
        }
    }

    public boolean isRejected(String orgId, String caseId) {
        CaseStanding standing = findById(new CaseStanding.Key(orgId, caseId));
        return standing != null && CaseStanding.REJECTED.equals(standing.status);
    }
}
