package dev.attest.identity.repository;

import dev.attest.identity.ContractDeployment;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

@ApplicationScoped
public class ContractDeploymentRepository implements PanacheRepositoryBase<ContractDeployment, ContractDeployment.Key> {

    public Optional<ContractDeployment> find(long chainId, String name) {
        return findByIdOptional(new ContractDeployment.Key(chainId, name));
    }
}
