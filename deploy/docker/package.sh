#!/usr/bin/env bash
# Builds the jars the images are made of, <module>/target/<module>-<version>-container.jar (Quarkus' uber-jar), with
# the management interface on: health and metrics on port 9000, apart from the API's port. That switch is fixed
# at build time, so the images get a build of their own; target/quarkus-app, which ./attest up runs, is untouched.
# Also writes each service's Kubernetes manifests to <module>/target/kubernetes/ (deploy/k8s/generate.sh).
#   deploy/docker/package.sh [extra Maven arguments]
set -euo pipefail
cd "$(dirname "$0")/../.."
# The sandbox and every service of the launcher's SERVICES=(...) list (./attest), the one list of the platform's services.
services=$(sed -n 's/^SERVICES=(\(.*\))$/\1/p' attest)
[[ -n $services ]] || { echo "package.sh: no SERVICES=(...) line in ./attest" >&2; exit 1; }
modules=sandbox,${services// /,}
exec mvn -B -q -DskipTests package -pl "$modules,web" -am \
  -Dquarkus.management.enabled=true -Dquarkus.package.jar.type=uber-jar -Dquarkus.package.runner-suffix=-container "$@"
