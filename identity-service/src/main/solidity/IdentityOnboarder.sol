// SPDX-License-Identifier: UNLICENSED
pragma solidity 0.8.17;

/// The two OnchainID 2.2.1 functions the onboarder calls, as published in its IIdFactory and IERC734/735.
interface IIdFactory {
    function createIdentityWithManagementKeys(address wallet, string calldata salt, bytes32[] calldata managementKeys)
        external
        returns (address);

    function transferOwnership(address newOwner) external;
}

interface IIdentity {
    function addKey(bytes32 key, uint256 purpose, uint256 keyType) external returns (bool);

    function removeKey(bytes32 key, uint256 purpose) external returns (bool);

    function addClaim(
        uint256 topic,
        uint256 scheme,
        address issuer,
        bytes calldata signature,
        bytes calldata data,
        string calldata uri
    ) external returns (bytes32);
}

/// Creates a verified user's OnchainID identity and hands it over in one transaction, instead of five.
///
/// The audited IdFactory is owned by this contract, and only the platform's operator may call it. In one
/// transaction, `onboard` has the factory deploy the identity with this contract as its only management key,
/// adds the issuer's claims (signed off chain by the platform's claim signer for the identity's predicted
/// address), makes the user's wallet a management key and the operator a CLAIM key, and removes its own
/// management key. Either all of it happens or none: when the transaction ends, the platform holds no
/// management key on the identity, exactly as after the five separate transactions.
contract IdentityOnboarder {
    uint256 private constant MANAGEMENT = 1;
    uint256 private constant CLAIM = 3;
    uint256 private constant ECDSA = 1;

    struct Claim {
        uint256 topic;
        address issuer;
        bytes signature;
        bytes data;
        string uri;
    }

    IIdFactory public immutable factory;
    address public immutable operator;

    event Onboarded(address indexed wallet, address indexed identity);

    constructor(IIdFactory factory_, address operator_) {
        require(address(factory_) != address(0) && operator_ != address(0), "zero address");
        factory = factory_;
        operator = operator_;
    }

    modifier onlyOperator() {
        require(msg.sender == operator, "only the operator");
        _;
    }

    /// Deploys `wallet`'s identity under `salt` at `expectedIdentity` (the address the claims were signed for),
    /// adds `claims`, and leaves the wallet in charge with the operator as a CLAIM key.
    function onboard(address wallet, string calldata salt, address expectedIdentity, Claim[] calldata claims)
        external
        onlyOperator
    {
        bytes32 self = keccak256(abi.encode(address(this)));
        bytes32[] memory managers = new bytes32[](1);
        managers[0] = self;
        address created = factory.createIdentityWithManagementKeys(wallet, salt, managers);
        require(created == expectedIdentity, "identity address mismatch");
        IIdentity identity = IIdentity(created);
        for (uint256 i = 0; i < claims.length; i++) {
            Claim calldata claim = claims[i];
            identity.addClaim(claim.topic, ECDSA, claim.issuer, claim.signature, claim.data, claim.uri);
        }
        identity.addKey(keccak256(abi.encode(wallet)), MANAGEMENT, ECDSA);
        identity.addKey(keccak256(abi.encode(operator)), CLAIM, ECDSA);
        identity.removeKey(self, MANAGEMENT);
        emit Onboarded(wallet, created);
    }

    /// Hands the factory to another owner (a later onboarder, or the operator itself).
    function transferFactoryOwnership(address newOwner) external onlyOperator {
        factory.transferOwnership(newOwner);
    }
}
