"""Reads of the daily flowers find them on the partial index on day (flowers_by_day),
never by scanning every flower: `source = 'daily'` has no index, `day IS NOT NULL` (the
same rows, by the schema's CHECK) has. 17-21 ms against 1.3-2.4 ms at 200,000 flowers."""

from __future__ import annotations

import datetime as dt

import pytest

from iris_desktop.pipelines import monitoring
from iris_desktop.store import flowers as flower_table
from iris_desktop.store import generators as generator_table
from iris_desktop.store import predictions as prediction_table
from tests.conftest import TODAY

START, END = TODAY - dt.timedelta(days=10), TODAY


class _Recorder:
    """The store's connection, recording every statement run through it."""

    def __init__(self, conn):
        self._conn = conn
        self.statements: list[tuple[str, tuple]] = []

    def __getattr__(self, name):
        return getattr(self._conn, name)

    def execute(self, sql, params=()):
        self.statements.append((sql, tuple(params)))
        return self._conn.execute(sql, params)


READS = {
    "daily_without_prediction": lambda s: prediction_table.daily_without_prediction(s, 1),
    "unpredicted_daily_count": prediction_table.unpredicted_daily_count,
    "daily_predictions": lambda s: prediction_table.daily_predictions(s, 1, START, END),
    "prediction_columns": lambda s: prediction_table.prediction_columns(s, first_only=True),
    "daily_prediction_count": lambda s: prediction_table.daily_prediction_count(s, START),
    "daily_flowers": lambda s: flower_table.daily_flowers(s, START, END),
    "daily_span_after": lambda s: flower_table.daily_span_after(s, START),
    "flower_columns (daily)": lambda s: flower_table.flower_columns(s, ("daily",)),
    "flower_columns (daily, a window)": lambda s: flower_table.flower_columns(s, ("daily",), START, END),
    "daily_generator_ids": generator_table.daily_generator_ids,
    "unrecorded_days": generator_table.unrecorded_days,
    "first_daily_day": generator_table.first_daily_day,
    "last_daily_day": flower_table.last_daily_day,
    "monitoring.history_columns": lambda s: monitoring.history_columns(s),
}


def _plans(store, read) -> list[tuple[str, list[str]]]:
    recorder = _Recorder(store.conn)
    store.conn = recorder
    try:
        read(store)
    finally:
        store.conn = recorder._conn
    daily = [(sql, params) for sql, params in recorder.statements if "day" in sql and "flowers" in sql]
    assert daily, "no read of the daily flowers was seen"
    return [(sql, [r[3] for r in store.conn.execute("EXPLAIN QUERY PLAN " + sql, params)]) for sql, params in daily]


@pytest.mark.parametrize("name", READS)
def test_daily_reads_use_the_day_index(trained_store, name):
    for sql, plan in _plans(trained_store, READS[name]):
        assert "source = 'daily'" not in sql
        flowers = [step for step in plan if " f " in f" {step} " or "flowers" in step]
        assert any("flowers_by_day" in step for step in flowers), (sql, plan)
        assert not any(step.startswith("SCAN") for step in flowers), (sql, plan)


def test_deleting_the_days_after_a_date_uses_the_day_index(trained_store):
    recorder = _Recorder(trained_store.conn)
    trained_store.conn = recorder
    try:
        flower_table.delete_daily_after(trained_store, TODAY - dt.timedelta(days=2))
    finally:
        trained_store.conn = recorder._conn
    (sql, params) = next((s, p) for s, p in recorder.statements if s.startswith("DELETE FROM flowers"))
    plan = [r[3] for r in trained_store.conn.execute("EXPLAIN QUERY PLAN " + sql, params)]
    assert "flowers_by_day" in plan[0], plan


def test_the_index_reads_find_the_same_days_as_the_source(trained_store):
    """The rewrite is equivalent: the schema ties source = 'daily' to a day."""
    by_source = trained_store.execute("SELECT id FROM flowers WHERE source = 'daily' ORDER BY id").fetchall()
    columns = flower_table.flower_columns(trained_store, ("daily",))
    assert columns.id.tolist() == [r[0] for r in by_source] and len(by_source) == 31
    window = flower_table.flower_columns(trained_store, ("daily",), START, END)
    assert window.day.astype(object).tolist() == [START + dt.timedelta(days=i) for i in range(11)]
