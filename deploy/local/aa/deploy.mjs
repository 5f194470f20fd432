#!/usr/bin/env node
// Deploys the ERC-4337 contracts gas sponsorship needs onto an EVM node, idempotently (docs/gas-sponsorship.md):
//
//   - EntryPoint v0.7 at 0x0000000071727De22E5E9d8BAf0edAc6f37da032 and SimpleAccountFactory v0.7 at
//     0x91E60e0613810449d098b0b5Ec8b51A0FE8c8985, through the deterministic CREATE2 deployer
//     (0x4e59b44847b379578588920ca78fbf26c0b4956c, which anvil has at genesis) from the published artifacts of
//     @account-abstraction/contracts 0.7.0 (tools/node): the bytecode and salts of the canonical deployment give
//     the canonical addresses, so a contract already there is left alone;
//   - the platform's VerifyingPaymaster (the eth-infinitism sample for v0.7, from the same package's artifacts:
//     nothing is compiled here), deployed by the operator, who owns it, with the verifying signer the key in
//     --signer-key-file (made there, mode 600, when the file does not exist). The one recorded in --out is kept
//     while its code is on chain with that signer, owner and EntryPoint; otherwise a new one is deployed;
//   - the paymaster's deposit at the EntryPoint, topped up to --deposit-eth when below half of it.
//
// Writes the addresses to --out (JSON) and prints them. Usage:
//   node deploy/local/aa/deploy.mjs --rpc-url URL --operator-key 0x.. --signer-key-file FILE --out FILE
//        [--deposit-eth 10]
// The operator key may come from ATTEST_AA_OPERATOR_KEY instead of the command line.
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

// The packages live in the repository's tools/node (npm ci --prefix tools/node).
const require = createRequire(fileURLToPath(new URL('../../../tools/node/package.json', import.meta.url)));
const viem = require('viem');
const { privateKeyToAccount, generatePrivateKey } = require('viem/accounts');
const artifact = (name) => require(`@account-abstraction/contracts/artifacts/${name}.json`);

export const CREATE2_DEPLOYER = '0x4e59b44847b379578588920ca78fbf26c0b4956c';
export const ENTRY_POINT = '0x0000000071727De22E5E9d8BAf0edAc6f37da032';
export const ACCOUNT_FACTORY = '0x91E60e0613810449d098b0b5Ec8b51A0FE8c8985';
// The salts of the canonical v0.7 deployment (eth-infinitism's deploy scripts).
const ENTRY_POINT_SALT = '0x90d8084deab30c2a37c45e8d47f49f2f7965183cb6990a98943ef94940681de3';
const ACCOUNT_FACTORY_SALT = viem.zeroHash;

function options(argv) {
  const out = { depositEth: '10', operatorKey: process.env.ATTEST_AA_OPERATOR_KEY };
  for (let i = 2; i < argv.length; i += 2) {
    const [name, value] = [argv[i], argv[i + 1]];
    if (value === undefined) throw new Error(`${name}: a value is missing`);
    const key = { '--rpc-url': 'rpcUrl', '--operator-key': 'operatorKey', '--signer-key-file': 'signerKeyFile',
      '--out': 'out', '--deposit-eth': 'depositEth' }[name];
    if (!key) throw new Error(`unknown option ${name}`);
    out[key] = value;
  }
  for (const [key, flag] of [['rpcUrl', '--rpc-url'], ['operatorKey', '--operator-key'],
    ['signerKeyFile', '--signer-key-file'], ['out', '--out']]) {
    if (!out[key]) throw new Error(`${flag} is required`);
  }
  return out;
}

// The paymaster's verifying signer: a secp256k1 key kept in a file of its own, made once, never printed.
function signerKey(file) {
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
    writeFileSync(`${file}.tmp`, generatePrivateKey(), { mode: 0o600 });
    renameSync(`${file}.tmp`, file);
  }
  chmodSync(file, 0o600);
  const key = readFileSync(file, 'utf8').trim();
  if (!/^0x[0-9a-fA-F]{64}$/.test(key)) throw new Error(`${file} does not hold a 32-byte hex key`);
  return key;
}

async function main() {
  const opts = options(process.argv);
  const transport = viem.http(opts.rpcUrl, { timeout: 30_000 });
  const probe = viem.createPublicClient({ transport });
  const chain = viem.defineChain({
    id: await probe.getChainId(),
    name: 'attest-local',
    nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 },
    rpcUrls: { default: { http: [opts.rpcUrl] } },
  });
  const node = viem.createPublicClient({ chain, transport, pollingInterval: 250 });
  const operator = privateKeyToAccount(opts.operatorKey);
  const wallet = viem.createWalletClient({ chain, transport, account: operator });
  const signer = privateKeyToAccount(signerKey(opts.signerKeyFile));
  const hasCode = async (address) => ((await node.getCode({ address })) ?? '0x') !== '0x';
  const send = async (request) => {
    const hash = await wallet.sendTransaction(request);
    const receipt = await node.waitForTransactionReceipt({ hash, timeout: 120_000 });
    if (receipt.status !== 'success') throw new Error(`transaction ${hash} reverted`);
    return receipt;
  };

  // Deterministic deployments: the CREATE2 deployer takes salt ++ init code as calldata.
  const deterministic = async (label, address, salt, initCode) => {
    const expected = viem.getContractAddress({ opcode: 'CREATE2', from: CREATE2_DEPLOYER, salt, bytecode: initCode });
    if (viem.getAddress(expected) !== viem.getAddress(address)) {
      throw new Error(`${label}: the artifact would deploy at ${expected}, not at ${address}`);
    }
    if (await hasCode(address)) return `${label} ${address}: already deployed`;
    if (!(await hasCode(CREATE2_DEPLOYER))) {
      throw new Error(`the CREATE2 deployer ${CREATE2_DEPLOYER} is not on this chain`);
    }
    await send({ to: CREATE2_DEPLOYER, data: viem.concat([salt, initCode]) });
    if (!(await hasCode(address))) throw new Error(`${label}: nothing was deployed at ${address}`);
    return `${label} ${address}: deployed`;
  };
  const log = [];
  log.push(await deterministic('EntryPoint v0.7', ENTRY_POINT, ENTRY_POINT_SALT, artifact('EntryPoint').bytecode));
  const factory = artifact('SimpleAccountFactory');
  log.push(await deterministic('SimpleAccountFactory', ACCOUNT_FACTORY, ACCOUNT_FACTORY_SALT,
    viem.encodeDeployData({ abi: factory.abi, bytecode: factory.bytecode, args: [ENTRY_POINT] })));

  // The paymaster: the recorded one if it is still on chain as it should be, else a new one.
  const paymasterArtifact = artifact('VerifyingPaymaster');
  const read = (address, functionName) =>
    node.readContract({ address, abi: paymasterArtifact.abi, functionName });
  const recorded = existsSync(opts.out) ? JSON.parse(readFileSync(opts.out, 'utf8')).paymaster : undefined;
  let paymaster;
  if (recorded && (await hasCode(recorded))) {
    const [owner, verifyingSigner, entryPoint] = await Promise.all(
      ['owner', 'verifyingSigner', 'entryPoint'].map((name) => read(recorded, name).catch(() => undefined)));
    if (owner === operator.address && verifyingSigner === signer.address && entryPoint === ENTRY_POINT) {
      paymaster = recorded;
      log.push(`VerifyingPaymaster ${paymaster}: already deployed`);
    }
  }
  if (!paymaster) {
    const receipt = await send({
      data: viem.encodeDeployData({
        abi: paymasterArtifact.abi, bytecode: paymasterArtifact.bytecode, args: [ENTRY_POINT, signer.address],
      }),
    });
    paymaster = viem.getAddress(receipt.contractAddress);
    log.push(`VerifyingPaymaster ${paymaster}: deployed (owner ${operator.address}, signer ${signer.address})`);
  }

  // The deposit the EntryPoint charges sponsored operations to.
  const entryPoint = artifact('EntryPoint');
  const target = viem.parseEther(opts.depositEth);
  let deposit = await node.readContract({
    address: ENTRY_POINT, abi: entryPoint.abi, functionName: 'balanceOf', args: [paymaster] });
  if (deposit < target / 2n) {
    await send({
      to: ENTRY_POINT,
      value: target - deposit,
      data: viem.encodeFunctionData({ abi: entryPoint.abi, functionName: 'depositTo', args: [paymaster] }),
    });
    deposit = target;
    log.push(`VerifyingPaymaster deposit: topped up to ${opts.depositEth} ETH`);
  } else {
    log.push(`VerifyingPaymaster deposit: ${viem.formatEther(deposit)} ETH`);
  }

  const addresses = {
    chainId: chain.id,
    entryPoint: ENTRY_POINT,
    accountFactory: ACCOUNT_FACTORY,
    paymaster,
    paymasterOwner: operator.address,
    paymasterSigner: signer.address,
  };
  mkdirSync(dirname(opts.out), { recursive: true });
  writeFileSync(`${opts.out}.tmp`, `${JSON.stringify(addresses, null, 2)}\n`);
  renameSync(`${opts.out}.tmp`, opts.out);
  for (const line of log) console.log(line);
  console.log(JSON.stringify(addresses));
}

main().catch((error) => {
  console.error(error && error.shortMessage ? error.shortMessage : error);
  process.exit(1);
});
