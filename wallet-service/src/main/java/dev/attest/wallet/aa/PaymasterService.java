package dev.attest.wallet.aa;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.attest.wallet.Wallet;
import dev.attest.wallet.repository.WalletRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigInteger;
import java.util.Locale;
import java.util.Optional;
import org.web3j.utils.Numeric;

/**
 * The platform's paymaster as an ERC-7677 paymaster web service, for a project's own applications that build their
 * users' UserOperations themselves: {@code pm_getPaymasterStubData} and {@code pm_getPaymasterData} with the same
 * policy, bounds and budget as the platform's sponsored transfers. The sender must be the smart account of one of
 * the project's users, and the call one the policy sponsors. An approval reserves the operation's most; the
 * operation's receipt settles it ({@link SponsorshipTracking}).
 */
@ApplicationScoped
public class PaymasterService {
    /** A request that is not what ERC-7677 specifies (JSON-RPC's "invalid params"). */
    public static final int INVALID_PARAMS = -32602;

    public static final int METHOD_NOT_FOUND = -32601;
    /** The policy refuses (the code is in the error's data). */
    public static final int REFUSED = -32000;

    private final AaConfig config;
    private final AccountContracts contracts;
    private final SponsorshipAdmission admission;
    private final PlatformPaymaster platform;
    private final WalletRepository wallets;
    private final ObjectMapper json;

    PaymasterService(
            AaConfig config,
            AccountContracts contracts,
            SponsorshipAdmission admission,
            PlatformPaymaster platform,
            WalletRepository wallets,
            ObjectMapper json) {
        this.config = config;
        this.contracts = contracts;
        this.admission = admission;
        this.platform = platform;
        this.wallets = wallets;
        this.json = json;
    }

    /** A JSON-RPC error to answer. */
    public static final class RpcFailure extends RuntimeException {
        public final int code;
        public final String slug;

        RpcFailure(int code, String slug, String message) {
            super(message);
            this.code = code;
            this.slug = slug;
        }
    }

    /** The result of {@code method} with {@code params} for the project, or {@link RpcFailure}. */
    public JsonNode call(String orgId, String projectId, String method, JsonNode params) {
        boolean stub = "pm_getPaymasterStubData".equals(method);
        if (!stub && !"pm_getPaymasterData".equals(method)) {
            throw new RpcFailure(METHOD_NOT_FOUND, "method-not-found", "Method not found: " + method);
        }
        Request request = parse(params);
        Wallet wallet = QuarkusTransaction.requiringNew()
                .call(() -> wallets.find(
                                "orgId = ?1 and projectId = ?2 and lower(smartAccountAddress) = ?3",
                                orgId,
                                projectId,
                                request.op().sender.toLowerCase(Locale.ROOT))
                        .firstResultOptional())
                .orElseThrow(() -> new RpcFailure(
                        INVALID_PARAMS,
                        "unknown-sender",
                        "The sender is not the smart account of a user of this project."));
        AccountCalls.Movement movement = movement(request.op());
        SponsorshipPolicy policy = QuarkusTransaction.requiringNew().call(() -> {
            SponsorshipPolicy found = admission.policyOf(orgId, projectId);
            admission.refusal(found, wallet.userId).ifPresent(refused -> {
                throw refused;
            });
            admission.checkTransfer(found, movement.contract(), movement.to());
            return found;
        });
        if (!SponsorshipAdmission.isPlatform(policy)) {
            throw new RpcFailure(
                    REFUSED, "sponsorship-not-enabled", "This project sponsors through an external paymaster.");
        }
        return stub ? stubData(request.op()) : data(policy, wallet, request.op());
    }

    private JsonNode stubData(UserOperation op) {
        Paymaster.Fields fields = platform.stubData(op, contracts.chainId());
        ObjectNode result = fields(fields);
        // The VerifyingPaymaster's validation (one ecrecover) and no postOp: fixed, so that callers may skip
        // estimating.
        result.put("paymasterVerificationGasLimit", Numeric.toHexStringWithPrefix(BigInteger.valueOf(100_000)));
        result.put("paymasterPostOpGasLimit", "0x0");
        result.put("isFinal", false);
        return result;
    }

    private JsonNode data(SponsorshipPolicy policy, Wallet wallet, UserOperation op) {
        String outOfBounds = OperationLimits.refusal(op);
        if (outOfBounds != null) {
            throw new RpcFailure(INVALID_PARAMS, "operation-out-of-bounds", "Refused: " + outOfBounds);
        }
        Paymaster.Fields approval = platform.data(op, contracts.chainId());
        approval.applyTo(op);
        String userOpHash = Numeric.toHexString(contracts.userOpHash(op));
        QuarkusTransaction.requiringNew()
                .run(() -> admission.reserve(
                        policy, wallet.userId, op, userOpHash, approval, PlatformPaymaster.KIND, Optional.empty()));
        return fields(approval);
    }

    private record Request(UserOperation op) {}

    private Request parse(JsonNode params) {
        if (params == null || !params.isArray() || params.size() < 3) {
            throw new RpcFailure(
                    INVALID_PARAMS, "invalid-params", "params must be [userOp, entryPoint, chainId, context?]");
        }
        if (!params.get(1).asText().equalsIgnoreCase(config.entryPoint().orElseThrow())) {
            throw new RpcFailure(INVALID_PARAMS, "unsupported-entry-point", "Only the EntryPoint v0.7 is supported.");
        }
        String chain = params.get(2).asText();
        if (!chain.matches("0x[0-9a-fA-F]{1,16}") || Numeric.toBigInt(chain).longValue() != contracts.chainId()) {
            throw new RpcFailure(INVALID_PARAMS, "unsupported-chain", "chainId is not this paymaster's chain.");
        }
        try {
            return new Request(UserOperation.fromRpc(params.get(0)));
        } catch (IllegalArgumentException e) {
            throw new RpcFailure(INVALID_PARAMS, "invalid-user-operation", "userOp: " + e.getMessage());
        }
    }

    private static AccountCalls.Movement movement(UserOperation op) {
        try {
            return AccountCalls.movementOf(op.callData);
        } catch (IllegalArgumentException e) {
            throw new RpcFailure(INVALID_PARAMS, "call-not-sponsored", e.getMessage());
        }
    }

    private ObjectNode fields(Paymaster.Fields fields) {
        ObjectNode result = json.createObjectNode();
        result.put("paymaster", fields.paymaster());
        result.put("paymasterData", Numeric.toHexString(fields.paymasterData()));
        return result;
    }
}
