// The arweave image's funding (deploy/docker/arweave/fund-wallet.mjs), run against a stand-in for arlocal's HTTP API:
// it funds the wallet's address (the base64url SHA-256 of the JWK's modulus, as ./attest computes it) with the
// launcher's amount when the balance is low, leaves a funded wallet alone, fails while the gateway does not answer,
// and never prints the key. The scripts the image runs parse (bash -n).
import { test } from "node:test";
import assert from "node:assert/strict";
import { createServer } from "node:http";
import { createHash, generateKeyPairSync } from "node:crypto";
import { mkdtempSync, writeFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { spawn, spawnSync } from "node:child_process";
import { ROOT } from "../../../tools/k8s/validate.mjs";
import { bashValue } from "./launcher.mjs";

const FUND = join(ROOT, "deploy/docker/arweave/fund-wallet.mjs");

function run(args) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [FUND, ...args], { stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (out += d));
    child.on("close", (code) => resolve({ code, out }));
  });
}

test("fund-wallet.mjs tops the platform's wallet up on arlocal as ./attest does, and only when it is low", async () => {
  const dir = mkdtempSync(join(tmpdir(), "attest-arweave-"));
  try {
    const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048, publicExponent: 65537 });
    const jwk = privateKey.export({ format: "jwk" });
    const wallet = join(dir, "wallet.json");
    writeFileSync(wallet, JSON.stringify(jwk), { mode: 0o600 });
    const address = createHash("sha256").update(Buffer.from(jwk.n, "base64url")).digest("base64url");
    const funding = BigInt(bashValue("ARWEAVE_FUNDING_WINSTON"));

    let balance = 0n;
    const requests = [];
    const server = createServer((req, res) => {
      requests.push(req.url);
      let m;
      if ((m = req.url.match(/^\/wallet\/([\w-]+)\/balance$/))) res.end(m[1] === address ? String(balance) : "0");
      else if ((m = req.url.match(/^\/mint\/([\w-]+)\/(\d+)$/))) {
        if (m[1] === address) balance += BigInt(m[2]);
        res.end(String(balance));
      } else {
        res.statusCode = 404;
        res.end();
      }
    });
    await new Promise((r) => server.listen(0, "127.0.0.1", r));
    const url = `http://127.0.0.1:${server.address().port}`;
    try {
      const first = await run([wallet, url]);
      assert.equal(first.code, 0, first.out);
      assert.deepEqual(requests, [`/wallet/${address}/balance`, `/mint/${address}/${funding}`]);
      assert.equal(balance, funding);
      for (const part of [jwk.d, jwk.p, jwk.q]) assert.ok(!first.out.includes(part), "the key is never printed");

      requests.length = 0;
      const second = await run([wallet, url]);
      assert.equal(second.code, 0, second.out);
      assert.deepEqual(requests, [`/wallet/${address}/balance`], "a funded wallet is left alone");

      balance = funding / 2n - 1n;
      requests.length = 0;
      assert.equal((await run([wallet, url])).code, 0);
      assert.deepEqual(requests.at(-1), `/mint/${address}/${funding}`, "below half the funding: topped up");
    } finally {
      server.close();
    }
    const down = await run([wallet, url]);
    assert.equal(down.code, 1, "no gateway: exit 1, so that run.sh tries again");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("mine-when-pending.sh mines while transactions wait, CONFIRMATIONS blocks more on top, then nothing", async () => {
  const dir = mkdtempSync(join(tmpdir(), "attest-arweave-"));
  let pending = ["tx-1"];
  let mines = 0;
  const server = createServer((req, res) => {
    if (req.url === "/tx/pending") res.end(JSON.stringify(pending));
    else if (req.url === "/mine") {
      mines++;
      pending = []; // the block took them
      res.end("{}");
    } else {
      res.statusCode = 404;
      res.end();
    }
  });
  await new Promise((r) => server.listen(0, "127.0.0.1", r));
  // The "arlocal" it runs: a process that waits, as arlocal does, until the script stops it.
  const script = spawn("bash", [join(ROOT, "deploy/local/arweave/mine-when-pending.sh"), `http://127.0.0.1:${server.address().port}`, dir, "1", "sleep", "60"], { stdio: "ignore" });
  try {
    await new Promise((r) => setTimeout(r, 7500)); // polls at 2, 4, 6 s
    assert.equal(mines, 2, "a block for the waiting transaction, one more (CONFIRMATIONS 1) to confirm it, none while idle");
    const exited = new Promise((r) => script.on("exit", (code, signal) => r({ code, signal })));
    script.kill("SIGTERM");
    const stopped = await Promise.race([exited, new Promise((r) => setTimeout(() => r(null), 5000))]);
    assert.ok(stopped, "SIGTERM stops arlocal and then the script");
  } finally {
    script.kill("SIGKILL");
    server.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test("the arweave and aa images' scripts parse", () => {
  for (const script of ["deploy/docker/arweave/run.sh", "deploy/docker/aa/bundler.sh", "deploy/docker/aa/aa-deploy.sh", "deploy/local/arweave/mine-when-pending.sh", "deploy/docker/make-secrets.sh", "deploy/docker/package.sh", "deploy/k8s/generate.sh"]) {
    const r = spawnSync("bash", ["-n", join(ROOT, script)], { encoding: "utf8" });
    assert.equal(r.status, 0, `${script}: ${r.stderr}`);
  }
});
