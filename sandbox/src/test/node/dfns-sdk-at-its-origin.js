// The official Dfns SDK, unchanged, against the sandbox's Dfns port with the base URL alone (the SDK resolves
// its paths against the origin: new URL('/wallets', baseUrl)). Run by DfnsSdkAtItsOriginTest, which passes:
//   DFNS_API_URL (the Dfns port's origin, e.g. http://localhost:8091), DFNS_TOKEN, DFNS_CRED_ID,
//   DFNS_PRIVATE_KEY (PEM), DFNS_SIGNING_ALGORITHM ('' for Ed25519, 'SHA256' for ECDSA/RSA).
// Creates a wallet (a user action signed by the SDK), lists wallets and reads the new one, then has the wallet's key
// sign a hash and an EIP-191 message through the signature API (generateSignature, user actions signed by the SDK)
// and checks that both recover to the wallet's address (viem, from the repository's tools/node); prints one JSON line
// with what it saw; exits non-zero on any failure.
'use strict';
const crypto = require('node:crypto');
const path = require('node:path');
const { DfnsApiClient } = require('@dfns/sdk');
const { AsymmetricKeySigner } = require('@dfns/sdk-keysigner');

const env = (name) => {
  const value = process.env[name];
  if (value === undefined) throw new Error(`${name} is not set`);
  return value;
};

async function main() {
  const dfns = new DfnsApiClient({
    baseUrl: env('DFNS_API_URL'),
    authToken: env('DFNS_TOKEN'),
    signer: new AsymmetricKeySigner({
      credId: env('DFNS_CRED_ID'),
      privateKey: env('DFNS_PRIVATE_KEY'),
      algorithm: env('DFNS_SIGNING_ALGORITHM') || undefined,
    }),
  });

  const wallet = await dfns.wallets.createWallet({
    body: { network: 'Ethereum', name: 'sdk-at-its-origin', externalId: crypto.randomUUID() },
  });
  const listed = await dfns.wallets.listWallets({ query: { limit: '100' } });
  const read = await dfns.wallets.getWallet({ walletId: wallet.id });

  const viem = require(path.resolve(__dirname, '../../../../tools/node/node_modules/viem'));
  const signed = async (body) => {
    const res = await dfns.wallets.generateSignature({ walletId: wallet.id, body });
    if (res.status !== 'Signed' || !res.signature) throw new Error(`not signed: ${JSON.stringify(res)}`);
    const { r, s, recid, encoded } = res.signature;
    if (encoded !== viem.concat([r, s, viem.toHex(27 + recid)])) throw new Error(`encoded is not r, s, v: ${encoded}`);
    return encoded;
  };
  const hash = viem.keccak256(viem.toHex('attest'));
  const message = viem.toHex('I love Dfns');
  const hashSigner = await viem.recoverAddress({ hash, signature: await signed({ kind: 'Hash', hash }) });
  const messageSigner = await viem.recoverMessageAddress({
    message: { raw: message },
    signature: await signed({ kind: 'Message', message }),
  });
  for (const signer of [hashSigner, messageSigner]) {
    if (signer.toLowerCase() !== wallet.address.toLowerCase()) {
      throw new Error(`a signature recovers to ${signer}, not to the wallet's ${wallet.address}`);
    }
  }
  const signatures = await dfns.wallets.listSignatures({ walletId: wallet.id });
  console.log(
    JSON.stringify({
      walletId: wallet.id,
      address: wallet.address,
      network: wallet.network,
      listedIds: listed.items.map((item) => item.id),
      readId: read.id,
      signaturesRecoverToTheWallet: true,
      signatureIds: signatures.items.map((item) => item.id),
    }),
  );
}

main().catch((error) => {
  console.error(error && error.stack ? error.stack : error);
  process.exit(1);
});
