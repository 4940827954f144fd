"""What the core's pipelines report (CatchUpSummary.message(), Removal.message()) in the
user's language, built from their fields: the Daily and Pipelines tabs and the menus say
it alike."""

from __future__ import annotations

from typing import TYPE_CHECKING

from iris_desktop.ui.runtime.i18n import tr

if TYPE_CHECKING:
    from iris_desktop.pipelines.inference import CatchUpSummary
    from iris_desktop.pipelines.removal import Removal


def catch_up_text(summary: CatchUpSummary) -> str:
    """What a catch-up did, as CatchUpSummary.message() says it, in the user's language."""
    if summary.days_added:
        days = tr("%n missed day(s)", None, summary.days_added)
        if summary.first_day != summary.last_day:
            text = tr("Caught up {days} (from {first} to {last})").format(
                days=days, first=summary.first_day, last=summary.last_day
            )
        else:
            text = tr("Caught up {days} ({first})").format(days=days, first=summary.first_day)
    elif summary.predictions_made:
        text = tr("Predicted {flowers}").format(flowers=tr("%n daily flower(s)", None, summary.predictions_made))
    else:
        text = tr("Up to date")
    if summary.model_version is None and summary.pending:
        predictions = tr("%n prediction(s)", None, summary.pending)
        if summary.model_error:
            template = tr("{text}; {predictions} pending: the active model cannot be used")
        else:
            template = tr("{text}; {predictions} pending: no active model")
        text = template.format(text=text, predictions=predictions)
    return text


def removal_message(removal: Removal) -> str:
    """Removal.message() in the user's language: what a removal did."""
    text = tr("Removed {flowers}").format(flowers=tr("%n imported flower(s)", None, removal.removed))
    if not removal.models:
        return text
    versions = ", ".join(f"v{v}" for v in removal.models)
    if len(removal.models) == 1:
        template = tr(
            "{text}; model {versions} was trained on them and keep working as trained (retrain to leave them out)"
        )
    else:
        template = tr(
            "{text}; models {versions} were trained on them and keep working as trained (retrain to leave them out)"
        )
    return template.format(text=text, versions=versions)


def lane_title(name: str) -> str:
    """The work of task runner lane `name` as a failure nobody handled names it: "Import"
    (failed), in English the lane's name capitalized; other lanes by their identifier."""
    known = {
        "activation": tr("Activation", "what failed"),
        "backfill": tr("Backfill", "what failed"),
        "backtest": tr("Backtest", "what failed"),
        "backup": tr("Backup", "what failed"),
        "catch-up": tr("Catch-up", "what failed"),
        "explain": tr("Explain", "what failed"),
        "export": tr("Export", "what failed"),
        "history": tr("History", "what failed"),
        "import": tr("Import", "what failed"),
        "refresh": tr("Refresh", "what failed"),
        "removal": tr("Removal", "what failed"),
        "report": tr("Report", "what failed"),
        "start-up": tr("Start-up", "what failed"),
        "training": tr("Training", "what failed"),
    }
    return known.get(name) or name.capitalize()
