#!/bin/sh
# The image's entrypoint: secrets arrive as files, never as environment entries of a compose file or a manifest.
# Every regular file directly in $ATTEST_SECRETS_DIR or one directory below it (compose's /run/secrets/<name>,
# Kubernetes' Secret volumes under /run/secrets/attest/<volume>/) whose name is an environment variable name
# (ATTEST_CRYPTO_MASTER_KEYS, QUARKUS_DATASOURCE_PASSWORD, ...) becomes that variable for the JVM only, which
# reads its configuration from the environment. Other files are left alone; values are never printed.
set -eu
dir=${ATTEST_SECRETS_DIR:-/run/secrets}
if [ -d "$dir" ]; then
  for file in "$dir"/* "$dir"/*/*; do
    [ -f "$file" ] || continue
    name=${file##*/}
    case $name in
      *[!A-Z0-9_]* | [0-9]*) continue ;;
    esac
    value=$(cat "$file")
    export "$name=$value"
  done
fi
exec java $JAVA_OPTS -jar /app/app.jar "$@"
