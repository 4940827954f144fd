"""A run in words: its local start time, how long it took, the rows it read and wrote,
and its pipeline, trigger and outcome in the user's language (the stored identifiers
stay as they are in the database and the CSV; in English the words are the identifiers,
but "nothing to do"). The run's message is the core's, shown as it was stored.
Shared by the flow's boxes, the run log and its CSV."""

from __future__ import annotations

from typing import TYPE_CHECKING

from iris_desktop.pipelines.runs import PIPELINES
from iris_desktop.store.runs import RunRecord, local_time
from iris_desktop.ui.runtime.i18n import count, tr

if TYPE_CHECKING:
    from iris_desktop.pipelines.schedule import MissedRun

    # PySide6's stub says QT_TR_NOOP returns object; it returns its str argument
    def QT_TR_NOOP(message: str, /) -> str: ...
else:
    from PySide6.QtCore import QT_TR_NOOP

OUTCOME_WORDS = {
    "running": QT_TR_NOOP("running"),
    "ok": QT_TR_NOOP("ok"),
    "failed": QT_TR_NOOP("failed"),
    "cancelled": QT_TR_NOOP("cancelled"),
    "nothing-to-do": QT_TR_NOOP("nothing to do"),
    "interrupted": QT_TR_NOOP("interrupted"),
}
PIPELINE_WORDS = {  # pipelines/runs.py PIPELINES, by name
    "backfill": QT_TR_NOOP("backfill"),
    "import": QT_TR_NOOP("import"),
    "catch-up": QT_TR_NOOP("catch-up"),
    "extend-history": QT_TR_NOOP("extend-history"),
    "training": QT_TR_NOOP("training"),
    "activation": QT_TR_NOOP("activation"),
    "backup": QT_TR_NOOP("backup"),
    "restore": QT_TR_NOOP("restore"),
    "recovery": QT_TR_NOOP("recovery"),
    "import-removal": QT_TR_NOOP("import-removal"),
    "model-deletion": QT_TR_NOOP("model-deletion"),
    "future-days-removal": QT_TR_NOOP("future-days-removal"),
}
TRIGGER_WORDS = {  # store/runs.py TRIGGERS: who started a run
    "app": QT_TR_NOOP("app"),
    "cli": QT_TR_NOOP("cli"),
    "scheduler": QT_TR_NOOP("scheduler"),
    "first-run": QT_TR_NOOP("first-run"),
}
SOURCE_WORDS = {  # store/flowers.py SOURCES: where flowers came from (a model's training data)
    "backfill": QT_TR_NOOP("backfill"),
    "import": QT_TR_NOOP("import"),
    "daily": QT_TR_NOOP("daily"),
}
# PIPELINES' descriptions as the core writes them, marked for lupdate: the core's text is
# looked up as it is (one it changed stays English until it is marked here again).
PIPELINE_DESCRIPTIONS = (
    QT_TR_NOOP("Backfill: store the bundled data set"),
    QT_TR_NOOP("Import a CSV file"),
    QT_TR_NOOP("Daily catch-up: generate the missed days' flowers and predict them"),
    QT_TR_NOOP("Daily generation: extend the history back"),
    QT_TR_NOOP("Training: train and register a model"),
    QT_TR_NOOP("Activation: make a model the active one and predict every day with it"),
    QT_TR_NOOP("Backup"),
    QT_TR_NOOP("Restore from a backup"),
    QT_TR_NOOP("Recovery: the database was started anew where an earlier one was (store/recovery_notes.py)"),
    QT_TR_NOOP("Remove imported flowers"),
    QT_TR_NOOP("Delete a model version"),
    QT_TR_NOOP("Remove days stored after today"),
)
NOT_KNOWN = "—"  # a duration or a count not recorded (the same in every language)


def _word(words: dict[str, str], key: str) -> str:
    return tr(words[key]) if key in words else key


def outcome_text(outcome: str) -> str:
    """An outcome ("nothing-to-do") in words; one unknown here as stored."""
    return _word(OUTCOME_WORDS, outcome)


def pipeline_text(pipeline: str) -> str:
    """A pipeline's name ("catch-up") in the user's language."""
    return _word(PIPELINE_WORDS, pipeline)


def trigger_text(trigger: str) -> str:
    """Who started a run ("scheduler") in the user's language."""
    return _word(TRIGGER_WORDS, trigger)


def source_text(source: str) -> str:
    """Where flowers came from ("backfill") in the user's language."""
    return _word(SOURCE_WORDS, source)


def pipeline_description(pipeline: str) -> str:
    """What a pipeline does (PIPELINES), in the user's language."""
    return tr(PIPELINES[pipeline]) if pipeline in PIPELINES else pipeline


def started_text(run: RunRecord) -> str:
    return f"{local_time(run.started):%Y-%m-%d %H:%M:%S}"


def duration_s(run: RunRecord) -> float | None:
    """Seconds from start to end; None while running, or when the end is not known."""
    if run.ended is None:
        return None
    return max(0.0, (local_time(run.ended) - local_time(run.started)).total_seconds())


def duration_text(run: RunRecord) -> str:
    seconds = duration_s(run)
    if seconds is None:
        return NOT_KNOWN
    if seconds < 1:
        return tr("{ms:.0f} ms").format(ms=seconds * 1000)
    if seconds < 60:
        return tr("{seconds:.1f} s").format(seconds=seconds)
    minutes, rest = divmod(round(seconds), 60)
    if minutes < 60:
        return tr("{minutes} min {seconds:02d} s").format(minutes=minutes, seconds=rest)
    return tr("{hours} h {minutes:02d} min").format(hours=minutes // 60, minutes=minutes % 60)


def count_text(value: int | None) -> str:
    return NOT_KNOWN if value is None else count(value)


def rows_text(run: RunRecord) -> str:
    if run.rows_in is None and run.rows_out is None:
        return tr("no rows counted")
    return tr("{rows_in} read, {rows_out} written").format(
        rows_in=count_text(run.rows_in), rows_out=count_text(run.rows_out)
    )


def details(run: RunRecord) -> str:
    """Every field of a run, its message in full (as stored): the log's detail pane."""
    pipeline, trigger, started = pipeline_text(run.pipeline), trigger_text(run.trigger), started_text(run)
    if run.ended:
        when = tr("Started {started} by {trigger}, ended {ended} ({duration})").format(
            started=started,
            trigger=trigger,
            ended=f"{local_time(run.ended):%Y-%m-%d %H:%M:%S}",
            duration=duration_text(run),
        )
    else:
        when = tr("Started {started} by {trigger}").format(started=started, trigger=trigger)
    lines = [
        tr("Run {id}: {pipeline}, {outcome}").format(id=run.id, pipeline=pipeline, outcome=outcome_text(run.outcome)),
        when,
        tr("Rows: {rows}").format(rows=rows_text(run)),
    ]
    if run.model_version is not None:
        lines.append(tr("Model: v{version}").format(version=run.model_version))
    if run.import_id is not None:
        lines.append(tr("Import batch: {id}").format(id=run.import_id))
    lines.append("")
    lines.append(run.message or tr("(no message)"))
    return "\n".join(lines)


def missed_text(missed: MissedRun) -> str:
    """MissedRun.message(), in the user's language."""
    due = f"{missed.due:%Y-%m-%d %H:%M}"
    if missed.last_run is None:
        return tr("The scheduled catch-up of {due} did not run (no scheduled run is recorded)").format(due=due)
    last = f"{local_time(missed.last_run.started):%Y-%m-%d %H:%M}"
    return tr("The scheduled catch-up of {due} did not run (the last scheduled run started {last})").format(
        due=due, last=last
    )
