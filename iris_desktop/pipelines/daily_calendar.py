"""Which days the daily history holds: where it starts, the days a catch-up makes, and
days stored after today (made while the clock was ahead). What each day's flower is, is
daily.py's business."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from iris_desktop.domain import MAX_HISTORY_DAYS
from iris_desktop.errors import InvalidValue
from iris_desktop.store import Store
from iris_desktop.store import flowers as flower_table
from iris_desktop.store import generators as generator_table

DEFAULT_HISTORY_DAYS = 31  # a month of days, today the last of them


def planned_start(store: Store, today: dt.date) -> dt.date:
    """The history's first day, without fixing it (see `history_start`)."""
    stored = store.meta("history_start")
    if stored:
        return dt.date.fromisoformat(stored)
    return today - dt.timedelta(days=_history_days(store) - 1)  # N days, today included


def _history_days(store: Store) -> int:
    """The history length chosen for a fresh store; a value out of range (saved by an
    older version, or by hand) is brought into range rather than failing every start."""
    try:
        days = int(store.meta("history_days", str(DEFAULT_HISTORY_DAYS)))
    except ValueError:
        return DEFAULT_HISTORY_DAYS
    return min(max(days, 1), MAX_HISTORY_DAYS)


def history_start(store: Store, today: dt.date) -> dt.date:
    """First day of the daily history; fixed the first time it is asked for."""
    start = planned_start(store, today)
    if not store.meta("history_start"):
        store.set_meta("history_start", start.isoformat())
    return start


def set_history_days(store: Store, days: int) -> None:
    """How many days (today the last) a fresh store's daily history holds; only before
    it has started."""
    if not 1 <= days <= MAX_HISTORY_DAYS:
        raise InvalidValue(f"the history holds 1 to {MAX_HISTORY_DAYS} days, not {days}")
    start = store.meta("history_start")
    if start:
        raise InvalidValue(f"the daily history already started on {start}")
    store.set_meta("history_days", str(days))


def next_day(store: Store, today: dt.date) -> dt.date:
    """The next day the generator will make: the day after the last stored one, or the
    history's first day if none is stored yet. (A generator change applies from here.)"""
    last = flower_table.last_daily_day(store)
    return last + dt.timedelta(days=1) if last else planned_start(store, today)


def missing_days(store: Store, today: dt.date) -> list[dt.date]:
    """Days from after the last daily flower (or the history start) up to today.

    A clock that went backwards (today before the last stored day) yields no days:
    see `future_days`.
    """
    last = flower_table.last_daily_day(store)
    first = last + dt.timedelta(days=1) if last else history_start(store, today)
    count = (today - first).days + 1
    return [first + dt.timedelta(days=i) for i in range(max(count, 0))]


@dataclass(frozen=True)
class FutureDays:
    """Daily flowers stored for days after today: the clock was ahead when they were
    made (or is behind now)."""

    count: int
    first: dt.date
    last: dt.date

    def message(self) -> str:
        days = f"{self.count} stored day{'s' * (self.count != 1)}"
        span = f"{self.first}" if self.first == self.last else f"{self.first} to {self.last}"
        return (
            f"{days} lie after today ({span}): the computer's clock was ahead when "
            f"{'they were' if self.count != 1 else 'it was'} made. The history leaves them out; "
            "removed, they are made again, identically, when their dates come"
        )


def future_days(store: Store, today: dt.date) -> FutureDays | None:
    """The daily flowers stored for days after `today`, if any."""
    count, first, last = flower_table.daily_span_after(store, today)
    if not count or first is None or last is None:  # a count of days has its first and last
        return None
    return FutureDays(count, dt.date.fromisoformat(first), dt.date.fromisoformat(last))


def days_before_history(store: Store, start: dt.date, today: dt.date) -> list[dt.date]:
    """Moving the history's start to `start`: the days to add before the first stored
    one. Stored days never change, so once days are stored only an earlier start is
    possible; before, any day up to today."""
    if start > today:
        raise InvalidValue(f"the history cannot start after today ({today})")
    first = generator_table.first_daily_day(store)
    if first is None:
        return []
    if start > first:
        raise InvalidValue(
            f"the history already starts on {first}; it can only start earlier (stored days are never removed)"
        )
    return days_between(start, first)


def days_between(start: dt.date, end: dt.date) -> list[dt.date]:
    """The days from `start` up to the day before `end` (none if `end` is not later)."""
    return [start + dt.timedelta(days=i) for i in range((end - start).days)]
