"""Dates with weekday and month names, written by the user's QLocale in the order and
words of the user's language (the formats are translated: "dddd dd MMMM yyyy")."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QLocale

from iris_desktop.ui.runtime.i18n import tr


def qdate(day: dt.date) -> QDate:
    """`day` as Qt's date."""
    return QDate(day.year, day.month, day.day)


def long_date(day: dt.date) -> str:
    """e.g. "Monday 15 June 2026", with the user's language's names and order."""
    return QLocale().toString(qdate(day), tr("dddd dd MMMM yyyy", "Qt date format"))


def short_date(day: dt.date) -> str:
    """e.g. "Mon 15 Jun 2026"."""
    return QLocale().toString(qdate(day), tr("ddd dd MMM yyyy", "Qt date format"))


def day_month_year(day: dt.date) -> str:
    """e.g. "15 Jun 2026"."""
    return QLocale().toString(qdate(day), tr("dd MMM yyyy", "Qt date format"))


def day_month(days: list[dt.date]) -> list[str]:
    """e.g. "15 Jun" for each day (an axis's ticks)."""
    locale, pattern = QLocale(), tr("dd MMM", "Qt date format")
    return [locale.toString(qdate(day), pattern) for day in days]


def short_months() -> list[str]:
    """The twelve months' short names, standing alone ("Jan": an axis's month ticks)."""
    locale = QLocale()
    return [locale.standaloneMonthName(month, QLocale.FormatType.ShortFormat) for month in range(1, 13)]
