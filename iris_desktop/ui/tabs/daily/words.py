"""The core's words in the user's language, for the Daily tab. The core (domain,
pipelines) writes English; the few fixed forms the tab shows are known here by their
identifiers (a feature's name, a generator's kind) or read back from the core's English
by their templates, and translated; anything else stays as the core wrote it.
Dates: widgets/local_dates.py."""

from __future__ import annotations

from iris_desktop.ui.runtime.i18n import tr
from iris_desktop.ui.widgets.core_words import QT_TR_NOOP, reword

GENERATOR_LABELS = {  # pipelines/daily.py LABELS, by kind
    "mvnormal": QT_TR_NOOP("Multivariate normal (fitted)"),
    "measured": QT_TR_NOOP("Measured bounds (uniform)"),
    "original": QT_TR_NOOP("Original lab's bounds (uniform)"),
    "gaussian": QT_TR_NOOP("Gaussian (earlier version)"),
}
GENERATOR_DESCRIPTIONS = {  # GeneratorSettings.describe(), by kind
    "original": QT_TR_NOOP("the original lab's per-variety bounds (uniform)"),
    "measured": QT_TR_NOOP("uniform within per-variety bounds measured on {basis}"),
    "mvnormal": QT_TR_NOOP("a per-variety multivariate normal (full covariance) fitted to {basis}"),
    "gaussian": QT_TR_NOOP(
        "a per-variety Gaussian fitted to {basis} (earlier version: values below 0.1 cm raised to 0.1)"
    ),
}
STORED_DATA = QT_TR_NOOP("the stored data")  # describe()'s basis when none was recorded
BASES = (  # what pipelines/daily.py says the settings were measured on
    QT_TR_NOOP("the {stored} stored flowers"),
    QT_TR_NOOP("the bundled Iris set's {extra} flowers (none stored yet)"),
    QT_TR_NOOP("the {stored} stored flowers and the bundled set's {extra} {names} (none stored)"),
)


def generator_label(settings) -> str:
    """A generator's name (GeneratorSettings.label)."""
    kind = settings.kind
    return tr(GENERATOR_LABELS[kind]) if kind in GENERATOR_LABELS else settings.label


def kind_label(kind: str, english: str) -> str:
    """The name of generator `kind` (`english`: the core's, for a kind unknown here)."""
    return tr(GENERATOR_LABELS[kind]) if kind in GENERATOR_LABELS else english


def basis_text(basis: str) -> str:
    """What a generator was measured on (GeneratorSettings.basis), in the user's language."""
    return reword(basis, BASES) or basis


def generator_description(settings) -> str:
    """GeneratorSettings.describe(), in the user's language, starting with a capital
    (a tool tip's sentence)."""
    template = GENERATOR_DESCRIPTIONS.get(settings.kind)
    if template is None:
        text = settings.describe()
    else:
        basis = basis_text(settings.basis) if settings.basis else tr(STORED_DATA)
        text = tr(template).format(basis=basis)
    return text[:1].upper() + text[1:]
