# Shared settings for Polity's scripts. Source it; do not run it.

POLITY_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export POLITY_ROOT
# One persistent target dir outside the clone, so every build and CI run reuse the same artifacts.
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/polity/target}"
export POLITY_NODE="${POLITY_NODE:-$CARGO_TARGET_DIR/release/polity-node}"

log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
