"""Drift: do the daily flowers still look like the flowers the model learnt from?

For each feature, the daily flowers are compared with the active model's training
flowers twice: over all varieties (two-sample Kolmogorov-Smirnov test plus the
population stability index, PSI) and within each variety (KS again: the true variety of
a daily flower is known, and a shift inside one variety is easy to miss in the mix).
A verdict needs both evidence (a test passing a family-wise 1% level) and size (PSI, or
how far apart the within-variety distributions are): with 3,000 days the tests notice
differences too small to matter, and with 30 days PSI alone is mostly noise.

Drift says the data changed (for example the daily generator), which is a different
thing from the model being wrong: that is what the monitor uses it to tell apart.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np
from numpy.typing import ArrayLike
from scipy.stats import ks_2samp

from iris_desktop.domain import FEATURES, VARIETIES, Feature

ALPHA = 0.01  # family-wise: shared by every test of one report (Bonferroni)
PSI_MODERATE, PSI_MAJOR = 0.1, 0.25  # the usual reading of PSI
WITHIN_MAJOR = 0.6  # KS distance inside a variety that counts as a large shift
MIN_FLOWERS = 20  # fewer daily flowers than this: no verdict
PSI_BINS = 10

LEVELS = ("too few", "stable", "slight", "moderate", "drift")  # in order of concern


@dataclass(frozen=True)
class FeatureDrift:
    feature: Feature
    n_reference: int
    n_current: int
    ks_statistic: float  # KS distance over all varieties, 0..1
    p_value: float
    psi: float
    within: tuple[tuple[float, float], ...]  # (KS distance, p) per variety; NaN if too few
    reference_median: float
    current_median: float
    level: str  # one of LEVELS
    verdict: str  # one sentence for the user

    @property
    def flagged(self) -> bool:
        return self.level == "drift"

    @property
    def shifted_varieties(self) -> list[str]:
        """Varieties whose own distribution moved (significant within-variety test)."""
        threshold = ALPHA / _tests_per_report()
        return [v.label for v, (_d, p) in zip(VARIETIES, self.within) if p < threshold]


@dataclass(frozen=True)
class DriftReport:
    features: tuple[FeatureDrift, ...]
    n_reference: int
    n_current: int

    @property
    def flagged(self) -> bool:
        return any(f.flagged for f in self.features)

    @property
    def level(self) -> str:
        return max((f.level for f in self.features), key=LEVELS.index, default="too few")

    def summary(self, model_name: str = "the model") -> str:
        """What it means, in two sentences at most."""
        if self.n_current < MIN_FLOWERS:
            return (
                f"{self.n_current} daily flower{'s' * (self.n_current != 1)} in this window: at least "
                f"{MIN_FLOWERS} are needed to compare them with {model_name}'s training flowers."
            )
        drifted = [f.feature.display.lower() for f in self.features if f.level == "drift"]
        moderate = [f.feature.display.lower() for f in self.features if f.level == "moderate"]
        if drifted:
            return (
                f"The daily flowers have drifted from {model_name}'s training flowers ({_join(drifted)}): "
                "the data changed, so errors now may come from the data (the daily generator), "
                "not from the model."
            )
        if moderate:
            return (
                f"The daily flowers differ somewhat from {model_name}'s training flowers "
                f"({_join(moderate)}): worth watching, not yet a drift."
            )
        return (
            f"The daily flowers look like {model_name}'s training flowers: errors come from the model "
            "or from varieties that overlap, not from a change in the data."
        )


def _join(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _tests_per_report() -> int:
    return len(FEATURES) * (1 + len(VARIETIES))


def psi(reference: np.ndarray, current: np.ndarray, bins: int = PSI_BINS) -> float:
    """Population stability index of `current` against `reference`: bins at the
    reference's quantiles, half a flower added to each bin so an empty one stays finite."""
    reference, current = np.asarray(reference, dtype=float), np.asarray(current, dtype=float)
    if not len(reference) or not len(current):
        return float("nan")
    edges = np.unique(np.quantile(reference, np.linspace(0, 1, bins + 1)[1:-1]))
    expected = np.bincount(np.searchsorted(edges, reference, side="right"), minlength=len(edges) + 1) + 0.5
    actual = np.bincount(np.searchsorted(edges, current, side="right"), minlength=len(edges) + 1) + 0.5
    expected, actual = expected / expected.sum(), actual / actual.sum()
    return float(np.sum((actual - expected) * np.log(actual / expected)))


def _ks(a: np.ndarray, b: np.ndarray) -> tuple[float, float]:
    if len(a) < 2 or len(b) < 2:
        return float("nan"), float("nan")
    result = ks_2samp(a, b)
    return float(result.statistic), float(result.pvalue)


def compare(reference_X: ArrayLike, reference_y: ArrayLike, current_X: ArrayLike, current_y: ArrayLike) -> DriftReport:
    """Compare the flowers `current_X` (n x 4 cm, true varieties `current_y`) with the
    training flowers `reference_X` / `reference_y`, feature by feature."""
    ref_X = np.asarray(reference_X, dtype=float).reshape(-1, len(FEATURES))
    cur_X = np.asarray(current_X, dtype=float).reshape(-1, len(FEATURES))
    ref_y, cur_y = np.asarray(reference_y, dtype=int), np.asarray(current_y, dtype=int)
    threshold = ALPHA / _tests_per_report()
    features = []
    for j, feature in enumerate(FEATURES):
        ref, cur = ref_X[:, j], cur_X[:, j]
        d, p = _ks(cur, ref)
        within = tuple(_ks(cur[cur_y == v.index], ref[ref_y == v.index]) for v in VARIETIES)
        index = psi(ref, cur)
        ref_median = float(np.median(ref)) if len(ref) else float("nan")
        cur_median = float(np.median(cur)) if len(cur) else float("nan")
        level = _level(len(cur), p, index, within, threshold)
        feature_drift = FeatureDrift(
            feature, len(ref), len(cur), d, p, index, within, ref_median, cur_median, level, ""
        )
        features.append(replace(feature_drift, verdict=_verdict(feature_drift, cur, cur_y, ref, ref_y)))
    return DriftReport(tuple(features), len(ref_X), len(cur_X))


def _level(n: int, p: float, index: float, within: tuple[tuple[float, float], ...], threshold: float) -> str:
    if n < MIN_FLOWERS or not np.isfinite(p):
        return "too few"
    overall = p < threshold
    inside = [(d, q) for d, q in within if np.isfinite(q) and q < threshold]
    if (overall and index >= PSI_MAJOR) or any(d >= WITHIN_MAJOR for d, _q in inside):
        return "drift"
    if (overall and index >= PSI_MODERATE) or inside:
        return "moderate"
    return "slight" if overall else "stable"


def _verdict(f: FeatureDrift, cur: np.ndarray, cur_y: np.ndarray, ref: np.ndarray, ref_y: np.ndarray) -> str:
    name = f.feature.display.lower()
    if f.level == "too few":
        return f"Too few daily flowers ({f.n_current}) to judge."
    medians = f"median {f.current_median:.2f} cm against {f.reference_median:.2f} cm"
    if f.level == "stable":
        return f"No clear change: the daily flowers' {name} looks like the training flowers' ({medians})."
    if f.level == "slight":
        return f"A small difference ({medians}): real, but too small to matter."
    start = "Drifted" if f.level == "drift" else "Shifted somewhat"
    # Name the variety when the move is inside one or two of them (the clearer story);
    # a move of every variety, or of the mix only, is told over all flowers.
    threshold = ALPHA / _tests_per_report()
    moved = [(d, v) for v, (d, q) in zip(VARIETIES, f.within) if q < threshold]
    if not moved or len(moved) == len(VARIETIES):
        return f"{start}: the daily flowers' {name} is {_direction(cur, ref)} the training flowers' ({medians})."
    variety = max(moved)[1]
    a, b = cur[cur_y == variety.index], ref[ref_y == variety.index]
    return (
        f"{start}: daily {variety.label} flowers' {name} is {_direction(a, b)} in training "
        f"(median {np.median(a):.2f} cm against {np.median(b):.2f} cm)."
    )


def _direction(current: np.ndarray, reference: np.ndarray) -> str:
    """How `current` differs from `reference`, in words ("larger than", ...)."""
    shift = np.median(current) - np.median(reference)
    spread = np.subtract(*np.percentile(current, [75, 25])) / max(
        1e-9, np.subtract(*np.percentile(reference, [75, 25]))
    )
    if abs(shift) >= 0.1 * max(1e-9, np.std(reference)):
        return "larger than" if shift > 0 else "smaller than"
    if spread > 1.25:
        return "more spread out than"
    if spread < 0.8:
        return "more bunched together than"
    return "shaped differently from"


def histograms(reference: ArrayLike, current: ArrayLike, bins: int = 24) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(edges, reference density, current density) on shared bins, for drawing the two
    distributions of one feature: densities, so 120 and 3,000 flowers compare."""
    ref_values, cur_values = np.asarray(reference, dtype=float), np.asarray(current, dtype=float)
    both = np.concatenate([ref_values, cur_values])
    if not len(both):
        return np.linspace(0, 1, bins + 1), np.zeros(bins), np.zeros(bins)
    low, high = float(both.min()), float(both.max())
    if high - low < 0.2:
        low, high = low - 0.1, high + 0.1
    edges = np.linspace(low, high, bins + 1)
    ref, _ = np.histogram(ref_values, edges, density=bool(len(ref_values)))
    cur, _ = np.histogram(cur_values, edges, density=bool(len(cur_values)))
    return edges, ref.astype(float), cur.astype(float)
