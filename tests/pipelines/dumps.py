"""The database's content as SQL, less the run log: an operation that fails records its
run (pipelines/runs.py) and must leave everything else as it was."""

from __future__ import annotations

RUN_LOG = ('INSERT INTO "runs"', 'INSERT INTO "run_days"')


def data_dump(store) -> list[str]:
    return [line for line in store.conn.iterdump() if not line.startswith(RUN_LOG)]
