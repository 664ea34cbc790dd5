#!/usr/bin/env bash
# Builds the polity-node release binary (runtime wasm included) into $CARGO_TARGET_DIR.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
cd "$POLITY_ROOT"
log "building polity-node (target dir: $CARGO_TARGET_DIR)"
cargo build --release --locked -p polity-node "$@"
