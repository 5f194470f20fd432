package dev.attest.wallet.repository;

import dev.attest.wallet.KycStanding;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

@ApplicationScoped
public class KycStandingRepository implements PanacheRepositoryBase<KycStanding, KycStanding.Key> {
    public Optional<KycStanding> findByUser(String orgId, String userId) {
        return findByIdOptional(new KycStanding.Key(orgId, userId));
    }
}
