#!/usr/bin/env bash
# A bounded fuzz run for CI: build the targets, run each for FUZZ_SECONDS
# (default 30) on its checked-in seed corpus, fail on a crash.
# Needs cargo-fuzz (installed when missing) and a nightly toolchain for the
# address sanitizer; without nightly it tries stable with `-s none`.
set -euo pipefail
cd "$(dirname "$0")"
secs="${FUZZ_SECONDS:-30}"

if ! cargo fuzz --version >/dev/null 2>&1; then
  cargo install cargo-fuzz --locked || { echo "fuzz: cannot install cargo-fuzz: skipping the fuzz run"; exit 0; }
fi

# CI favours build time: opt-level 1 and no debug info (a local fuzzing
# session uses the profile in Cargo.toml). Debug assertions stay on.
export CARGO_PROFILE_RELEASE_OPT_LEVEL="${FUZZ_OPT_LEVEL:-1}"
export CARGO_PROFILE_RELEASE_DEBUG="${FUZZ_DEBUG_INFO:-0}"

if cargo +nightly --version >/dev/null 2>&1; then
  fuzz=(cargo +nightly fuzz)
  flags=()
  "${fuzz[@]}" build "${flags[@]}"
else
  # Stable cannot build the address sanitizer; cargo-fuzz's -Z flags need
  # RUSTC_BOOTSTRAP there. If even that fails, say so and skip.
  echo "fuzz: no nightly toolchain: trying stable without a sanitizer (-s none)"
  export RUSTC_BOOTSTRAP=1
  fuzz=(cargo fuzz)
  flags=(-s none)
  if ! "${fuzz[@]}" build "${flags[@]}"; then
    echo "fuzz: SKIPPED: the fuzz targets need a nightly toolchain (rustup toolchain install nightly)"
    exit 0
  fi
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
status=0
for t in exec_source pickle_loads json_loads capi_sequence; do
  mkdir -p "$work/$t" "$work/artifacts/$t"
  case "$t" in
    exec_source) extra=(-max_len=1024 -timeout=10) ;;
    capi_sequence) extra=(-max_len=512 -timeout=10) ;;
    *) extra=(-max_len=4096 -timeout=10) ;;
  esac
  echo "fuzz: $t for ${secs}s"
  # The seed directory stays read-only: new inputs go to $work/$t.
  if ! "${fuzz[@]}" run "${flags[@]}" "$t" "$work/$t" "corpus/$t" -- \
      -max_total_time="$secs" -rss_limit_mb=2048 "${extra[@]}" \
      -artifact_prefix="$work/artifacts/$t/" -print_final_stats=1 >"$work/$t.log" 2>&1; then
    tail -n 60 "$work/$t.log"
    for f in "$work/artifacts/$t"/*; do
      [ -f "$f" ] || continue
      echo "fuzz: $t failed on $(basename "$f") (base64):"
      base64 "$f" | head -c 4000; echo
    done
    status=1
  else
    grep -E "stat::number_of_executed_units|Done [0-9]+ runs" "$work/$t.log" | tail -n 2 || true
  fi
done
exit $status
