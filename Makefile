# Two commands do all the set-up (see README.md):
#   make demo   create .venv, install akhbar, analyse examples/seeds -> report.html + report.json
#   make test   install what the tests need (Python packages, Chromium for the browser test,
#               PostgreSQL for a throwaway test server), run them
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: demo test lint bench clean

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed
	$(BIN)/python -m pip install --quiet -e ".[test,bench,scale,postgres]"
	touch $@

demo: $(VENV)/.installed
	$(BIN)/akhbar analyze examples/seeds -o report.html -o report.json

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
	rm -rf $(VENV) report.html report.json report.md .pytest_cache .ruff_cache
