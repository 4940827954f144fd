"""The task runner's promises: no request is dropped; the same request joins; others wait
their turn; cancelling is clean; results arrive on the GUI thread, and never after the
widget that asked is gone."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QObject, QThread
from PySide6.QtWidgets import QApplication

from iris_desktop.errors import Cancelled
from iris_desktop.ui.runtime.task_runner import TaskRunner
from tests.ui.conftest import wait_done


@pytest.fixture
def runner(qtbot):
    made = TaskRunner()
    yield made
    made.shutdown(10_000)


def held(gate: threading.Event, value):
    """A job that runs until `gate` opens, then returns `value`."""
    assert gate.wait(10)
    return value


def test_the_same_request_joins_the_running_one(runner, qtbot):
    gate, got = threading.Event(), []
    first = runner.run("lane", held, gate, 1, on_finished=got.append)
    second = runner.run("lane", held, gate, 1, on_finished=got.append)
    assert second is first
    gate.set()
    wait_done(qtbot, first)
    assert got == [1, 1]  # both callers answered, one run


def test_other_requests_wait_their_turn_in_order(runner, qtbot):
    gate, got, messages = threading.Event(), [], []
    runner.message.connect(messages.append)
    a = runner.run("import", held, gate, "a.csv", status="Importing a.csv…", on_finished=got.append)
    b = runner.run("import", held, gate, "b.csv", status="Importing b.csv…", on_finished=got.append)
    c = runner.run("import", held, gate, "c.csv", status="Importing c.csv…", on_finished=got.append)
    assert (a.state, b.state, c.state) == ("running", "queued", "queued")
    assert runner.waiting("import") == [b, c]
    assert messages[-1] == "Importing c.csv: waiting for the import already running (2 waiting)"
    gate.set()
    wait_done(qtbot, c)
    assert got == ["a.csv", "b.csv", "c.csv"]
    assert not runner.busy


def test_lanes_run_side_by_side(runner, qtbot):
    gate = threading.Event()
    slow = runner.run("training", held, gate, "model")
    quick = runner.run("export", lambda: "written")
    wait_done(qtbot, quick)
    assert quick.result == "written" and slow.state == "running"
    gate.set()
    wait_done(qtbot, slow)


def test_repeat_queue_runs_once_more_after_the_running_one(runner, qtbot):
    gate, runs = threading.Event(), []

    def refresh():
        runs.append(1)
        assert gate.wait(10)

    first = runner.run("refresh", refresh, key="refresh", repeat="queue")
    again = runner.run("refresh", refresh, key="refresh", repeat="queue")
    joined = runner.run("refresh", refresh, key="refresh", repeat="queue")
    assert again is not first and joined is again  # one more run, however often asked
    gate.set()
    wait_done(qtbot, again)
    assert len(runs) == 2


def test_repeat_latest_replaces_what_waits(runner, qtbot):
    gate, got = threading.Event(), []
    runner.run("grid", held, gate, 1, repeat="latest", on_finished=got.append)
    stale = runner.run("grid", held, gate, 2, repeat="latest", on_finished=got.append)
    newest = runner.run("grid", held, gate, 3, repeat="latest", on_finished=got.append)
    assert stale.state == "cancelled"
    gate.set()
    wait_done(qtbot, newest)
    assert got == [1, 3]


def test_cancel_a_waiting_and_a_running_task(runner, qtbot):
    started = threading.Event()

    def long_job(should_cancel=None):
        started.set()
        while not should_cancel():
            QThread.msleep(5)
        raise Cancelled()

    running = runner.run("training", long_job, key="a")
    waiting = runner.run("training", long_job, key="b")
    waiting.cancel()
    assert waiting.state == "cancelled" and runner.waiting("training") == []
    assert started.wait(10)
    running.cancel()
    wait_done(qtbot, running)
    assert running.state == "cancelled" and running.error is None


def test_results_come_back_on_the_gui_thread(runner, qtbot):
    threads = []
    task = runner.run(
        "lane",
        lambda: threading.current_thread().name,
        on_finished=lambda name: threads.append((name, QThread.currentThread())),
    )
    wait_done(qtbot, task)
    worker_name, delivered_on = threads[0]
    assert worker_name != threading.main_thread().name
    assert delivered_on is QApplication.instance().thread()


def test_a_failure_nobody_handles_is_reported_once(runner, qtbot):
    failures = []
    runner.failed.connect(lambda lane, exc, details: failures.append((lane, str(exc), "boom" in details)))

    def boom():
        raise RuntimeError("boom")

    wait_done(qtbot, runner.run("lane", boom))
    assert failures == [("lane", "boom", True)]
    handled = []
    wait_done(qtbot, runner.run("lane", boom, on_failed=lambda exc, details: handled.append(exc)))
    assert len(handled) == 1 and len(failures) == 1


def test_no_answer_after_the_asking_widget_is_gone(runner, qtbot):
    gate, got = threading.Event(), []
    widget = QObject()
    task = runner.run("lane", held, gate, 1, context=widget, on_finished=got.append)
    widget.deleteLater()
    qtbot.waitUntil(lambda: not _alive(widget), timeout=5000)
    gate.set()
    wait_done(qtbot, task)
    assert got == []


def test_after_shutdown_new_requests_are_cancelled(runner, qtbot):
    assert runner.shutdown(5000)
    task = runner.run("lane", lambda: 1)
    assert task.state == "cancelled"


def _alive(obj) -> bool:
    import shiboken6

    return shiboken6.isValid(obj)


def test_a_handler_that_raises_does_not_stall_its_lane(runner, qtbot):
    """The lane's next task starts and the busy state clears even when a caller's
    handler raises; the failure is reported, and the other callers are still told."""
    gate, got, reported, idle = threading.Event(), [], [], []
    runner.handlerFailed.connect(lambda name, exc, details: reported.append((name, str(exc), details)))
    runner.idle.connect(lambda: idle.append(True))

    def broken(_result):
        raise RuntimeError("a bug in a tab's slot")

    first = runner.run("refresh", held, gate, 1, on_finished=broken)
    runner.run("refresh", held, gate, 1, on_finished=got.append)  # joins: told after the broken one
    second = runner.run("refresh", held, gate, 2, on_finished=got.append)
    gate.set()
    wait_done(qtbot, second)
    assert first.state == "finished" and got == [1, 2]
    assert [(name, text) for name, text, _ in reported] == [("refresh", "a bug in a tab's slot")]
    assert "RuntimeError" in reported[0][2]
    qtbot.waitUntil(lambda: not runner.busy and bool(idle))


def test_interactive_work_never_waits_behind_batch_work(runner, qtbot):
    """Four long batch jobs fill the batch pool; a slider's prediction still runs at once."""
    gate = threading.Event()
    batch = [runner.run(f"batch-{i}", held, gate, i) for i in range(6)]
    answer = runner.run("prediction", lambda: "versicolor", interactive=True)
    wait_done(qtbot, answer, timeout=5_000)
    assert answer.result == "versicolor"
    assert not any(task.is_done for task in batch)
    gate.set()
    for task in batch:
        wait_done(qtbot, task)
