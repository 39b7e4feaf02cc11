# spinewise: the two commands of the README are `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEV_STAMP := $(VENV)/.installed-dev

.PHONY: run test lint typecheck unit bench mutation clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $(STAMP)

$(DEV_STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	command -v chromium >/dev/null || (apt-get update -qq && apt-get install -y -qq chromium)
	command -v redis-server >/dev/null || (apt-get update -qq && apt-get install -y -qq redis-server)
	command -v rabbitmq-server >/dev/null || (apt-get update -qq && apt-get install -y -qq rabbitmq-server)
	touch $(STAMP) $(DEV_STAMP)

## run: the web app on the embedded SQLite at 127.0.0.1:8000, with the demo athlete
run: $(STAMP)
	$(BIN)/spinewise serve --demo

## test: lint, type checks, import contracts and the whole test suite
test: $(DEV_STAMP) lint typecheck unit

lint: $(DEV_STAMP)
	$(BIN)/ruff check src tests bench tools
	$(BIN)/ruff format --check src tests bench tools
	$(BIN)/lint-imports

typecheck: $(DEV_STAMP)
	$(BIN)/mypy

unit: $(DEV_STAMP)
	$(BIN)/python -m pytest -q

bench: $(DEV_STAMP)
	PYTHONPATH=src $(BIN)/python -m bench

## mutation: mutation testing of the planner's rules and validator (decision 0235; slow, so not
## part of `make test`). MUTATION_CHILDREN sets the parallel test processes, MUTANTS a name filter.
MUTATION_CHILDREN ?= 2
MUTANTS ?=
mutation: $(DEV_STAMP)
	mkdir -p mutants
	$(BIN)/mutmut run --max-children $(MUTATION_CHILDREN) $(MUTANTS) > mutants/run.log 2>&1 \
		|| (tail -c 3000 mutants/run.log; exit 1)
	$(BIN)/python tools/mutation_score.py

clean:
	rm -rf $(VENV) mutants .pytest_cache .mypy_cache .ruff_cache
