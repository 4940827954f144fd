"""Nested transactions are savepoints; rollback callbacks run when (and only when) the
writes they go with are undone."""

from __future__ import annotations

import datetime as dt
import sqlite3

import pytest

from iris_desktop.domain import Flower, Variety
from iris_desktop.store import flowers as flower_table

SETOSA = Flower(5.1, 3.5, 1.4, 0.2, Variety.SETOSA)
VIRGINICA = Flower(6.3, 3.3, 6.0, 2.5, Variety.VIRGINICA)


def _sources(store) -> list[str]:
    return [r[0] for r in store.execute("SELECT source FROM flowers ORDER BY id")]


def test_an_inner_failure_caught_undoes_only_the_inner_rows(store):
    """Before savepoints, the inner half-written rows stayed in the outer transaction."""
    with store.transaction():
        flower_table.add_flowers(store, [SETOSA], "backfill")
        with pytest.raises(RuntimeError), store.transaction() as conn:
            conn.execute("INSERT INTO meta (key, value) VALUES ('inner', '1')")
            flower_table.add_flowers(store, [VIRGINICA] * 3, "import")  # nested twice: a savepoint in a savepoint
            raise RuntimeError("the inner work fails; its caller goes on")
        assert store.conn.in_transaction  # the outer transaction goes on
        flower_table.add_flowers(store, [VIRGINICA], "backfill")
    assert _sources(store) == ["backfill", "backfill"]
    assert store.meta("inner") is None
    assert flower_table.count_by_source(store) == {"backfill": 2, "import": 0, "daily": 0}


def test_an_inner_constraint_failure_caught_leaves_no_half_batch(store):
    """A batch that fails on its second day: its first day is not kept either."""
    with store.transaction():
        flower_table.add_flowers(store, [SETOSA], "backfill")
        with pytest.raises(sqlite3.IntegrityError):
            flower_table.add_daily_flowers(store, [dt.date(2026, 1, 1)] * 2, [SETOSA, SETOSA])
    assert _sources(store) == ["backfill"]


def test_inner_levels_commit_with_the_outer_one(store):
    with store.transaction():
        with store.transaction():
            with store.transaction():
                store.set_meta("deep", "1")
            store.set_meta("inner", "1")
        with pytest.raises(ValueError), store.transaction():
            store.set_meta("undone", "1")
            raise ValueError
    assert (store.meta("deep"), store.meta("inner"), store.meta("undone")) == ("1", "1", None)
    assert not store.conn.in_transaction
    with store.transaction(), store.transaction():  # the savepoint names are free again
        store.set_meta("again", "1")
    assert store.meta("again") == "1"


def test_an_error_through_every_level_undoes_everything(store):
    with pytest.raises(ValueError), store.transaction():
        store.set_meta("outer", "1")
        with store.transaction():
            store.set_meta("inner", "1")
            raise ValueError
    assert store.meta("outer") is None and store.meta("inner") is None
    assert not store.conn.in_transaction


def test_rollback_callbacks_run_on_rollback_only(store):
    calls = []
    with store.transaction():
        store.on_rollback(lambda: calls.append("committed"))
    assert calls == []  # dropped on commit
    store.set_meta("next", "1")  # and not run by a later transaction either
    with pytest.raises(RuntimeError), store.transaction():
        store.on_rollback(lambda: calls.append("first"))
        store.on_rollback(lambda: calls.append("second"))
        raise RuntimeError
    assert calls == ["second", "first"]  # newest first


def test_a_nested_callback_runs_when_its_savepoint_or_an_enclosing_transaction_rolls_back(store):
    calls = []
    with store.transaction():
        with pytest.raises(RuntimeError), store.transaction():
            store.on_rollback(lambda: calls.append("inner, rolled back"))
            raise RuntimeError
        assert calls == ["inner, rolled back"]  # its writes are gone now, not at the end
        with store.transaction():
            store.on_rollback(lambda: calls.append("inner, released"))
    assert calls == ["inner, rolled back"]  # the outer one committed: kept
    with pytest.raises(RuntimeError), store.transaction():
        with store.transaction():
            store.on_rollback(lambda: calls.append("inner, released, then the outer rolled back"))
        raise RuntimeError
    assert calls[-1] == "inner, released, then the outer rolled back"


def test_a_failing_callback_does_not_hide_the_error_nor_stop_the_others(store):
    calls = []

    def broken():
        raise OSError("cannot remove")

    with pytest.raises(KeyError), store.transaction():
        store.on_rollback(lambda: calls.append("older"))
        store.on_rollback(broken)
        raise KeyError("the real error")
    assert calls == ["older"]


def test_callbacks_run_when_the_commit_fails(store):
    calls = []
    with pytest.raises(sqlite3.IntegrityError), store.transaction() as conn:
        store.on_rollback(lambda: calls.append("undone"))
        conn.execute("PRAGMA defer_foreign_keys = ON")
        conn.execute("INSERT INTO model_aliases (alias, version) VALUES ('active', 999)")  # fails at COMMIT
    assert calls == ["undone"] and not store.conn.in_transaction


def test_on_rollback_outside_a_transaction_is_a_mistake(store):
    with pytest.raises(RuntimeError, match="needs a transaction"):
        store.on_rollback(lambda: None)
