# Every target sets up the project's own virtual environment first (from pyproject.toml).
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DOCUMENTS ?= documents
DATAPACKAGES ?= datapackages
SITE ?= site
CACHE ?= build/cache
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
export NO_MKDOCS_2_WARNING := 1
# MkDocs dates the sitemap with this: the last commit's time makes two builds byte-identical.
export SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null || echo 0)

.PHONY: setup data pages site serve browser test lint format clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

setup: $(STAMP)

## documents → data packages (DOCUMENTS=dir DATAPACKAGES=dir to use other folders)
data: $(STAMP)
	$(BIN)/budget-portal data --documents $(DOCUMENTS) --datapackages $(DATAPACKAGES)

## data packages → Markdown pages, charts and downloads in docs/
pages: data
	$(BIN)/budget-portal pages --datapackages $(DATAPACKAGES) --docs docs --cache $(CACHE)

## pages → static site in $(SITE)/
site: pages
	$(BIN)/mkdocs build --strict --site-dir $(abspath $(SITE))

## the site at http://localhost:8000/ (rebuilt when docs/ changes)
serve: pages
	$(BIN)/mkdocs serve

## Debian's Chromium and a Chinese font for the browser tests (Playwright's own download is not used)
browser:
	@if ! command -v chromium >/dev/null || ! fc-list :lang=zh | grep -q .; then \
		$(SUDO) apt-get update -qq && \
		$(SUDO) apt-get install -y -qq --no-install-recommends chromium fonts-wqy-microhei; \
	fi

lint: $(STAMP)
	$(BIN)/ruff check scripts tests
	$(BIN)/ruff format --check scripts tests

format: $(STAMP)
	$(BIN)/ruff format scripts tests
	$(BIN)/ruff check --fix scripts tests

test: lint browser
	$(BIN)/pytest

clean:
	rm -rf $(VENV) $(SITE) build .pytest_cache .ruff_cache
