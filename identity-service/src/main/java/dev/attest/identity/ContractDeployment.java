package dev.attest.identity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;

/** Where one of the platform's contracts lives on a chain, recorded by the bootstrap. */
@Entity
@Table(name = "contract_deployments")
public class ContractDeployment {
    @EmbeddedId
    public Key key;

    public String address;

    @Column(name = "tx_hash")
    public String txHash;

    @Embeddable
    public record Key(@Column(name = "chain_id") long chainId, String name) implements Serializable {}
}
