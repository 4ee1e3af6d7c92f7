#!/usr/bin/env bash
# Every benchmark, in one run on one database server (the embedded one under .bench unless DATABASE_URL
# is set). They print figures and ratios to baselines measured in the same run; they assert nothing.
# ARTICLES (default 10000) sets the size of the ingest and projection runs.
set -euo pipefail
cd "$(dirname "$0")/.."
bench=.build/release/ChronographBench
articles=${ARTICLES:-10000}
echo "== event log"; "$bench" log
echo; echo "== extraction, one core"; "$bench" extract
echo; echo "== ingest, $articles generated articles"; "$bench" ingest --articles "$articles"
echo; echo "== projection of what was ingested"; "$bench" project
