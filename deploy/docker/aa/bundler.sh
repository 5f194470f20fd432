#!/bin/bash
# The aa image's entrypoint: Pimlico's alto, the ERC-4337 bundler (docker-compose.yml's `bundler`, the Kubernetes
# Deployment `bundler`), with the arguments it is given (--entrypoints, --rpc-url, --safe-mode, --port, ...). Its keys
# arrive as files, never as environment values of a compose file or a manifest: the utility account's
# ($BUNDLER_UTILITY_KEY_FILE: deploys alto's simulation contract, refills the executor) and the executor's
# ($BUNDLER_EXECUTOR_KEY_FILE: sends handleOps), each a 0x-prefixed hex key, become alto's ALTO_UTILITY_PRIVATE_KEY and
# ALTO_EXECUTOR_PRIVATE_KEYS for alto only, as ./attest's bundler_env passes them (not on the command line, which
# `ps` shows). Values are never printed. Runs from the image (/opt/attest) or a checkout (tools/node installed).
set -euo pipefail
root=$(cd "$(dirname "$0")/../../.." && pwd)
ALTO_UTILITY_PRIVATE_KEY=$(<"${BUNDLER_UTILITY_KEY_FILE:?the utility key file (BUNDLER_UTILITY_KEY_FILE) is required}")
ALTO_EXECUTOR_PRIVATE_KEYS=$(<"${BUNDLER_EXECUTOR_KEY_FILE:?the executor key file (BUNDLER_EXECUTOR_KEY_FILE) is required}")
export ALTO_UTILITY_PRIVATE_KEY ALTO_EXECUTOR_PRIVATE_KEYS
exec node "$root/tools/node/node_modules/@pimlico/alto/esm/cli/alto.js" "$@"
