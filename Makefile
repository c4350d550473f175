# The two entry points of README.md: `make demo` and `make test`.
# Everything is installed into .venv from this project's own files, at the exact versions
# of requirements.lock (pip constraints); `make lock` refreshes that file.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
LOCK   := requirements.lock
PIP    := python -m pip --disable-pip-version-check
STAMP  := $(VENV)/.installed-$(shell cat pyproject.toml $(LOCK) | cksum | cut -d' ' -f1)
DEMO   := demo
ROWS   ?= 10000

.PHONY: demo test lint typecheck clean lock system-packages

$(STAMP): pyproject.toml $(LOCK)
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/$(PIP) install --quiet -c $(LOCK) --upgrade pip
	$(BIN)/$(PIP) install --quiet -c $(LOCK) -e '.[test,spark,text-ner]'
	rm -f $(VENV)/.installed-*
	touch $@

# Refresh requirements.lock: the newest versions pyproject.toml allows, resolved in a fresh
# venv and frozen (veil itself and setuptools left out). Run `make test` afterwards and
# commit the new lock only if it passes.
lock:
	rm -rf .venv-lock
	$(PYTHON) -m venv .venv-lock
	.venv-lock/bin/$(PIP) install --quiet --upgrade pip
	.venv-lock/bin/$(PIP) install --quiet -e '.[test,spark,text-ner]'
	{ sed -n '/^#/p' $(LOCK); \
	  .venv-lock/bin/$(PIP) freeze --all --exclude-editable | grep -v -i -E '^(setuptools|wheel)=='; \
	} > $(LOCK).new
	mv $(LOCK).new $(LOCK)
	rm -rf .venv-lock

demo: $(STAMP)
	rm -rf $(DEMO)
	$(BIN)/veil generate patients --rows $(ROWS) --seed 7 -o $(DEMO)/patients.csv
	$(BIN)/veil deidentify $(DEMO)/patients.csv --profile safe-harbor --reference-date 2026-01-01 -o $(DEMO)/out

# pycanon (tests/crosscheck) pins numpy/pandas versions of its own: a separate venv.
.venv-pycanon/.installed: tests/crosscheck/requirements.txt
	test -x .venv-pycanon/bin/python || $(PYTHON) -m venv .venv-pycanon
	.venv-pycanon/bin/$(PIP) install --quiet -r tests/crosscheck/requirements.txt
	touch $@

# The tests open the reports in Debian's chromium, run the vault, ledger and service
# against a throwaway PostgreSQL server (initdb + pg_ctl) and the Spark engine on a Java
# runtime (Spark 4 needs Java 17+): they are never skipped in CI.
# Each check finds the program as the tests do (tests/e2e/test_reports_in_browser.py,
# tests/vault/pgcluster.py). What is missing is installed with apt-get when make runs as
# root; otherwise make stops and says what to install.
CHROMIUM_FOUND := command -v chromium || command -v chromium-browser
POSTGRES_FOUND := ls /usr/lib/postgresql/*/bin/initdb || command -v initdb
JAVA_FOUND     := command -v java

system-packages:
	@missing=""; \
	{ $(CHROMIUM_FOUND); } >/dev/null 2>&1 || missing="$$missing chromium"; \
	{ $(POSTGRES_FOUND); } >/dev/null 2>&1 || missing="$$missing postgresql"; \
	{ $(JAVA_FOUND); } >/dev/null 2>&1 || missing="$$missing openjdk-17-jre-headless"; \
	if [ -z "$$missing" ]; then exit 0; fi; \
	if [ "$$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then \
	  echo "make: the tests need Debian packages that are missing:$$missing" >&2; \
	  echo "make: install them (sudo apt-get install$$missing) or run make test as root," \
	       "which installs them" >&2; \
	  exit 1; \
	fi; \
	echo "make: installing Debian packages the tests need:$$missing"; \
	apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	{ $(CHROMIUM_FOUND); } >/dev/null 2>&1 && { $(POSTGRES_FOUND); } >/dev/null 2>&1 && \
	  { $(JAVA_FOUND); } >/dev/null 2>&1 || \
	  { echo "make: installed$$missing, but chromium, initdb or java is still not found" >&2; \
	    exit 1; }

test: $(STAMP) .venv-pycanon/.installed system-packages
	$(BIN)/ruff check src tests bench
	$(BIN)/mypy
	$(BIN)/python -m pytest -q -n 2 --dist loadscope

clean:
	rm -rf $(VENV) .venv-pycanon .venv-lock $(DEMO) .pytest_cache .mypy_cache .ruff_cache
