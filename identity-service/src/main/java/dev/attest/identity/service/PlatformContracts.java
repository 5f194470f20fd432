package dev.attest.identity.service;

import dev.attest.identity.ChainTransaction;
import dev.attest.identity.ContractDeployment;
import dev.attest.identity.client.ClaimSigning;
import dev.attest.identity.client.ContractArtifact;
import dev.attest.identity.client.ContractCalls;
import dev.attest.identity.client.EvmNode;
import dev.attest.identity.config.IdentityConfig;
import dev.attest.identity.repository.ContractDeploymentRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Bool;
import org.web3j.abi.datatypes.Type;

/**
 * The platform's contracts on the configured chain: given by configuration, or deployed once by
 * {@link #ensureReady()} (the IdentityOnboarder owns the IdFactory and only the operator may call it, the operator
 * manages the ClaimIssuer, the claim signer is a CLAIM key of the issuer, the issuer is trusted for the
 * configured topics, KYB's included) and found again on the next run.
 */
@ApplicationScoped
public class PlatformContracts {
    private static final Logger LOG = Logger.getLogger(PlatformContracts.class);
    private static final String ZERO = "0x0000000000000000000000000000000000000000";

    private final EvmNode node;
    private final TransactionSender sender;
    private final ReceiptWaiter receipts;
    private final ContractDeploymentRepository deployments;
    private final ChainActionAudit audit;
    private final PlatformKeys keys;
    private final IdentityConfig config;
    private final SubjectClaims subjectClaims;

    private volatile Addresses addresses;

    /** Addresses of the contracts identity-service uses. */
    public record Addresses(
            String idFactory,
            String implementationAuthority,
            String onboarder,
            String claimIssuer,
            String claimTopicsRegistry,
            String trustedIssuersRegistry) {}

    PlatformContracts(
            EvmNode node,
            TransactionSender sender,
            ReceiptWaiter receipts,
            ContractDeploymentRepository deployments,
            PlatformKeys keys,
            IdentityConfig config,
            SubjectClaims subjectClaims,
            ChainActionAudit audit) {
        this.node = node;
        this.audit = audit;
        this.sender = sender;
        this.receipts = receipts;
        this.deployments = deployments;
        this.keys = keys;
        this.config = config;
        this.subjectClaims = subjectClaims;
    }

    /** The contracts, once {@link #ensureReady()} has succeeded. */
    public Optional<Addresses> addresses() {
        return Optional.ofNullable(addresses);
    }

    /** Deploys and configures what is missing; cheap once done. */
    public synchronized Addresses ensureReady() {
        if (addresses != null) {
            return addresses;
        }
        long chainId = node.chainId();
        if (chainId != config.chainId()) {
            throw new IllegalStateException(
                    "the node is on chain " + chainId + ", attest.identity.chain-id says " + config.chainId());
        }
        IdentityConfig.Contracts given = config.contracts();
        String factory = given.idFactory().orElseGet(() -> deployFactory(chainId));
        String issuer = given.claimIssuer()
                .orElseGet(() -> deployed(
                        chainId,
                        "claim-issuer",
                        ContractCalls.deployment(ContractArtifact.CLAIM_ISSUER, new Address(keys.operatorAddress()))));
        String topicsRegistry = given.claimTopicsRegistry()
                .orElseGet(() ->
                        deployed(chainId, "claim-topics-registry", ContractArtifact.CLAIM_TOPICS_REGISTRY.bytecode()));
        String issuersRegistry = given.trustedIssuersRegistry()
                .orElseGet(() -> deployed(
                        chainId, "trusted-issuers-registry", ContractArtifact.TRUSTED_ISSUERS_REGISTRY.bytecode()));
        String onboarder = given.onboarder()
                .orElseGet(() -> deployed(
                        chainId,
                        "identity-onboarder",
                        ContractCalls.deployment(
                                ContractArtifact.IDENTITY_ONBOARDER,
                                new Address(factory),
                                new Address(keys.operatorAddress()))));
        handFactoryTo(factory, onboarder);
        configureIssuer(issuer);
        configureRegistries(topicsRegistry, issuersRegistry, issuer);
        String authority = node.view(factory, ContractCalls.implementationAuthority())
                .get(0)
                .getValue()
                .toString();
        addresses = new Addresses(factory, authority, onboarder, issuer, topicsRegistry, issuersRegistry);
        LOG.infof("platform contracts on chain %d: %s", chainId, addresses);
        return addresses;
    }

    private String deployFactory(long chainId) {
        String implementation = deployed(
                chainId,
                "identity-implementation",
                ContractCalls.deployment(
                        ContractArtifact.IDENTITY, new Address(keys.operatorAddress()), new Bool(true)));
        String authority = deployed(
                chainId,
                "implementation-authority",
                ContractCalls.deployment(ContractArtifact.IMPLEMENTATION_AUTHORITY, new Address(implementation)));
        return deployed(
                chainId, "id-factory", ContractCalls.deployment(ContractArtifact.ID_FACTORY, new Address(authority)));
    }

    /** The recorded address of {@code name} if its code is on the chain, else a fresh deployment. */
    private String deployed(long chainId, String name, String creationCode) {
        Optional<ContractDeployment> recorded =
                QuarkusTransaction.requiringNew().call(() -> deployments.find(chainId, name));
        if (recorded.isPresent() && node.hasCode(recorded.get().address)) {
            return recorded.get().address;
        }
        ChainTransaction tx = receipts.await(sender.send("deploy:" + name, null, creationCode, id -> {}));
        requireConfirmed(tx, name);
        QuarkusTransaction.requiringNew().run(() -> {
            deployments.deleteById(new ContractDeployment.Key(chainId, name));
            ContractDeployment deployment = new ContractDeployment();
            deployment.key = new ContractDeployment.Key(chainId, name);
            deployment.address = tx.contractAddress;
            deployment.txHash = tx.txHash;
            deployments.persist(deployment);
            audit.contractDeployed(chainId, name, tx.contractAddress, tx.txHash);
        });
        LOG.infof("deployed %s at %s", name, tx.contractAddress);
        return tx.contractAddress;
    }

    /**
     * Makes {@code onboarder} the owner of {@code factory}: the operator hands over a factory it owns; a factory
     * owned by anyone else must have been handed over already.
     */
    private void handFactoryTo(String factory, String onboarder) {
        String onboarderFactory =
                node.view(onboarder, ContractCalls.factory()).get(0).getValue().toString();
        if (!onboarderFactory.equalsIgnoreCase(factory)) {
            throw new IllegalStateException("the IdentityOnboarder at " + onboarder + " serves the IdFactory at "
                    + onboarderFactory + ", not " + factory);
        }
        String owner = owner(factory);
        if (owner.equalsIgnoreCase(onboarder)) {
            return;
        }
        if (!owner.equalsIgnoreCase(keys.operatorAddress())) {
            throw new IllegalStateException("the IdFactory at " + factory + " is owned by " + owner
                    + ": its owner must transferOwnership to the IdentityOnboarder at " + onboarder);
        }
        transact("factory:hand-to-onboarder", factory, ContractCalls.transferOwnership(onboarder));
    }

    private void configureIssuer(String issuer) {
        byte[] signerKey = ClaimSigning.keyOf(keys.issuerSignerAddress());
        if (!isTrue(issuer, ContractCalls.keyHasPurpose(signerKey, ContractCalls.CLAIM))) {
            transact("issuer:add-claim-key", issuer, ContractCalls.addKey(signerKey, ContractCalls.CLAIM));
        }
    }

    private void configureRegistries(String topicsRegistry, String issuersRegistry, String issuer) {
        for (String registry : List.of(topicsRegistry, issuersRegistry)) {
            if (ZERO.equals(owner(registry))) {
                transact("registry:init", registry, ContractCalls.init());
            }
        }
        @SuppressWarnings("unchecked")
        List<Type<?>> registered = (List<Type<?>>)
                node.view(topicsRegistry, ContractCalls.getClaimTopics()).get(0).getValue();
        List<BigInteger> known =
                registered.stream().map(t -> (BigInteger) t.getValue()).toList();
        for (BigInteger topic : config.claimTopics()) {
            if (!known.contains(topic)) {
                transact("registry:add-claim-topic", topicsRegistry, ContractCalls.addClaimTopic(topic));
            }
        }
        // Trusted for every topic it signs, KYB included; the platform's ClaimTopicsRegistry requires only the KYC
        // topics (a registry requires all its topics of every investor: a token for businesses lists the KYB one).
        List<BigInteger> issued = subjectClaims.issuedTopics();
        boolean trustedForAll =
                issued.stream().allMatch(topic -> isTrue(issuersRegistry, ContractCalls.hasClaimTopic(issuer, topic)));
        if (trustedForAll) {
            return;
        }
        if (isTrue(issuersRegistry, ContractCalls.isTrustedIssuer(issuer))) {
            transact(
                    "registry:update-issuer-topics",
                    issuersRegistry,
                    ContractCalls.updateIssuerClaimTopics(issuer, issued));
        } else {
            transact("registry:add-trusted-issuer", issuersRegistry, ContractCalls.addTrustedIssuer(issuer, issued));
        }
    }

    private void transact(String purpose, String to, String data) {
        requireConfirmed(receipts.await(sender.send(purpose, to, data, id -> {})), purpose);
    }

    private String owner(String contract) {
        return node.view(contract, ContractCalls.owner()).get(0).getValue().toString();
    }

    private boolean isTrue(String contract, org.web3j.abi.datatypes.Function view) {
        return (Boolean) node.view(contract, view).get(0).getValue();
    }

    private static void requireConfirmed(ChainTransaction tx, String what) {
        if (tx.status != ChainTransaction.Status.CONFIRMED) {
            throw new IllegalStateException(what + " reverted: " + tx.revertReason);
        }
    }
}
