"""Daily flowers: one synthetic flower per calendar day, generated deterministically.

The flower of a day is a pure function of (installation seed, date, generator settings):
each day's random numbers come from a counter-based generator keyed by those three, so a catch-up weeks later
gives exactly what running every day would have given, in any order.

Generators: a per-variety multivariate normal fitted to the stored flowers (the default
for new installations), uniform boxes measured per variety, and the original lab's
bounds; a store that pinned settings (the first Gaussian included) keeps generating
with them until the user chooses another. Each stored day records the generator that
made it (store/generators.py), so a change applies from the next missing day only.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass, field
from typing import Any, TypeAlias

import numpy as np
from numpy.typing import ArrayLike

from iris_desktop.domain import FEATURE_NAMES, VARIETIES, Flower, Variety
from iris_desktop.errors import InvalidValue
from iris_desktop.store import Store, StoreContentError
from iris_desktop.store import flowers as flower_table
from iris_desktop.store import generators as generator_table

GENERATORS = ("mvnormal", "measured", "original")  # what a user can choose
# Read from stores that pinned it, and still generating exactly as it did: the first
# Gaussian, which raised values below 0.1 cm to 0.1 instead of drawing again.
LEGACY_KINDS = ("gaussian",)
KINDS = GENERATORS + LEGACY_KINDS
ALIASES = {"gaussian": "mvnormal"}  # a name a user may still type for a choice
DEFAULT_GENERATOR = "mvnormal"  # for new installations; a store that pinned settings keeps them
MIN_CM = 0.1
MV_CANDIDATES = 8  # draws per day for the multivariate normal: the first all >= MIN_CM is kept

# Settings' numbers as nested tuples (3x4 bounds or means, 3x4x4 Cholesky factors):
# hashable and comparable, and JSON arrays as they are.
Nested: TypeAlias = tuple["float | Nested", ...]

LABELS = {
    "mvnormal": "Multivariate normal (fitted)",
    "measured": "Measured bounds (uniform)",
    "original": "Original lab's bounds (uniform)",
    "gaussian": "Gaussian (earlier version)",
}

# The original lab's bounds, (min, max) cm per feature, with its swapped arguments fixed.
ORIGINAL_BOUNDS: dict[Variety, dict[str, tuple[float, float]]] = {
    Variety.SETOSA: {
        "sepal_length": (4.5, 6.0),
        "sepal_width": (2.3, 4.5),
        "petal_length": (1.2, 2.0),
        "petal_width": (0.3, 0.7),
    },
    Variety.VERSICOLOR: {
        "sepal_length": (4.5, 7.5),
        "sepal_width": (2.1, 3.5),
        "petal_length": (3.1, 5.5),
        "petal_width": (1.0, 1.8),
    },
    Variety.VIRGINICA: {
        "sepal_length": (5.5, 8.0),
        "sepal_width": (2.2, 3.8),
        "petal_length": (4.5, 7.0),
        "petal_width": (1.4, 2.5),
    },
}


@dataclass(frozen=True)
class GeneratorSettings:
    """Everything a generator needs; `key` is part of every day's seed.

    kind 'original'/'measured': `low`/`high` are 3x4 per-variety bounds (uniform draws).
    kind 'mvnormal'/'gaussian': `mean` is 3x4 and `chol` the 3x4x4 lower Cholesky
    factors of the full covariances (value = mean + chol @ z, z standard normal).
    `basis` says what the settings were measured on; it is not part of the key, so
    the same numbers measured on the same flowers, stored or bundled, make the same days.
    """

    kind: str
    low: Nested = ()
    high: Nested = ()
    mean: Nested = ()
    chol: Nested = ()
    basis: str = field(default="", compare=False)
    key: str = field(init=False, default="")

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise InvalidValue(f"unknown generator {self.kind!r} (choose from {', '.join(GENERATORS)})")
        blob = json.dumps([self.kind, self.low, self.high, self.mean, self.chol])
        object.__setattr__(self, "key", hashlib.sha256(blob.encode()).hexdigest()[:16])

    def to_json(self) -> str:
        return json.dumps(
            {
                "kind": self.kind,
                "low": self.low,
                "high": self.high,
                "mean": self.mean,
                "chol": self.chol,
                "basis": self.basis,
            }
        )

    @classmethod
    def from_json(cls, text: str) -> GeneratorSettings:
        """ValueError if `text` is not settings as to_json writes them."""
        try:
            data = json.loads(text)
            settings = cls(
                data["kind"],
                **{k: _tuples(data[k]) for k in ("low", "high", "mean", "chol")},
                basis=str(data.get("basis", "")),
            )
            shapes = {"low": (3, 4), "high": (3, 4)} if not settings.is_normal else {"mean": (3, 4), "chol": (3, 4, 4)}
            for name, shape in shapes.items():
                if np.asarray(getattr(settings, name), dtype=float).shape != shape:
                    raise ValueError(f"{name} is not {'x'.join(map(str, shape))} numbers")
        except (KeyError, TypeError, AttributeError) as exc:
            raise ValueError(f"{type(exc).__name__}: {exc}") from None
        return settings

    @classmethod
    def stored(cls, store: Store, text: str, what: str) -> GeneratorSettings:
        """Settings read from the database: StoreContentError if they are not ours."""
        try:
            return cls.from_json(text)
        except ValueError as exc:
            raise StoreContentError.value(store.path, what, text, f"is not generator settings ({exc})") from None

    @property
    def label(self) -> str:
        return LABELS[self.kind]

    @property
    def is_normal(self) -> bool:
        return self.kind in ("mvnormal", "gaussian")

    def describe(self) -> str:
        basis = self.basis or "the stored data"
        return {
            "original": "the original lab's per-variety bounds (uniform)",
            "measured": f"uniform within per-variety bounds measured on {basis}",
            "mvnormal": f"a per-variety multivariate normal (full covariance) fitted to {basis}",
            "gaussian": f"a per-variety Gaussian fitted to {basis} (earlier version: values "
            "below 0.1 cm raised to 0.1)",
        }[self.kind]

    def bounds(self) -> tuple[np.ndarray, np.ndarray]:
        """(low, high), 3x4 cm: the boxes of a uniform generator."""
        return np.array(self.low, dtype=float), np.array(self.high, dtype=float)

    def means(self) -> np.ndarray:
        """3x4: each variety's mean (a normal's), or its box's centre."""
        if self.is_normal:
            return np.array(self.mean, dtype=float)
        low, high = self.bounds()
        centre: np.ndarray = (low + high) / 2
        return centre

    def covariances(self) -> np.ndarray:
        """3x4x4: each variety's covariance (a normal's), or its box's (uniform) one."""
        if self.is_normal:
            chol = np.array(self.chol, dtype=float)
            covariances: np.ndarray = np.einsum("vij,vkj->vik", chol, chol)
            return covariances
        low, high = self.bounds()
        return np.stack([np.diag(d) for d in (high - low) ** 2 / 12])

    def posterior(self, X: ArrayLike) -> np.ndarray:
        """(n, 3): P(variety | flower) under this generator itself (varieties drawn
        uniformly): how clearly its own varieties tell a flower apart. Near 0.5/0.5, the
        generator makes flowers like this one as either variety, and no model can be sure.
        NaN where no variety could have made the flower (a value clipped at 0.1 cm)."""
        X = np.asarray(X, dtype=float).reshape(-1, 4)
        if self.is_normal:
            log_density = np.empty((len(X), 3))
            for v, (mean, cov) in enumerate(zip(self.means(), self.covariances())):
                d = X - mean
                log_density[:, v] = -0.5 * (
                    np.einsum("ni,ij,nj->n", d, np.linalg.inv(cov), d) + np.linalg.slogdet(cov)[1]
                )
            p = np.exp(log_density - log_density.max(axis=1, keepdims=True))
            posterior: np.ndarray = p / p.sum(axis=1, keepdims=True)
            return posterior
        low, high = self.bounds()
        half = 0.05 + 1e-9  # values are rounded to 0.1 cm: a box reaches half a step further
        inside = ((X[:, None, :] >= low - half) & (X[:, None, :] <= high + half)).all(axis=2)
        density = inside / np.prod(high - low + 2 * half, axis=1)
        total = density.sum(axis=1, keepdims=True)
        with np.errstate(invalid="ignore", divide="ignore"):
            return np.where(total > 0, density / total, np.nan)


def _tuples(value: Any) -> Any:
    """JSON as loaded, with every list a tuple."""
    return tuple(_tuples(v) for v in value) if isinstance(value, list) else value


def _nested(a: np.ndarray) -> Nested:
    return tuple(_nested(x) for x in a) if a.ndim > 1 else tuple(round(float(v), 6) for v in a)


def original_settings() -> GeneratorSettings:
    low = np.array([[ORIGINAL_BOUNDS[v][f][0] for f in FEATURE_NAMES] for v in VARIETIES])
    high = np.array([[ORIGINAL_BOUNDS[v][f][1] for f in FEATURE_NAMES] for v in VARIETIES])
    return GeneratorSettings("original", low=_nested(low), high=_nested(high))


def _labelled(store: Store) -> tuple[np.ndarray, np.ndarray, str]:
    """The labelled flowers to measure, and what they are in words: the stored ones; a
    variety with none stored is measured on the bundled set instead (read, not stored)."""
    X, y = flower_table.feature_matrix(store, ("backfill", "import"))
    stored = len(y)
    missing = [v.index for v in VARIETIES if not (y == v.index).any()]
    if not missing:
        return X, y, f"the {stored} stored flowers"
    from iris_desktop import paths
    from iris_desktop.pipelines.backfill import read_csv_file

    bundled, _ = read_csv_file(paths.resource("iris.csv"))
    extra = [(f.measurements, f.variety.index) for f in bundled if f.variety is not None and f.variety.index in missing]
    X = np.vstack([X, [measurements for measurements, _ in extra]])
    y = np.concatenate([y, [index for _, index in extra]])
    if not stored:
        basis = f"the bundled Iris set's {len(extra)} flowers (none stored yet)"
    else:
        names = ", ".join(VARIETIES[i].value for i in missing)
        basis = f"the {stored} stored flowers and the bundled set's {len(extra)} {names} (none stored)"
    return X, y, basis


def settings_for(store: Store, kind: str | None = None) -> GeneratorSettings:
    """Settings of generator `kind`, measured now; with no kind, the store's pinned
    settings (see `pin_settings`) or, before any are pinned, its configured kind's."""
    if kind is None:
        pinned = store.meta("daily_settings")
        if pinned:
            return GeneratorSettings.stored(store, pinned, "the daily generator settings")
        kind = store.meta("daily_generator", DEFAULT_GENERATOR)
    if kind == "original":
        return original_settings()
    if kind not in KINDS:
        raise InvalidValue(f"unknown generator {kind!r} (choose from {', '.join(GENERATORS)})")
    X, y, basis = _labelled(store)
    groups = [X[y == v.index] for v in VARIETIES]
    if kind == "measured":
        return GeneratorSettings(
            "measured",
            low=_nested(np.array([g.min(axis=0) for g in groups])),
            high=_nested(np.array([g.max(axis=0) for g in groups])),
            basis=basis,
        )
    chol = []
    for g in groups:
        cov = np.cov(g, rowvar=False) if len(g) > 1 else np.zeros((4, 4))
        chol.append(np.linalg.cholesky(cov + np.eye(4) * 1e-6))  # the ridge: a variety of < 5 flowers
    return GeneratorSettings(
        kind,
        mean=_nested(np.array([g.mean(axis=0) for g in groups])),
        chol=_nested(np.array(chol)),
        basis=basis,
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


def resolve_kind(kind: str) -> str:
    """A generator a user named (an alias such as 'gaussian' included) as one of GENERATORS."""
    kind = ALIASES.get(kind, kind)
    if kind not in GENERATORS:
        raise InvalidValue(f"unknown generator {kind!r} (choose from {', '.join(GENERATORS)})")
    return kind


def set_generator(store: Store, kind: str) -> GeneratorSettings:
    """Choose the generator for the days still to come (and re-measure its settings).
    Stored days keep the generator that made them."""
    settings = settings_for(store, resolve_kind(kind))
    with store.transaction():
        store.set_meta("daily_generator", settings.kind)
        store.set_meta("daily_settings", settings.to_json())
    return settings


def record_generator(store: Store, settings: GeneratorSettings) -> int:
    """The generators-table id of `settings` (added the first time it makes a day)."""
    return generator_table.record(store, settings.key, settings.kind, settings.to_json())


def recorded_generators(store: Store) -> dict[int, GeneratorSettings]:
    """Every generator that made stored days, by id."""
    return {
        r.id: GeneratorSettings.stored(store, r.settings, f"generator {r.id}")
        for r in generator_table.generator_rows(store)
    }


def _splitmix64(x: np.ndarray) -> np.ndarray:
    """SplitMix64's finaliser: a fast, well-mixed bijection on uint64 (wraps on purpose)."""
    x = x + np.uint64(0x9E3779B97F4A7C15)
    x = (x ^ (x >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
    x = (x ^ (x >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
    mixed: np.ndarray = x ^ (x >> np.uint64(31))
    return mixed


def _uniforms(seed: int, key: str, days: list[dt.date], count: int = 5, stride: int = 8) -> np.ndarray:
    """`count` uniforms in (0, 1) per day: a counter-based generator keyed by a hash of
    (seed, generator key), counting on the date (`stride` counters a day), so each day
    stands alone."""
    base = int.from_bytes(hashlib.blake2b(f"{seed}:{key}".encode(), digest_size=8).digest(), "little")
    ordinals = np.array([d.toordinal() for d in days], dtype=np.uint64)
    counters = ordinals[:, None] * np.uint64(stride) + np.arange(count, dtype=np.uint64)
    words = _splitmix64(_splitmix64(counters ^ np.uint64(base)))
    uniforms: np.ndarray = ((words >> np.uint64(11)).astype(np.float64) + 0.5) / float(1 << 53)
    return uniforms


# Python's own inverse normal CDF: the same numbers on every platform (one call per value).
def _INV_CDF(u: np.ndarray) -> np.ndarray:
    """The standard normal's quantiles of u in (0, 1), in C (scipy comes with
    scikit-learn): Python's NormalDist.inv_cdf, value by value, was a third of a catch-up."""
    from scipy.special import ndtri

    return np.asarray(ndtri(u), dtype=float)


def _truncated_normal(u: np.ndarray, variety: np.ndarray, mean: np.ndarray, chol: np.ndarray) -> np.ndarray:
    """Per day, the first of MV_CANDIDATES multivariate normal draws whose values, rounded
    to 0.1 cm, are all at least MIN_CM (a flower has no part of zero length); the
    normal is thus truncated, not piled up at the limit. Only the draws needed are made."""
    n = len(variety)
    candidates = u.reshape(n, MV_CANDIDATES, 4)
    values = np.empty((n, 4))
    todo = np.arange(n)
    for k in range(MV_CANDIDATES):
        z = _INV_CDF(candidates[todo, k])
        drawn = np.round(mean[variety[todo]] + np.einsum("nij,nj->ni", chol[variety[todo]], z), 1)
        ok = (drawn >= MIN_CM - 1e-9).all(axis=1)
        if k == MV_CANDIDATES - 1:  # vanishingly rare with iris-like settings
            ok[:] = True
            drawn = np.maximum(drawn, MIN_CM)
        values[todo[ok]] = drawn[ok]
        todo = todo[~ok]
        if not len(todo):
            break
    return values


def generate_arrays(seed: int, settings: GeneratorSettings, days: list[dt.date]) -> tuple[np.ndarray, np.ndarray]:
    """(n x 4 measurements in cm, n variety indices) for `days`, vectorised; each row
    depends only on (seed, settings, its day)."""
    if not days:
        return np.zeros((0, 4)), np.zeros(0, dtype=int)
    if settings.kind == "mvnormal":
        u = _uniforms(seed, settings.key, days, count=1 + 4 * MV_CANDIDATES, stride=64)
    else:
        u = _uniforms(seed, settings.key, days)
    variety = np.minimum((u[:, 0] * 3).astype(int), 2)
    if settings.kind == "mvnormal":
        return _truncated_normal(u[:, 1:], variety, np.array(settings.mean), np.array(settings.chol)), variety
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
    return [Flower.from_measurements(row, VARIETIES[v]) for row, v in zip(values.tolist(), variety.tolist())]


def flower_of(store: Store, day: dt.date, settings: GeneratorSettings | None = None) -> Flower:
    """The flower of one day, without storing it."""
    return generate(store.installation_seed(), settings or settings_for(store), [day])[0]
