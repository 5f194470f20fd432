#!/usr/bin/env bash
# docker compose, after making the secret files docker-compose.yml mounts (once, make-secrets.sh).
#   deploy/docker/compose.sh up -d --build      (build the jars first: deploy/docker/package.sh)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
[[ -s $here/secrets/master-keys && -s $here/secrets/identity-issuer-key && -s $here/secrets/arweave-wallet.json &&
   -s $here/secrets/aa-paymaster-signer.key && -s $here/secrets/bundler-executor-key ]] || "$here/make-secrets.sh"
cd "$here/../.."
exec docker compose "$@"
