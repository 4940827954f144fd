"""The PyInstaller bundle: build it from packaging/iris-desktop.spec, then run it the way
a user and a scheduler would (GUI self-test offscreen, headless commands)."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def bundle(tmp_path_factory) -> Path:
    pytest.importorskip("PyInstaller")
    work = tmp_path_factory.mktemp("bundle")
    result = subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
         "--distpath", str(work / "dist"), "--workpath", str(work / "build"),
         str(ROOT / "packaging" / "iris-desktop.spec")],
        capture_output=True, text=True, timeout=900,
    )
    assert result.returncode == 0, result.stderr[-4000:]
    exe = work / "dist" / "iris-desktop" / ("iris-desktop.exe" if os.name == "nt" else "iris-desktop")
    assert exe.is_file()
    return exe


def _run(exe: Path, *args: str, cwd: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env.pop("IRIS_DESKTOP_DATA_DIR", None)
    return subprocess.run([str(exe), *args], capture_output=True, text=True, timeout=300, cwd=cwd, env=env)


def test_bundle_runs_the_self_test(bundle, tmp_path):
    result = _run(bundle, "--self-test", cwd=tmp_path)
    assert result.returncode == 0, result.stderr[-4000:]
    assert "self-test passed" in result.stdout


def test_bundle_headless_commands_use_bundled_resources(bundle, tmp_path):
    data = tmp_path / "data"
    untrained = _run(bundle, "--data-dir", str(data), "train", cwd=tmp_path)
    assert untrained.returncode == 2 and "backfill" in untrained.stderr
    assert _run(bundle, "--data-dir", str(data), "backfill", cwd=tmp_path).returncode == 0
    assert _run(bundle, "--data-dir", str(data), "train", "--algorithm", "svm", cwd=tmp_path).returncode == 0
    info = _run(bundle, "--data-dir", str(data), "info", cwd=tmp_path)
    assert info.returncode == 0, info.stderr
    resources = next(line for line in info.stdout.splitlines() if line.startswith("resources:"))
    assert str(bundle.parent) in resources
    assert _run(bundle, "--data-dir", str(data), "catch-up", cwd=tmp_path).stdout.startswith("Caught up 31")
    predict = _run(bundle, "--data-dir", str(data), "predict", "5.1", "3.5", "1.4", "0.2", cwd=tmp_path)
    assert predict.stdout.startswith("setosa"), predict.stdout + predict.stderr
