# Two commands on a fresh machine with Python 3.11+ and make: `make run` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
RUN_STAMP := $(VENV)/.installed-run
TEST_STAMP := $(VENV)/.installed-test

.PHONY: run test lint bench screenshot samples clean

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "hirewiz needs Python 3.11 or newer")'
	$(PYTHON) -m venv $(VENV)

$(RUN_STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e .
	touch $@

$(TEST_STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[test]'
	touch $@ $(RUN_STAMP)

run: $(RUN_STAMP)
	$(BIN)/hirewiz $(ARGS)

test: $(TEST_STAMP)
	$(BIN)/python -m pytest -q -n auto

lint: $(TEST_STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/lint-imports

bench: $(TEST_STAMP)
	$(BIN)/python bench/run.py

screenshot: $(TEST_STAMP)
	$(BIN)/python docs/make_screenshot.py

samples: $(RUN_STAMP)
	HIREWIZ_HOME=$$(mktemp -d) $(BIN)/hirewiz plan --answers docs/sample-input.toml -o docs/sample-plan.toml
	HIREWIZ_HOME=$$(mktemp -d) $(BIN)/hirewiz export docs/sample-plan.toml -o docs/sample-plan.md
	HIREWIZ_HOME=$$(mktemp -d) $(BIN)/hirewiz kit docs/sample-plan.toml -o docs/sample-kit --force
	$(BIN)/hirewiz schema -o wizard/schemas/plan-v2.schema.json

clean:
	rm -rf $(VENV) build *.egg-info
