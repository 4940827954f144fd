"""The PyInstaller bundle: build it from packaging/iris-desktop.spec, then run it the way
a user, a scheduler and a desktop would: the GUI self-test offscreen, the headless
commands, the desktop entry.

This is also the proof of every exclusion in packaging/bundle_trim.py: the self-test
opens every tab after a first run and a catch-up; the commands import a CSV, train
each algorithm, catch up, predict and list the history.
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "packaging"))
import bundle_trim  # noqa: E402

pytestmark = pytest.mark.slow
WINDOWS = os.name == "nt"
EXE = "iris-desktop.exe" if WINDOWS else "iris-desktop"
# Windows' iris-desktop.exe is windowed (no stdout): a terminal or a scheduler runs its
# console twin. macOS's windowed executable keeps the terminal's streams.
CLI = "iris-desktop-cli.exe" if WINDOWS else EXE


@pytest.fixture(scope="module")
def bundle(tmp_path_factory) -> Path:
    pytest.importorskip("PyInstaller")
    work = tmp_path_factory.mktemp("bundle")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--log-level",
            "WARN",
            "--distpath",
            str(work / "dist"),
            "--workpath",
            str(work / "build"),
            str(ROOT / "packaging" / "iris-desktop.spec"),
        ],
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert result.returncode == 0, result.stderr[-4000:]
    exe = work / "dist" / "iris-desktop" / EXE
    assert exe.is_file()
    return exe


def _run(exe: Path, *args: str, cwd: Path, timeout: float = 300, **env_extra: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", **env_extra)
    env.pop("IRIS_DESKTOP_DATA_DIR", None)
    return subprocess.run([str(exe), *args], capture_output=True, text=True, timeout=timeout, cwd=cwd, env=env)


def test_bundle_runs_the_self_test(bundle, tmp_path):
    verdict = tmp_path / "verdict.txt"  # what a windowed build (no stdout) is checked by
    result = _run(bundle, "--self-test", "--self-test-output", str(verdict), cwd=tmp_path)
    assert result.returncode == 0, result.stderr[-4000:]
    if not WINDOWS:
        assert "self-test passed" in result.stdout
    assert verdict.read_text(encoding="utf-8").startswith("self-test passed: ")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs a named pipe")
def test_a_self_test_that_hangs_is_ended_by_the_watchdog(bundle, tmp_path):
    # The log file is a pipe nobody reads: opening it blocks the GUI thread for ever.
    data = tmp_path / "data"
    (data / "logs").mkdir(parents=True)
    os.mkfifo(data / "logs" / "iris-desktop.log")
    verdict = tmp_path / "verdict.txt"
    result = _run(
        bundle,
        "--data-dir",
        str(data),
        "--self-test",
        "--self-test-timeout",
        "2",
        "--self-test-output",
        str(verdict),
        cwd=tmp_path,
        timeout=120,
    )
    assert result.returncode != 0
    text = verdict.read_text(encoding="utf-8")
    assert text.startswith("self-test failed: no verdict after 2 s")
    assert "setup_logging" in text  # where the GUI thread was stuck


def test_bundle_headless_commands_use_bundled_resources(bundle, tmp_path):
    data = tmp_path / "data"

    def run(*args: str) -> subprocess.CompletedProcess:
        return _run(bundle.parent / CLI, "--data-dir", str(data), *args, cwd=tmp_path)

    untrained = run("train")
    assert untrained.returncode == 2 and "backfill" in untrained.stderr
    assert run("backfill").returncode == 0
    csv = tmp_path / "new.csv"
    csv.write_text(
        "sepal_length,sepal_width,petal_length,petal_width,variety\n"
        "5.2,3.6,1.3,0.3,setosa\n6.2,2.8,4.6,1.4,versicolor\n6.6,3.1,5.6,2.0,virginica\n"
    )
    imported = run("import", str(csv))
    assert imported.returncode == 0 and imported.stdout.startswith("Imported 3 flowers"), imported.stderr
    for algorithm in ("knn", "logreg", "tree", "forest", "svm"):  # each estimator's modules
        trained = run("train", "--algorithm", algorithm)
        assert trained.returncode == 0, f"{algorithm}: {trained.stderr[-2000:]}"
    info = run("info")
    assert info.returncode == 0, info.stderr
    resources = next(line for line in info.stdout.splitlines() if line.startswith("resources:"))
    assert str(bundle.parent) in resources
    assert run("catch-up").stdout.startswith("Caught up 31")
    predict = run("predict", "5.1", "3.5", "1.4", "0.2")
    assert predict.stdout.startswith("setosa"), predict.stdout + predict.stderr
    history = run("history", "--csv", "-")
    assert history.returncode == 0 and len(history.stdout.splitlines()) == 32, history.stderr


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="desktop entries are for Linux desktops")
def test_bundle_installs_its_desktop_entry(bundle, tmp_path):
    xdg = tmp_path / "xdg"
    result = _run(bundle, "install-desktop-entry", cwd=tmp_path, XDG_DATA_HOME=str(xdg))
    assert result.returncode == 0, result.stderr
    entry = next((xdg / "applications").glob("*.desktop"))
    lines = entry.read_text(encoding="utf-8").splitlines()
    exec_line = next(line for line in lines if line.startswith("Exec="))
    assert shlex.split(exec_line[len("Exec=") :]) == [str(bundle.resolve())]
    assert (xdg / "icons" / "hicolor" / "512x512" / "apps" / f"{entry.stem}.png").is_file()
    validator = shutil.which("desktop-file-validate")
    if validator:
        checked = subprocess.run([validator, str(entry)], capture_output=True, text=True)
        assert checked.returncode == 0, checked.stdout + checked.stderr
    # the entry starts this bundle
    started = _run(Path(shlex.split(exec_line[len("Exec=") :])[0]), "--version", cwd=tmp_path)
    assert started.stdout.startswith("iris-desktop ")
    assert _run(bundle, "uninstall-desktop-entry", cwd=tmp_path, XDG_DATA_HOME=str(xdg)).returncode == 0
    assert not entry.exists()


def test_bundle_leaves_out_what_the_app_never_loads(bundle):
    internal = bundle.parent / "_internal"
    qt = internal / "PySide6" / "Qt" if sys.platform != "win32" else internal / "PySide6"
    assert not (qt / "translations").exists()
    for folder in (qt / "plugins").iterdir():
        for plugin in folder.iterdir():
            assert bundle_trim.keep_qt_plugin(folder.name, plugin.name), plugin
    for left_out in ("scipy/io", "scipy/signal", "sklearn/datasets", "sklearn/mixture"):
        assert not (internal / left_out).exists(), left_out
    assert not [p.name for p in internal.glob("*") if p.name.startswith(("libssl", "libcrypto", "libgtk"))]
    for module in ("QtQml", "QtQuick", "QtDesigner"):
        assert not list((internal / "PySide6").glob(f"{module}.*")), module
    assert sorted(p.name for p in (internal / "iris_desktop" / "resources" / "icons").iterdir()) == sorted(
        f"iris-desktop-{size}.png" for size in (16, 24, 32, 48, 64, 128, 256, 512)
    )
