"""The core's words in the user's language, for the History tab. The core (domain,
pipelines) writes English; the few fixed forms the tab shows are known here by their
identifiers (a feature's name) or read back from the core's English by their templates
(a generator in words, a drift verdict: drift_text.py), and translated; anything else
stays as the core wrote it. Dates with weekday and month names are written by the
user's QLocale."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from typing import cast

from PySide6 import QtCore
from PySide6.QtCore import QDate, QLocale

from iris_desktop.domain import Feature
from iris_desktop.ui.runtime.i18n import tr

# Marks a literal for pyside6-lupdate (translated where it is shown); PySide6 types it
# object -> object, the texts it marks are str.
QT_TR_NOOP = cast("Callable[[str], str]", QtCore.QT_TR_NOOP)

FEATURE_NAMES = {
    "sepal_length": QT_TR_NOOP("Sepal length"),
    "sepal_width": QT_TR_NOOP("Sepal width"),
    "petal_length": QT_TR_NOOP("Petal length"),
    "petal_width": QT_TR_NOOP("Petal width"),
}
# A generator in words, as pipelines/generator_changes.py gives it (GeneratorSettings.describe()).
GENERATORS = (
    QT_TR_NOOP("the original lab's per-variety bounds (uniform)"),
    QT_TR_NOOP("uniform within per-variety bounds measured on {basis}"),
    QT_TR_NOOP("a per-variety multivariate normal (full covariance) fitted to {basis}"),
    QT_TR_NOOP("a per-variety Gaussian fitted to {basis} (earlier version: values below 0.1 cm raised to 0.1)"),
    QT_TR_NOOP("a generator not recorded"),
)
BASES = (  # what pipelines/daily.py says a generator was measured on
    QT_TR_NOOP("the stored data"),
    QT_TR_NOOP("the {stored} stored flowers"),
    QT_TR_NOOP("the bundled Iris set's {extra} flowers (none stored yet)"),
    QT_TR_NOOP("the {stored} stored flowers and the bundled set's {extra} {names} (none stored)"),
)


def feature_name(feature: Feature) -> str:
    """ "Sepal length" in the user's language."""
    return tr(FEATURE_NAMES[feature.name]) if feature.name in FEATURE_NAMES else feature.display


def feature_label(feature: Feature) -> str:
    """ "Sepal length (cm)": an axis's or a column's title."""
    return tr("{feature} (cm)").format(feature=feature_name(feature))


def generator_text(english: str) -> str:
    """A generator in the core's words (GeneratorSettings.describe()), in the user's language."""
    return reword(english, GENERATORS, lambda _name, basis: reword(basis, BASES) or basis) or english


def reword(english: str, templates: Sequence[str], convert: Callable[[str, str], object] | None = None) -> str | None:
    """`english`, written by the core from one of `templates` (their English sources),
    in the user's language: the template it matches, translated, with the values read
    back (`convert(name, text)` turns one into what the translation formats, e.g. a
    number for "{x:.2f}"). None if it matches none."""
    for template in templates:
        match = _pattern(template).fullmatch(english)
        if match is not None:
            values = {name: convert(name, text) if convert else text for name, text in match.groupdict().items()}
            return tr(template).format(**values)
    return None


_PLACEHOLDER = re.compile(r"\{(\w+)(?::[^{}]*)?\}")
_patterns: dict[str, re.Pattern[str]] = {}


def _pattern(template: str) -> re.Pattern[str]:
    """The English `template` as a pattern: each {name} (or {name:spec}) a named group."""
    if template not in _patterns:
        parts, at, seen = [], 0, set()
        for found in _PLACEHOLDER.finditer(template):
            name = found.group(1)
            parts.append(re.escape(template[at : found.start()]))
            parts.append(f"(?P={name})" if name in seen else f"(?P<{name}>.+?)")
            seen.add(name)
            at = found.end()
        parts.append(re.escape(template[at:]))
        _patterns[template] = re.compile("".join(parts), re.DOTALL)
    return _patterns[template]


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def long_date(day: dt.date) -> str:
    """e.g. "Monday 15 June 2026", with the user's language's names and order."""
    return QLocale().toString(_qdate(day), tr("dddd dd MMMM yyyy", "Qt date format"))


def short_date(day: dt.date) -> str:
    """e.g. "Mon 15 Jun 2026"."""
    return QLocale().toString(_qdate(day), tr("ddd dd MMM yyyy", "Qt date format"))


def day_month_year(day: dt.date) -> str:
    """e.g. "15 Jun 2026"."""
    return QLocale().toString(_qdate(day), tr("dd MMM yyyy", "Qt date format"))


def day_month(days: list[dt.date]) -> list[str]:
    """e.g. "15 Jun" for each day (an axis's ticks)."""
    locale, pattern = QLocale(), tr("dd MMM", "Qt date format")
    return [locale.toString(_qdate(day), pattern) for day in days]


def short_months() -> list[str]:
    """The twelve months' short names, standing alone ("Jan": an axis's month ticks)."""
    locale = QLocale()
    return [locale.standaloneMonthName(month, QLocale.FormatType.ShortFormat) for month in range(1, 13)]
