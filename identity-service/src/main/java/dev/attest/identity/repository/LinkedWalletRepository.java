package dev.attest.identity.repository;

import dev.attest.identity.LinkedWallet;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class LinkedWalletRepository implements PanacheRepositoryBase<LinkedWallet, String> {

    public List<LinkedWallet> of(UUID identityId) {
        return list("identityId = ?1 order by linkedAt", identityId);
    }

    public Optional<LinkedWallet> findByAddress(String address) {
        return findByIdOptional(address.toLowerCase(Locale.ROOT));
    }
}
