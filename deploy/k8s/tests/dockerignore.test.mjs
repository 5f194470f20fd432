// /.dockerignore: the local stack's data and secrets, node_modules and .git never enter an image's build context,
// while what deploy/docker/Dockerfile copies does. Docker's matching is reproduced for the patterns used there
// (Go filepath.Match per path segment, `**` for any number of segments, `!` to re-include; the last match wins).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "../../../tools/k8s/validate.mjs";
import { SERVICES } from "./launcher.mjs";

function patternToRegExp(pattern) {
  let re = "";
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === "*" && pattern[i + 1] === "*") {
      re += pattern[i + 2] === "/" ? "(?:.*/)?" : ".*";
      i += pattern[i + 2] === "/" ? 2 : 1;
    } else if (c === "*") re += "[^/]*";
    else if (c === "?") re += "[^/]";
    else re += c.replace(/[.+^${}()|[\]\\]/g, "\\$&");
  }
  return new RegExp(`^${re}(?:/.*)?$`); // a directory's match excludes everything under it
}
export function rules(text) {
  return text
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith("#"))
    .map((l) => ({ exclude: !l.startsWith("!"), re: patternToRegExp(l.replace(/^!/, "").replace(/^\/+|\/+$/g, "")) }));
}
export function excluded(ruleList, path) {
  let out = false;
  for (const r of ruleList) if (r.re.test(path)) out = r.exclude;
  return out;
}

const ignore = rules(readFileSync(join(ROOT, ".dockerignore"), "utf8"));
// The aa image's own ignore file (BuildKit reads <Dockerfile>.dockerignore beside a Dockerfile instead of /.dockerignore).
const aaIgnore = rules(readFileSync(join(ROOT, "deploy/docker/aa/Dockerfile.dockerignore"), "utf8"));
const SECRET_PATHS = [".attest/secrets/master-key", ".attest/secrets/aa/paymaster-signer.key", ".attest/aa/contracts.json",
  "deploy/docker/secrets/master-keys", "deploy/docker/secrets/aa-paymaster-signer.key", "deploy/docker/secrets/bundler-executor-key",
  "deploy/docker/secrets/aa-operator-key", ".git/HEAD", "tools/node/node_modules/@pimlico/alto/package.json",
  "deploy/docker/aa/node_modules/viem/package.json", "deploy/local/env/identity-service.env", "pom.xml"];

test("the matcher follows Docker's rules: last match wins, ! re-includes", () => {
  const r = rules("*\n!gateway/target/container\n**/secrets\n");
  assert.equal(excluded(r, "pom.xml"), true);
  assert.equal(excluded(r, "gateway/target/container/app.jar"), false);
  assert.equal(excluded(r, "gateway/target/container/secrets/x"), true);
});

test("local data, secrets, node_modules and .git never enter the build context", () => {
  for (const path of [
    ".attest/secrets/master-key", ".attest/postgres/data/PG_VERSION", ".attest/logs/gateway.log",
    "deploy/docker/secrets/master-keys", "deploy/docker/secrets/dfns/token", ".git/HEAD", ".git/objects/ab/cd",
    "web/node_modules/react/index.js", "tools/node/node_modules/solc/soljson.js", "tools/k8s/node_modules/ajv/package.json",
    "gateway/target/quarkus-app/quarkus-run.jar", "gateway/target/classes/application.properties",
    "gateway/src/main/java/dev/attest/gateway/Organization.java", "pom.xml", "e2e/target/attest-e2e.jar",
    "deploy/docker/secrets/arweave-wallet.json", ".attest/secrets/arweave-wallet.json", ".attest/arweave/db/db.sqlite",
    "deploy/docker/arweave/node_modules/arlocal/package.json", "deploy/local/arweave/other.sh", "deploy/local/env/identity-service.env",
  ]) {
    assert.equal(excluded(ignore, path), true, `${path} is kept out of the build context`);
  }
});

test("the aa image's build context: what its Dockerfile copies, and no secret, local data, node_modules or .git", () => {
  for (const path of SECRET_PATHS) assert.equal(excluded(aaIgnore, path), true, `${path} is kept out of the aa image's context`);
  const dockerfile = readFileSync(join(ROOT, "deploy/docker/aa/Dockerfile"), "utf8");
  const copied = [...dockerfile.matchAll(/^COPY ((?:\S+ )+)\S+$/gm)].flatMap(([, sources]) => sources.trim().split(" "));
  assert.ok(copied.length >= 4, copied.join());
  for (const source of copied) assert.equal(excluded(aaIgnore, source), false, `deploy/docker/aa/Dockerfile copies ${source}`);
});

test("what the Dockerfiles copy is in the build context", () => {
  for (const module of [...SERVICES, "sandbox"]) {
    assert.equal(excluded(ignore, `${module}/target/${module}-0.1.0-SNAPSHOT-container.jar`), false, module);
  }
  for (const path of ["web/dist/index.html", "web/dist/assets/index-abc.js", "deploy/docker/entrypoint.sh", "deploy/docker/healthcheck.sh"]) {
    assert.equal(excluded(ignore, path), false, path);
  }
  for (const file of ["deploy/docker/Dockerfile", "deploy/docker/arweave/Dockerfile"]) {
    const dockerfile = readFileSync(join(ROOT, file), "utf8");
    for (const [, sources] of dockerfile.matchAll(/^COPY ((?:\S+ )+)\S+$/gm)) {
      for (const source of sources.trim().split(" ")) {
        const sample = source.replace("${MODULE}", "gateway").replace("*", "gateway-0.1.0-SNAPSHOT").replace(/\/$/, "/index.html");
        assert.equal(excluded(ignore, sample), false, `${file} copies ${source}`);
      }
    }
  }
});
