# The two commands: `make run` (KAVI on http://127.0.0.1:8000) and `make test` (the whole suite).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: run test lint format bench clean

$(BIN)/kavi: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e .
	touch $@

$(VENV)/.dev: $(BIN)/kavi
	$(BIN)/pip install -q -e '.[dev]'
	touch $@

run: $(BIN)/kavi
	$(BIN)/kavi db upgrade
	$(BIN)/kavi serve

# Starts a throwaway PostgreSQL itself (tests/postgres.py) and runs every database
# test on SQLite and on PostgreSQL, plus the real-browser test.
test: $(VENV)/.dev
	bash tests/system_deps.sh
	$(BIN)/python -m pytest $(PYTEST_ARGS)

lint: $(VENV)/.dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

format: $(VENV)/.dev
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

bench: $(VENV)/.dev
	$(BIN)/python bench/nlu.py
	$(BIN)/python -m bench.voice

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache *.egg-info
