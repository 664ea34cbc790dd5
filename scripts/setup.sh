#!/usr/bin/env bash
# Installs everything Polity's build and tests need, idempotently: Debian packages, the Rust
# wasm targets and rust-src, and the npm packages of the end-to-end tests.
# Quick when all is present; needs root (or sudo) only when a Debian package is missing.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

# chromium and a CJK font: the portal's browser tests (headless, driven by playwright-core).
# zstd: compresses the second runtime of the live-upgrade test. prometheus: scrapes the
# network of the `operations` suite. jq, python3: scripts/new-network.sh and the runbook.
# podman, runc: build and start the container image (docker suite). llvm: llvm-ar for the C code
# of the browser's receipt verifier (clang compiles it to wasm).
APT_PACKAGES=(protobuf-compiler clang libclang-dev pkg-config libssl-dev make git curl ca-certificates
	chromium fonts-noto-cjk zstd prometheus jq python3 podman runc llvm)

missing=()
for pkg in "${APT_PACKAGES[@]}"; do
	dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if ((${#missing[@]})); then
	log "installing Debian packages: ${missing[*]}"
	SUDO=""
	[ "$(id -u)" -eq 0 ] || SUDO="sudo"
	$SUDO apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# SKIP_NPM=1 (e.g. in the container build) leaves out Node.js and the test dependencies.
if [ "${SKIP_NPM:-0}" != 1 ] && { ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; }; then
	log "installing Node.js and npm"
	SUDO=""
	[ "$(id -u)" -eq 0 ] || SUDO="sudo"
	$SUDO apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends nodejs npm
fi

if ! command -v rustup >/dev/null 2>&1; then
	echo "rustup is required (https://rustup.rs); install it and re-run $0" >&2
	exit 1
fi
installed_targets="$(rustup target list --installed)"
for target in wasm32v1-none wasm32-unknown-unknown; do
	grep -qx "$target" <<<"$installed_targets" || { log "adding rust target $target"; rustup target add "$target"; }
done
rustup component list --installed | grep -q '^rust-src' || { log "adding rust-src"; rustup component add rust-src; }

# npm dependencies of the end-to-end tests, the testnet tooling and the portal, pinned by
# package-lock.json.
[ "${SKIP_NPM:-0}" = 1 ] && { log "setup complete (npm skipped)"; exit 0; }
for dir in tests/e2e zombienet portal; do
	if [ -f "$POLITY_ROOT/$dir/package-lock.json" ]; then
		if [ ! -d "$POLITY_ROOT/$dir/node_modules" ] ||
			[ "$POLITY_ROOT/$dir/package-lock.json" -nt "$POLITY_ROOT/$dir/node_modules/.package-lock.json" ]; then
			log "npm ci in $dir"
			(cd "$POLITY_ROOT/$dir" && npm ci --no-audit --no-fund --loglevel=error)
		fi
	fi
done

# wasm-bindgen-cli binds the portal's receipt verifier (scripts/build-verifier.sh); its version
# must equal the wasm-bindgen crate's in Cargo.lock.
WASM_BINDGEN_VERSION=0.2.130
if [ "$(wasm-bindgen --version 2>/dev/null | cut -d' ' -f2)" != "$WASM_BINDGEN_VERSION" ]; then
	log "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (compiles once, a few minutes)"
	# Not --locked: the tool's own lock names versions some registries do not carry; the
	# version that matters (its own, matching the crate) is pinned.
	cargo install --quiet wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
fi
log "setup complete"
