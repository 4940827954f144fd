"""The core's words as the Predict tab shows them, in the user's language: the features'
names (domain.FEATURES) and an explained day's headline (pipelines/explain.py), looked
up by the core's identifiers in tables marked for lupdate. The core keeps its English
for the command line; the English shown here is the core's, letter for letter."""

from __future__ import annotations

from collections.abc import Callable
from typing import cast

from PySide6 import QtCore

from iris_desktop.domain import Feature
from iris_desktop.pipelines.explain import Explanation
from iris_desktop.ui.runtime.i18n import tr

# Qt's marker, typed: it returns its argument (lupdate finds the calls by this name).
QT_TR_NOOP = cast("Callable[[str], str]", QtCore.QT_TR_NOOP)

FEATURE_NAMES = {
    "sepal_length": QT_TR_NOOP("Sepal length"),
    "sepal_width": QT_TR_NOOP("Sepal width"),
    "petal_length": QT_TR_NOOP("Petal length"),
    "petal_width": QT_TR_NOOP("Petal width"),
}

# (predicted right, by the model of the time) -> Explanation.headline()
HEADLINES = {
    (True, True): QT_TR_NOOP(
        "Day {day}: predicted {predicted}, actually {actual} (right), model v{version} (at the time)"
    ),
    (False, True): QT_TR_NOOP(
        "Day {day}: predicted {predicted}, actually {actual} (wrong), model v{version} (at the time)"
    ),
    (True, False): QT_TR_NOOP(
        "Day {day}: predicted {predicted}, actually {actual} (right), model v{version} (asked for)"
    ),
    (False, False): QT_TR_NOOP(
        "Day {day}: predicted {predicted}, actually {actual} (wrong), model v{version} (asked for)"
    ),
}


def feature_name(feature: Feature) -> str:
    """ "Petal length" in the user's language."""
    text = FEATURE_NAMES.get(feature.name)
    return tr(text) if text else feature.display


def feature_label(feature: Feature) -> str:
    """ "Petal length (cm)": Feature.label in the user's language."""
    return tr("{name} ({unit})").format(name=feature_name(feature), unit=feature.unit)


def headline(facts: Explanation) -> str:
    """Explanation.headline() in the user's language (variety names stay as they are)."""
    return tr(HEADLINES[facts.correct, facts.at_the_time]).format(
        day=facts.day.isoformat(),
        predicted=facts.predicted.value,
        actual=facts.actual.value,
        version=facts.model_version,
    )
