# The two set-up commands of the README: `make demo` and `make test`. Both install what is missing
# (scripts/install-deps.sh: libpq-dev, pkg-config, postgresql) and start what they need.

SWIFT ?= swift
BIN := .build/debug/chronograph

.PHONY: all deps build test demo bench clean

all: build

deps:
	@scripts/install-deps.sh

build: deps
	$(SWIFT) build

# Every test; the tests start a throwaway PostgreSQL of their own unless DATABASE_URL is set.
test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

# The main job, on the embedded database ($$CHRONOGRAPH_HOME, default ~/.local/share/chronograph).
demo: build
	@BIN="$(BIN)" scripts/demo.sh

# Benchmarks print figures (events/s, ratios to COPY); they assert nothing.
bench: deps
	$(SWIFT) build -c release --product ChronographBench
	CHRONOGRAPH_HOME="$(CURDIR)/.bench" scripts/bench.sh

clean:
	rm -rf .build .bench
