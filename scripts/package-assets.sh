#!/usr/bin/env bash
# Generates what `cargo deb` packages beside the binary ([package.metadata.deb] in Cargo.toml):
# the man page and the shell completions, from the release binary's own clap definitions.
#
#   cargo build --release --locked && scripts/package-assets.sh && cargo deb --no-build
set -euo pipefail
cd "$(dirname "$0")/.."
bin=target/release/investboard
[ -x "$bin" ] || { echo "build first: cargo build --release --locked" >&2; exit 1; }
out=target/assets
mkdir -p "$out"
"$bin" man | gzip -9n > "$out/investboard.1.gz"
"$bin" completions bash > "$out/investboard.bash"
"$bin" completions zsh > "$out/_investboard"
"$bin" completions fish > "$out/investboard.fish"
ls -l "$out"
