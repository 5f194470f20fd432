package dev.attest.wallet.support;

import static dev.attest.testing.Waits.waitFor;
import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.attest.evm.EvmNodes;
import dev.attest.testing.AnvilResource;
import dev.attest.testing.BundlerResource;
import io.restassured.response.ValidatableResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.UUID;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.tx.RawTransactionManager;
import org.web3j.tx.Transfer;
import org.web3j.tx.response.PollingTransactionReceiptProcessor;
import org.web3j.utils.Convert;

/**
 * Gas sponsorship's tests' world: an organization with Dfns settings and a project, a user of that project whose
 * KYC is verified and whose identity holds the claim, with a provisioned wallet and its smart account; the chain as
 * the tests read it (balances, the paymaster's deposit) and fund it.
 */
public final class SponsoredUsers implements AutoCloseable {
    /** The test mnemonic's account 6: funds smart accounts with the value they send (no service uses it). */
    private static final String FUNDER_KEY = "0xe485d098507f54e7733a205420dfddbe58db035fa577fc294ebd14db90767a52";

    private static final ObjectMapper JSON = new ObjectMapper();

    public final DfnsAccount org;
    public final String projectId;
    public final Web3j node;

    private SponsoredUsers(DfnsAccount org, String projectId) {
        this.org = org;
        this.projectId = projectId;
        this.node = EvmNodes.connect(AnvilResource.rpcUrl());
    }

    /** A new organization with Dfns settings and one project the wallet-service knows (its tenant replica). */
    public static SponsoredUsers newOrganization() {
        DfnsAccount org = DfnsAccount.register("EC").configure();
        String project = "project-" + UUID.randomUUID();
        try (TenantEvents tenants = new TenantEvents()) {
            tenants.projectCreated(org.orgId, project, "ethereum");
        }
        SponsoredUsers world = new SponsoredUsers(org, project);
        waitFor("the project in the tenant replica")
                .untilAsserted(() -> world.policy().statusCode(200));
        return world;
    }

    /** A user of the project, verified, with the claim, and their wallet's smart account known: /wallets/me. */
    public JsonNode verifiedUser(String userId) {
        try (KycEvents kyc = new KycEvents();
                ClaimEvents claims = new ClaimEvents()) {
            kyc.statusChangedInProject(org.orgId, userId, "case-" + userId, "verified", projectId);
            claims.issued(org.orgId, userId, 7);
        }
        return waitFor("the wallet, its smart account, the KYC and the claim")
                .until(
                        () -> me(userId),
                        me -> me.path("smart_account").hasNonNull("address")
                                && !List.of("kyc-not-verified", "claim-not-valid")
                                        .contains(me.path("sponsorship")
                                                .path("reason")
                                                .asText()));
    }

    /** A verified user of the project (see {@link #verifiedUser}) whose smart account holds {@code wei}. */
    public record FundedUser(String id, String walletId, String account) {}

    public FundedUser fundedUser(BigInteger wei) {
        String userId = "user-" + UUID.randomUUID();
        JsonNode me = verifiedUser(userId);
        FundedUser user = new FundedUser(
                userId,
                me.get("wallet_id").asText(),
                me.path("smart_account").get("address").asText());
        fund(user.account(), wei);
        return user;
    }

    public JsonNode me(String userId) {
        return read(given().auth()
                .oauth2(org.user(userId))
                .get("/wallets/me")
                .then()
                .statusCode(200));
    }

    /** Replaces the project's policy with {@code body} (JSON); answers the policy view. */
    public JsonNode setPolicy(String body) {
        return read(given().auth()
                .oauth2(org.admin())
                .contentType("application/json")
                .body(body)
                .put("/orgs/" + org.orgId + "/sponsorship/" + projectId)
                .then()
                .statusCode(200));
    }

    public ValidatableResponse policy() {
        return given().auth()
                .oauth2(org.admin())
                .get("/orgs/" + org.orgId + "/sponsorship/" + projectId)
                .then();
    }

    public ValidatableResponse transfer(String userId, String walletId, String key, String body) {
        return given().auth()
                .oauth2(org.user(userId))
                .header("Idempotency-Key", key)
                .contentType("application/json")
                .body(body)
                .post("/wallets/" + walletId + "/transfers")
                .then();
    }

    public JsonNode transferOf(String userId, String walletId, String transferId) {
        return read(given().auth()
                .oauth2(org.user(userId))
                .get("/wallets/" + walletId + "/transfers/" + transferId)
                .then()
                .statusCode(200));
    }

    public JsonNode transfers(String userId, String walletId) {
        return read(given().auth()
                .oauth2(org.user(userId))
                .get("/wallets/" + walletId + "/transfers")
                .then()
                .statusCode(200));
    }

    public static String nativeTransfer(String to, BigInteger wei) {
        return "{\"kind\":\"native\",\"to\":\"" + to + "\",\"amount\":\"" + wei + "\",\"sponsored\":true}";
    }

    public void fund(String address, BigInteger wei) {
        try {
            RawTransactionManager manager = new RawTransactionManager(
                    node,
                    Credentials.create(FUNDER_KEY),
                    node.ethChainId().send().getChainId().longValue(),
                    new PollingTransactionReceiptProcessor(node, 100, 600));
            new Transfer(node, manager)
                    .sendFunds(address, new BigDecimal(wei), Convert.Unit.WEI)
                    .send();
        } catch (Exception e) {
            throw new IllegalStateException("funding " + address, e);
        }
    }

    public BigInteger balance(String address) {
        try {
            return node.ethGetBalance(address, DefaultBlockParameterName.LATEST)
                    .send()
                    .getBalance();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The platform paymaster's deposit at the EntryPoint: what pays for what it sponsors. */
    @SuppressWarnings("rawtypes")
    public BigInteger deposit() {
        Function balanceOf = new Function(
                "balanceOf",
                List.of(new Address(BundlerResource.contracts().paymaster())),
                List.of(new TypeReference<Uint256>() {}));
        try {
            String answer = node.ethCall(
                            Transaction.createEthCallTransaction(
                                    null, BundlerResource.contracts().entryPoint(), FunctionEncoder.encode(balanceOf)),
                            DefaultBlockParameterName.LATEST)
                    .send()
                    .getValue();
            List<Type> decoded = FunctionReturnDecoder.decode(answer, balanceOf.getOutputParameters());
            return (BigInteger) decoded.get(0).getValue();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode read(ValidatableResponse response) {
        try {
            return JSON.readTree(response.extract().asString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        node.shutdown();
    }
}
