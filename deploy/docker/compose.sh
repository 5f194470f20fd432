#!/usr/bin/env bash
# docker compose with the secrets docker-compose.yml needs (made once by make-secrets.sh).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
[[ -s $here/secrets/compose.env ]] || "$here/make-secrets.sh"
set -a
# shellcheck disable=SC1091
. "$here/secrets/compose.env"
set +a
ATTEST_GATEWAY_SIGNING_KEY=$(cat "$here/secrets/gateway-signing-key.pem")
export ATTEST_GATEWAY_SIGNING_KEY
cd "$here/../.."
exec docker compose "$@"
