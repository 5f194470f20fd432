// The official Dfns SDK, unchanged, against the Dfns sandbox: create a wallet, list wallets, make a
// transfer, wait for it to be Confirmed, read the wallet's assets. Run by DfnsSdkCompatibilityTest, which passes:
//   DFNS_API_URL (the sandbox's Dfns root, e.g. http://localhost:8090/dfns), DFNS_TOKEN, DFNS_CRED_ID,
//   DFNS_PRIVATE_KEY (PEM), DFNS_SIGNING_ALGORITHM ('' for Ed25519, 'SHA256' for ECDSA/RSA), TRANSFER_TO.
// Prints one JSON line with what it did; exits non-zero on any failure.
'use strict';
const http = require('node:http');
const crypto = require('node:crypto');
const { DfnsApiClient, PolicyPendingError } = require('@dfns/sdk');
const { AsymmetricKeySigner } = require('@dfns/sdk-keysigner');

const env = (name) => {
  const value = process.env[name];
  if (value === undefined) throw new Error(`${name} is not set`);
  return value;
};

// The SDK resolves its paths against the host's root (new URL('/wallets', baseUrl)), and the sandbox
// serves the Dfns root under /dfns: this pass-through proxy adds the prefix. Nothing of the SDK changes.
function startPrefixProxy(target) {
  const upstream = new URL(target);
  const server = http.createServer((req, res) => {
    const forward = http.request(
      {
        hostname: upstream.hostname,
        port: upstream.port,
        path: upstream.pathname.replace(/\/$/, '') + req.url,
        method: req.method,
        headers: { ...req.headers, host: upstream.host },
      },
      (answer) => {
        res.writeHead(answer.statusCode, answer.headers);
        answer.pipe(res);
      },
    );
    forward.on('error', (error) => {
      res.writeHead(502);
      res.end(String(error));
    });
    req.pipe(forward);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

async function main() {
  const proxy = await startPrefixProxy(env('DFNS_API_URL'));
  try {
    const signer = new AsymmetricKeySigner({
      credId: env('DFNS_CRED_ID'),
      privateKey: env('DFNS_PRIVATE_KEY'),
      algorithm: env('DFNS_SIGNING_ALGORITHM') || undefined,
    });
    const dfns = new DfnsApiClient({
      baseUrl: `http://127.0.0.1:${proxy.address().port}`,
      authToken: env('DFNS_TOKEN'),
      signer,
    });

    const wallet = await dfns.wallets.createWallet({
      body: { network: 'Ethereum', name: 'sdk-compat', externalId: crypto.randomUUID() },
    });
    const listed = await dfns.wallets.listWallets({ query: { limit: '50' } });
    if (!listed.items.some((item) => item.id === wallet.id)) {
      throw new Error(`wallet ${wallet.id} is not in the listing`);
    }

    const transfer = await dfns.wallets.transferAsset({
      walletId: wallet.id,
      body: { kind: 'Native', to: env('TRANSFER_TO'), amount: '777', externalId: crypto.randomUUID() },
    });
    let current = transfer;
    const deadline = Date.now() + 30_000;
    while (!['Confirmed', 'Failed', 'Rejected'].includes(current.status) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      current = await dfns.wallets.getTransfer({ walletId: wallet.id, transferId: transfer.id });
    }
    const assets = await dfns.wallets.getWalletAssets({ walletId: wallet.id });
    const native = assets.assets.find((asset) => asset.kind === 'Native');
    if (assets.walletId !== wallet.id || !native) {
      throw new Error(`assets of ${wallet.id} have no native asset: ${JSON.stringify(assets)}`);
    }
    console.log(
      JSON.stringify({
        walletId: wallet.id,
        address: wallet.address,
        listed: listed.items.length,
        transferId: transfer.id,
        status: current.status,
        txHash: current.txHash,
        nativeSymbol: native.symbol,
        nativeDecimals: native.decimals,
        nativeBalance: native.balance,
        policyPendingErrorIsExported: typeof PolicyPendingError === 'function',
      }),
    );
    if (current.status !== 'Confirmed') process.exitCode = 1;
  } finally {
    proxy.close();
  }
}

main().catch((error) => {
  console.error(error && error.stack ? error.stack : error);
  process.exit(1);
});
