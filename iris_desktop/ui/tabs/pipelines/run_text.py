"""A run in words: its local start time, how long it took, the rows it read and wrote.
Shared by the flow's boxes, the run log and its CSV. No Qt here."""

from __future__ import annotations

from iris_desktop.store.runs import RunRecord, local_time

OUTCOME_WORDS = {
    "running": "running",
    "ok": "ok",
    "failed": "failed",
    "cancelled": "cancelled",
    "nothing-to-do": "nothing to do",
    "interrupted": "interrupted",
}


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
        return "—"
    if seconds < 1:
        return f"{seconds * 1000:.0f} ms"
    if seconds < 60:
        return f"{seconds:.1f} s"
    minutes, rest = divmod(round(seconds), 60)
    return f"{minutes} min {rest:02d} s" if minutes < 60 else f"{minutes // 60} h {minutes % 60:02d} min"


def count_text(value: int | None) -> str:
    return "—" if value is None else f"{value:,}"


def rows_text(run: RunRecord) -> str:
    if run.rows_in is None and run.rows_out is None:
        return "no rows counted"
    return f"{count_text(run.rows_in)} read, {count_text(run.rows_out)} written"


def outcome_text(outcome: str) -> str:
    return OUTCOME_WORDS.get(outcome, outcome)


def details(run: RunRecord) -> str:
    """Every field of a run, its message in full: the log's detail pane."""
    lines = [
        f"Run {run.id}: {run.pipeline}, {outcome_text(run.outcome)}",
        f"Started {started_text(run)} by {run.trigger}"
        + (f", ended {local_time(run.ended):%Y-%m-%d %H:%M:%S} ({duration_text(run)})" if run.ended else ""),
        f"Rows: {rows_text(run)}",
    ]
    if run.model_version is not None:
        lines.append(f"Model: v{run.model_version}")
    if run.import_id is not None:
        lines.append(f"Import batch: {run.import_id}")
    lines.append("")
    lines.append(run.message or "(no message)")
    return "\n".join(lines)
