#!/usr/bin/env bash
# The demo: ingest the sample articles into the embedded database, project the read models, and print
# OpenAI's timeline. Safe to run again: articles already ingested add nothing.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${BIN:-.build/debug/chronograph}
samples=samples/articles

echo "== the embedded database (${CHRONOGRAPH_HOME:-~/.local/share/chronograph})"
"$bin" db start

echo
echo "== ingesting $samples"
# Articles that do not print their publication date get it from samples/published.tsv ...
grep -v '^#' samples/published.tsv | while IFS=$'\t' read -r file date; do
    "$bin" ingest "$samples/$file" --published "$date" 2>&1 | sed 's/^/   /'
done
# ... the rest carry it in their envelope or text. Those above are recognised as already ingested.
"$bin" ingest "$samples" 2>/dev/null | sed 's/^/   /'

echo
echo "== projecting the read models"
"$bin" project

echo
echo "== OpenAI's timeline (the same as: $bin timeline 오픈AI)"
"$bin" timeline OpenAI

echo
echo "== Korea Development Bank's timeline"
"$bin" timeline 산업은행

mkdir -p out
"$bin" timeline OpenAI --format json > out/openai-timeline.json
echo
echo "wrote out/openai-timeline.json"
"$bin" log stats
