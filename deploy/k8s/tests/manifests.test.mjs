// deploy/k8s: every resource file and every rendered overlay validates against the Kubernetes API schemas and the
// operators' CRD schemas, and the rendered overlays keep the promises docs/deploy-kubernetes.md makes.
// Run: node --test deploy/k8s/tests (./attest test does, after npm ci --prefix tools/k8s).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync, statSync, existsSync } from "node:fs";
import { join, relative, dirname } from "node:path";
import { createRequire } from "node:module";
import { spawnSync } from "node:child_process";
import { ROOT, loadYaml, validateResource, describe, kustomizeAvailable } from "../../../tools/k8s/validate.mjs";
import { SERVICES } from "./launcher.mjs";

// The overlays rendered by `kubectl kustomize`, read as Kubernetes reads them. kustomize writes a string that only looks
// like an integer too large for 64 bits (an 0x-prefixed 20-byte address: the EntryPoint's, the paymaster's) without
// quotes, because Go's YAML, which kubectl and the API machinery use, reads it back as a string; a YAML 1.2 reader
// would make it a (lossy) number. Everything else is read as it is.
const { parseAllDocuments, visit } = createRequire(join(ROOT, "tools/k8s/package.json"))("yaml");
const INT64 = [-(2n ** 63n), 2n ** 63n - 1n];
function render(dir) {
  const r = spawnSync("kubectl", ["kustomize", dir], { encoding: "utf8", maxBuffer: 64 << 20 });
  if (r.status !== 0) throw new Error(`kubectl kustomize ${dir} failed:\n${r.stderr}`);
  return parseAllDocuments(r.stdout).map((doc) => {
    visit(doc, {
      Scalar(_, node) {
        if (node.type !== "PLAIN" || typeof node.value !== "number" || !/^[-+]?(0x[0-9a-fA-F]+|\d+)$/.test(node.source)) return;
        const value = node.source.startsWith("-") ? -BigInt(node.source.slice(1)) : BigInt(node.source.replace(/^\+/, ""));
        if (value < INT64[0] || value > INT64[1]) node.value = node.source;
      },
    });
    return doc.toJS();
  }).filter((d) => d != null);
}

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

    // The ERC-4337 bundler (docs/gas-sponsorship.md): one pod at a time (one executor key, whose nonces alto keeps),
    // probes, bounded resources, hardened like the services, its keys from Secret attest-bundler as files, reachable by
    // wallet-service only; wallet-service is told its URL and the contracts through attest-platform.
    const bundler = named("Deployment", "bundler");
    assert.ok(bundler && named("Service", "bundler"), "Deployment and Service bundler");
    assert.equal(bundler.spec.replicas, 1, "one bundler");
    assert.equal(bundler.spec.strategy?.type, "Recreate", "never two bundlers at once, even during a rollout");
    const bundlerPod = bundler.spec.template.spec;
    const alto = bundlerPod.containers[0];
    for (const probe of ["startupProbe", "livenessProbe", "readinessProbe"]) assert.ok(alto[probe], `bundler ${probe}`);
    assert.match(alto.readinessProbe.exec.command.join(" "), /eth_supportedEntryPoints/, "ready once it serves the EntryPoint");
    for (const bound of ["requests", "limits"]) assert.ok(alto.resources?.[bound]?.cpu && alto.resources[bound].memory, `bundler ${bound}`);
    assert.equal(bundlerPod.automountServiceAccountToken, false, "bundler mounts no API token");
    assert.equal(bundlerPod.securityContext?.runAsNonRoot, true, "bundler runs as non-root");
    for (const container of [...bundlerPod.containers, ...(bundlerPod.initContainers || [])]) {
      const hardened = container.securityContext || {};
      assert.ok(hardened.readOnlyRootFilesystem && hardened.allowPrivilegeEscalation === false && hardened.capabilities?.drop?.includes("ALL"), `bundler's ${container.name} hardened`);
      const secretLike = (container.env || []).filter((e) => /PASSWORD|SECRET|_TOKEN$|PRIVATE|_KEYS?$/.test(e.name) || e.valueFrom?.secretKeyRef);
      assert.deepEqual(secretLike, [], `bundler's ${container.name}: keys come as files, not environment entries`);
    }
    const bundlerSecrets = bundlerPod.volumes.filter((v) => v.secret).map((v) => v.secret.secretName);
    assert.ok(bundlerSecrets.includes("attest-bundler"), "bundler mounts Secret attest-bundler");
    for (const secret of bundlerSecrets) assert.ok(RUNBOOK.includes(`create secret generic ${secret} `), `docs/deploy-kubernetes.md creates Secret ${secret}`);
    const keyFiles = Object.fromEntries(alto.env.filter((e) => /_KEY_FILE$/.test(e.name)).map((e) => [e.name, e.value]));
    const secretMount = alto.volumeMounts.find((m) => bundlerPod.volumes.find((v) => v.name === m.name)?.secret?.secretName === "attest-bundler").mountPath;
    assert.deepEqual(Object.keys(keyFiles).sort(), ["BUNDLER_EXECUTOR_KEY_FILE", "BUNDLER_UTILITY_KEY_FILE"]);
    for (const file of Object.values(keyFiles)) assert.ok(file.startsWith(`${secretMount}/`), `${file} is in the mounted Secret`);
    const rpcPort = alto.ports.find((p) => p.name === "rpc").containerPort;
    assert.equal(alto.args[alto.args.indexOf("--port") + 1], String(rpcPort));
    assert.equal(alto.args[alto.args.indexOf("--safe-mode") + 1], "false");
    assert.equal(alto.args[alto.args.indexOf("--rpc-url") + 1], "$(ATTEST_EVM_RPC_URL)", "the chain of the ConfigMap");
    const platformData = of("ConfigMap").find((c) => c.metadata.name.startsWith("attest-platform")).data;
    assert.ok(alto.envFrom.some((e) => e.configMapRef?.name?.startsWith("attest-platform")), "bundler reads attest-platform");
    assert.equal(alto.args[alto.args.indexOf("--entrypoints") + 1], platformData.ATTEST_ENTRYPOINT_ADDRESS, "it serves the EntryPoint the services are told about");
    const bundlerService = named("Service", "bundler").spec.ports[0];
    assert.equal(platformData.ATTEST_BUNDLER_URL, `http://bundler:${bundlerService.port}`, "wallet-service is told the bundler's Service");
    for (const key of ["ATTEST_ENTRYPOINT_ADDRESS", "ATTEST_ACCOUNT_FACTORY_ADDRESS", "ATTEST_PAYMASTER_ADDRESS"]) {
      assert.equal(typeof platformData[key], "string", `attest-platform names ${key}`);
    }
    assert.equal(platformData.ATTEST_AA_PAYMASTER_SIGNER_KEY_FILE, `${platformData.ATTEST_SECRETS_DIR}/aa/paymaster-signer.key`, "the paymaster's key file, in Secret attest-aa's volume");
    assert.ok(RUNBOOK.includes("create secret generic attest-aa --from-file=paymaster-signer.key"), "the runbook creates Secret attest-aa");
    const bundlerPolicy = named("NetworkPolicy", "bundler");
    assert.deepEqual(bundlerPolicy.spec.ingress.flatMap((i) => i.from.map((f) => f.podSelector?.matchLabels?.["app.kubernetes.io/name"])), ["wallet-service"], "only wallet-service calls the bundler");
    assert.ok(named("NetworkPolicy", "wallet-service").spec.egress.some((e) => e.to.some((t) => t.podSelector?.matchLabels?.["app.kubernetes.io/name"] === "bundler") && e.ports.some((p) => p.port === bundlerService.port)), "wallet-service may call the bundler");

    const realmImport = named("KeycloakRealmImport", "attest-realm");
    assert.deepEqual(realmImport.spec.placeholders?.ATTEST_KEYCLOAK_MONITOR_SECRET, { secret: { name: "attest-keycloak-monitor", key: "client-secret" } }, "the monitor client's secret comes from a Secret, never the manifest");
    assert.ok(named("Deployment", "gateway").spec.template.spec.volumes.some((v) => v.secret?.secretName === "attest-keycloak-monitor"), "the gateway mounts the monitor client's secret");
    assert.ok(RUNBOOK.includes("create secret generic attest-keycloak-monitor --from-file=client-secret"), "the runbook creates Secret attest-keycloak-monitor");

    if (overlay === "production") {
      const realmUsers = named("KeycloakRealmImport", "attest-realm").spec.realm.users;
      assert.deepEqual(realmUsers.map((u) => u.username), ["service-account-attest-security-monitor"], "no demo users in production, only the security monitor's service account");
      assert.ok(realmUsers.every((u) => u.credentials === undefined), "no password reaches production");
      assert.ok(of("Deployment").filter((d) => d.metadata.name !== "bundler").every((d) => d.spec.replicas >= 2), "at least two replicas of each service (the bundler: one, above)");
      assert.equal(bundlerPod.initContainers, undefined, "production deploys no contracts: the operator does, once (runbook)");
      assert.ok(of("Deployment").every((d) => d.spec.template.spec.containers[0].image.startsWith("registry.example.com/")));
    } else {
      assert.ok(named("Deployment", "sandbox") && named("Deployment", "anvil") && named("Deployment", "greenmail"));
      // arlocal for document-service, reachable under the name the local ConfigMap gives it, its data on a claim.
      const arweave = named("Deployment", "arweave");
      assert.ok(arweave && named("Service", "arweave") && named("PersistentVolumeClaim", "arweave-data"), "the arlocal stand-in");
      assert.ok(arweave.spec.template.spec.containers[0].image.endsWith("attest/arlocal:local"), arweave.spec.template.spec.containers[0].image);
      const platform = of("ConfigMap").find((c) => c.metadata.name.startsWith("attest-platform"));
      assert.equal(platform.data.ATTEST_DOCUMENT_ARWEAVE_GATEWAY_URL, `http://arweave:${named("Service", "arweave").spec.ports[0].port}`);
      // The ERC-4337 contracts go onto the anvil stand-in before alto starts (aa-deploy, the image's script), with the
      // operator's key and the paymaster's signer from their Secrets, and the bundler may reach the stand-ins.
      const [deploy] = bundlerPod.initContainers;
      assert.deepEqual([deploy.name, deploy.command], ["aa-deploy", ["/opt/attest/deploy/docker/aa/aa-deploy.sh"]]);
      assert.equal(deploy.image, alto.image, "the same aa image");
      assert.ok(bundlerSecrets.includes("attest-aa") && bundlerSecrets.includes("attest-aa-operator"), bundlerSecrets.join());
      assert.ok(deploy.volumeMounts.some((m) => platform.data.ATTEST_AA_PAYMASTER_SIGNER_KEY_FILE.startsWith(`${m.mountPath}/`) && bundlerPod.volumes.find((v) => v.name === m.name).secret?.secretName === "attest-aa"), "aa-deploy reads the signer where wallet-service does");
      assert.ok(!alto.volumeMounts.some((m) => ["aa", "aa-operator"].includes(m.name)), "alto itself mounts neither the operator's nor the paymaster's key");
      assert.ok(of("NetworkPolicy").some((p) => p.spec.podSelector.matchLabels?.["app.kubernetes.io/name"] === "bundler" && JSON.stringify(p.spec.egress || []).includes("stand-in")), "bundler to the stand-ins");
    }
  });
}
