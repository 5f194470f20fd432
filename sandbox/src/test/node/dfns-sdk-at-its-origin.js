// The official Dfns SDK, unchanged, against the sandbox's Dfns port with the base URL alone (the SDK resolves
// its paths against the origin: new URL('/wallets', baseUrl)). Run by DfnsSdkAtItsOriginTest, which passes:
//   DFNS_API_URL (the Dfns port's origin, e.g. http://localhost:8091), DFNS_TOKEN, DFNS_CRED_ID,
//   DFNS_PRIVATE_KEY (PEM), DFNS_SIGNING_ALGORITHM ('' for Ed25519, 'SHA256' for ECDSA/RSA).
// Creates a wallet (a user action signed by the SDK), lists wallets and reads the new one; prints one JSON line
// with what it saw; exits non-zero on any failure.
'use strict';
const crypto = require('node:crypto');
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
  console.log(
    JSON.stringify({
      walletId: wallet.id,
      address: wallet.address,
      network: wallet.network,
      listedIds: listed.items.map((item) => item.id),
      readId: read.id,
    }),
  );
}

main().catch((error) => {
  console.error(error && error.stack ? error.stack : error);
  process.exit(1);
});
