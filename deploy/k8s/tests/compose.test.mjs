// docker-compose.yml: valid against the compose-spec JSON schema (deploy/docker/schema/compose-spec.json), and
// what the issue asks of it: a health check on every service, start order on health, pinned images, secrets as
// files, no management port published. Docker itself is not run here (no engine on these machines).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Ajv, ROOT, parseYaml as parse } from "../../../tools/k8s/validate.mjs";
import { SERVICES } from "./launcher.mjs";

const schema = JSON.parse(readFileSync(join(ROOT, "deploy/docker/schema/compose-spec.json"), "utf8"));
delete schema.$schema; // draft-07 under its https:// name, which Ajv's draft-07 (http://) does not answer to
const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
const validateCompose = ajv.compile(schema);
const load = () => parse(readFileSync(join(ROOT, "docker-compose.yml"), "utf8"), { merge: true });
const errors = (doc) => (validateCompose(doc) ? [] : validateCompose.errors.map((e) => `${e.instancePath} ${e.message}`));

test("docker-compose.yml is valid against the compose specification", () => {
  assert.deepEqual(errors(load()), []);
});

test("the schema refuses a broken compose file", () => {
  const compose = load();
  compose.services.gateway.depends_on.postgres.condition = "service_ready";
  assert.ok(errors(compose).some((e) => e.includes("depends_on")), "an unknown depends_on condition");
  const typo = load();
  typo.services.kafka.helthcheck = typo.services.kafka.healthcheck;
  assert.ok(errors(typo).length > 0, "an unknown service key");
  const volume = load();
  volume.volumes.postgres = "a string";
  assert.ok(errors(volume).length > 0, "a named volume that is not a mapping");
});

// A one-shot step (aa-deploy: the ERC-4337 contracts onto the chain) runs to its end and is never restarted; what
// needs it waits for its successful exit instead of its health.
const oneShot = (service) => service.restart === "no";

test("every service has a health check, and waits for the health of what it depends on", () => {
  const { services } = load();
  for (const [name, service] of Object.entries(services)) {
    if (oneShot(service)) {
      assert.ok(!service.ports && !service.healthcheck, `${name}: a one-shot step publishes nothing and is not checked`);
    } else {
      assert.ok(service.healthcheck?.test, `${name} has a health check`);
    }
    for (const [dependency, how] of Object.entries(service.depends_on || {})) {
      assert.ok(services[dependency], `${name} depends on ${dependency}, a service of this file`);
      const expected = oneShot(services[dependency]) ? "service_completed_successfully" : "service_healthy";
      assert.equal(how.condition, expected, `${name} waits for ${dependency}'s ${oneShot(services[dependency]) ? "successful end" : "health"}`);
    }
  }
  assert.deepEqual(Object.keys(services).filter((n) => oneShot(services[n])), ["aa-deploy"], "the one-shot steps");
  for (const app of SERVICES) {
    assert.ok(services[app], `compose runs ${app} (./attest SERVICES)`);
    assert.ok(services[app].depends_on.postgres && services[app].depends_on.kafka, `${app} starts after PostgreSQL and Kafka`);
  }
});

test("images are pinned to a version, and the built ones come from a pinned base image", () => {
  const { services } = load();
  for (const [name, service] of Object.entries(services)) {
    if (service.build) continue;
    assert.match(service.image, /:v?\d+(\.\d+)+$/, `${name}: ${service.image} is pinned`);
  }
  // Every Dockerfile compose builds (the services' and sandbox's, arweave's) starts from a pinned base image.
  const dockerfiles = new Set(Object.values(services).filter((s) => s.build).map((s) => s.build.dockerfile));
  for (const file of ["deploy/docker/Dockerfile", "deploy/docker/arweave/Dockerfile", "deploy/docker/aa/Dockerfile"]) {
    assert.ok(dockerfiles.has(file), `compose builds ${file} (${[...dockerfiles].join()})`);
  }
  for (const file of dockerfiles) {
    const dockerfile = readFileSync(join(ROOT, file), "utf8");
    for (const from of dockerfile.match(/^FROM .*$/gm)) assert.match(from, /:\d+\.\d+\.\d+[\w.-]*$/, `${file}: ${from}`);
  }
});

test("secrets are files: no secret value in the environment, every secret from a file", () => {
  const compose = load();
  for (const [name, service] of Object.entries(compose.services)) {
    for (const [key, value] of Object.entries(service.environment || {})) {
      // ..._KEY_FILE and the like name the file a key is read from (the bundler's, the paymaster signer's).
      if (/PASSWORD|SECRET|_TOKEN$|PRIVATE|_KEY$|MASTER_KEYS|_KEYS?_FILE$/.test(key)) {
        assert.match(String(value), /^\/run\/secrets\//, `${name}: ${key} is a path to a secret file, not a value`);
      }
    }
    for (const secret of service.secrets || []) {
      const source = typeof secret === "string" ? secret : secret.source;
      assert.ok(compose.secrets[source], `${name} uses secret ${source}, declared at the top`);
    }
  }
  for (const [name, secret] of Object.entries(compose.secrets)) {
    assert.match(secret.file, /^\.\/deploy\/docker\/secrets\//, `secret ${name} is a file of deploy/docker/secrets`);
  }
  const gitignore = readFileSync(join(ROOT, ".gitignore"), "utf8");
  assert.match(gitignore, /^deploy\/docker\/secrets\/$/m, "the secrets directory is never committed");
});

test("the management port (health, metrics) is never published; published ports stay on 127.0.0.1", () => {
  const { services } = load();
  for (const [name, service] of Object.entries(services)) {
    for (const port of service.ports || []) {
      const text = String(port);
      assert.match(text, /^127\.0\.0\.1:/, `${name}: ${text} on loopback only`);
      assert.doesNotMatch(text, /:9000$/, `${name}: ${text} publishes a management port`);
    }
  }
});
