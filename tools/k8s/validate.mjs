// Offline validation of Kubernetes manifests, used by deploy/k8s/tests (./attest test):
//  - built-in kinds against the Kubernetes API schemas that npm kubernetes-models ships (types, required fields,
//    formats), plus unknown fields refused (as `kubectl apply --validate=strict` does), read from the models'
//    type declarations;
//  - custom resources against the operators' CRD schemas committed under deploy/k8s/schemas/ (unknown fields
//    refused unless the schema preserves them).
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { spawnSync } from "node:child_process";
import Ajv from "ajv";
import { parseAllDocuments } from "yaml";

const here = dirname(fileURLToPath(import.meta.url));
export const ROOT = join(here, "../..");
const MODULES = join(here, "node_modules");
const SCHEMAS = join(ROOT, "deploy/k8s/schemas");

export function loadYaml(file) {
  return parseAllDocuments(readFileSync(file, "utf8"))
    .map((doc) => {
      if (doc.errors.length) throw new Error(`${file}: ${doc.errors[0].message}`);
      return doc.toJS();
    })
    .filter((d) => d != null);
}

// ---- kustomize: `kubectl kustomize` (kustomize v5 inside kubectl) when this machine has it ----
export function kustomizeAvailable() {
  const r = spawnSync("kubectl", ["kustomize", "--help"], { encoding: "utf8" });
  return r.status === 0;
}
export function render(dir) {
  const r = spawnSync("kubectl", ["kustomize", dir], { encoding: "utf8", maxBuffer: 64 << 20 });
  if (r.status !== 0) throw new Error(`kubectl kustomize ${dir} failed:\n${r.stderr}`);
  return parseAllDocuments(r.stdout).map((d) => d.toJS()).filter((d) => d != null);
}

// ---- built-in kinds ----
function modelPath(apiVersion, kind) {
  const group = apiVersion.includes("/") ? apiVersion : `core/${apiVersion}`;
  const [g, v] = group.split("/");
  return g === "core" ? `kubernetes-models/${v}/${kind}` : `kubernetes-models/${g}/${v}/${kind}`;
}

const interfaces = new Map(); // .d.ts file -> {props: Map(name -> type), file}
function parseDeclarations(file) {
  if (interfaces.has(file)) return interfaces.get(file);
  const text = readFileSync(file, "utf8");
  const imports = new Map();
  for (const m of text.matchAll(/import \{ (\w+) \} from "([^"]+)";/g)) imports.set(m[1], m[2]);
  const start = text.search(/export interface I\w+( extends [\w, ]+)? \{/);
  let result = null;
  if (start >= 0) {
    const lines = text.slice(start).split("\n");
    const props = new Map();
    for (let i = 1; i < lines.length && lines[i] !== "}"; i++) {
      const m = lines[i].match(/^ {4}"([^"]+)"\??: (.*?);?$/);
      if (!m) continue;
      let type = m[2];
      if (type === "{") {
        const value = (lines[i + 1] || "").match(/\[key: string\]: (\w+)/);
        type = { map: value ? value[1] : "unknown" };
      } else {
        const array = type.match(/^Array<(\w+)>$/);
        type = array ? { array: array[1] } : { ref: type };
      }
      props.set(m[1], type);
    }
    result = { props, resolve: (name) => resolveImport(file, imports.get(name)) };
  }
  interfaces.set(file, result);
  return result;
}
function resolveImport(fromFile, spec) {
  if (!spec) return null;
  const target = spec.startsWith(".") ? join(dirname(fromFile), spec).replace(/\.js$/, "") : join(MODULES, spec);
  const dts = `${target}.d.ts`;
  return existsSync(dts) ? dts : null;
}
function unknownFields(value, dtsFile, path, errors) {
  const decl = dtsFile && parseDeclarations(dtsFile);
  if (!decl || value === null || typeof value !== "object" || Array.isArray(value)) return;
  for (const [key, child] of Object.entries(value)) {
    const type = decl.props.get(key);
    if (!type) {
      errors.push(`${path}/${key}: unknown field`);
      continue;
    }
    const name = type.ref || type.array || type.map;
    const file = /^I\w+$/.test(name || "") ? decl.resolve(name) : null;
    if (!file) continue;
    if (type.array && Array.isArray(child)) child.forEach((item, i) => unknownFields(item, file, `${path}/${key}/${i}`, errors));
    else if (type.map && child && typeof child === "object") {
      for (const [k, item] of Object.entries(child)) unknownFields(item, file, `${path}/${key}/${k}`, errors);
    } else unknownFields(child, file, `${path}/${key}`, errors);
  }
}

async function validateBuiltIn(resource) {
  const path = modelPath(resource.apiVersion, resource.kind);
  let module;
  try {
    module = await import(path);
  } catch {
    return [`${resource.apiVersion} ${resource.kind}: not a Kubernetes API kind this validator knows`];
  }
  const Model = module[resource.kind] || module.default;
  const errors = [];
  try {
    new Model(resource).validate();
  } catch (e) {
    errors.push(e.message);
  }
  unknownFields(resource, join(MODULES, `${path}.d.ts`), "", errors);
  return errors;
}

// ---- custom resources ----
const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
const crdValidators = new Map();
// Unknown fields are refused where the schema lists its properties and does not keep unknown ones.
function strictSchema(schema) {
  if (Array.isArray(schema)) return schema.map(strictSchema);
  if (!schema || typeof schema !== "object") return schema;
  const out = {};
  for (const [k, v] of Object.entries(schema)) out[k] = k === "enum" || k === "default" || k === "example" ? v : strictSchema(v);
  if (out.properties && out.additionalProperties === undefined && !out["x-kubernetes-preserve-unknown-fields"]) {
    out.additionalProperties = false;
  }
  return out;
}
export function crdSchemaFile(apiVersion, kind) {
  const [group, version] = apiVersion.split("/");
  return join(SCHEMAS, group, `${kind}-${version}.json`);
}
function validateCustom(resource) {
  const file = crdSchemaFile(resource.apiVersion, resource.kind);
  if (!existsSync(file)) return [`${resource.apiVersion} ${resource.kind}: no CRD schema in deploy/k8s/schemas`];
  if (!crdValidators.has(file)) {
    const raw = JSON.parse(readFileSync(file, "utf8"));
    // apiVersion and kind are the API server's; some CRDs (Keycloak's) leave them out of their schema.
    raw.properties = { apiVersion: { type: "string" }, kind: { type: "string" }, ...raw.properties };
    const schema = strictSchema(raw);
    // The API server checks metadata itself; the CRD schemas leave it open.
    if (schema.properties) schema.properties.metadata = { type: "object" };
    crdValidators.set(file, ajv.compile(schema));
  }
  const validate = crdValidators.get(file);
  const errors = [];
  if (!validate(resource)) {
    for (const e of validate.errors) {
      errors.push(`${e.instancePath || "/"} ${e.message}${e.params?.additionalProperty ? `: ${e.params.additionalProperty}` : ""}`);
    }
  }
  if (!resource.metadata?.name) errors.push("metadata.name is required");
  return errors;
}

const BUILT_IN_GROUPS = /^(v1|apps\/v1|batch\/v1|policy\/v1|networking\.k8s\.io\/v1|rbac\.authorization\.k8s\.io\/v1|autoscaling\/v2)$/;

/** The errors of one resource: an empty list when it is valid. */
export async function validateResource(resource) {
  if (!resource || typeof resource !== "object" || !resource.apiVersion || !resource.kind) {
    return ["not a Kubernetes resource: apiVersion and kind are required"];
  }
  return BUILT_IN_GROUPS.test(resource.apiVersion) ? validateBuiltIn(resource) : validateCustom(resource);
}

export function describe(resource) {
  return `${resource?.kind}/${resource?.metadata?.name}`;
}

// The tests under deploy/k8s/tests take their packages from here (tools/k8s/node_modules).
export { Ajv };
export { parse as parseYaml } from "yaml";
