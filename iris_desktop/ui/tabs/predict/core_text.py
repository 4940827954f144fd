"""The core's words as the Predict tab shows them, in the user's language: an explained
day's headline (pipelines/explain.py), looked
up by the core's identifiers in tables marked for lupdate. The core keeps its English
for the command line; the English shown here is the core's, letter for letter."""

from __future__ import annotations

from iris_desktop.pipelines.explain import Explanation
from iris_desktop.ui.runtime.i18n import tr
from iris_desktop.ui.widgets.core_words import QT_TR_NOOP

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


def headline(facts: Explanation) -> str:
    """Explanation.headline() in the user's language (variety names stay as they are)."""
    return tr(HEADLINES[facts.correct, facts.at_the_time]).format(
        day=facts.day.isoformat(),
        predicted=facts.predicted.value,
        actual=facts.actual.value,
        version=facts.model_version,
    )
