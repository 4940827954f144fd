"""Batch inference: catch up every missed day, extend the history back, and the first
run. (What the monitor shows of the predictions is in monitoring.py.)"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from iris_desktop.domain import VARIETIES
from iris_desktop.errors import Cancelled
from iris_desktop.pipelines import daily, daily_calendar, registry
from iris_desktop.store import Store
from iris_desktop.store import flowers as flower_table
from iris_desktop.store import generators as generator_table
from iris_desktop.store import predictions as prediction_table
from iris_desktop.store import registry as model_rows

Progress = Callable[[int, str], None]

# A longer run commits in batches of this many whole days, each with its predictions,
# so no write holds the database lock for long; a run killed halfway keeps whole batches.
CHUNK_DAYS = 1000


@dataclass(frozen=True)
class FirstRun:
    """What a first run did besides catching up, to tell the user."""

    backfilled: int  # bundled flowers stored now (0: they were stored already)
    model: str | None  # the default model trained and activated (None: one was active)
    history_start: dt.date
    generator: str  # the generator of the simulated days, in words

    def message(self) -> str:
        parts = [
            f"stored the bundled Iris data set ({self.backfilled} flowers)"
            if self.backfilled
            else "the bundled Iris data set was stored already"
        ]
        parts.append(f"trained and activated the default model {self.model}" if self.model else "kept the active model")
        parts.append(f"simulated the daily history from {self.history_start} with {self.generator}")
        return "First run: " + ", ".join(parts) + "."


@dataclass(frozen=True)
class CatchUpSummary:
    days_added: int
    predictions_made: int
    first_day: dt.date | None
    last_day: dt.date | None
    model_version: int | None  # None: no usable active model, predictions are pending
    pending: int = 0  # daily flowers still without a prediction
    model_error: str | None = None  # why the active model could not be used
    first_run: FirstRun | None = None  # set when this was a first run
    future: daily_calendar.FutureDays | None = None  # days stored after today (the clock was ahead)

    def message(self) -> str:
        if self.days_added:
            text = f"Caught up {self.days_added} missed day{'s' * (self.days_added != 1)}"
            if self.first_day != self.last_day:
                text += f" (from {self.first_day} to {self.last_day})"
            else:
                text += f" ({self.first_day})"
        elif self.predictions_made:
            text = f"Predicted {self.predictions_made} daily flower{'s' * (self.predictions_made != 1)}"
        else:
            text = "Up to date"
        if self.model_version is None and self.pending:
            why = "the active model cannot be used" if self.model_error else "no active model"
            text += f"; {self.pending} prediction{'s' * (self.pending != 1)} pending: {why}"
        return text


def _usable_model(store: Store, model: registry.LoadedModel | None) -> tuple[registry.LoadedModel | None, str | None]:
    """(the model to predict with or None, why the active one cannot be used)."""
    if model is not None:
        return model, None
    try:
        return registry.load_active(store), None
    except registry.ModelLoadError as exc:
        return None, str(exc)


def _add_days(store: Store, days: list[dt.date], model: registry.LoadedModel | None) -> int:
    """Store `days`' flowers, made by the pinned generator and recorded as made by it,
    then predict every daily flower `model` has not: one batch (the caller's transaction)."""
    if days:
        settings = daily.pin_settings(store)
        values, variety = daily.generate_arrays(store.installation_seed(), settings, days)
        names = [v.value for v in VARIETIES]
        flower_table.add_daily_rows(
            store,
            days,
            values.tolist(),
            [names[i] for i in variety.tolist()],
            generator_id=daily.record_generator(store, settings),
        )
    return predict_pending(store, model) if model is not None else 0


_ATTRIBUTED = "daily_generators_attributed"


def attribute_unrecorded_days(store: Store) -> int:
    """Days stored before generators were recorded: find the generator that made each
    one by making it again (the pinned settings, the fixed bounds, or any kind measured
    on today's data); a day is attributed only if a generator reproduces it exactly.
    Runs once per store; returns how many days were attributed."""
    if store.meta(_ATTRIBUTED):
        return 0
    attributed = 0
    with store.transaction():
        rows = generator_table.unrecorded_days(store)
        if rows:
            ids = np.array([r[0] for r in rows])
            days = [dt.date.fromisoformat(r[1]) for r in rows]
            values = np.array([r[2:6] for r in rows], dtype=float)
            names = [v.value for v in VARIETIES]
            variety = np.array([names.index(r[6]) for r in rows])
            candidates = list(daily.recorded_generators(store).values())
            pinned = store.meta("daily_settings")
            if pinned:
                candidates.append(daily.GeneratorSettings.stored(store, pinned, "the daily generator settings"))
            candidates += [daily.settings_for(store, kind) for kind in daily.KINDS]
            left = np.arange(len(rows))
            seen: set[str] = set()
            for settings in candidates:
                if settings.key in seen or not len(left):
                    continue
                seen.add(settings.key)
                made, made_variety = daily.generate_arrays(store.installation_seed(), settings, [days[i] for i in left])
                same = (np.abs(made - values[left]) < 1e-6).all(axis=1) & (made_variety == variety[left])
                if same.any():
                    made_by = daily.record_generator(store, settings)
                    generator_table.set_generator_of(store, ids[left[same]].tolist(), made_by)
                    attributed += int(same.sum())
                    left = left[~same]
        store.set_meta(_ATTRIBUTED, "1")
    return attributed


def catch_up(
    store: Store,
    today: dt.date | None = None,
    model: registry.LoadedModel | None = None,
    progress: Progress | None = None,
) -> CatchUpSummary:
    """Generate every missed day's flower, then predict every daily flower the active
    model has not predicted; flowers and predictions commit together (in batches of
    CHUNK_DAYS days for a long catch-up).

    Each batch works out what is missing inside its own write transaction and the run
    stops when nothing is: processes catching up one store at once (cron, the app, a
    second window) share the days out, batch by batch, and never make a day twice.
    The summary tells what this run added.

    A model that cannot be loaded (file missing or altered) does not stop the days:
    they are generated and their predictions left pending, with the reason."""
    today = today or dt.date.today()
    report = progress or (lambda pct, text: None)
    model, error = _usable_model(store, model)
    added: list[dt.date] = []
    made = total = 0
    while True:
        if added:  # (outside the transaction: the lock is not held while the caller shows it)
            report(min(99, 100 * len(added) // total), f"Generating and predicting the days after {added[-1]}")
        with store.transaction():
            if not total:
                attribute_unrecorded_days(store)  # once per store: days stored before generators were
            missing = daily_calendar.missing_days(store, today)  # under the write lock: nobody adds any now
            days = missing[:CHUNK_DAYS]
            total = total or len(missing)  # estimated once: other processes may make some of them
            made += _add_days(store, days, model)
        added += days
        if len(missing) <= CHUNK_DAYS:
            break
    pending = 0 if model is not None else prediction_table.unpredicted_daily_count(store)
    return CatchUpSummary(
        len(added),
        made,
        added[0] if added else None,
        added[-1] if added else None,
        model.version if model else None,
        pending,
        error,
        future=daily_calendar.future_days(store, today),
    )


class HistoryCancelled(Cancelled):
    """extend_history stopped between two batches; the batches done are kept."""


def extend_history(
    store: Store,
    start: dt.date,
    today: dt.date | None = None,
    model: registry.LoadedModel | None = None,
    progress: Progress | None = None,
    should_cancel: Callable[[], bool] | None = None,
) -> CatchUpSummary:
    """Start the daily history on `start`: before any day is stored, any day up to today;
    afterwards only earlier (stored days never change). The days before the first stored
    one are made by the generator of the days to come, newest batch first so the history
    stays without gaps if the run is stopped; then the usual catch-up up to today.

    As in catch_up, each batch works out again, in its write transaction, which days
    before the first stored one are missing: another process extending the history at
    the same time makes other batches, never the same days."""
    today = today or dt.date.today()
    report = progress or (lambda pct, text: None)
    model, error = _usable_model(store, model)
    total = len(daily_calendar.days_before_history(store, start, today))  # checks `start`; the estimate
    added: list[dt.date] = []
    made = 0
    while True:
        if added and should_cancel is not None and should_cancel():
            raise HistoryCancelled(f"stopped: the history now starts on {generator_table.first_daily_day(store)}")
        if total:
            before = added[0] if added else generator_table.first_daily_day(store)
            report(min(89, 90 * len(added) // total), f"Generating and predicting the days before {before}")
        with store.transaction():
            first = generator_table.first_daily_day(store)  # under the write lock, as in catch_up
            missing = daily_calendar.days_between(start, first) if first is not None else []
            days = missing[-CHUNK_DAYS:]
            made += _add_days(store, days, model)
            if len(missing) <= CHUNK_DAYS:  # with the earliest batch: the start is reached
                _start_history(store, start, first)
        added[:0] = days
        if len(missing) <= CHUNK_DAYS:
            break
    report(90, "Catching up to today")
    rest = catch_up(store, today, model)
    return CatchUpSummary(
        len(added) + rest.days_added,
        made + rest.predictions_made,
        added[0] if added else rest.first_day,
        rest.last_day or (added[-1] if added else None),
        rest.model_version,
        rest.pending,
        error or rest.model_error,
        future=rest.future,
    )


def _start_history(store: Store, start: dt.date, first: dt.date | None) -> None:
    """Record `start` as the history's first day. With days stored, only ever earlier:
    another process may have extended it further back meanwhile."""
    stored = store.meta("history_start")
    if first is None or stored is None or start.isoformat() < stored:
        store.set_meta("history_start", start.isoformat())


def predict_pending(store: Store, model: registry.LoadedModel) -> int:
    """Predict, in one batch, every daily flower `model` has not predicted yet."""
    todo = prediction_table.daily_without_prediction(store, model.version)
    if not todo:
        return 0
    X = np.array([r[1:] for r in todo], dtype=float)
    proba = model.predict_proba(X)
    best = proba.argmax(axis=1)
    rows = [(r[0], VARIETIES[b].value, p) for r, b, p in zip(todo, best.tolist(), proba.tolist())]
    return prediction_table.add_predictions(store, model.version, rows)


def is_first_run(store: Store) -> bool:
    """A store this app has not set up yet: no model was ever registered (the test the
    window's start-up and the headless `catch-up` share)."""
    return not model_rows.list_models(store)
