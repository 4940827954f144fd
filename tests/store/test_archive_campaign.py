"""The reliability campaign's `archives` family, quick: hostile backup archives restored
by real `iris-desktop restore ARCHIVE --yes` processes (tests/reliability/archives.py)."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_the_archives_family_finds_no_failure():
    started = time.monotonic()
    run = subprocess.run(
        [sys.executable, str(ROOT / "tests" / "reliability" / "campaign.py"), "--family", "archives", "--quick"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    seconds = time.monotonic() - started
    print(run.stdout, f"({seconds:.0f} s)")
    assert run.returncode == 0, run.stdout + run.stderr[-4000:]
    assert "archives: " in run.stdout and " 0 failures, 0 rows lost, 0 tracebacks" in run.stdout, run.stdout
    assert seconds < 120  # ~12 s here; the quick family is meant to stay well under a minute
