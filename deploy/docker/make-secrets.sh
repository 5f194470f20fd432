#!/usr/bin/env bash
# Makes the secrets docker-compose.yml reads, once, into deploy/docker/secrets/ (mode 600; never commit it):
# the services' master key, the gateway's token signing key, and a Dfns service account for the sandbox.
set -euo pipefail
dir=$(cd "$(dirname "$0")" && pwd)/secrets
umask 077
mkdir -p "$dir"
[[ -s $dir/master-key ]] || head -c 32 /dev/urandom | base64 | tr -d '\n' >"$dir/master-key"
[[ -s $dir/gateway-signing-key.pem ]] ||
  openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$dir/gateway-signing-key.pem"
# The same layout as ./attest's .attest/secrets/dfns/, which `attest-e2e.jar tenant` reads.
if [[ ! -s $dir/dfns/credential.pem ]]; then
  mkdir -p "$dir/dfns"
  openssl genpkey -algorithm ed25519 -out "$dir/dfns/credential.pem"
  openssl pkey -in "$dir/dfns/credential.pem" -pubout -out "$dir/dfns/credential.pub.pem"
  echo "dfns_local_$(openssl rand -hex 24)" >"$dir/dfns/token"
  echo "whsec_local_$(openssl rand -hex 24)" >"$dir/dfns/webhook-secret"
  echo "cr-local-demo" >"$dir/dfns/credential-id"
fi
# The environment compose substitutes: the master key and the gateway key as values, the rest as files.
{
  echo "ATTEST_MASTER_KEY=$(cat "$dir/master-key")"
  echo "DFNS_TOKEN=$(cat "$dir/dfns/token")"
  echo "DFNS_WEBHOOK_SECRET=$(cat "$dir/dfns/webhook-secret")"
} >"$dir/compose.env"
echo "secrets in $dir"
