#!/usr/bin/env bash
# Runs anvil (the command line given, with --no-mining) and mines a block every 0.5 s while transactions wait,
# none while none do. anvil computes the state root afresh over the whole state for every block it mines, empty or
# not: with --block-time 0.5, a chain that holds a few thousand identities kept one core about 60 % busy doing
# nothing (docs/performance.md). Blocks still come at most every 0.5 s, as a fast L2's, so transactions share one.
#   mine-when-pending.sh RPC_URL ANVIL_COMMAND...
set -u
rpc_url=$1
shift

rpc() { # method: the JSON-RPC answer, or nothing if anvil did not answer
  curl -sf -m 5 -H 'content-type: application/json' \
    --data "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"$1\",\"params\":[]}" "$rpc_url"
}

"$@" &
anvil=$!
# The launcher stops this piece with SIGTERM: anvil gets it too, and writes its state file as it exits.
trap 'kill -TERM "$anvil" 2>/dev/null; wait "$anvil"; exit' TERM INT

while kill -0 "$anvil" 2>/dev/null; do
  sleep 0.5 &
  wait $! # interruptible by the trap, unlike a bare sleep
  status=$(rpc txpool_status) || continue
  if [[ $status == *'"pending":"0x'* && $status != *'"pending":"0x0"'* ]]; then
    rpc evm_mine >/dev/null || true
  fi
done
wait "$anvil"
