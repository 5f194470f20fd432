// Tops the platform's Arweave wallet up on arlocal, as ./attest's fund_arweave_wallet does: when its balance is below
// half the funding, arlocal's faucet (GET /mint/{address}/{winston}) adds the funding. The address is the base64url
// SHA-256 of the JWK's modulus (Arweave's rule). Never prints the key. Exits 1 while the gateway does not answer.
//   node fund-wallet.mjs WALLET_JWK_FILE GATEWAY_URL
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";

const FUNDING_WINSTON = 1000000000000000n; // 1,000 AR, ./attest's ARWEAVE_FUNDING_WINSTON (stack.test.mjs)

const [file, gateway] = process.argv.slice(2);
const jwk = JSON.parse(readFileSync(file, "utf8"));
const address = createHash("sha256").update(Buffer.from(jwk.n, "base64url")).digest("base64url");

async function get(path) {
  const response = await fetch(new URL(path, gateway), { signal: AbortSignal.timeout(5000) });
  if (!response.ok) throw new Error(`GET ${path}: ${response.status}`);
  return (await response.text()).trim();
}

try {
  const balance = await get(`/wallet/${address}/balance`);
  if (/^\d+$/.test(balance) && BigInt(balance) >= FUNDING_WINSTON / 2n) {
    console.log(`arweave wallet ${address}: ${balance} winston`);
  } else {
    await get(`/mint/${address}/${FUNDING_WINSTON}`);
    console.log(`arweave wallet ${address}: funded with ${FUNDING_WINSTON} winston`);
  }
} catch (e) {
  console.error(`arweave wallet ${address}: not funded yet (${e.message})`);
  process.exit(1);
}
