#!/usr/bin/env bash
# Installs what building and running chronograph needs and is missing: libpq's headers (libpq-dev),
# pkg-config, and the PostgreSQL server binaries (postgresql, 15 or newer) for the embedded database.
# Uses apt-get (through sudo when not root). Does nothing when everything is there.
set -euo pipefail

missing=()
command -v pkg-config >/dev/null 2>&1 || missing+=(pkg-config)
pkg-config --exists libpq 2>/dev/null || missing+=(libpq-dev)

have_server=no
for dir in "$(pg_config --bindir 2>/dev/null || true)" /usr/lib/postgresql/*/bin; do
    if [ -n "$dir" ] && [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ] && [ -x "$dir/postgres" ]; then
        version=$("$dir/postgres" --version 2>/dev/null | sed -E 's/[^0-9]*([0-9]+).*/\1/')
        if [ -n "$version" ] && [ "$version" -ge 15 ]; then have_server=yes; fi
    fi
done
[ "$have_server" = yes ] || missing+=(postgresql)

if ! command -v swift >/dev/null 2>&1; then
    echo "swift is not on PATH: install a Swift 6 toolchain (https://www.swift.org/install/linux/) first" >&2
    exit 1
fi

if [ ${#missing[@]} -eq 0 ]; then
    exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
    echo "missing: ${missing[*]}; install them with your package manager (Debian/Ubuntu names given)" >&2
    exit 1
fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
echo "installing ${missing[*]} (apt-get)" >&2
$sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq
$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
