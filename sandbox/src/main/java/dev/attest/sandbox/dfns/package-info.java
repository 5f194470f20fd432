/**
 * The Dfns stand-in: the subset of the Dfns API that Attest uses, on Dfns's paths and JSON shapes, served
 * under {@code /dfns} of the main port, and at the root of the Dfns port ({@code dev.attest.sandbox.ProviderOrigins}:
 * {@code http://127.0.0.1:8091} is the API base URL in the local stack, as an SDK needs it).
 *
 * <h2>API (Dfns wire protocol; see ../shared/design/provider-apis.md §2)</h2>
 *
 * <ul>
 *   <li>{@code POST /dfns/auth/action/init}, {@code POST /dfns/auth/action}: User Action Signing. The
 *       challenge is bound to the method, path and exact body; the credential's signature over clientData
 *       is verified (Ed25519, ECDSA P-256 DER, RSA PKCS#1 v1.5, SHA-256); the action token is single use.
 *       The signed path may include the {@code /dfns} mount or not (the Dfns SDK signs it without).
 *   <li>{@code POST /dfns/wallets} (externalId: same body 200 with the same wallet, other body 409),
 *       {@code GET /dfns/wallets?limit&paginationToken}, {@code GET /dfns/wallets/{id}}. Wallets hold real
 *       secp256k1 keys; new ones are funded from the configured faucet, whose nonces are counted in process so
 *       that wallets created at once are funded at once ({@code EvmChain}).
 *   <li>{@code GET /dfns/wallets/{id}/assets}: {@code {walletId, network, assets: [{kind: Native|Erc20,
 *       contract?, symbol, decimals, verified, balance}]}}, balances (integer strings, smallest unit) read
 *       from the node at the latest block: the native asset, and the ERC-20 tokens the wallet received (their
 *       {@code Transfer} events) and still holds. No quotes, no {@code netWorth}.
 *   <li>{@code POST /dfns/wallets/{id}/transfers} (Native, Erc20; externalId idempotency; 202 when a policy
 *       holds it), {@code GET .../transfers}, {@code GET .../transfers/{id}}. Transfers are signed and
 *       broadcast to {@code sandbox.dfns.evm-rpc-url}; Confirmed or Failed comes from the mined receipt.
 *   <li>{@code POST /dfns/wallets/{id}/signatures} ({@code {kind: Hash, hash}}, {@code {kind: Message, message}}
 *       signed as EIP-191 {@code personal_sign}, {@code {kind: Eip712, types, domain, message}}; externalId
 *       idempotency), {@code GET .../signatures}, {@code GET .../signatures/{id}}: signed at once with the wallet's
 *       key, {@code status: Signed, signature: {r, s, recid, encoded}} with {@code encoded} r ‖ s ‖ (27 + recid)
 *       ({@code Signatures}).
 *   <li>{@code POST /dfns/webhooks}, {@code GET /dfns/webhooks}: deliveries signed with
 *       {@code X-DFNS-WEBHOOK-SIGNATURE: sha256=<hex HMAC-SHA256(secret, compact JSON body)>}, retried with
 *       a new event id when not answered 200.
 *   <li>Every call needs {@code Authorization: Bearer <service-account token>}; every non-GET call also
 *       {@code x-dfns-useraction}. Errors are {@code {"error":{"id","status","message","details"?}}}.
 * </ul>
 *
 * <h2>Scripting ({@code /dfns/_sandbox})</h2>
 *
 * <ul>
 *   <li>{@code POST /service-accounts {publicKey (PEM), orgId?, webhookUrl?}} → {@code {orgId, token,
 *       credentialId, webhook?:{id, secret}}}.
 *   <li>{@code POST /faults {kind, count?, status?, delayMs?, pathContains?}} with kind one of
 *       {@code server-error}, {@code timeout}, {@code policy-pending}, {@code rejection},
 *       {@code slow-confirmation}, {@code duplicate-webhooks}; {@code DELETE /faults} clears them.
 *   <li>{@code POST /wallets/{walletId}/transfers/{transferId}/approve} or {@code /reject}: the policy
 *       decision on a Pending transfer.
 * </ul>
 *
 * <h2>Configuration ({@code sandbox.dfns.*})</h2>
 *
 * {@code evm-rpc-url} (default {@code ${attest.evm.rpc-url}}, else anvil on 8545), {@code evm-networks},
 * {@code faucet-private-key} (the test mnemonic's public account 0 by default), {@code faucet-amount-wei},
 * {@code receipt-poll-interval}, {@code challenge-ttl}; a service account registered at start for the local
 * stack: {@code bootstrap.token}, {@code bootstrap.credential-id}, {@code bootstrap.public-key} (PEM or
 * file), {@code bootstrap.org-id}, {@code bootstrap.webhook-url}, {@code bootstrap.webhook-secret}.
 *
 * <p>State lives in memory: the stand-in holds nothing durable.
 */
package dev.attest.sandbox.dfns;
