"""A recovery remembered until the user has seen it. When the database was moved aside,
restored or started anew, the store that follows records what happened, when, and where
the old file lies (meta `recovery`); every command says it in one line and the app shows
a banner until the user acknowledges it (`info --ack-recovery`, or the banner's button).
A cron catch-up may be the first command after the damage: nobody reads its output.

Each note is also a run of the `recovery` pipeline in the runs log."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass

from iris_desktop.store import runs as run_table
from iris_desktop.store.database import Store, utc_now
from iris_desktop.store.errors import StoreError

KEY = "recovery"  # meta key
PIPELINE = "recovery"  # the runs log's name for it (pipelines/runs.py PIPELINES)
ACK_HINT = "`iris-desktop info --ack-recovery` once you have seen this"


@dataclass(frozen=True)
class RecoveryNote:
    what: str  # one line: what happened and what now
    when: str  # UTC, as every created_at
    where: str | None = None  # where the old file lies, if it was kept

    def said(self) -> str:
        return f"on {self.when[:16].replace('T', ' ')} UTC {self.what}" if self.when else self.what

    def line(self) -> str:
        return f"{self.said()} ({ACK_HINT})"


def read_note(store: Store) -> RecoveryNote | None:
    """The note not yet acknowledged; None if there is none. A note that is not ours
    (a hand edit) is shown as the text it holds rather than failing every command."""
    text = store.meta(KEY)
    if not text:
        return None
    try:
        data = json.loads(text)
        return RecoveryNote(str(data["what"]), str(data["when"]), data.get("where"))
    except (ValueError, KeyError, TypeError, AttributeError):
        return RecoveryNote(f"a recovery was recorded: {text[:200]}", "", None)


def record_note(
    store: Store, what: str, where: str | None = None, trigger: str = "cli", run: bool = True
) -> RecoveryNote:
    """Remember a recovery in `store` (replacing an older note: the newest is the one to
    read) and log it as a run of the `recovery` pipeline (`run`: not when the caller
    records it as a run of its own, a restore)."""
    note = RecoveryNote(what, utc_now(), where)
    with store.transaction():
        store.set_meta(KEY, json.dumps({"what": note.what, "when": note.when, "where": note.where}))
        if not run:
            return note
        run_table.write(
            store,
            run_table.RunValues(
                os.urandom(16).hex(), PIPELINE, trigger, "ok", note.when, note.when, message=note.what[:500]
            ),
        )
    return note


def acknowledge(store: Store) -> RecoveryNote | None:
    """Forget the note (the user has seen it); the note that was there, if any."""
    note = read_note(store)
    if note is not None:
        with store.transaction() as conn:
            conn.execute("DELETE FROM meta WHERE key = ?", (KEY,))
    return note


def record_quietly(
    store: Store, what: str, where: str | None = None, trigger: str = "cli", run: bool = True
) -> str | None:
    """`record_note`, never failing the command it comes with: why not, if it could not."""
    try:
        record_note(store, what, where, trigger, run)
    except StoreError as exc:
        return str(exc)
    return None


def note_started_anew(store: Store, sign: str) -> None:
    """The database was missing, yet the folder shows earlier use (`sign`): remembered
    until seen, naming the newest backup and the command that restores it."""
    from iris_desktop.store.layout import newest_backup

    newest = newest_backup(store.path)
    restore = (
        f"`iris-desktop restore {newest}` (or File ▸ Restore from backup…) brings back the newest backup"
        if newest is not None
        else "no backup was found to bring it back"
    )
    what = f"a new, empty database was started at {store.path}, yet {sign}; {restore}"
    record_quietly(store, what, None, "first-run")
