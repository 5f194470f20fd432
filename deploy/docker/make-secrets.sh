#!/usr/bin/env bash
# Makes the secret files docker-compose.yml mounts (compose `secrets:`), once, into deploy/docker/secrets/ (mode 600;
# git-ignored, never in an image: /.dockerignore): the services' master keys, the PostgreSQL and Keycloak admin
# passwords, the gateway's token signing key, identity-service's chain keys, a Dfns service account for the
# sandbox, document-service's Arweave wallet, and the ERC-4337 keys (the AA operator's, the bundler's, the paymaster's
# signer). Nothing secret is written into the compose file or passed as an environment entry of it.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
dir=$here/secrets
umask 077
mkdir -p "$dir"
# The master key list as the services read it (attest.crypto.master-keys: id:base64 of 32 bytes).
[[ -s $dir/master-keys ]] || printf 'compose-1:%s' "$(head -c 32 /dev/urandom | base64 | tr -d '\n')" >"$dir/master-keys"
[[ -s $dir/postgres-password ]] || openssl rand -hex 24 | tr -d '\n' >"$dir/postgres-password"
[[ -s $dir/keycloak-admin-password ]] || openssl rand -hex 16 | tr -d '\n' >"$dir/keycloak-admin-password"
# The realm's attest-security-monitor client (Keycloak's realm import and the gateway's sign-in monitoring).
[[ -s $dir/keycloak-monitor-secret ]] || openssl rand -hex 24 | tr -d '\n' >"$dir/keycloak-monitor-secret"
[[ -s $dir/gateway-signing-key.pem ]] ||
  openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$dir/gateway-signing-key.pem"
# identity-service's operator and claim-issuer keys: the local chain's public test accounts (the local stack's,
# deploy/local/env/identity-service.env). For any other chain, replace both files with that chain's funded keys.
for key in OPERATOR ISSUER; do
  file=$dir/identity-$(tr '[:upper:]' '[:lower:]' <<<"$key")-key
  [[ -s $file ]] || sed -n "s/^ATTEST_IDENTITY_${key}_KEY=//p" "$here/../local/env/identity-service.env" | tr -d '\n' >"$file"
done
# The same layout as ./attest's .attest/secrets/dfns/, which `attest-e2e.jar tenant` reads.
if [[ ! -s $dir/dfns/credential.pem ]]; then
  mkdir -p "$dir/dfns"
  openssl genpkey -algorithm ed25519 -out "$dir/dfns/credential.pem"
  openssl pkey -in "$dir/dfns/credential.pem" -pubout -out "$dir/dfns/credential.pub.pem"
  echo "dfns_local_$(openssl rand -hex 24)" >"$dir/dfns/token"
  echo "whsec_local_$(openssl rand -hex 24)" >"$dir/dfns/webhook-secret"
  echo "cr-local-demo" >"$dir/dfns/credential-id"
fi
# document-service's Arweave wallet (ATTEST_DOCUMENT_ARWEAVE_WALLET), which signs and pays for every stored document:
# an RSA-4096 JWK as Arweave wallets are, made with Node's crypto as ./attest makes .attest/secrets/arweave-wallet.json.
# The arweave container funds it on arlocal; for a real gateway, replace the file with a wallet funded there.
if [[ ! -s $dir/arweave-wallet.json ]]; then
  node -e 'const { generateKeyPairSync } = require("crypto");
    const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 4096, publicExponent: 65537 });
    process.stdout.write(JSON.stringify(privateKey.export({ format: "jwk" })));' >"$dir/arweave-wallet.json.tmp"
  mv "$dir/arweave-wallet.json.tmp" "$dir/arweave-wallet.json"
fi
# The ERC-4337 keys (docs/gas-sponsorship.md): the AA operator (deploys the contracts, owns the paymaster, funds its
# deposit) and alto's utility and executor accounts are the local chain's public test accounts 3, 4 and 5, read from
# ./attest, which runs them; for any other chain, replace the three files with that chain's funded keys. The
# paymaster's verifying signer (wallet-service's and aa-deploy's) is a new key, 0x-prefixed hex as deploy.mjs makes it.
for pair in aa-operator-key:AA_OPERATOR_KEY bundler-utility-key:BUNDLER_UTILITY_KEY bundler-executor-key:BUNDLER_EXECUTOR_KEY; do
  file=$dir/${pair%%:*} var=${pair#*:}
  [[ -s $file ]] && continue
  key=$(sed -n "s/^ *$var=\${ATTEST_$var:-\(0x[0-9a-fA-F]\{64\}\)}$/\1/p" "$here/../../attest" | head -n1)
  [[ -n $key ]] || { echo "make-secrets: no default $var in ./attest" >&2; exit 1; }
  printf '%s' "$key" >"$file"
done
[[ -s $dir/aa-paymaster-signer.key ]] || printf '0x%s' "$(openssl rand -hex 32)" >"$dir/aa-paymaster-signer.key"
rm -f "$dir/compose.env" # written by earlier versions, which passed secrets as environment entries
echo "secrets in $dir"
