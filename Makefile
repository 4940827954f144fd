# Quick start: `make run` launches the app, `make test` runs the whole suite headless.
# Every target is a task of packaging/tasks.py (the .venv, its installs, the checks), so
# Windows, which has no make, runs the same steps: `py packaging\tasks.py test`.
PYTHON ?= python3
TASKS  := $(PYTHON) packaging/tasks.py

.PHONY: run test lint bench reliability screenshots clean bundle self-test deb zip dmg dist

# make run ARGS="--data-dir /tmp/lab" passes arguments to the app.
run:
	$(TASKS) run $(ARGS)

# The static checks (make lint), then the whole suite with QT_QPA_PLATFORM=offscreen.
test:
	$(TASKS) test

# Static checks, also run by `make test`: style and bugs (ruff), types (mypy), layers (import-linter).
lint:
	$(TASKS) lint

bench:
	$(TASKS) bench

# Not part of `make test`: real CLI processes killed, run side by side, on damaged stores
# and hostile input (issue 16); about 4 minutes on 2 cores. --quick, --family NAME: see --help.
reliability:
	$(TASKS) reliability $(ARGS)

# The README's pictures, from the real app on a demo store (fixed seed and date), at 100 %
# and at 200 % (resources/screenshots/hidpi/).
screenshots:
	$(TASKS) screenshots

bundle:
	$(TASKS) bundle

# The bundle's own check (first run, catch-up, every tab shown), building it if needed.
self-test:
	$(TASKS) self-test

# Linux: dist/iris-desktop_VERSION_ARCH.deb from the bundle (ARGS=--fast: gzip, not xz).
deb:
	$(TASKS) deb $(ARGS)

# The bundle folder zipped (the Windows download; works anywhere).
zip:
	$(TASKS) zip

# macOS: the .app, signed ad hoc, in a .dmg.
dmg:
	$(TASKS) dmg

# The wheel and the sdist in dist/, checked by twine.
dist:
	$(TASKS) dist

clean:
	$(TASKS) clean
