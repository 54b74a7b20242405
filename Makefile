# TVCAS — the two commands a fresh Debian 12 machine needs:
#   make run    the whole system with demo data (Ctrl-C stops it)
#   make test   every test, against a real MariaDB and nginx
SWIFT ?= swift
SWIFT_FORMAT ?= swift format

.PHONY: all deps build release test run format lint clean bench fuzz

all: build

deps:
	@bash scripts/install-deps.sh

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release

test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

run: release
	@bash scripts/run.sh

format:
	$(SWIFT_FORMAT) format --in-place --recursive Package.swift Sources Tests

lint:
	$(SWIFT_FORMAT) lint --strict --recursive Package.swift Sources Tests

bench: deps
	cd Benchmarks && $(SWIFT) package --disable-sandbox benchmark
	$(SWIFT) run -c release --package-path Benchmarks SimulCryptBenchmarks

# The SimulCrypt decoder under libFuzzer + AddressSanitizer; SECONDS=600 by default.
fuzz: deps
	bash scripts/fuzz.sh $(or $(SECONDS),600)

clean:
	rm -rf .build
