package dev.attest.e2e.bench;

import dev.attest.evm.EvmNodes;
import dev.attest.identity.client.ClaimSigning;
import dev.attest.identity.client.ContractArtifact;
import dev.attest.identity.client.ContractCalls;
import dev.attest.identity.client.ContractCalls.SignedClaim;
import dev.attest.identity.service.Derivations;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Bool;
import org.web3j.crypto.Bip32ECKeyPair;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.MnemonicUtils;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.BatchRequest;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthGetTransactionReceipt;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.utils.Numeric;

/**
 * What the chain alone allows: the platform's onboarding transaction for each of {@code users} users (the
 * identity, its KYC claim and its keys, through an IdentityOnboarder, exactly as identity-service encodes it), sent
 * straight to the node by one sender with pipelined nonces, a gas limit estimated once, and receipts collected in
 * batches, with no service in between. The platform's onboarding rate is printed as a share of this rate.
 *
 * <p>It deploys its own set of contracts from its own accounts (the local chain's deterministic accounts 7 and
 * 8, which nothing else uses), so it never competes with identity-service's operator nonce.
 */
final class ChainBaseline {
    /** The local chain's deterministic accounts (ganache's and the local anvil's mnemonic: public test keys). */
    private static final String MNEMONIC =
            "myth like bonus scare over problem client lizard pioneer submit female collect";

    private static final int OPERATOR_ACCOUNT = 8;
    private static final int SIGNER_ACCOUNT = 7;
    private static final BigInteger KYC = BigInteger.ONE;
    private static final Duration PATIENCE = Duration.ofMinutes(5);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** What one baseline run measured. */
    record Result(int users, int onboarded, Duration span, long blocks) {
        double perSecond() {
            return onboarded / Math.max(1e-9, span.toNanos() / 1e9);
        }
    }

    private final Web3j node;
    private final Credentials operator = account(OPERATOR_ACCOUNT);
    private final Credentials signer = account(SIGNER_ACCOUNT);
    private long chainId;
    private BigInteger gasPrice;
    private long nonce;

    ChainBaseline(String rpcUrl) {
        this.node = EvmNodes.connect(rpcUrl);
    }

    Result run(int users) throws InterruptedException {
        try {
            chainId = node.ethChainId().send().getChainId().longValueExact();
            gasPrice = node.ethGasPrice().send().getGasPrice();
            nonce = node.ethGetTransactionCount(operator.getAddress(), DefaultBlockParameterName.PENDING)
                    .send()
                    .getTransactionCount()
                    .longValueExact();
            Contracts contracts = deploy();
            String run = UUID.randomUUID().toString();
            List<String> calls = new ArrayList<>();
            for (int i = 0; i < users; i++) {
                calls.add(onboarding(contracts, run, i));
            }
            BigInteger gasLimit = estimate(contracts.onboarder(), calls.get(0))
                    .multiply(BigInteger.valueOf(125))
                    .divide(BigInteger.valueOf(100));
            long start = System.nanoTime();
            List<String> hashes = new ArrayList<>();
            for (String call : calls) {
                hashes.add(send(contracts.onboarder(), call, gasLimit));
            }
            List<TransactionReceipt> receipts = awaitReceipts(hashes);
            Duration span = Duration.ofNanos(System.nanoTime() - start);
            Set<BigInteger> blocks = new HashSet<>();
            receipts.forEach(r -> blocks.add(r.getBlockNumber()));
            int onboarded = (int)
                    receipts.stream().filter(TransactionReceipt::isStatusOK).count();
            return new Result(users, onboarded, span, blocks.size());
        } catch (IOException e) {
            throw new UncheckedIOException("the EVM node did not answer", e);
        } finally {
            node.shutdown();
        }
    }

    /** The contracts identity-service bootstraps, minus the registries (no onboarding call touches them). */
    private record Contracts(String factory, String authority, String onboarder, String issuer) {}

    private Contracts deploy() throws IOException, InterruptedException {
        String implementation = deployed(ContractCalls.deployment(
                ContractArtifact.IDENTITY, new Address(operator.getAddress()), new Bool(true)));
        String authority = deployed(
                ContractCalls.deployment(ContractArtifact.IMPLEMENTATION_AUTHORITY, new Address(implementation)));
        String factory = deployed(ContractCalls.deployment(ContractArtifact.ID_FACTORY, new Address(authority)));
        String issuer =
                deployed(ContractCalls.deployment(ContractArtifact.CLAIM_ISSUER, new Address(operator.getAddress())));
        String onboarder = deployed(ContractCalls.deployment(
                ContractArtifact.IDENTITY_ONBOARDER, new Address(factory), new Address(operator.getAddress())));
        mined(factory, ContractCalls.transferOwnership(onboarder));
        mined(issuer, ContractCalls.addKey(ClaimSigning.keyOf(signer.getAddress()), ContractCalls.CLAIM));
        return new Contracts(factory, authority, onboarder, issuer);
    }

    private String onboarding(Contracts contracts, String run, int user) {
        String org = "bench-" + run;
        String userId = "user-" + user;
        String caseId = "case-" + user;
        // A fresh wallet address: the factory links each wallet to one identity only, whatever the run.
        String wallet = Numeric.toHexStringWithPrefixZeroPadded(new BigInteger(160, RANDOM), 40);
        String salt = Derivations.identitySalt(org, userId);
        String identity = ContractCalls.identityAddress(contracts.factory(), contracts.authority(), salt);
        byte[] data = Derivations.claimData(org, caseId, "basic");
        byte[] signature = ClaimSigning.sign(identity, KYC, data, signer.getEcKeyPair());
        return ContractCalls.onboard(
                wallet,
                salt,
                identity,
                List.of(new SignedClaim(
                        KYC, contracts.issuer(), signature, data, "https://app.attest.dev/kyc-cases/" + caseId)));
    }

    private String deployed(String creationCode) throws IOException, InterruptedException {
        String hash = send(null, creationCode, estimate(null, creationCode).multiply(BigInteger.TWO));
        return awaitReceipts(List.of(hash)).get(0).getContractAddress();
    }

    private void mined(String to, String data) throws IOException, InterruptedException {
        TransactionReceipt receipt = awaitReceipts(
                        List.of(send(to, data, estimate(to, data).multiply(BigInteger.TWO))))
                .get(0);
        if (!receipt.isStatusOK()) {
            throw new IllegalStateException("baseline setup reverted: " + to);
        }
    }

    private BigInteger estimate(String to, String data) throws IOException {
        var answer = node.ethEstimateGas(new Transaction(operator.getAddress(), null, null, null, to, null, data))
                .send();
        if (answer.hasError()) {
            throw new IllegalStateException(
                    "estimate failed: " + answer.getError().getMessage());
        }
        return answer.getAmountUsed();
    }

    private String send(String to, String data, BigInteger gasLimit) throws IOException {
        BigInteger n = BigInteger.valueOf(nonce++);
        RawTransaction raw = to == null
                ? RawTransaction.createContractTransaction(n, gasPrice, gasLimit, BigInteger.ZERO, data)
                : RawTransaction.createTransaction(n, gasPrice, gasLimit, to, data);
        String signed = Numeric.toHexString(TransactionEncoder.signMessage(raw, chainId, operator));
        var answer = node.ethSendRawTransaction(signed).send();
        if (answer.hasError()) {
            throw new IllegalStateException(
                    "the node refused a transaction: " + answer.getError().getMessage());
        }
        return answer.getTransactionHash();
    }

    /** The receipts of {@code hashes}, in order, asked for in batches until every one is mined. */
    private List<TransactionReceipt> awaitReceipts(List<String> hashes) throws IOException, InterruptedException {
        TransactionReceipt[] found = new TransactionReceipt[hashes.size()];
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        int missing = hashes.size();
        while (missing > 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(missing + " baseline transactions not mined in " + PATIENCE);
            }
            BatchRequest batch = node.newBatch();
            List<Integer> asked = new ArrayList<>();
            for (int i = 0; i < found.length && asked.size() < 500; i++) {
                if (found[i] == null) {
                    batch.add(node.ethGetTransactionReceipt(hashes.get(i)));
                    asked.add(i);
                }
            }
            List<? extends Response<?>> answers = batch.send().getResponses();
            for (int k = 0; k < answers.size(); k++) {
                var receipt = ((EthGetTransactionReceipt) answers.get(k)).getTransactionReceipt();
                if (receipt.isPresent()) {
                    found[asked.get(k)] = receipt.get();
                    missing--;
                }
            }
            if (missing > 0) {
                Thread.sleep(20); // a node's block time, not a test's wait: the baseline polls as the platform does
            }
        }
        return List.of(found);
    }

    /** Account {@code index} of the local chain's mnemonic, on the standard Ethereum path m/44'/60'/0'/0/index. */
    private static Credentials account(int index) {
        Bip32ECKeyPair master = Bip32ECKeyPair.generateKeyPair(MnemonicUtils.generateSeed(MNEMONIC, null));
        int hardened = Bip32ECKeyPair.HARDENED_BIT;
        return Credentials.create(
                Bip32ECKeyPair.deriveKeyPair(master, new int[] {44 | hardened, 60 | hardened, hardened, 0, index}));
    }
}
