# The two commands: `make run` (KAVI on http://127.0.0.1:8000) and `make test` (the whole suite).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: run test lint security format bench clean

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

# bandit over the app's code (medium severity and confidence and up fail; exceptions: `# nosec BXXX  # why` on the
# line, or [tool.bandit] in pyproject.toml), then pip-audit over .venv (.ci/dependency_audit.py, exceptions
# in .ci/pip-audit-ignore.txt; fails when no vulnerability service answers).
security: $(VENV)/.dev
	$(BIN)/bandit -c pyproject.toml -q -r bot conversations finance voice webhooks main.py \
		--severity-level medium --confidence-level medium
	$(BIN)/python .ci/dependency_audit.py

format: $(VENV)/.dev
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

bench: $(VENV)/.dev
	$(BIN)/python bench/nlu.py
	$(BIN)/python -m bench.voice

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache *.egg-info
