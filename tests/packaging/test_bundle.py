"""The PyInstaller bundle (built once, tests/packaging/conftest.py), run the way a user, a
scheduler and a desktop would: the GUI self-test offscreen, the headless commands, the
desktop entry.

This is also the proof of every exclusion in packaging/bundle_trim.py: the self-test
shows every tab after a first run and a catch-up, each until its work is done and it has
painted; the commands import a CSV, train each algorithm, catch up, predict and list the
history.
"""

from __future__ import annotations

import datetime as dt
import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.packaging.helpers import CLI, WINDOWS, packaging_module, run

bundle_trim = packaging_module("bundle_trim")
pytestmark = pytest.mark.slow


def test_bundle_runs_the_self_test_through_every_tab(bundle, tmp_path):
    from iris_desktop.ui.main_window import TABS

    verdict = tmp_path / "verdict.txt"  # what a windowed build (no stdout) is checked by
    result = run(bundle, "--self-test", "--self-test-output", str(verdict), cwd=tmp_path)
    assert result.returncode == 0, result.stderr[-4000:]
    if not WINDOWS:
        assert "self-test passed" in result.stdout
    text = verdict.read_text(encoding="utf-8")
    assert text.startswith(f"self-test passed: {len(TABS)} tab(s) shown and painted (")
    assert f"({', '.join(name for name, _ in TABS)})" in text


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs a named pipe")
def test_a_self_test_that_hangs_is_ended_by_the_watchdog(bundle, tmp_path):
    # The log file is a pipe nobody reads: opening it blocks the GUI thread for ever.
    data = tmp_path / "data"
    (data / "logs").mkdir(parents=True)
    os.mkfifo(data / "logs" / "iris-desktop.log")
    verdict = tmp_path / "verdict.txt"
    result = run(
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

    def cli(*args: str) -> subprocess.CompletedProcess:
        return run(bundle.parent / CLI, "--data-dir", str(data), *args, cwd=tmp_path)

    untrained = cli("train")
    assert untrained.returncode == 2 and "backfill" in untrained.stderr
    assert cli("backfill").returncode == 0
    csv = tmp_path / "new.csv"
    csv.write_text(
        "sepal_length,sepal_width,petal_length,petal_width,variety\n"
        "5.2,3.6,1.3,0.3,setosa\n6.2,2.8,4.6,1.4,versicolor\n6.6,3.1,5.6,2.0,virginica\n"
    )
    imported = cli("import", str(csv))
    assert imported.returncode == 0 and imported.stdout.startswith("Imported 3 flowers"), imported.stderr
    for algorithm in ("knn", "logreg", "tree", "forest", "svm"):  # each estimator's modules
        trained = cli("train", "--algorithm", algorithm)
        assert trained.returncode == 0, f"{algorithm}: {trained.stderr[-2000:]}"
    info = cli("info")
    assert info.returncode == 0, info.stderr
    resources = next(line for line in info.stdout.splitlines() if line.startswith("resources:"))
    assert str(bundle.parent) in resources
    assert cli("catch-up").stdout.startswith("Caught up 31")
    predict = cli("predict", "5.1", "3.5", "1.4", "0.2")
    assert predict.stdout.startswith("setosa"), predict.stdout + predict.stderr
    history = cli("history", "--csv", "-")
    assert history.returncode == 0 and len(history.stdout.splitlines()) == 32, history.stderr
    yesterday = (dt.date.today() - dt.timedelta(days=1)).isoformat()
    explained = cli("explain", "--date", yesterday)
    assert explained.returncode == 0 and explained.stdout.startswith(f"Day {yesterday}: predicted "), explained.stderr
    for report in ("report.html", "report.pdf"):  # the report draws with Qt: fonts, SVG, PDF
        made = cli("report", "--out", str(tmp_path / report))
        assert made.returncode == 0 and (tmp_path / report).stat().st_size > 10_000, made.stderr
    assert cli("backup").returncode == 0


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="desktop entries are for Linux desktops")
def test_bundle_installs_its_desktop_entry(bundle, tmp_path):
    xdg = tmp_path / "xdg"
    result = run(bundle, "install-desktop-entry", cwd=tmp_path, XDG_DATA_HOME=str(xdg))
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
    started = run(Path(shlex.split(exec_line[len("Exec=") :])[0]), "--version", cwd=tmp_path)
    assert started.stdout.startswith("iris-desktop ")
    assert run(bundle, "uninstall-desktop-entry", cwd=tmp_path, XDG_DATA_HOME=str(xdg)).returncode == 0
    assert not entry.exists()


def test_bundle_leaves_out_what_the_app_never_loads(bundle):
    internal = bundle.parent / "_internal"
    qt = internal / "PySide6" / "Qt" if sys.platform != "win32" else internal / "PySide6"
    # Of Qt's catalogues only qtbase's in the app's languages; the app's own compiled ones.
    assert {f.name for f in (qt / "translations").iterdir()} == bundle_trim.QT_CATALOGUES
    assert {f.name for f in (internal / "iris_desktop" / "resources" / "translations").glob("*.qm")} == {
        "iris_desktop_en.qm",
        "iris_desktop_sv.qm",
    }
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


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the Linux bundle's trimming")
def test_the_linux_bundle_leaves_the_systems_libraries_to_the_system(bundle):
    """The wheels' system libraries (X11, xcb, fontconfig, GLib, libstdc++...) are not
    copied: the Debian package depends on them. What the interpreter's own modules
    need (SQLite for _sqlite3, libffi for _ctypes...) is kept, every one of it."""
    elf_info = packaging_module("elf_info")
    glibc = packaging_module("deb_depends").GLIBC_SONAMES
    internal = bundle.parent / "_internal"
    top = {p.name for p in internal.iterdir()}
    for system in ("libstdc++.so.6", "libX11.so.6", "libfontconfig.so.1", "libglib-2.0.so.0", "libxcb.so.1"):
        assert system not in top, system
    python_own = [*internal.glob("python3*/lib-dynload/*.so"), *internal.glob("libpython3*")]
    assert any(p.name.startswith("_sqlite3") for p in python_own)
    for module in python_own:
        missing = set(elf_info.read(module).needed) - top - glibc
        assert not missing, f"{module.name} needs {missing}"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the Linux bundle's size goal")
def test_the_linux_bundle_is_at_most_250_mib_with_english_icu_data(bundle):
    icu = next((bundle.parent / "_internal").rglob("libicudata.so.*"))
    assert icu.stat().st_size < 5 * 2**20  # 31 MiB with every locale and converter
    on_disk = sum(p.lstat().st_blocks * 512 for p in bundle.parent.rglob("*"))  # as du counts
    assert on_disk <= 250 * 2**20, f"{on_disk / 2**20:.0f} MiB"
