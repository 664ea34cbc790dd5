#!/usr/bin/env bash
# README command 1: set up, build and start a development chain on ws://127.0.0.1:9944.
# Extra arguments go to polity-node, e.g. `scripts/run-dev.sh --rpc-external`.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
"$POLITY_ROOT/scripts/setup.sh"
"$POLITY_ROOT/scripts/build.sh"
log "starting a dev chain: ws://127.0.0.1:9944"
log "Polkadot.js Apps: https://polkadot.js.org/apps/?rpc=ws://127.0.0.1:9944"
exec "$POLITY_NODE" --dev --tmp --rpc-port 9944 --rpc-cors all "$@"
