# Newsroom Reader: every target works on a fresh machine with Python 3.11+ and make.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: help setup run test lint typecheck check snapshots bench clean

help:  ## list the targets
	@grep -E '^[a-z]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-10s %s\n", $$1, $$2}'

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test,dev]'
	@touch $(STAMP)

setup: $(STAMP)  ## create .venv and install the package with test and dev tools

run: $(STAMP)  ## open the reader on seeds/
	$(BIN)/newsroom seeds

lint: $(STAMP)  ## ruff
	$(BIN)/ruff check reader tests benchmarks

typecheck: $(STAMP)  ## mypy (strict on core, sources, config, processes, library)
	$(BIN)/mypy reader/core reader/sources reader/config.py reader/processes.py reader/library

test: lint typecheck  ## ruff, mypy, then the test suite
	$(BIN)/lint-imports
	$(BIN)/pytest -q

check: test  ## everything CI runs

snapshots: $(STAMP)  ## regenerate SVG snapshots (read the report before committing)
	$(BIN)/pytest tests/ui/test_snapshots.py --snapshot-update

bench: $(STAMP)  ## run the benchmark scripts (need ../shared/data)
	@for script in benchmarks/*.py; do echo "== $$script"; $(BIN)/python $$script || exit 1; done

clean:  ## remove the virtualenv and caches
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
