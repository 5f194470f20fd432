// deploy/k8s: every resource file and every rendered overlay validates against the Kubernetes API schemas and the
// operators' CRD schemas, and the rendered overlays keep the promises docs/deploy-kubernetes.md makes.
// Run: node --test deploy/k8s/tests (./attest test does, after npm ci --prefix tools/k8s).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync, statSync, existsSync } from "node:fs";
import { join, relative, dirname } from "node:path";
import { ROOT, loadYaml, validateResource, describe, kustomizeAvailable, render } from "../../../tools/k8s/validate.mjs";
import { SERVICES } from "./launcher.mjs";

const K8S = join(ROOT, "deploy/k8s");
const RUNBOOK = readFileSync(join(ROOT, "docs/deploy-kubernetes.md"), "utf8");
// The Secrets a service mounts, as its `# Kubernetes` section names them (quarkus.kubernetes.secret-volumes.*).
const secretVolumes = (service) => [...readFileSync(join(ROOT, service, "src/main/resources/application.properties"), "utf8")
  .matchAll(/^quarkus\.kubernetes\.secret-volumes\.[\w-]+\.secret-name=(\S+)$/gm)].map((m) => m[1]).sort();
const OVERLAYS = ["local", "production"];

function yamlFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === "tests" || name === "schemas" ? [] : yamlFiles(path);
    return /\.ya?ml$/.test(name) ? [path] : [];
  });
}
const isKustomization = (f) => /kustomization\.ya?ml$/.test(f);
const isPatch = (f) => f.includes("/patches/");

async function errorsOf(resources) {
  const all = [];
  for (const r of resources) for (const e of await validateResource(r)) all.push(`${describe(r)}: ${e}`);
  return all;
}

test("the validator refuses what the API server would refuse", async () => {
  const deployment = loadYaml(join(K8S, "base/generated/gateway.yaml")).find((r) => r.kind === "Deployment");
  assert.deepEqual(await validateResource(deployment), []);
  const typo = structuredClone(deployment);
  typo.spec.replica = 2;
  assert.match((await validateResource(typo)).join(), /spec\/replica: unknown field/);
  const wrongType = structuredClone(deployment);
  wrongType.spec.replicas = "two";
  assert.match((await validateResource(wrongType)).join(), /replicas must be integer/);
  const noImage = structuredClone(deployment);
  delete noImage.spec.template.spec.containers[0].name;
  assert.match((await validateResource(noImage)).join(), /required property '?name/);
  const probeTypo = structuredClone(deployment);
  probeTypo.spec.template.spec.containers[0].readinessProbe.periodSecond = 5;
  assert.match((await validateResource(probeTypo)).join(), /readinessProbe\/periodSecond: unknown field/);
});

test("the validator refuses custom resources their operator's CRD refuses", async () => {
  const topic = loadYaml(join(K8S, "base/kafka/topics.yaml"))[0];
  assert.deepEqual(await validateResource(topic), []);
  assert.match((await validateResource({ ...topic, spec: { ...topic.spec, partitions: "three" } })).join(), /partitions must be integer/);
  assert.match((await validateResource({ ...topic, spec: { ...topic.spec, partitons: 3 } })).join(), /additional properties: partitons/);
  const cluster = loadYaml(join(K8S, "base/postgres/cluster.yaml"))[0];
  assert.match((await validateResource({ ...cluster, spec: { ...cluster.spec, instances: 0 } })).join(), /instances must be >= 1/);
  assert.match((await validateResource({ ...cluster, apiVersion: "postgresql.cnpg.io/v9" })).join(), /no CRD schema/);
  assert.match((await validateResource({ kind: "Deployment" })).join(), /apiVersion and kind are required/);
});

test("every resource file under deploy/k8s validates", async () => {
  const files = yamlFiles(K8S).filter((f) => !isKustomization(f) && !isPatch(f));
  assert.ok(files.length >= 15, `resource files found: ${files.length}`);
  const errors = [];
  for (const file of files) {
    for (const e of await errorsOf(loadYaml(file))) errors.push(`${relative(K8S, file)}: ${e}`);
  }
  assert.deepEqual(errors, []);
});

test("each kustomization lists files that exist, and every resource file is listed by one", () => {
  const listed = new Set();
  for (const file of yamlFiles(K8S).filter(isKustomization)) {
    const k = loadYaml(file)[0];
    for (const entry of [...(k.resources || []), ...(k.patches || []).map((p) => p.path).filter(Boolean)]) {
      const path = join(dirname(file), entry);
      assert.ok(existsSync(path), `${relative(K8S, file)} lists ${entry}, which does not exist`);
      listed.add(statSync(path).isDirectory() ? join(path, "kustomization.yaml") : path);
    }
  }
  const unlisted = yamlFiles(K8S).filter((f) => !listed.has(f) && !f.endsWith("overlays/local/kustomization.yaml") && !f.endsWith("overlays/production/kustomization.yaml"));
  assert.deepEqual(unlisted.map((f) => relative(K8S, f)), []);
});

for (const overlay of OVERLAYS) {
  test(`overlay ${overlay}: rendered by kustomize, every resource validates and keeps the runbook's promises`, async (t) => {
    if (!kustomizeAvailable()) {
      t.skip("kubectl (with its kustomize) is not installed here: overlays not rendered; resource files validated above");
      return;
    }
    const resources = render(join(K8S, "overlays", overlay));
    assert.deepEqual(await errorsOf(resources), []);
    const of = (kind) => resources.filter((r) => r.kind === kind);
    const named = (kind, name) => of(kind).find((r) => r.metadata.name === name);

    assert.deepEqual(of("Secret"), [], "no Secret is ever rendered: they are created from files (runbook)");
    for (const r of resources) assert.equal(r.metadata.namespace ?? "attest", "attest", `${describe(r)} in namespace attest`);

    for (const service of SERVICES) {
      const deployment = named("Deployment", service);
      assert.ok(deployment, `Deployment ${service}`);
      const pod = deployment.spec.template.spec;
      const [container] = pod.containers;
      for (const probe of ["startupProbe", "livenessProbe", "readinessProbe"]) {
        assert.equal(container[probe]?.httpGet?.port, 9000, `${service} ${probe} on the management port`);
        assert.match(container[probe].httpGet.path, /^\/q\/health\/(started|live|ready)$/, `${service} ${probe} path`);
      }
      for (const bound of ["requests", "limits"]) {
        assert.ok(container.resources?.[bound]?.cpu && container.resources[bound].memory, `${service} ${bound}`);
      }
      assert.ok(named("ServiceAccount", pod.serviceAccountName), `${service}'s ServiceAccount`);
      assert.equal(pod.automountServiceAccountToken, false, `${service} mounts no API token`);
      assert.equal(container.securityContext?.readOnlyRootFilesystem, true, `${service} read-only root`);
      const secretLike = (container.env || []).filter((e) => /PASSWORD|SECRET|_TOKEN$|PRIVATE|_KEY$|MASTER_KEYS/.test(e.name));
      assert.deepEqual(secretLike, [], `${service}: secrets come as files, not environment entries`);
      // Each service mounts its database credentials, and exactly the Secrets its configuration names (attest-crypto
      // where it seals columns, attest-arweave for document-service's wallet, ...), every one created by the runbook.
      const volumes = (pod.volumes || []).filter((v) => v.secret).map((v) => v.secret.secretName);
      assert.ok(volumes.includes(`attest-${service}-db`), `${service} mounts Secret attest-${service}-db`);
      assert.deepEqual([...volumes].sort(), secretVolumes(service), `${service}: the Secrets of its # Kubernetes section`);
      // The entrypoint reads files one directory below ATTEST_SECRETS_DIR (the container's env, else attest-platform,
      // else the image's /run/secrets): every Secret volume must be mounted exactly there.
      const platform = of("ConfigMap").find((c) => c.metadata.name.startsWith("attest-platform"));
      const secretsDir = (container.env || []).find((e) => e.name === "ATTEST_SECRETS_DIR")?.value ?? platform.data.ATTEST_SECRETS_DIR ?? "/run/secrets";
      for (const volume of (pod.volumes || []).filter((v) => v.secret)) {
        const mount = container.volumeMounts.find((m) => m.name === volume.name);
        assert.equal(mount.mountPath, `${secretsDir}/${mount.mountPath.split("/").pop()}`, `${service}: Secret ${volume.secret.secretName} mounted where the entrypoint reads (${secretsDir}/<volume>)`);
      }
      for (const secret of volumes) {
        const created = secret === `attest-${service}-db` ? RUNBOOK.includes(` ${service}:attest_`) : RUNBOOK.includes(`create secret generic ${secret} `);
        assert.ok(created, `${service}: docs/deploy-kubernetes.md creates Secret ${secret}`);
      }
      assert.ok((container.envFrom || []).some((e) => e.configMapRef?.name?.startsWith("attest-platform")), `${service} reads attest-platform`);
      const pdb = of("PodDisruptionBudget").find((p) => p.spec.selector.matchLabels["app.kubernetes.io/name"] === service);
      assert.ok(pdb, `${service} has a PodDisruptionBudget`);
      assert.ok(named("Service", service).spec.ports.some((p) => p.name === "http"), `${service}'s Service has http`);
      const monitor = named("ServiceMonitor", service);
      assert.deepEqual([monitor?.spec.endpoints[0].targetPort, monitor?.spec.endpoints[0].path], [9000, "/q/metrics"], `${service}'s metrics scraped`);
      assert.ok(!named("Service", service).spec.ports.some((p) => p.port === 9000 || p.targetPort === 9000), `${service}: management port not in the Service`);
      assert.equal(of("Job").length, 0, "no init Jobs: Flyway migrates at start");
      assert.ok(of("NetworkPolicy").some((p) => p.spec.podSelector.matchLabels?.["app.kubernetes.io/name"] === service), `${service}'s NetworkPolicy`);
      if (service !== "gateway") {
        const gatewayEgress = named("NetworkPolicy", "gateway").spec.egress.flatMap((e) => e.to.map((t) => t.podSelector?.matchLabels?.["app.kubernetes.io/name"]));
        assert.ok(gatewayEgress.includes(service), `the gateway may call ${service}`);
        const from = named("NetworkPolicy", service).spec.ingress.flatMap((i) => i.from.map((f) => f.podSelector?.matchLabels?.["app.kubernetes.io/name"]));
        assert.deepEqual(from, ["gateway"], `${service} is called by the gateway only`);
      }
      const tag = container.image.slice(container.image.lastIndexOf(":") + 1);
      assert.equal(tag, overlay === "local" ? "local" : "0.1.0", `${service}'s image is the overlay's (${container.image})`);
    }
    // Only the gateway and Keycloak's public paths behind the Ingress, with TLS.
    const backends = of("Ingress").flatMap((i) => i.spec.rules.flatMap((r) => r.http.paths.map((p) => `${p.path} ${p.backend.service.name}`)));
    assert.deepEqual(backends.sort(), ["/ gateway", "/realms/ attest-keycloak-service", "/resources/ attest-keycloak-service"]);
    for (const ingress of of("Ingress")) assert.ok(ingress.spec.tls?.length, `${describe(ingress)} has TLS`);
    const isolation = named("NetworkPolicy", "attest-services");
    assert.deepEqual(isolation.spec.policyTypes, ["Ingress", "Egress"]);
    const fromOutside = of("NetworkPolicy").filter((p) => JSON.stringify(p.spec.ingress || []).includes("ingress-nginx"));
    assert.deepEqual(fromOutside.map((p) => p.metadata.name).sort(), ["attest-keycloak", "gateway"]);
    assert.ok(named("Kafka", "attest") && named("KafkaNodePool", "combined"), "Kafka in KRaft with a node pool");
    assert.ok(named("Cluster", "attest-db") && named("Keycloak", "attest-keycloak") && named("KeycloakRealmImport", "attest-realm"));
    if (overlay === "production") {
      assert.equal(named("KeycloakRealmImport", "attest-realm").spec.realm.users, undefined, "no demo users in production");
      assert.ok(of("Deployment").every((d) => d.spec.replicas >= 2), "at least two replicas of each service");
      assert.ok(of("Deployment").every((d) => d.spec.template.spec.containers[0].image.startsWith("registry.example.com/")));
    } else {
      assert.ok(named("Deployment", "sandbox") && named("Deployment", "anvil") && named("Deployment", "greenmail"));
      // arlocal for document-service, reachable under the name the local ConfigMap gives it, its data on a claim.
      const arweave = named("Deployment", "arweave");
      assert.ok(arweave && named("Service", "arweave") && named("PersistentVolumeClaim", "arweave-data"), "the arlocal stand-in");
      assert.ok(arweave.spec.template.spec.containers[0].image.endsWith("attest/arlocal:local"), arweave.spec.template.spec.containers[0].image);
      const platform = of("ConfigMap").find((c) => c.metadata.name.startsWith("attest-platform"));
      assert.equal(platform.data.ATTEST_DOCUMENT_ARWEAVE_GATEWAY_URL, `http://arweave:${named("Service", "arweave").spec.ports[0].port}`);
    }
  });
}
