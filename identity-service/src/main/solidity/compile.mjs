// Compiles the platform's own contracts (this folder) with solc-js from tools/node, pinned in its package.json,
// into artifacts shaped like the npm packages' ({abi, bytecode}), which ContractArtifact reads from the class path.
// Usage: node compile.mjs <tools/node/node_modules> <output folder>
import { createRequire } from "node:module";
import { readFileSync, writeFileSync, mkdirSync, readdirSync } from "node:fs";
import { join, dirname, basename } from "node:path";
import { fileURLToPath } from "node:url";

const [nodeModules, out] = process.argv.slice(2);
const solc = createRequire(join(nodeModules, "noop.js"))("solc");
const here = dirname(fileURLToPath(import.meta.url));
const sources = Object.fromEntries(
  readdirSync(here)
    .filter((name) => name.endsWith(".sol"))
    .map((name) => [name, { content: readFileSync(join(here, name), "utf8") }]),
);
const input = {
  language: "Solidity",
  sources,
  settings: {
    optimizer: { enabled: true, runs: 200 },
    evmVersion: "london",
    outputSelection: { "*": { "*": ["abi", "evm.bytecode.object"] } },
  },
};
const output = JSON.parse(solc.compile(JSON.stringify(input)));
const errors = (output.errors ?? []).filter((e) => e.severity === "error");
for (const message of output.errors ?? []) console.error(message.formattedMessage);
if (errors.length > 0) process.exit(1);
for (const [file, contracts] of Object.entries(output.contracts)) {
  for (const [name, contract] of Object.entries(contracts)) {
    if (contract.evm.bytecode.object === "") continue; // an interface
    const folder = join(out, file);
    mkdirSync(folder, { recursive: true });
    const artifact = { contractName: name, compiler: `solc ${solc.version()}`, abi: contract.abi, bytecode: "0x" + contract.evm.bytecode.object };
    writeFileSync(join(folder, `${name}.json`), JSON.stringify(artifact, null, 2));
    console.log(`compiled ${basename(file)}:${name}`);
  }
}
