# Two entry points, both safe on a fresh machine: each sets up what it needs first.
#   make demo   set up, then process a sample call end to end on the embedded defaults
#   make test   set up, then run the whole test suite (slow model tests and PostgreSQL included)

PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin

.PHONY: setup demo test bench

$(BIN)/callnotes: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip "setuptools<81" wheel
	$(BIN)/pip install --quiet -e ".[dev]"
	touch $@

setup: $(BIN)/callnotes

demo: setup
	$(BIN)/callnotes demo

test: setup
	scripts/ensure-services
	$(BIN)/python -m pytest

bench: setup
	scripts/ensure-services
	$(BIN)/python -m benchmarks.audio
	$(BIN)/python -m benchmarks.extraction
	$(BIN)/python -m benchmarks.api
