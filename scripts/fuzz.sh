#!/usr/bin/env bash
# Runs Polity's stateful fuzzer for as long as asked: `scripts/fuzz.sh [seeds] [steps] [first]`
# runs `seeds` seeds (default 20) of `steps` random calls and blocks (default 50,000) from seed
# `first` (default 1), checking every pallet invariant after every block. Exits non-zero, with
# the seed and step to replay, on any panic or broken invariant.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
cd "$POLITY_ROOT"
seeds="${1:-20}"
steps="${2:-50000}"
first="${3:-1}"
# The same build as scripts/test.sh's, so nothing is compiled with another feature set.
log "building polity-fuzz (release, as scripts/test.sh builds it)"
cargo test --release --locked --workspace --no-run
log "fuzzing: $seeds seeds × $steps steps from seed $first"
"$CARGO_TARGET_DIR/release/polity-fuzz" --seed "$first" --seeds "$seeds" --steps "$steps"
