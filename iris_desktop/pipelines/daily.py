"""Daily flowers: one synthetic flower per calendar day, generated deterministically.

The flower of a day is a pure function of (installation seed, date, generator settings):
each day's random numbers come from a counter-based generator keyed by those three, so a catch-up weeks later
gives exactly what running every day would have given, in any order.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass, field
from statistics import NormalDist

import numpy as np

from iris_desktop.domain import FEATURE_NAMES, VARIETIES, Flower, Variety
from iris_desktop.store import Store
from iris_desktop.store import flowers as flower_table

GENERATORS = ("measured", "original", "gaussian")
DEFAULT_GENERATOR = "measured"
DEFAULT_HISTORY_DAYS = 30
MIN_CM = 0.1

# The original lab's bounds, (min, max) cm per feature, with its swapped arguments fixed.
ORIGINAL_BOUNDS: dict[Variety, dict[str, tuple[float, float]]] = {
    Variety.SETOSA: {"sepal_length": (4.5, 6.0), "sepal_width": (2.3, 4.5),
                     "petal_length": (1.2, 2.0), "petal_width": (0.3, 0.7)},
    Variety.VERSICOLOR: {"sepal_length": (4.5, 7.5), "sepal_width": (2.1, 3.5),
                         "petal_length": (3.1, 5.5), "petal_width": (1.0, 1.8)},
    Variety.VIRGINICA: {"sepal_length": (5.5, 8.0), "sepal_width": (2.2, 3.8),
                        "petal_length": (4.5, 7.0), "petal_width": (1.4, 2.5)},
}


@dataclass(frozen=True)
class GeneratorSettings:
    """Everything a generator needs; `key` is part of every day's seed.

    kind 'original'/'measured': `low`/`high` are 3x4 per-variety bounds (uniform draws).
    kind 'gaussian': `mean` is 3x4 and `chol` the 3x4x4 Cholesky factors of the covariances.
    """

    kind: str
    low: tuple = ()
    high: tuple = ()
    mean: tuple = ()
    chol: tuple = ()
    key: str = field(init=False, default="")

    def __post_init__(self) -> None:
        if self.kind not in GENERATORS:
            raise ValueError(f"unknown generator {self.kind!r} (choose from {', '.join(GENERATORS)})")
        blob = json.dumps([self.kind, self.low, self.high, self.mean, self.chol])
        object.__setattr__(self, "key", hashlib.sha256(blob.encode()).hexdigest()[:16])

    def to_json(self) -> str:
        return json.dumps({"kind": self.kind, "low": self.low, "high": self.high,
                           "mean": self.mean, "chol": self.chol})

    @classmethod
    def from_json(cls, text: str) -> "GeneratorSettings":
        data = json.loads(text)
        return cls(data["kind"], **{k: _tuples(data[k]) for k in ("low", "high", "mean", "chol")})

    def describe(self) -> str:
        return {
            "original": "the original lab's per-variety bounds",
            "measured": "per-variety bounds measured from the stored data",
            "gaussian": "a per-variety Gaussian fitted to the stored data",
        }[self.kind]


def _tuples(value):
    return tuple(_tuples(v) for v in value) if isinstance(value, list) else value


def _nested(a: np.ndarray) -> tuple:
    return tuple(_nested(x) for x in a) if a.ndim > 1 else tuple(round(float(v), 6) for v in a)


def original_settings() -> GeneratorSettings:
    low = np.array([[ORIGINAL_BOUNDS[v][f][0] for f in FEATURE_NAMES] for v in VARIETIES])
    high = np.array([[ORIGINAL_BOUNDS[v][f][1] for f in FEATURE_NAMES] for v in VARIETIES])
    return GeneratorSettings("original", low=_nested(low), high=_nested(high))


def _labelled(store: Store) -> tuple[np.ndarray, np.ndarray]:
    """The labelled flowers to measure: the stored ones; a variety with none stored is
    measured on the bundled set instead (read, not stored)."""
    X, y = flower_table.feature_matrix(store, ("backfill", "import"))
    missing = [v.index for v in VARIETIES if not (y == v.index).any()]
    if missing:
        from iris_desktop import paths
        from iris_desktop.pipelines.backfill import read_csv_file

        bundled, _ = read_csv_file(paths.resource("iris.csv"))
        extra = [f for f in bundled if f.variety.index in missing]  # type: ignore[union-attr]
        X = np.vstack([X, [f.measurements for f in extra]])
        y = np.concatenate([y, [f.variety.index for f in extra]])  # type: ignore[union-attr]
    return X, y


def settings_for(store: Store, kind: str | None = None) -> GeneratorSettings:
    """Settings of generator `kind`, measured now; with no kind, the store's pinned
    settings (see `pin_settings`) or, before any are pinned, its configured kind's."""
    if kind is None:
        pinned = store.meta("daily_settings")
        if pinned:
            return GeneratorSettings.from_json(pinned)
        kind = store.meta("daily_generator", DEFAULT_GENERATOR)
    if kind == "original":
        return original_settings()
    if kind not in GENERATORS:
        raise ValueError(f"unknown generator {kind!r} (choose from {', '.join(GENERATORS)})")
    X, y = _labelled(store)
    groups = [X[y == v.index] for v in VARIETIES]
    if kind == "measured":
        return GeneratorSettings(
            "measured",
            low=_nested(np.array([g.min(axis=0) for g in groups])),
            high=_nested(np.array([g.max(axis=0) for g in groups])),
        )
    chol = []
    for g in groups:
        cov = np.cov(g, rowvar=False) if len(g) > 1 else np.zeros((4, 4))
        chol.append(np.linalg.cholesky(cov + np.eye(4) * 1e-6))
    return GeneratorSettings(
        "gaussian",
        mean=_nested(np.array([g.mean(axis=0) for g in groups])),
        chol=_nested(np.array(chol)),
    )


def pin_settings(store: Store) -> GeneratorSettings:
    """The settings every generated day uses, fixed the first time days are generated.

    Measured settings depend on the stored data; pinning them keeps a late catch-up
    equal to daily runs even if flowers are imported in between.
    """
    settings = settings_for(store)
    if store.meta("daily_settings") is None:
        store.set_meta("daily_settings", settings.to_json())
    return settings


def set_generator(store: Store, kind: str) -> GeneratorSettings:
    """Choose the generator for the days still to come (and re-measure its settings)."""
    settings = settings_for(store, kind)
    with store.transaction():
        store.set_meta("daily_generator", kind)
        store.set_meta("daily_settings", settings.to_json())
    return settings


def _splitmix64(x: np.ndarray) -> np.ndarray:
    """SplitMix64's finaliser: a fast, well-mixed bijection on uint64 (wraps on purpose)."""
    x = x + np.uint64(0x9E3779B97F4A7C15)
    x = (x ^ (x >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
    x = (x ^ (x >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
    return x ^ (x >> np.uint64(31))


def _uniforms(seed: int, key: str, days: list[dt.date]) -> np.ndarray:
    """Five uniforms in (0, 1) per day: a counter-based generator keyed by a hash of
    (seed, generator key), counting on the date, so each day stands alone."""
    base = int.from_bytes(hashlib.blake2b(f"{seed}:{key}".encode(), digest_size=8).digest(), "little")
    ordinals = np.array([d.toordinal() for d in days], dtype=np.uint64)
    counters = ordinals[:, None] * np.uint64(8) + np.arange(5, dtype=np.uint64)
    words = _splitmix64(_splitmix64(counters ^ np.uint64(base)))
    return ((words >> np.uint64(11)).astype(np.float64) + 0.5) / float(1 << 53)


_INV_CDF = np.vectorize(NormalDist().inv_cdf, otypes=[float])


def generate_arrays(seed: int, settings: GeneratorSettings, days: list[dt.date]) -> tuple[np.ndarray, np.ndarray]:
    """(n x 4 measurements in cm, n variety indices) for `days`, vectorised; each row
    depends only on (seed, settings, its day)."""
    if not days:
        return np.zeros((0, 4)), np.zeros(0, dtype=int)
    u = _uniforms(seed, settings.key, days)
    variety = np.minimum((u[:, 0] * 3).astype(int), 2)
    if settings.kind == "gaussian":
        mean, chol = np.array(settings.mean), np.array(settings.chol)
        z = _INV_CDF(u[:, 1:])
        values = mean[variety] + np.einsum("nij,nj->ni", chol[variety], z)
    else:
        low, high = np.array(settings.low), np.array(settings.high)
        values = low[variety] + u[:, 1:] * (high[variety] - low[variety])
    return np.maximum(np.round(values, 1), MIN_CM), variety


def generate(seed: int, settings: GeneratorSettings, days: list[dt.date]) -> list[Flower]:
    """The flowers of `days` as Flower values."""
    values, variety = generate_arrays(seed, settings, days)
    return [Flower(*row, variety=VARIETIES[v]) for row, v in zip(values.tolist(), variety.tolist())]


def flower_of(store: Store, day: dt.date, settings: GeneratorSettings | None = None) -> Flower:
    """The flower of one day, without storing it."""
    return generate(store.installation_seed(), settings or settings_for(store), [day])[0]


def history_start(store: Store, today: dt.date) -> dt.date:
    """First day of the daily history; fixed the first time it is asked for."""
    stored = store.meta("history_start")
    if stored:
        return dt.date.fromisoformat(stored)
    days_back = int(store.meta("history_days", str(DEFAULT_HISTORY_DAYS)))
    start = today - dt.timedelta(days=days_back)
    store.set_meta("history_start", start.isoformat())
    return start


def set_history_days(store: Store, days: int) -> None:
    """How far back a fresh store's daily history starts; only before it has started."""
    if days < 0:
        raise ValueError(f"the history cannot start in the future ({days} days back)")
    start = store.meta("history_start")
    if start:
        raise ValueError(f"the daily history already started on {start}")
    store.set_meta("history_days", str(days))


def missing_days(store: Store, today: dt.date) -> list[dt.date]:
    """Days from after the last daily flower (or the history start) up to today.

    A clock that went backwards (today before the last stored day) yields no days.
    """
    last = flower_table.last_daily_day(store)
    first = last + dt.timedelta(days=1) if last else history_start(store, today)
    count = (today - first).days + 1
    return [first + dt.timedelta(days=i) for i in range(max(count, 0))]
