# The two entry points of README.md: `make demo` and `make test`.
# Everything is installed into .venv from this project's own files.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-$(shell cksum pyproject.toml | cut -d' ' -f1)
DEMO   := demo
ROWS   ?= 10000

.PHONY: demo test lint typecheck clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --upgrade pip
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[test]'
	rm -f $(VENV)/.installed-*
	touch $@

demo: $(STAMP)
	rm -rf $(DEMO)
	$(BIN)/veil generate patients --rows $(ROWS) --seed 7 -o $(DEMO)/patients.csv
	$(BIN)/veil deidentify $(DEMO)/patients.csv --profile safe-harbor --reference-date 2026-01-01 -o $(DEMO)/out

# pycanon (tests/crosscheck) pins numpy/pandas versions of its own: a separate venv.
.venv-pycanon/.installed: tests/crosscheck/requirements.txt
	test -x .venv-pycanon/bin/python || $(PYTHON) -m venv .venv-pycanon
	.venv-pycanon/bin/python -m pip install --quiet --disable-pip-version-check -r tests/crosscheck/requirements.txt
	touch $@

test: $(STAMP) .venv-pycanon/.installed
	$(BIN)/ruff check src tests bench
	$(BIN)/mypy
	$(BIN)/python -m pytest -q

clean:
	rm -rf $(VENV) .venv-pycanon $(DEMO) .pytest_cache .mypy_cache .ruff_cache
