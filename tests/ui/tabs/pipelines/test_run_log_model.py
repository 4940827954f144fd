"""The run log's model: newest first, the newest runs merged in after a change (new ones
in front, ended ones updated), a log replaced behind its back refused (the tab then
reads it whole), filters as numpy masks."""

from __future__ import annotations

from iris_desktop.store.runs import RunRecord
from iris_desktop.ui.tabs.pipelines.run_log import FAILURES_CHOICE, RunLogModel


def run(i: int, outcome: str = "ok", pipeline: str = "catch-up", started: str | None = None) -> RunRecord:
    stamp = started or f"2026-06-15T00:{i % 60:02d}:00.000Z"
    ended = None if outcome == "running" else stamp
    return RunRecord(i, pipeline, "cli", outcome, stamp, ended, i, i, None, None, f"message {i}")


def shown_ids(model: RunLogModel) -> list[int]:
    return [r.id for r in model.shown()]


def test_new_runs_go_in_front_and_ended_ones_are_updated(qtbot):
    model = RunLogModel()
    model.replace([run(3, "running"), run(2), run(1)])
    assert (model.newest_id, model.oldest_running) == (3, 3)
    assert model.merge([run(5, "running"), run(4), run(3, "failed"), run(2)])
    assert shown_ids(model) == [5, 4, 3, 2, 1]
    assert model.records[2].outcome == "failed" and model.oldest_running == 5
    assert model.index(2, 3).data() == "failed"
    model.set_filter(None, FAILURES_CHOICE, "")
    assert shown_ids(model) == [3]
    assert model.merge([run(6, "failed", "import")])
    assert shown_ids(model) == [6, 3]
    model.set_filter("import", None, "message 6")
    assert shown_ids(model) == [6]


def test_a_replaced_log_is_refused(qtbot):
    model = RunLogModel()
    model.replace([run(2), run(1)])
    assert not model.merge([run(3), run(2, started="2020-01-01T00:00:00.000Z")])  # another run 2: a restore
    assert not model.merge([run(3), run(1), run(0)])  # an id below the newest never seen
    assert shown_ids(model) == [2, 1]  # unchanged
