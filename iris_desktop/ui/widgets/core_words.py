"""The core's fixed words, known by their identifiers, in the user's language: a tab's
name and the four measurements' names (domain.py writes English)."""

from __future__ import annotations

import typing

if typing.TYPE_CHECKING:  # PySide6's stub returns `object`: the marked literal is a str

    def QT_TR_NOOP(message: str, /) -> str: ...

else:
    from PySide6.QtCore import QT_TR_NOOP

from iris_desktop.domain import Feature
from iris_desktop.ui.runtime.i18n import tr

# A tab's key ("Explore": what the window and the tabs pass around) and its name on screen.
_tab_names = {
    "Explore": QT_TR_NOOP("Explore"),
    "Train": QT_TR_NOOP("Train"),
    "Daily": QT_TR_NOOP("Daily"),
    "Predict": QT_TR_NOOP("Predict"),
    "History": QT_TR_NOOP("History"),
    "Pipelines": QT_TR_NOOP("Pipelines"),
}
# domain.FEATURES' display names, by the feature's identifier.
_feature_names = {
    "sepal_length": QT_TR_NOOP("Sepal length"),
    "sepal_width": QT_TR_NOOP("Sepal width"),
    "petal_length": QT_TR_NOOP("Petal length"),
    "petal_width": QT_TR_NOOP("Petal width"),
}


def tab_name(tab: str) -> str:
    """The tab whose key is `tab` ("Explore"), named in the user's language."""
    return tr(_tab_names[tab]) if tab in _tab_names else tab


def feature_display(feature: Feature) -> str:
    """A domain Feature's display name ("Sepal length") in the user's language."""
    return tr(_feature_names[feature.name]) if feature.name in _feature_names else feature.display


def feature_label(feature: Feature) -> str:
    """ "Sepal length (cm)": an axis's or a column's title (Feature.label, translated)."""
    if feature.name not in _feature_names:
        return feature.label
    return tr("{feature} (cm)").format(feature=feature_display(feature))
