"""The accuracy plot's x axis: days as seconds since 1970-01-01 UTC (what pyqtgraph's
date axes read), ticked by days, weeks, months or years as the zoom allows; the months
named in the user's language."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pyqtgraph as pg

from iris_desktop.ui.widgets.local_dates import day_month, short_months

DAY = 86400.0  # x is seconds since 1970-01-01 UTC, what DateAxisItem reads


def day_x(days: np.ndarray) -> np.ndarray:
    return np.asarray(days, dtype="datetime64[D]").astype(np.int64).astype(float) * DAY


def x_day(x: float) -> dt.date:
    return (np.datetime64(round(x / DAY), "D")).item()


# Tick units from fine to coarse: (numpy unit, step, about how many days apart).
_TICK_UNITS = (
    ("D", 1, 1),
    ("D", 7, 7),
    ("M", 1, 30.4),
    ("M", 3, 91.3),
    ("Y", 1, 365.2),
    ("Y", 2, 730.5),
    ("Y", 5, 1826),
    ("Y", 10, 3652),
    ("Y", 50, 18262),
)


class DayAxis(pg.AxisItem):
    """Dates along x (seconds since 1970-01-01; a UTC midnight is that day), ticked by
    days, weeks, months or years as the zoom allows, computed with numpy: pyqtgraph's
    DateAxisItem converts each tick through QDateTime, a third of a redraw here."""

    def __init__(self, *args, **kwargs):
        super().__init__("bottom", *args, **kwargs)
        self._unit = "D"

    def tickValues(self, minVal, maxVal, size):
        start, end = int(np.floor(minVal / DAY)), int(np.ceil(maxVal / DAY))
        pixels_per_day = size / max(end - start, 1)
        unit, step, days = next((u for u in _TICK_UNITS if u[2] * pixels_per_day >= 70), _TICK_UNITS[-1])
        self._unit = unit
        first, last = np.datetime64(start, "D"), np.datetime64(end, "D")
        if unit == "D":
            ticks = np.arange(first, last + 1)
            if step == 7:  # Mondays (1970-01-01 was a Thursday)
                ticks = ticks[(ticks.astype(np.int64) + 3) % 7 == 0]
        else:
            coarse = np.arange(first.astype(f"datetime64[{unit}]"), last.astype(f"datetime64[{unit}]") + 1)
            coarse = coarse[coarse.astype(np.int64) % step == 0]
            ticks = coarse.astype("datetime64[D]")
        ticks = ticks[(ticks >= first) & (ticks <= last)]
        return [(days * DAY, (ticks.astype(np.int64) * DAY).tolist())]

    def tickStrings(self, values, scale, spacing):
        days = np.round(np.asarray(values, dtype=float) / DAY).astype(np.int64).astype("datetime64[D]")
        if self._unit == "Y":
            return [str(d) for d in days.astype("datetime64[Y]")]
        dates = days.tolist()
        if self._unit == "M":  # January shows its year
            months = short_months()
            return [f"{d:%Y}" if d.month == 1 else months[d.month - 1] for d in dates]
        return [f"{d:%Y}" if d.day == 1 and d.month == 1 else text for d, text in zip(dates, day_month(dates))]
