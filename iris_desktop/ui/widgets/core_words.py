"""The core's fixed words, known by their identifiers, in the user's language: a tab's
name and the four measurements' names (domain.py writes English); and `reword`, which
reads a sentence the core wrote from one of its English templates back into the user's
language. QT_TR_NOOP is Qt's marker for lupdate, typed for the tabs to share."""

from __future__ import annotations

import re
import typing
from collections.abc import Callable, Sequence

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
