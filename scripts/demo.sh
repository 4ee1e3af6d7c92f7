#!/usr/bin/env bash
# The demo: append a few events to the embedded database's log and read them back.
set -euo pipefail
bin=${BIN:-.build/debug/chronograph}

echo "== the embedded database (${CHRONOGRAPH_HOME:-~/.local/share/chronograph})"
"$bin" db start

echo "== appending events"
run=$(date +%s)
"$bin" log append "demo-$run" --type demo.started --data "{\"run\": $run}" --expected-version none
printf '%s\n' \
  "{\"stream\":\"demo-$run\",\"type\":\"demo.step\",\"data\":{\"step\":1,\"note\":\"한국어도 된다\"}}" \
  "{\"stream\":\"demo-$run\",\"type\":\"demo.step\",\"data\":{\"step\":2},\"expected_version\":1}" \
  "{\"stream\":\"other-$run\",\"type\":\"demo.other\",\"data\":{},\"metadata\":{\"source\":\"demo\"}}" \
  | "$bin" log append --jsonl -

echo "== reading the stream back"
"$bin" log read --stream "demo-$run" --format table
"$bin" log read --category demo --limit 3
echo "== log stats"
"$bin" log stats
