#!/bin/bash
# The ERC-4337 contracts onto the chain, once, before the bundler starts (docker-compose.yml's one-shot `aa-deploy`, the
# local Kubernetes overlay's init container of the bundler): deploy/local/aa/deploy.mjs, as ./attest's deploy_aa runs
# it, puts the EntryPoint v0.7 and SimpleAccountFactory at their canonical addresses and the platform's
# VerifyingPaymaster with its deposit on $ATTEST_EVM_RPC_URL, idempotently.
#   ATTEST_AA_OPERATOR_KEY_FILE            the operator's key (deploys, owns the paymaster, funds its deposit)
#   ATTEST_AA_PAYMASTER_SIGNER_KEY_FILE    the paymaster's verifying signer (wallet-service's key file too)
#   ATTEST_PAYMASTER_ADDRESS               the paymaster the services are told about (compose, the ConfigMap)
# The services learn the paymaster's address from their settings, so it is known in advance: it is handed to
# deploy.mjs as the one recorded, kept while its code is on the chain with this signer, owner and EntryPoint. On a
# fresh chain the operator's first transactions deploy the EntryPoint, the factory and then the paymaster, at the
# operator's nonce 2, which is the address compose and the local ConfigMap name for the local test operator. Any
# other outcome fails here, naming the paymaster deployed, instead of letting the services use another one.
set -euo pipefail
root=$(cd "$(dirname "$0")/../../.." && pwd)
: "${ATTEST_EVM_RPC_URL:?} ${ATTEST_PAYMASTER_ADDRESS:?} ${ATTEST_AA_OPERATOR_KEY_FILE:?} ${ATTEST_AA_PAYMASTER_SIGNER_KEY_FILE:?}"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
printf '{"paymaster": "%s"}\n' "$ATTEST_PAYMASTER_ADDRESS" >"$work/contracts.json"
# A copy of the signer key: deploy.mjs sets its file's mode (600), which a read-only secret mount refuses.
(umask 077 && cat "$ATTEST_AA_PAYMASTER_SIGNER_KEY_FILE" >"$work/paymaster-signer.key")
ATTEST_AA_OPERATOR_KEY=$(<"$ATTEST_AA_OPERATOR_KEY_FILE") node "$root/deploy/local/aa/deploy.mjs" \
  --rpc-url "$ATTEST_EVM_RPC_URL" --signer-key-file "$work/paymaster-signer.key" --out "$work/contracts.json"
paymaster=$(sed -n 's/.*"paymaster": *"\(0x[0-9a-fA-F]*\)".*/\1/p' "$work/contracts.json")
if [[ ${paymaster,,} != "${ATTEST_PAYMASTER_ADDRESS,,}" ]]; then
  echo "aa-deploy: the paymaster on the chain is $paymaster, not ATTEST_PAYMASTER_ADDRESS ($ATTEST_PAYMASTER_ADDRESS):" \
    "set ATTEST_PAYMASTER_ADDRESS=$paymaster (compose's environment, the ConfigMap), or start from a fresh chain" >&2
  exit 1
fi
