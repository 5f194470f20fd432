// Writes the openAPIV3Schema of each served version of the CustomResourceDefinitions in the given YAML files
// to deploy/k8s/schemas/<group>/<kind>-<version>.json, the form deploy/k8s's checks read.
//   node tools/k8s/extract-crd-schemas.mjs crd.yaml...
// The CRD files come from the operators' released sources (deploy/k8s/schemas/SOURCES.md says which).
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseAllDocuments } from "yaml";

const out = join(dirname(fileURLToPath(import.meta.url)), "../../deploy/k8s/schemas");
for (const file of process.argv.slice(2)) {
  for (const doc of parseAllDocuments(readFileSync(file, "utf8"))) {
    const crd = doc.toJS();
    if (crd?.kind !== "CustomResourceDefinition") continue;
    for (const version of crd.spec.versions) {
      if (!version.served || !version.schema?.openAPIV3Schema) continue;
      const target = join(out, crd.spec.group, `${crd.spec.names.kind}-${version.name}.json`);
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, JSON.stringify(version.schema.openAPIV3Schema) + "\n");
      console.log(`${target}`);
    }
  }
}
