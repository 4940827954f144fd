"""The Daily tab's work in a worker: read the whole daily history as columns, change the
generator for the days to come, move the history's start. No Qt here (the progress texts
are translated where they are shown: steering.py PROGRESS)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from iris_desktop.store import Store
from iris_desktop.ui.runtime.jobs import with_store

if TYPE_CHECKING:  # the modules themselves are imported in the worker, when first needed
    from iris_desktop.pipelines.daily import GeneratorSettings

MAX_BACKGROUND = 6000  # stored flowers drawn behind the generator (a fixed sample above that)


@dataclass(frozen=True)
class DailyData:
    """Every daily flower, in day order, as parallel arrays, plus the generators."""

    day: np.ndarray  # datetime64[D], ascending
    X: np.ndarray  # (n, 4) cm
    variety: np.ndarray  # int8: the true variety (the one generated)
    generator: np.ndarray  # int64: id in `generators` of what made the day (0: not recorded)
    predicted: np.ndarray  # int8: the day's first prediction (as shown at the time), -1: none
    version: np.ndarray  # int64: its model version (0: none)
    proba: np.ndarray  # (n, 3): its probabilities (NaN: none)
    active_predicted: np.ndarray  # int8: the active model's prediction (-1: none stored)
    active_proba: np.ndarray  # (n, 3)
    posterior: np.ndarray  # (n, 3): the variety the day's own generator favours, P(variety | flower)
    generators: dict[int, GeneratorSettings]  # by id
    upcoming: GeneratorSettings  # of the days to come
    refit_differs: bool  # measuring the upcoming kind again now would give other settings
    next_day: dt.date  # the first day the upcoming generator makes
    history_start: dt.date  # the first day of the history (stored, or planned)
    active_version: int | None
    background_X: np.ndarray  # stored (labelled) flowers to draw behind the generator
    background_y: np.ndarray
    background_total: int  # how many are stored (background_* may be a sample)

    def __len__(self) -> int:
        return len(self.day)

    @property
    def correct(self) -> np.ndarray:
        return self.predicted == self.variety

    def index_of(self, day: dt.date) -> int | None:
        at = int(np.searchsorted(self.day, np.datetime64(day, "D")))
        return at if at < len(self.day) and self.day[at] == np.datetime64(day, "D") else None

    def generator_of(self, row: int) -> GeneratorSettings | None:
        """The settings that made day `row` (None: not recorded)."""
        return self.generators.get(int(self.generator[row]))


def _align(ids: np.ndarray, keys: np.ndarray, values: np.ndarray, fill) -> np.ndarray:
    """values (one per key) at the position of each id; `fill` where a key is absent."""
    out = np.full((len(ids), *values.shape[1:]), fill, dtype=np.result_type(values.dtype, np.asarray(fill).dtype))
    if len(keys) and len(ids):
        order = np.argsort(keys)
        at = np.clip(np.searchsorted(keys[order], ids), 0, len(keys) - 1)
        found = keys[order][at] == ids
        out[found] = values[order][at[found]]
    return out


def _predictions(store: Store, ids: np.ndarray, version: int | None, first_only: bool):
    from iris_desktop.store.predictions import prediction_columns

    if version is None and not first_only:
        return np.full(len(ids), -1, np.int8), np.zeros(len(ids), np.int64), np.full((len(ids), 3), np.nan)
    rows = prediction_columns(store, version, first_only=first_only)
    proba = np.column_stack([rows["p_setosa"], rows["p_versicolor"], rows["p_virginica"]]).reshape(-1, 3)
    return (
        _align(ids, rows["flower_id"], rows["predicted"], -1).astype(np.int8),
        _align(ids, rows["flower_id"], rows["model_version"], 0).astype(np.int64),
        _align(ids, rows["flower_id"], proba, np.nan),
    )


def read_daily(store: Store, today: dt.date) -> DailyData:
    """The whole daily history up to `today` (days stored while the clock was ahead
    are left out), in one read transaction."""
    from iris_desktop.pipelines import daily, daily_calendar
    from iris_desktop.store import generators as generator_table
    from iris_desktop.store.flowers import flower_columns
    from iris_desktop.store.registry import active_version

    with store.read():
        flowers = flower_columns(store, ("daily",), end=today)
        order = np.argsort(flowers.day, kind="stable")
        flowers = flowers.subset(order)
        made_ids, made_by = generator_table.daily_generator_ids(store)
        generator = _align(flowers.id, made_ids, made_by, 0)
        predicted, version, proba = _predictions(store, flowers.id, None, first_only=True)
        active = active_version(store)
        if active is not None and (version == active).all():  # the usual case: no second read
            active_predicted, active_proba = predicted, proba
        else:
            active_predicted, _, active_proba = _predictions(store, flowers.id, active, first_only=False)
        generators = daily.recorded_generators(store)
        upcoming = daily.settings_for(store)
        refit = daily.settings_for(store, upcoming.kind) if upcoming.kind in daily.GENERATORS else upcoming
        labelled = flower_columns(store, ("backfill", "import"))
        next_day = daily_calendar.next_day(store, today)
        start = generator_table.first_daily_day(store) or daily_calendar.planned_start(store, today)
    posterior = np.full((len(flowers), 3), np.nan)
    for gid, settings in generators.items():
        rows = generator == gid
        if rows.any():
            posterior[rows] = settings.posterior(flowers.X[rows])
    sample = np.arange(len(labelled))
    if len(sample) > MAX_BACKGROUND:
        sample = np.sort(np.random.default_rng(0).choice(len(sample), MAX_BACKGROUND, replace=False))
    return DailyData(
        flowers.day,
        flowers.X,
        flowers.variety,
        generator,
        predicted,
        version,
        proba,
        active_predicted,
        active_proba,
        posterior,
        generators,
        upcoming,
        refit.key != upcoming.key or refit.kind != upcoming.kind,
        next_day,
        start,
        active,
        labelled.X[sample],
        labelled.variety[sample],
        len(labelled),
    )


@with_store
def load(store: Store, today: dt.date) -> DailyData:
    return read_daily(store, today)


@dataclass(frozen=True)
class GeneratorChange:
    settings: GeneratorSettings  # the new one
    next_day: dt.date
    stored_days: int  # days that keep the generator that made them


@with_store
def change_generator(store: Store, kind: str, today: dt.date, progress=None) -> GeneratorChange:
    """Measure `kind` on the stored flowers and make it the generator of the days to come."""
    from iris_desktop.pipelines import daily, daily_calendar
    from iris_desktop.store.flowers import count_by_source

    report = progress or (lambda pct, text: None)
    report(10, "Measuring the stored flowers")
    settings = daily.set_generator(store, kind)
    report(90, "Generator saved")
    return GeneratorChange(settings, daily_calendar.next_day(store, today), count_by_source(store)["daily"])


@with_store
def extend_history(store: Store, start: dt.date, today: dt.date, progress=None, should_cancel=None):
    """Start the history on `start` (earlier than the first stored day); returns the
    CatchUpSummary of the days added."""
    from iris_desktop.pipelines import inference

    return inference.extend_history(store, start, today, progress=progress, should_cancel=should_cancel)
