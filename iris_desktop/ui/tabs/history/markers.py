"""The accuracy plot's markers: a ScatterPlotItem whose spots all take the item's own
symbol, size, pen and brush. pyqtgraph finds each new spot's picture in its atlas one
spot at a time, in Python (a list of styles, a key and a look-up per spot: 4 ms of a
change of view at 3,650 days); with one style for all, it is found once and given to
every new spot at once. Spots styled one by one go the usual way."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg

_STYLE = ("symbol", "size", "pen", "brush")
_NONE = np.array(None, dtype=object)  # (compared with each spot's own style: None takes the item's)
# The pyqtgraph internals used (0.13): without them (another version), the usual way.
_INTERNALS = all(hasattr(pg.ScatterPlotItem, name) for name in ("_maybeRebuildAtlas", "_updateMaxSpotSizes"))


class UniformScatter(pg.ScatterPlotItem):
    def updateSpots(self, dataSet=None) -> None:
        data = self.data if dataSet is None else dataSet
        opts = self.opts
        if not _INTERNALS or not (opts["pxMode"] and opts["useCache"]) or opts["hoverable"] or not _default_style(data):
            super().updateSpots(dataSet)
            return
        new = data["sourceRect"]["w"] == 0
        if new.any():
            data["sourceRect"][new] = self.fragmentAtlas[[tuple(opts[name] for name in _STYLE)]][0]
        self._maybeRebuildAtlas()
        self._updateMaxSpotSizes(data=data)
        if new.any():
            self.invalidate()


def _default_style(data: np.ndarray) -> bool:
    """Whether no spot of `data` has a style of its own (each takes the item's)."""
    return bool((data["size"] == -1).all() and all((data[name] == _NONE).all() for name in ("symbol", "pen", "brush")))
