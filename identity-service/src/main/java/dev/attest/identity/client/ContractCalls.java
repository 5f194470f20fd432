package dev.attest.identity.client;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.web3j.abi.EventEncoder;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Bool;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.DynamicBytes;
import org.web3j.abi.datatypes.DynamicStruct;
import org.web3j.abi.datatypes.Event;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.crypto.Hash;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.utils.Numeric;

/**
 * The calls identity-service makes on OnchainID (Identity, ClaimIssuer, IdFactory) and the T-REX registries,
 * written from their published ABIs. Each returns ABI-encoded call data (0x-hex), or for views a
 * {@link Function} that also names its return types.
 */
public final class ContractCalls {
    /** ERC-734 key purposes. */
    public static final BigInteger MANAGEMENT = BigInteger.ONE;

    public static final BigInteger CLAIM = BigInteger.valueOf(3);
    /** ERC-734 key type ECDSA. */
    public static final BigInteger ECDSA = BigInteger.ONE;
    /** Claim scheme ECDSA (convention; the contracts do not check it). */
    public static final BigInteger SCHEME_ECDSA = BigInteger.ONE;

    private ContractCalls() {}

    /** Creation code of {@code artifact} followed by its ABI-encoded constructor arguments. */
    public static String deployment(ContractArtifact artifact, Type<?>... constructorArguments) {
        return artifact.bytecode() + FunctionEncoder.encodeConstructor(List.of(constructorArguments));
    }

    /**
     * {@code IdentityOnboarder.onboard}: deploys {@code wallet}'s identity at {@code expectedIdentity}, adds
     * {@code claims} and hands the identity over, in one transaction.
     */
    public static String onboard(String wallet, String salt, String expectedIdentity, List<SignedClaim> claims) {
        return encode(
                "onboard",
                new Address(wallet),
                new Utf8String(salt),
                new Address(expectedIdentity),
                new DynamicArray<>(
                        ClaimTuple.class,
                        claims.stream().map(SignedClaim::tuple).toList()));
    }

    /** A claim signed by the platform's claim signer, as {@code onboard} adds it. */
    public record SignedClaim(BigInteger topic, String issuer, byte[] signature, byte[] data, String uri) {
        ClaimTuple tuple() {
            return new ClaimTuple(
                    new Uint256(topic),
                    new Address(issuer),
                    new DynamicBytes(signature),
                    new DynamicBytes(data),
                    new Utf8String(uri));
        }
    }

    /**
     * {@code IdentityOnboarder.Claim}: {@code (uint256 topic, address issuer, bytes signature, bytes data, string
     * uri)}. A class of its own, since web3j reads a struct's ABI type from its constructor (also for an empty
     * array).
     */
    public static final class ClaimTuple extends DynamicStruct {
        public ClaimTuple(Uint256 topic, Address issuer, DynamicBytes signature, DynamicBytes data, Utf8String uri) {
            super(topic, issuer, signature, data, uri);
        }
    }

    public static String transferOwnership(String newOwner) {
        return encode("transferOwnership", new Address(newOwner));
    }

    public static Function implementationAuthority() {
        return view("implementationAuthority", List.of(), new TypeReference<Address>() {});
    }

    public static Function factory() {
        return view("factory", List.of(), new TypeReference<Address>() {});
    }

    /**
     * The address the IdFactory at {@code factory} deploys {@code salt}'s identity to: CREATE2 of the
     * IdentityProxy's creation code with {@code (implementationAuthority, factory)} as constructor arguments,
     * salted with {@code keccak256("OID" + salt)}, as {@code IdFactory.createIdentityWithManagementKeys} does.
     */
    public static String identityAddress(String factory, String implementationAuthority, String salt) {
        byte[] initCode = Numeric.hexStringToByteArray(deployment(
                ContractArtifact.IDENTITY_PROXY, new Address(implementationAuthority), new Address(factory)));
        byte[] create2 = ByteBuffer.allocate(1 + 20 + 32 + 32)
                .put((byte) 0xff)
                .put(Numeric.hexStringToByteArray(factory))
                .put(Hash.sha3(("OID" + salt).getBytes(StandardCharsets.UTF_8)))
                .put(Hash.sha3(initCode))
                .array();
        byte[] hash = Hash.sha3(create2);
        return Numeric.toHexString(Arrays.copyOfRange(hash, 12, 32));
    }

    public static String addKey(byte[] key, BigInteger purpose) {
        return encode("addKey", new Bytes32(key), new Uint256(purpose), new Uint256(ECDSA));
    }

    public static String addClaim(BigInteger topic, String issuer, byte[] signature, byte[] data, String uri) {
        return encode(
                "addClaim",
                new Uint256(topic),
                new Uint256(SCHEME_ECDSA),
                new Address(issuer),
                new DynamicBytes(signature),
                new DynamicBytes(data),
                new Utf8String(uri));
    }

    public static String revokeClaimBySignature(byte[] signature) {
        return encode("revokeClaimBySignature", new DynamicBytes(signature));
    }

    /** T-REX registries are upgradeable implementations: {@code init()} makes the caller their owner. */
    public static String init() {
        return encode("init");
    }

    public static String addClaimTopic(BigInteger topic) {
        return encode("addClaimTopic", new Uint256(topic));
    }

    public static String addTrustedIssuer(String issuer, List<BigInteger> topics) {
        return encode(
                "addTrustedIssuer",
                new Address(issuer),
                new DynamicArray<>(
                        Uint256.class, topics.stream().map(Uint256::new).toList()));
    }

    public static String updateIssuerClaimTopics(String issuer, List<BigInteger> topics) {
        return encode(
                "updateIssuerClaimTopics",
                new Address(issuer),
                new DynamicArray<>(
                        Uint256.class, topics.stream().map(Uint256::new).toList()));
    }

    public static Function isTrustedIssuer(String issuer) {
        return view("isTrustedIssuer", List.of(new Address(issuer)), new TypeReference<Bool>() {});
    }

    public static Function getIdentity(String wallet) {
        return view("getIdentity", List.of(new Address(wallet)), new TypeReference<Address>() {});
    }

    public static Function owner() {
        return view("owner", List.of(), new TypeReference<Address>() {});
    }

    public static Function keyHasPurpose(byte[] key, BigInteger purpose) {
        return view("keyHasPurpose", List.of(new Bytes32(key), new Uint256(purpose)), new TypeReference<Bool>() {});
    }

    /** {@code getClaim(claimId) → (topic, scheme, issuer, signature, data, uri)}. */
    public static Function getClaim(byte[] claimId) {
        return new Function(
                "getClaim",
                List.of(new Bytes32(claimId)),
                List.of(
                        new TypeReference<Uint256>() {},
                        new TypeReference<Uint256>() {},
                        new TypeReference<Address>() {},
                        new TypeReference<DynamicBytes>() {},
                        new TypeReference<DynamicBytes>() {},
                        new TypeReference<Utf8String>() {}));
    }

    public static Function isClaimValid(String identity, BigInteger topic, byte[] signature, byte[] data) {
        return view(
                "isClaimValid",
                List.of(new Address(identity), new Uint256(topic), new DynamicBytes(signature), new DynamicBytes(data)),
                new TypeReference<Bool>() {});
    }

    public static Function getClaimTopics() {
        return view("getClaimTopics", List.of(), new TypeReference<DynamicArray<Uint256>>() {});
    }

    public static Function hasClaimTopic(String issuer, BigInteger topic) {
        return view("hasClaimTopic", List.of(new Address(issuer), new Uint256(topic)), new TypeReference<Bool>() {});
    }

    private static final String ONBOARDED = EventEncoder.encode(
            new Event("Onboarded", List.of(new TypeReference<Address>(true) {}, new TypeReference<Address>(true) {})));

    /** The identity the IdentityOnboarder at {@code onboarder} created, from a receipt's logs. */
    public static Optional<String> onboardedIdentity(List<Log> logs, String onboarder) {
        return logs.stream()
                .filter(log -> log.getAddress().equalsIgnoreCase(onboarder))
                .filter(log -> log.getTopics().size() == 3
                        && ONBOARDED.equals(log.getTopics().get(0)))
                .map(log -> new Address(Numeric.toBigInt(log.getTopics().get(2))).toString())
                .findFirst();
    }

    private static String encode(String name, Type<?>... arguments) {
        return FunctionEncoder.encode(new Function(name, List.of(arguments), List.of()));
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Function view(String name, List<? extends Type> arguments, TypeReference<?> returns) {
        return new Function(name, (List) arguments, List.of(returns));
    }
}
