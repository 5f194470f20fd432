#!/usr/bin/env bash
# Runs arlocal (the command line given) in DIR, where it keeps its database, and mines as Arweave would for what
# waits: arlocal mines only when asked (GET /mine). Every 2 s, a block when transactions are pending, then
# CONFIRMATIONS more blocks on top of it, since document-service confirms a document only once its transaction is
# that deep (attest.document.arweave.confirmations); no block while nothing waits, so the chain does not grow idle.
# Arweave mines every two minutes; locally a document is confirmed within seconds.
#   mine-when-pending.sh GATEWAY_URL DIR CONFIRMATIONS ARLOCAL_COMMAND...
set -u
gateway=$1
cd "$2" || exit 1
confirmations=$3
shift 3

"$@" &
arlocal=$!
# The launcher stops this piece with SIGTERM: arlocal gets it too, and closes its database as it exits.
trap 'kill -TERM "$arlocal" 2>/dev/null; wait "$arlocal"; exit' TERM INT

# Blocks still owed to the last transactions: a stack stopped between a transaction's block and its confirmations
# owes them at the next start too.
owed=$confirmations
while kill -0 "$arlocal" 2>/dev/null; do
  sleep 2 &
  wait $! # interruptible by the trap, unlike a bare sleep
  pending=$(curl -sf -m 5 "$gateway/tx/pending") || continue
  if [[ $pending == *'"'* ]]; then # a JSON array with at least one transaction id
    curl -sf -m 10 -o /dev/null "$gateway/mine" && owed=$confirmations
  elif ((owed > 0)); then
    curl -sf -m 10 -o /dev/null "$gateway/mine" && owed=$((owed - 1))
  fi
done
wait "$arlocal"
