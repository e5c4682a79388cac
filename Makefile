# Two commands do all the set-up (see README.md):
#   make demo   create .venv, install akhbar (with its web app), analyse examples/seeds ->
#               report.html + report.json, and build demo.db for `akhbar serve --db demo.db`
#   make test   install what the tests need (Python packages, Chromium for the browser test,
#               PostgreSQL for a throwaway test server), run them
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: demo test lint bench clean

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[web]"
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed
	$(BIN)/python -m pip install --quiet -e ".[test,bench,scale,postgres]"
	touch $@

demo: $(VENV)/.installed
	$(BIN)/akhbar analyze examples/seeds -o report.html -o report.json
	rm -f demo.db demo.db-wal demo.db-shm demo.db.update-lock
	$(BIN)/akhbar ingest examples/seeds --db demo.db
	$(BIN)/akhbar update --db demo.db

test: $(VENV)/.installed-test
	scripts/install_browser.sh
	scripts/install_postgres.sh
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python -m pytest

bench: $(VENV)/.installed-test
	$(BIN)/python benchmarks/ingest.py
	$(BIN)/python benchmarks/sentences.py

clean:
	rm -rf $(VENV) report.html report.json report.md demo.db* .pytest_cache .ruff_cache
