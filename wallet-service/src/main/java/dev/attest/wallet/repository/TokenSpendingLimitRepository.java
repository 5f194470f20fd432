package dev.attest.wallet.repository;

import dev.attest.wallet.TokenSpendingLimit;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

@ApplicationScoped
public class TokenSpendingLimitRepository implements PanacheRepositoryBase<TokenSpendingLimit, TokenSpendingLimit.Key> {

    /** The org's token limits, by contract. */
    public List<TokenSpendingLimit> ofOrg(String orgId) {
        return list("orgId = ?1 order by contract", orgId);
    }

    /** The limits of the token at {@code contract} (any letter case), if the org has set some. */
    public Optional<TokenSpendingLimit> find(String orgId, String contract) {
        return findByIdOptional(new TokenSpendingLimit.Key(orgId, contract.toLowerCase(Locale.ROOT)));
    }

    public void deleteOfOrg(String orgId) {
        delete("orgId", orgId);
    }
}
