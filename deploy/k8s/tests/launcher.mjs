// The one description of the stack's pieces the deployment checks start from: the launcher ./attest. Its
// SERVICES=(...) array is the list of the platform's services (deploy/k8s/generate.sh and deploy/docker/package.sh
// read it too); its PORT, DATABASE, KAFKA_TOPICS and ARWEAVE_* settings are what compose and Kubernetes must agree
// with. Not a test file itself (node --test runs only *.test.mjs here).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "../../../tools/k8s/validate.mjs";

export const launcher = readFileSync(join(ROOT, "attest"), "utf8");

/** A bash array of ./attest, `NAME=(a b c)` on one line. */
export function bashArray(name) {
  const m = launcher.match(new RegExp(`^${name}=\\(([^)]*)\\)`, "m"));
  if (!m) throw new Error(`./attest has no array ${name}=(...)`);
  return m[1].trim().split(/\s+/);
}
/** An associative array of ./attest, `declare -A NAME=(\n [key]=value ...\n)`. */
export function bashMap(name) {
  const m = launcher.match(new RegExp(`^declare -A ${name}=\\(([\\s\\S]*?)\\n\\)`, "m"));
  if (!m) throw new Error(`./attest has no associative array ${name}`);
  return Object.fromEntries([...m[1].matchAll(/\[([\w-]+)\]=(\S+)/g)].map((x) => [x[1], x[2]]));
}
/** A plain setting of ./attest, `NAME=value` at the start of a line (a trailing comment dropped). */
export function bashValue(name) {
  const m = launcher.match(new RegExp(`^${name}=(\\S+)`, "m"));
  if (!m) throw new Error(`./attest has no setting ${name}`);
  return m[1];
}

/** The platform's services (not the sandbox, not the infrastructure), in the launcher's order. */
export const SERVICES = bashArray("SERVICES");
/** The launcher's infrastructure pieces (postgres, kafka, anvil, arweave, ...). */
export const INFRA = bashArray("INFRA");
