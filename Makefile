# Quick start: `make run` launches the app, `make test` runs the whole suite headless.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
TSTAMP := $(VENV)/.installed-test

.PHONY: run test lint bench reliability screenshots clean bundle

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(TSTAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@ $(STAMP)

# make run ARGS="--data-dir /tmp/lab" passes arguments to the app.
run: $(STAMP)
	$(BIN)/python -m iris_desktop $(ARGS)

test: lint
	bash packaging/qt-system-libs.sh
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q

# Static checks, also run by `make test`: style and bugs (ruff), types (mypy), layers (import-linter).
lint: $(TSTAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/lint-imports --no-cache

bench: $(TSTAMP)
	for b in tests/bench/bench_*.py; do QT_QPA_PLATFORM=offscreen $(BIN)/python $$b || exit 1; done

# Not part of `make test`: real CLI processes killed, run side by side, on damaged stores
# and hostile input (issue 16); about 4 minutes on 2 cores. --quick, --family NAME: see --help.
reliability: $(TSTAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python tests/reliability/campaign.py

# The README's pictures, from the real app on a demo store (fixed seed and date).
screenshots: $(TSTAMP)
	bash packaging/qt-system-libs.sh
	QT_QPA_PLATFORM=offscreen $(BIN)/python packaging/screenshots.py

bundle: $(TSTAMP)
	$(BIN)/python -m PyInstaller --noconfirm --clean packaging/iris-desktop.spec

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache
