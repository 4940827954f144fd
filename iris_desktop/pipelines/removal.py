"""Undoing imports: remove a whole import batch, or chosen imported flowers, in one
transaction, after saying which models were trained on them. Backfilled and daily
flowers are never removed this way. Models keep working: a model file holds its own
training rows, and its registry row the fingerprint of the data it saw."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from iris_desktop.errors import UserError
from iris_desktop.pipelines.runs import recorded
from iris_desktop.store import Store
from iris_desktop.store import imports as batches
from iris_desktop.store import registry as model_rows


class RemovalError(UserError, ValueError):
    """Nothing can be removed as asked; the message says why."""


@dataclass(frozen=True)
class Removal:
    removed: int
    models: tuple[int, ...]  # versions trained while those flowers were stored

    def message(self) -> str:
        text = f"Removed {self.removed} imported flower{'s' * (self.removed != 1)}"
        if self.models:
            names = ", ".join(f"v{v}" for v in self.models)
            text += (
                f"; model{'s' * (len(self.models) != 1)} {names} {'were' if len(self.models) > 1 else 'was'} "
                "trained on them and keep working as trained (retrain to leave them out)"
            )
        return text


def models_trained_on(store: Store, ids: Sequence[int]) -> tuple[int, ...]:
    """Versions that may include these imported flowers: trained on imports after the
    first of them was stored."""
    if not ids:
        return ()
    chunk = [int(i) for i in ids[:500]]
    first = store.execute(
        f"SELECT MIN(created_at) FROM flowers WHERE id IN ({', '.join('?' * len(chunk))})", chunk
    ).fetchone()[0]
    if first is None:
        return ()
    return tuple(m.version for m in model_rows.list_models(store) if "import" in m.sources and m.created_at >= first)


def plan_flowers(store: Store, ids: Sequence[int]) -> Removal:
    """What removing these flowers would do (nothing is removed)."""
    imported = batches.imported_ids(store, ids)
    if not imported:
        raise RemovalError("none of the chosen flowers was imported (backfilled and daily flowers stay)")
    return Removal(len(imported), models_trained_on(store, imported))


def remove_flowers(store: Store, ids: Sequence[int]) -> Removal:
    """Remove the imported flowers among `ids`; the others are left alone."""
    with recorded(store, "import-removal") as run:
        with store.transaction():
            plan = plan_flowers(store, ids)
            removed = batches.delete_flowers(store, batches.imported_ids(store, ids))
        run.rows_out = removed
        run.message = Removal(removed, plan.models).message()
    return Removal(removed, plan.models)


def _batch_ids(store: Store, batch_id: int) -> list[int]:
    if batches.get_batch(store, batch_id) is None:
        raise RemovalError(f"there is no import batch {batch_id} (see `iris-desktop imports`)")
    return [r[0] for r in store.execute("SELECT id FROM flowers WHERE import_id = ?", (batch_id,))]


def plan_batch(store: Store, batch_id: int) -> Removal:
    ids = _batch_ids(store, batch_id)
    return Removal(len(ids), models_trained_on(store, ids))


def remove_batch(store: Store, batch_id: int) -> Removal:
    """Remove an import batch whole: its flowers and its record."""
    with recorded(store, "import-removal") as run:
        run.import_id = batch_id
        with store.transaction():
            plan = plan_batch(store, batch_id)
            removed = batches.delete_batch(store, batch_id)
        run.rows_out = removed
        run.message = Removal(removed, plan.models).message() + f" (batch {batch_id})"
    return Removal(removed, plan.models)


def remove_future_days(store: Store, today: dt.date) -> int:
    """Remove the daily flowers stored for days after `today` (the clock was ahead when
    they were made) with their predictions; returns how many. Days are deterministic:
    each is made again, identically, when its date comes."""
    from iris_desktop.store.flowers import delete_daily_after

    with recorded(store, "future-days-removal") as run:
        run.rows_out = removed = delete_daily_after(store, today)
        run.message = f"removed {removed} daily flower{'s' * (removed != 1)} stored for days after {today}"
        if not removed:
            run.nothing_to_do()
    return removed
