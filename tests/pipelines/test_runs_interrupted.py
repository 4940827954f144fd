"""A run whose process is killed (SIGKILL: nothing of ours runs) stays 'running' in the
table; the next open of the store finds its process gone and closes it as interrupted.
While the process lives, another process's open leaves its run alone."""

from __future__ import annotations

import signal
import subprocess
import sys

import pytest

from iris_desktop.store import Store
from iris_desktop.store import runs as run_table
from iris_desktop.store.interrupted_runs import INTERRUPTED

# A real training in another process that stops at its first cancel check (its run row
# is written by then) until told to go on, or killed.
TRAIN = """
import sys
from iris_desktop.pipelines import operations
from iris_desktop.pipelines.training import TrainingConfig
from iris_desktop.store import Store

asked = []
def hold():
    if not asked:
        asked.append(1)
        print("training", flush=True)
        sys.stdin.readline()
    return False

with Store.open(sys.argv[1], sys.argv[2]) as store:
    operations.train(store, TrainingConfig(), should_cancel=hold)
print("done", flush=True)
"""


def _start(store: Store) -> subprocess.Popen:
    child = subprocess.Popen(
        [sys.executable, "-c", TRAIN, str(store.path), str(store.models_dir)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert child.stdout.readline().strip() == "training"
    return child


def _training(store: Store) -> run_table.RunRecord:
    run = run_table.last(store, "training")
    assert run is not None
    return run


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")
def test_a_run_killed_with_sigkill_is_closed_as_interrupted_at_the_next_open(trained_store):
    child = _start(trained_store)
    try:
        with Store.open(trained_store.path, trained_store.models_dir) as other:
            assert _training(other).outcome == "running"  # its process lives: left alone
        child.send_signal(signal.SIGKILL)
        assert child.wait(timeout=60) == -signal.SIGKILL
    finally:
        child.kill()
        child.wait()
    assert _training(trained_store).outcome == "running"  # nobody has opened the store since
    with Store.open(trained_store.path, trained_store.models_dir) as again:
        run = _training(again)
        assert (run.outcome, run.message, run.ended) == ("interrupted", INTERRUPTED, None)
        assert run_table.recent(again, failed=True)[0].id == run.id


def test_a_run_of_another_live_process_ends_as_it_ends(trained_store):
    child = _start(trained_store)
    try:
        with Store.open(trained_store.path, trained_store.models_dir) as other:
            assert _training(other).outcome == "running"
        out, _err = child.communicate("go on\n", timeout=120)
    finally:
        child.kill()
        child.wait()
    assert out.strip() == "done"
    run = _training(trained_store)
    assert (run.outcome, run.model_version) == ("ok", 2)
