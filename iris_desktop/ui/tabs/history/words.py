"""The core's words in the user's language, for the History tab. The core (domain,
pipelines) writes English; the few fixed forms the tab shows are known here by their
identifiers (a feature's name) or read back from the core's English by their templates
(a generator in words, a drift verdict: drift_text.py), and translated; anything else
stays as the core wrote it. Dates: widgets/local_dates.py."""

from __future__ import annotations

from iris_desktop.ui.widgets.core_words import QT_TR_NOOP, reword

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


def generator_text(english: str) -> str:
    """A generator in the core's words (GeneratorSettings.describe()), in the user's language."""
    return reword(english, GENERATORS, lambda _name, basis: reword(basis, BASES) or basis) or english
