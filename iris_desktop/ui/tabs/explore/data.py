"""What every Explore plot draws, computed once per change of the data: the plotted
coordinates (jittered or not), the axis ranges, histogram bins and density grids.
numpy only: no Python loop over rows anywhere here.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from iris_desktop.domain import VARIETIES
from iris_desktop.store.flowers import SOURCES, FlowerColumns
from iris_desktop.ui.runtime.i18n import tr
from iris_desktop.ui.widgets.flower_words import feature_name

# Iris measurements have one decimal, so many flowers share a value: jitter moves each
# point by up to just under half that step, never across to a neighbouring value.
JITTER_CM = 0.045
# Axis ranges when there is no flower (the classic set's, with a margin).
FALLBACK_RANGES = np.array([[4.0, 8.0], [2.0, 4.5], [1.0, 7.0], [0.1, 2.5]])
N_VARIETIES = len(VARIETIES)
IMPORT = SOURCES.index("import")


def jitter_offsets(ids: np.ndarray) -> np.ndarray:
    """(n, 4) offsets in [-JITTER_CM, JITTER_CM], a pure function of each flower's id:
    a point does not jump when other flowers come or go."""
    ids = np.asarray(ids, dtype=np.uint64)
    out = np.empty((len(ids), 4))
    for j in range(4):  # four columns, not a loop over rows
        h = ids * np.uint64(2654435761) + np.uint64(0x9E3779B97F4A7C15 * (j + 1) % 2**64)
        h ^= h >> np.uint64(29)
        h *= np.uint64(0xBF58476D1CE4E5B9)
        h ^= h >> np.uint64(32)
        out[:, j] = (h % np.uint64(1_000_003)).astype(float) / 1_000_002.0
    return (out * 2 - 1) * JITTER_CM


def empty_columns() -> FlowerColumns:
    """No flowers: what the tab shows before the store's arrive."""
    return FlowerColumns(
        np.empty(0, np.int64),
        np.empty((0, 4)),
        np.empty(0, np.int8),
        np.empty(0, np.int8),
        np.empty(0, "datetime64[D]"),
        np.empty(0, np.int64),
    )


def feature_ranges(spans: np.ndarray | None) -> np.ndarray:
    """(4, 2) axis ranges: the data's `spans` ((4, 2) smallest and largest values; None:
    no flower), widened by 5% and the jitter."""
    if spans is None:
        return FALLBACK_RANGES.copy()
    lo, hi = spans[:, 0], spans[:, 1]
    pad = np.maximum(0.05 * (hi - lo), 0.1) + JITTER_CM
    return np.column_stack([lo - pad, hi + pad])


def _spans(lows: np.ndarray, highs: np.ndarray, which: np.ndarray) -> np.ndarray:
    """(4, 2) each feature's smallest and largest value over the varieties `which` (bool
    per variety, at least one with flowers), from theirs."""
    return np.column_stack([lows[which].min(axis=0), highs[which].max(axis=0)])


@dataclass
class ExploreData:
    """The flowers as the plots show them."""

    columns: FlowerColumns
    coords: np.ndarray  # (n, 4) plotted values: X, jittered when asked
    ranges: np.ndarray  # (4, 2) axis ranges
    jitter: bool
    step: float | None  # the grid the plotted values sit on (0.1 cm), None if jittered or finer
    counts: np.ndarray  # flowers per variety
    lows: np.ndarray  # (3, 4) each variety's smallest values (NaN: no flower)
    highs: np.ndarray  # (3, 4) and largest
    sums: np.ndarray  # (3, 4) and the sums of its values (means without a pass over the rows)
    # What every view asks of the same change, kept for the next one to ask (see highlight()).
    _shown: tuple[bytes, np.ndarray] | None = field(default=None, repr=False, compare=False)
    _highlight: Highlight | None = field(default=None, repr=False, compare=False)
    _cells: dict[tuple[int, int], tuple[float, float, int, np.ndarray]] = field(
        default_factory=dict, repr=False, compare=False
    )
    _grids: dict[tuple[tuple[int, int], int], tuple[DensityGrid, np.ndarray]] = field(
        default_factory=dict, repr=False, compare=False
    )
    _variety_int32: np.ndarray | None = field(default=None, repr=False, compare=False)

    @classmethod
    def build(cls, columns: FlowerColumns, jitter: bool) -> ExploreData:
        coords = columns.X + jitter_offsets(columns.id) if jitter and len(columns) else columns.X
        step = None if jitter else grid_step(columns.X)
        counts = np.bincount(columns.variety, minlength=N_VARIETIES)[:N_VARIETIES]
        lows, highs, sums = np.full((3, N_VARIETIES, 4), np.nan)
        for k in np.flatnonzero(counts):  # three varieties, not a loop over rows
            mine = columns.X[columns.variety == k]
            lows[k], highs[k], sums[k] = mine.min(axis=0), mine.max(axis=0), mine.sum(axis=0)
        ranges = feature_ranges(_spans(lows, highs, counts > 0) if len(columns) else None)
        return cls(columns, coords, ranges, jitter, step, counts, lows, highs, sums)

    def __len__(self) -> int:
        return len(self.columns)

    def value_ranges(self, varieties: np.ndarray | None = None) -> np.ndarray:
        """(4, 2) each feature's smallest and largest value (unpadded) among the flowers of
        `varieties` (bool per variety, one with flowers at least; None: all), from the
        varieties' own: no pass over a million rows on the GUI thread."""
        present = self.counts > 0
        return _spans(self.lows, self.highs, present if varieties is None else present & varieties)

    @property
    def variety(self) -> np.ndarray:
        return self.columns.variety

    def shown(self, visible: np.ndarray) -> np.ndarray:
        """The rows of the varieties `visible` (bool per variety) as a bool mask."""
        key = np.asarray(visible, dtype=bool).tobytes()
        if self._shown is None or self._shown[0] != key:
            rows = np.asarray(visible, dtype=bool)[self.variety] if len(self) else np.zeros(0, dtype=bool)
            self._shown = (key, rows)
        return self._shown[1]

    def density(self, features: tuple[int, int], max_cells: int) -> tuple[DensityGrid, np.ndarray]:
        """The density grid of a feature pair and every flower's counts in it. Each
        feature's cells are computed once for all the panels that plot it, and a pair's
        counts are its mirror's transposed (a million flowers fill 13 panels)."""
        key = (features, max_cells)
        if key not in self._grids:
            (x0, dx, nx, ix), (y0, dy, ny, iy) = (self._axis_cells(f, max_cells) for f in features)
            code = ix * ny + iy + self._variety32() * (nx * ny)  # int32: at most 3 x 400 x 400
            grid = DensityGrid(code, (nx, ny), (x0, y0, nx * dx, ny * dy))
            mirror = self._grids.get(((features[1], features[0]), max_cells))
            self._grids[key] = (grid, mirror[1].transpose(0, 2, 1) if mirror else grid.counts())
        return self._grids[key]

    def _variety32(self) -> np.ndarray:
        if self._variety_int32 is None:
            self._variety_int32 = self.variety.astype(np.int32)
        return self._variety_int32

    def _axis_cells(self, feature: int, max_cells: int) -> tuple[float, float, int, np.ndarray]:
        """(start, cell width, cells, each row's cell) of one plotted feature."""
        key = (feature, max_cells)
        if key not in self._cells:
            lo, hi = self.ranges[feature]
            start, width, cells = _axis_cells(lo, hi, max_cells, self.step)
            index = _cell_index(self.coords[:, feature], start, width, cells).astype(np.int32)
            self._cells[key] = (start, width, cells, index)
        return self._cells[key]

    def highlight(self, mask: np.ndarray, visible: np.ndarray) -> Highlight:
        """The selection `mask` (never changed in place: a new selection is a new array) as
        the views draw it. A brush tells a dozen views at once; they share one."""
        shown = self.shown(visible)
        kept = self._highlight
        if kept is None or kept.mask is not mask or kept.shown is not shown:
            kept = self._highlight = Highlight(mask, shown)
        return kept


class Highlight:
    """One selection over the rows shown, computed once for every view: the selected rows
    as indices (a gather over them costs a fraction of one over a million-row mask) and
    each feature pair's density counts, a panel and its mirror image sharing one bincount."""

    def __init__(self, mask: np.ndarray, shown: np.ndarray):
        self.mask, self.shown = mask, shown
        self.rows = np.flatnonzero(mask & shown) if len(mask) == len(shown) else np.zeros(0, dtype=np.intp)
        self._counts: dict[tuple, np.ndarray] = {}

    def __len__(self) -> int:
        return len(self.rows)

    def density_counts(self, grid: DensityGrid, features: tuple[int, int]) -> np.ndarray:
        """grid.counts() of the selected rows; `grid` is over `features` (x, y)."""
        x, y, w, h = grid.rect
        mirror = ((features[1], features[0]), grid.shape[::-1], (y, x, h, w))
        if mirror in self._counts:
            return self._counts[mirror].transpose(0, 2, 1)
        key = (features, grid.shape, grid.rect)
        if key not in self._counts:
            self._counts[key] = grid.counts(self.rows)
        return self._counts[key]


def describe_flower(columns: FlowerColumns, row: int, batch_names: dict[int, str]) -> str:
    """One flower in words (hover text): id, variety, the four values, source and day."""
    c, x = columns, columns.X[row]
    pair = tr("{first} {first_value:.1f} cm · {second} {second_value:.1f} cm")
    lines = [
        tr("Flower #{id} · {variety}").format(id=int(c.id[row]), variety=VARIETIES[c.variety[row]].label),
        pair.format(first=feature_name(0), first_value=x[0], second=feature_name(1).lower(), second_value=x[1]),
        pair.format(first=feature_name(2), first_value=x[2], second=feature_name(3).lower(), second_value=x[3]),
    ]
    source = SOURCES[c.source[row]]
    if source == "import":
        batch = int(c.import_id[row])
        name = batch_names.get(batch)
        if not batch:
            lines.append(tr("Source: import"))
        elif name:
            lines.append(tr("Source: import batch {batch} ({name})").format(batch=batch, name=name))
        else:
            lines.append(tr("Source: import batch {batch}").format(batch=batch))
    elif source == "backfill":
        lines.append(tr("Source: backfill (the bundled data set)"))
    else:
        lines.append(tr("Source: daily · day {day}").format(day=c.day[row]))
    return "\n".join(lines)


# ---- histograms -------------------------------------------------------------------------


@dataclass(frozen=True)
class Bins:
    """Histogram bins of one feature: `edges`, each row's bin, and each bin's flowers of
    each variety, (3, nbins) (counted with the bins: in the worker, for a million rows)."""

    edges: np.ndarray
    index: np.ndarray  # intp per row
    totals: np.ndarray

    @property
    def n(self) -> int:
        return len(self.edges) - 1


MAX_BINS = 400


def make_bins(values: np.ndarray, variety: np.ndarray, value_range: tuple[float, float], width: float) -> Bins:
    """Bins `width` cm wide on multiples of `width`, covering `value_range` (at most
    MAX_BINS: coarser when the range is wide), with the rows of each `variety` counted."""
    lo, hi = value_range
    width = max(width, (hi - lo) / MAX_BINS)
    start = np.floor(lo / width) * width
    n = max(1, int(np.ceil((hi - start) / width - 1e-9)))
    edges = start + width * np.arange(n + 1)
    # Values sit on a 0.1 cm grid: a tiny shift keeps 1.0 out of the bin that ends at 1.0.
    index = np.clip(np.floor((values - start) / width + 1e-9).astype(np.intp), 0, n - 1)
    flat = np.bincount(index + variety.astype(np.intp) * n, minlength=N_VARIETIES * n)
    return Bins(edges, index, flat[: N_VARIETIES * n].reshape(N_VARIETIES, n))


def density_curve(values: np.ndarray, grid: np.ndarray) -> np.ndarray:
    """A Gaussian kernel density estimate (Scott's bandwidth) of `values` on `grid`
    (evenly spaced), as a probability density. Binned on the grid then smoothed: linear
    in the number of values."""
    values = np.asarray(values, dtype=float)
    if len(values) < 2 or len(grid) < 2:
        return np.zeros(len(grid))
    std = values.std(ddof=1)
    if not std > 0:
        std = 0.05  # all one value: a narrow bump
    bandwidth = std * len(values) ** (-1 / 5)
    step = grid[1] - grid[0]
    counts = np.bincount(
        np.clip(np.rint((values - grid[0]) / step).astype(np.intp), 0, len(grid) - 1), minlength=len(grid)
    ).astype(float)
    half = int(np.ceil(4 * bandwidth / step))
    offsets = np.arange(-half, half + 1) * step
    kernel = np.exp(-0.5 * (offsets / bandwidth) ** 2)
    kernel /= kernel.sum() * step
    return np.convolve(counts, kernel, mode="same")[: len(grid)] / len(values)


# ---- density images ---------------------------------------------------------------------


@dataclass(frozen=True)
class DensityGrid:
    """Each row's cell in an nx x ny grid over two plotted features, with its variety
    folded in (cell + variety * cells): one bincount gives every variety's counts."""

    code: np.ndarray  # intp per row
    shape: tuple[int, int]
    rect: tuple[float, float, float, float]  # x, y, width, height in data units

    def counts(self, rows: np.ndarray | None = None) -> np.ndarray:
        """(3, nx, ny) counts per variety of `rows` (an index array or bool mask; None: all)."""
        cells = self.shape[0] * self.shape[1]
        code = self.code if rows is None else self.code[rows]
        flat = np.bincount(code, minlength=N_VARIETIES * cells)[: N_VARIETIES * cells]
        return flat.reshape(N_VARIETIES, *self.shape)


def _axis_cells(lo: float, hi: float, max_cells: int, step: float | None) -> tuple[float, float, int]:
    """(start, cell width, cells): cells centred on multiples of `step` when the data
    sit on such a grid (a block per distinct value), else max_cells even cells."""
    if step and (hi - lo) / step <= max_cells:
        start = (np.floor(lo / step + 1e-9) - 0.5) * step
        cells = int(np.ceil((hi - start) / step - 1e-9))
        return start, step, max(cells, 1)
    return lo, (hi - lo) / max_cells, max_cells


def _cell_index(values: np.ndarray, start: float, width: float, cells: int) -> np.ndarray:
    return np.clip(np.floor((values - start) / width + 1e-9).astype(np.intp), 0, cells - 1)


def grid_step(X: np.ndarray) -> float | None:
    """0.1 when every value has at most one decimal (the usual iris data), else None."""
    if not len(X):
        return None
    tenths = X * 10
    return 0.1 if bool(np.all(np.abs(tenths - np.round(tenths)) < 1e-6)) else None


def density_rgba(counts: np.ndarray, palette: np.ndarray, visible: np.ndarray, min_alpha: int = 70) -> np.ndarray:
    """(nx, ny, 4) uint8: each cell the count-weighted mix of the visible varieties'
    colours (`palette`: (3, 3) RGB), its opacity growing with the log of its count."""
    counts = counts.astype(np.float32) * visible.astype(np.float32)[:, None, None]
    total = counts.sum(axis=0)
    filled = total > 0
    out = np.zeros((*total.shape, 4), dtype=np.float32)
    for k in range(len(palette)):  # three varieties, not a loop over cells
        out[..., :3] += counts[k][..., None] * palette[k].astype(np.float32)
    out[..., :3] /= np.where(filled, total, 1)[..., None]
    top = np.log1p(total.max()) if filled.any() else 1.0
    out[..., 3] = np.where(filled, min_alpha + (255 - min_alpha) * np.log1p(total) / top, 0)
    return out.astype(np.uint8)
