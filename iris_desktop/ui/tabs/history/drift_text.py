"""A drift report in the user's language. pipelines/drift.py decides and words its verdicts
in English: the summary is said again here from the report's figures, each feature's
verdict is read back from the core's sentence by its template (a verdict of another form
stays English), and the levels are named by their identifiers."""

from __future__ import annotations

from typing import TYPE_CHECKING

from iris_desktop.domain import FEATURES
from iris_desktop.ui.runtime.i18n import tr
from iris_desktop.ui.widgets import strings
from iris_desktop.ui.widgets.core_words import QT_TR_NOOP, reword
from iris_desktop.ui.widgets.core_words import feature_display as feature_name

if TYPE_CHECKING:
    from iris_desktop.pipelines.drift import DriftReport, FeatureDrift

LEVELS = {  # pipelines/drift.py LEVELS, in a few words
    "too few": QT_TR_NOOP("too few days"),
    "stable": QT_TR_NOOP("stable"),
    "slight": QT_TR_NOOP("stable (tiny difference)"),
    "moderate": QT_TR_NOOP("shifted somewhat"),
    "drift": QT_TR_NOOP("drifted"),
}
VERDICTS = (  # pipelines/drift.py _verdict's sentences
    QT_TR_NOOP("Too few daily flowers ({count}) to judge."),
    QT_TR_NOOP(
        "No clear change: the daily flowers' {name} looks like the training flowers' "
        "(median {current:.2f} cm against {reference:.2f} cm)."
    ),
    QT_TR_NOOP(
        "A small difference (median {current:.2f} cm against {reference:.2f} cm): real, but too small to matter."
    ),
    QT_TR_NOOP(
        "Drifted: the daily flowers' {name} is {direction} the training flowers' "
        "(median {current:.2f} cm against {reference:.2f} cm)."
    ),
    QT_TR_NOOP(
        "Shifted somewhat: the daily flowers' {name} is {direction} the training flowers' "
        "(median {current:.2f} cm against {reference:.2f} cm)."
    ),
    QT_TR_NOOP(
        "Drifted: daily {variety} flowers' {name} is {direction} in training "
        "(median {current:.2f} cm against {reference:.2f} cm)."
    ),
    QT_TR_NOOP(
        "Shifted somewhat: daily {variety} flowers' {name} is {direction} in training "
        "(median {current:.2f} cm against {reference:.2f} cm)."
    ),
)
DIRECTIONS = {  # pipelines/drift.py _direction's words
    "larger than": QT_TR_NOOP("larger than"),
    "smaller than": QT_TR_NOOP("smaller than"),
    "more spread out than": QT_TR_NOOP("more spread out than"),
    "more bunched together than": QT_TR_NOOP("more bunched together than"),
    "shaped differently from": QT_TR_NOOP("shaped differently from"),
}


def level_text(level: str) -> str:
    """A level of concern ("drift", ...) in a few words."""
    return tr(LEVELS[level]) if level in LEVELS else level


def model_name(version: int) -> str:
    """How the drift page names the model compared with: "model v3"."""
    return tr("model v{version}").format(version=version)


def _value(name: str, text: str) -> object:
    if name in ("current", "reference"):
        return float(text)
    if name == "direction":
        return tr(DIRECTIONS[text]) if text in DIRECTIONS else text
    if name == "name":
        names = {f.display.lower(): feature_name(f).lower() for f in FEATURES}
        return names.get(text, text)
    return text


def verdict(feature: FeatureDrift) -> str:
    """The feature's verdict (one sentence) in the user's language."""
    return reword(feature.verdict, VERDICTS, _value) or feature.verdict


def _join(names: list[str]) -> str:
    if len(names) == 1:
        return names[0]
    return tr("{names} and {last}").format(names=strings.LIST_SEPARATOR.join(names[:-1]), last=names[-1])


def summary(report: DriftReport, model: str) -> str:
    """What the report means, in two sentences at most (DriftReport.summary's)."""
    from iris_desktop.pipelines.drift import MIN_FLOWERS

    if report.n_current < MIN_FLOWERS:
        return tr(
            "{flowers} in this window: at least {needed} are needed to compare them with {model}'s training flowers."
        ).format(flowers=tr("%n daily flower(s)", None, report.n_current), needed=MIN_FLOWERS, model=model)
    drifted = [feature_name(f.feature).lower() for f in report.features if f.level == "drift"]
    moderate = [feature_name(f.feature).lower() for f in report.features if f.level == "moderate"]
    if drifted:
        return tr(
            "The daily flowers have drifted from {model}'s training flowers ({features}): the data changed, "
            "so errors now may come from the data (the daily generator), not from the model."
        ).format(model=model, features=_join(drifted))
    if moderate:
        return tr(
            "The daily flowers differ somewhat from {model}'s training flowers ({features}): "
            "worth watching, not yet a drift."
        ).format(model=model, features=_join(moderate))
    return tr(
        "The daily flowers look like {model}'s training flowers: errors come from the model "
        "or from varieties that overlap, not from a change in the data."
    ).format(model=model)
