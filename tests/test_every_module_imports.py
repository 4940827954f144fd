"""Every module under iris_desktop imports (nothing left behind by a move, no import
that only works in one order), and ui/ keeps to its shape: the shell loose, the rest
in runtime/, widgets/, dialogs/, actions/ and one package per tab."""

from __future__ import annotations

import importlib
import os
import pkgutil
import subprocess
import sys
from pathlib import Path

import pytest

import iris_desktop

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
PACKAGE = Path(iris_desktop.__file__).parent
MODULES = sorted(m.name for m in pkgutil.walk_packages(iris_desktop.__path__, "iris_desktop."))
SCRIPT = "iris_desktop.__main__"  # runs the program when imported: started as `python -m` instead
TABS = ("daily", "explore", "history", "pipelines", "predict", "train")


@pytest.mark.parametrize("name", [m for m in MODULES if m != SCRIPT])
def test_module_imports(name):
    importlib.import_module(name)


def test_the_program_starts_as_a_module():
    done = subprocess.run(
        [sys.executable, "-m", "iris_desktop", "--version"],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=PACKAGE.parent,
    )
    assert done.returncode == 0 and done.stdout.startswith("iris-desktop "), done.stderr


def test_the_walk_sees_every_file():
    files = {
        p.relative_to(PACKAGE.parent).with_suffix("").as_posix().replace("/", ".")
        for p in PACKAGE.rglob("*.py")
        if "__pycache__" not in p.parts
    }
    files = {f.removesuffix(".__init__") for f in files} - {"iris_desktop"}
    assert files == set(MODULES)


def test_ui_keeps_its_shape():
    ui = PACKAGE / "ui"
    loose = sorted(p.name for p in ui.glob("*.py"))
    assert len(loose) <= 6, loose
    assert sorted(p.name for p in ui.iterdir() if p.is_dir() and p.name != "__pycache__") == [
        "actions",
        "dialogs",
        "report",
        "runtime",
        "tabs",
        "widgets",
    ]
    assert sorted(p.name for p in (ui / "tabs").iterdir() if p.is_dir() and p.name != "__pycache__") == list(TABS)
    for tab in TABS:
        assert (ui / "tabs" / tab / "tab.py").is_file()


def test_no_module_is_over_400_lines():
    long = {
        str(p.relative_to(PACKAGE)): n
        for p in PACKAGE.rglob("*.py")
        if (n := len(p.read_text(encoding="utf-8").splitlines())) > 400
    }
    assert long == {}
