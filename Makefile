# Two commands set up everything on a fresh machine: `make run` and `make test`.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp

.PHONY: run test test-fast bench bench-quick ui lint clean browser

$(STAMP): pyproject.toml constraints.txt
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "error: $(PYTHON) not found (Python 3.11 is required)"; exit 1; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[dev]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/claimcheck run --input data/articles --warehouse warehouse/claimcheck.duckdb

test: $(STAMP) browser
	$(BIN)/python -m pytest

# The report's browser test needs Debian's headless chromium; install it when missing.
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
browser:
	@command -v chromium >/dev/null 2>&1 || $(SUDO) apt-get install -y chromium \
		|| { $(SUDO) apt-get update && $(SUDO) apt-get install -y chromium; }

test-fast: $(STAMP)
	$(BIN)/python -m pytest -m "not slow and not browser"

bench: $(STAMP)
	$(BIN)/python -m bench.run

bench-quick: $(STAMP)
	$(BIN)/python -m bench.run --quick

ui: $(STAMP)
	$(BIN)/claimcheck ui

lint: $(STAMP)
	$(BIN)/ruff check .

clean:
	rm -rf $(VENV) warehouse/*.duckdb warehouse/*.wal
