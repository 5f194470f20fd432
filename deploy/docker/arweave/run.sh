#!/bin/bash
# The arweave container's entrypoint (docker-compose.yml; the local Kubernetes overlay's stand-in): arlocal on port
# 1984 with its database in /data kept across restarts (--persist), mined every 2 s while transactions wait, and
# $ARWEAVE_CONFIRMATIONS blocks more on top (default 1: document-service's attest.document.arweave.confirmations), by
# the local stack's deploy/local/arweave/mine-when-pending.sh, as ./attest's start_arweave runs it. Once arlocal answers,
# the platform's wallet ($ARWEAVE_WALLET_FILE, a JWK; unset: none) is topped up from arlocal's faucet as ./attest's
# fund_arweave_wallet does (fund-wallet.mjs), then /tmp/arweave-funded tells the health check the gateway is ready.
set -u
url=http://127.0.0.1:1984
rm -f /tmp/arweave-funded
/opt/attest/mine-when-pending.sh "$url" /data "${ARWEAVE_CONFIRMATIONS:-1}" \
  node /opt/arlocal/node_modules/arlocal/bin/index.js 1984 --hidelogs --persist --dbpath db &
pid=$!
# docker stop / pod termination: SIGTERM to the mining loop, which stops arlocal and lets it close its database.
trap 'kill -TERM "$pid" 2>/dev/null; wait "$pid"; exit' TERM INT

if [[ -n ${ARWEAVE_WALLET_FILE:-} ]]; then
  until node /opt/attest/fund-wallet.mjs "$ARWEAVE_WALLET_FILE" "$url"; do
    kill -0 "$pid" 2>/dev/null || exit 1
    sleep 2 &
    wait $!
  done
fi
touch /tmp/arweave-funded
wait "$pid"
