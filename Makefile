# TVCAS — the two commands a fresh Debian 12 machine needs:
#   make run    the whole system with demo data (Ctrl-C stops it)
#   make test   every test, against a real MariaDB and nginx
SWIFT ?= swift
SWIFT_FORMAT ?= swift format

.PHONY: all deps build release test test-ha run format lint clean bench bench-ecmg bench-api bench-panels bench-csv bench-ha fuzz install

all: build

deps:
	@bash scripts/install-deps.sh

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release

# Suites run one after another: several start real servers and time real peers, and on two
# cores parallel suites starve each other's timers.
test: deps
	@shared="$${TVCAS_SHARED_DIR:-$(CURDIR)/../shared}"; \
	if [ ! -d "$$shared/vectors" ] || [ ! -f "$$shared/fixtures/tvcas.sql" ]; then \
		echo "make test: the shared material (vectors, fixtures, tools) is not at $$shared;" >&2; \
		echo "  clone beside it, or set TVCAS_SHARED_DIR to its folder" >&2; exit 2; \
	fi
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build --no-parallel

# The high-availability tests on a 3-node Galera cluster on loopback (not part of `make test`).
test-ha:
	@bash scripts/install-deps.sh --ha
	bash scripts/test-ha.sh

run: release
	@bash scripts/run.sh

format:
	$(SWIFT_FORMAT) format --in-place --recursive Package.swift Sources Tests

lint:
	$(SWIFT_FORMAT) lint --strict --recursive Package.swift Sources Tests

bench: deps
	cd Benchmarks && $(SWIFT) package --disable-sandbox benchmark
	$(SWIFT) run -c release --package-path Benchmarks SimulCryptBenchmarks

# The ECMG (issue 9), from a saved row without a database: one stream measured as the original
# was, 40 connections × 25 streams at 1,000 CW_provisions/s, and saturation.
bench-ecmg: release
	python3 Benchmarks/ecmg-one-stream.py --tvcas $(CURDIR)/.build/release/tvcas
	$(SWIFT) run -c release --package-path Benchmarks ECMGLoad --tvcas $(CURDIR)/.build/release/tvcas --connections 40 --streams 25 --duration 15
	$(SWIFT) run -c release --package-path Benchmarks ECMGLoad --tvcas $(CURDIR)/.build/release/tvcas --connections 4 --streams 1 --saturate 16 --duration 15

# Whole-system benchmarks on a scratch database with 1,000,000 generated cards; each prints its
# figures next to the issue's targets.
bench-api: release
	@bash scripts/install-deps.sh --bench
	bash Benchmarks/api-wrk.sh
bench-panels: release
	bash Benchmarks/panels-bench.sh
bench-csv: release
	bash Benchmarks/csv-bench.sh
bench-ha: release
	@bash scripts/install-deps.sh --ha --bench
	bash Benchmarks/ha-bench.sh

# The SimulCrypt decoder under libFuzzer + AddressSanitizer; SECONDS=600 by default.
fuzz: deps
	bash scripts/fuzz.sh $(or $(SECONDS),600)

clean:
	rm -rf .build

# `make install` (the README's "Install" section): the binary, the shared files, the example
# config (and a generated tvcas.toml if there is none), the nginx site, the systemd units and the
# sysusers.d file (units and sandbox in deploy/). PREFIX and DESTDIR are respected;
# TVCAS_BIN=path copies that binary instead of building a release one (the tests use it).
PREFIX ?= /usr/local
SYSCONFDIR ?= /etc
UNITDIR ?= $(PREFIX)/lib/systemd/system
SYSUSERSDIR ?= $(PREFIX)/lib/sysusers.d
TVCAS_BIN ?= .build/release/tvcas
INSTALL ?= install
SHARE = $(PREFIX)/share/tvcas
ETC = $(DESTDIR)$(SYSCONFDIR)

.build/release/tvcas:
	$(SWIFT) build -c release

install: $(TVCAS_BIN)
	$(INSTALL) -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(SHARE)/public $(DESTDIR)$(SHARE)/templates $(DESTDIR)$(SHARE)/sql \
		$(DESTDIR)$(PREFIX)/share/doc/tvcas $(ETC)/tvcas $(ETC)/nginx/sites-available $(DESTDIR)$(UNITDIR) $(DESTDIR)$(SYSUSERSDIR)
	$(INSTALL) -m 755 $(TVCAS_BIN) $(DESTDIR)$(PREFIX)/bin/tvcas
	for d in public templates sql; do [ ! -d $$d ] || cp -R $$d/. $(DESTDIR)$(SHARE)/$$d/; done
	$(INSTALL) -m 644 README.md $(DESTDIR)$(PREFIX)/share/doc/tvcas/README.md
	$(INSTALL) -m 644 tvcas.toml.example $(ETC)/tvcas/tvcas.toml.example
	sed -e 's|@LISTEN@|80|' -e 's|@FASTCGI@|unix:/run/tvcas/web.sock|' -e 's|@PUBLIC@|$(SHARE)/public|' \
		nginx/tvcas.conf >$(ETC)/nginx/sites-available/tvcas
	for u in tvcas-web.socket tvcas-web.service tvcas-supervise.service; do \
		sed -e 's|@PREFIX@|$(PREFIX)|g' -e 's|@SYSCONFDIR@|$(SYSCONFDIR)|g' -e '/@HARDENING@/{r deploy/hardening.conf' -e 'd;}' \
			deploy/$$u >$(DESTDIR)$(UNITDIR)/$$u && chmod 644 $(DESTDIR)$(UNITDIR)/$$u || exit 1; done
	$(INSTALL) -m 644 deploy/tvcas.sysusers.conf $(DESTDIR)$(SYSUSERSDIR)/tvcas.conf
	@bash deploy/post-install.sh "$(DESTDIR)" "$(PREFIX)" "$(SYSCONFDIR)" "$(DESTDIR)$(PREFIX)/bin/tvcas" "$(SYSUSERSDIR)"
