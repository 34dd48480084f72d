# Every target sets up the project's own virtual environment first (from pyproject.toml).
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DOCUMENTS ?= documents
DATAPACKAGES ?= datapackages
SITE ?= site
export NO_MKDOCS_2_WARNING := 1

.PHONY: setup data site serve test lint format clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

setup: $(STAMP)

## documents → data packages (DOCUMENTS=dir DATAPACKAGES=dir to use other folders)
data: $(STAMP)
	$(BIN)/budget-portal data --documents $(DOCUMENTS) --datapackages $(DATAPACKAGES)

## data packages → static site in $(SITE)/
site: data
	$(BIN)/mkdocs build --strict --site-dir $(abspath $(SITE))

serve: site
	$(BIN)/mkdocs serve

lint: $(STAMP)
	$(BIN)/ruff check scripts tests
	$(BIN)/ruff format --check scripts tests

format: $(STAMP)
	$(BIN)/ruff format scripts tests
	$(BIN)/ruff check --fix scripts tests

test: lint
	$(BIN)/pytest

clean:
	rm -rf $(VENV) $(SITE) .pytest_cache .ruff_cache
