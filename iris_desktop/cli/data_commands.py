"""Sub-commands about the flowers: backfill, import (with a dry run), the import
batches and their removal, info."""

from __future__ import annotations

from iris_desktop import __version__, paths
from iris_desktop.cli.common import add_yes, bounded, confirm
from iris_desktop.cli.common import out as _out
from iris_desktop.domain import plural
from iris_desktop.errors import UserError
from iris_desktop.store import SCHEMA_VERSION, open_store


def add_commands(command) -> None:
    command("backfill", backfill, "store the bundled 150-flower data set (once)")
    imp = command("import", import_csv, "import flowers from a CSV file (all rows or none)")
    imp.add_argument("file")
    imp.add_argument("--dry-run", action="store_true", help="show what would be imported; write nothing")
    imp.add_argument(
        "--unit", choices=["cm", "mm"], help="the file's unit (needed when its values look like millimetres)"
    )
    dup = imp.add_mutually_exclusive_group()
    dup.add_argument(
        "--skip-duplicates",
        dest="keep_duplicates",
        action="store_false",
        default=False,
        help="leave out rows that repeat a stored flower (the default)",
    )
    dup.add_argument(
        "--keep-duplicates",
        dest="keep_duplicates",
        action="store_true",
        help="import rows that repeat a stored flower too",
    )
    imp.add_argument("--accept-outliers", action="store_true", help="import values no iris has (refused otherwise)")
    imp.add_argument("--again", action="store_true", help="import a file whose content was imported before")
    command("imports", list_imports, "list the import batches")
    rm = command("remove-import", remove_import, "remove an import batch's flowers (see `imports`)")
    rm.add_argument("batch", type=bounded(1, 2**62), metavar="N")
    add_yes(rm)
    inf = command("info", info, "where the data lives, row counts, schema version")
    inf.add_argument(
        "--ack-recovery",
        action="store_true",
        help="say that you have seen the recovery every command mentions (a database moved aside, restored or "
        "started anew); it is no longer mentioned",
    )


def backfill(args) -> int:
    from iris_desktop.pipelines.backfill import backfill

    with open_store() as store:
        added = backfill(store)
    _out(f"Backfilled {plural(added, 'flower')}." if added else "The bundled data set is already stored.")
    return 0


def _import_options(seen, args):
    """The options the flags give, or a UserError if the file's unit must be said."""
    from iris_desktop.domain import FEATURE_NAMES
    from iris_desktop.pipelines.imports import ImportOptions

    if seen.suggested_millimetres and args.unit is None:
        columns = ", ".join(seen.parsed.columns[c] for c in seen.suggested_millimetres)
        raise UserError(
            f"{seen.parsed.file_name}: column(s) {columns} "
            "look like millimetres; add --unit mm to divide by 10, or --unit cm to import them as they are"
        )
    return ImportOptions(
        millimetre_columns=FEATURE_NAMES if args.unit == "mm" else (),
        skip_duplicates=not args.keep_duplicates,
        accept_outliers=args.accept_outliers,
        again=args.again,
    )


def _dry_run(store, args) -> int:
    """What the import would do, said without writing: the same checks, so the same exit
    code and message as the import when it would refuse the file."""
    from iris_desktop.pipelines.imports import check, describe, nothing_new, preview, would_add

    seen = preview(store, args.file)
    options = _import_options(seen, args)
    for line in describe(seen, options):
        _out(line)
    check(seen, options)
    added = would_add(seen, options)
    _out(
        f"Dry run: nothing was written; the import would add {plural(added, 'flower')}."
        if added
        else f"Dry run: nothing was written; {nothing_new(seen.rows)}, so the import would add none."
    )
    return 0


def import_csv(args) -> int:
    from iris_desktop.pipelines.imports import AlreadyImportedError, import_file, nothing_new

    with open_store() as store:
        try:  # one recorded import run, failed too when the file cannot be read
            if args.dry_run:  # (a preview, not a run: nothing is recorded)
                return _dry_run(store, args)
            result = import_file(store, args.file, lambda seen: _import_options(seen, args))
        except AlreadyImportedError as exc:
            raise UserError(f"{exc} (add --again to import it anyway)") from None
    if result.batch is None:
        _out(f"{args.file}: {nothing_new(result.skipped_duplicates)}; no batch was recorded.")
        return 0
    per = ", ".join(f"{n} {v}" for v, n in result.counts.items())
    skipped = (
        f"; {plural(result.skipped_duplicates, 'row')} repeating stored flowers skipped (--keep-duplicates keeps them)"
        if result.skipped_duplicates
        else ""
    )
    _out(f"Imported {plural(result.added, 'flower')} from {args.file} ({per}) as batch {result.batch}{skipped}.")
    for note in result.notes:
        _out(f"Note: {note}")
    if result.ignored_columns:
        _out(f"Ignored column(s): {', '.join(result.ignored_columns)}")
    return 0


def list_imports(args) -> int:
    from iris_desktop.store.imports import list_batches

    with open_store() as store:
        batches = list_batches(store)
    if not batches:
        _out("No imports yet: `iris-desktop import FILE` adds one.")
        return 0
    _out(f"{'batch':>5}  {'imported (UTC)':16}  {'rows':>6}  {'stored':>6}  file")
    for b in batches:
        _out(f"{b.id:>5}  {b.imported_at[:16].replace('T', ' '):16}  {b.rows:>6}  {b.remaining:>6}  {b.file_name}")
    return 0


def remove_import(args) -> int:
    from iris_desktop.pipelines.removal import RemovalError, plan_batch, remove_batch

    with open_store() as store:
        try:
            plan = plan_batch(store, args.batch)
            if not confirm(
                "remove-import", f"Remove the {plural(plan.removed, 'flower')} of import batch {args.batch}?", args.yes
            ):
                return 1
            removal = remove_batch(store, args.batch)
        except RemovalError as exc:
            raise UserError(str(exc)) from None
    _out(removal.message() + f" (batch {args.batch}).")
    return 0


def info(args) -> int:
    from iris_desktop.store import flowers, predictions, registry

    if args.ack_recovery:
        return _ack_recovery()
    db = paths.database_path()
    if not db.exists():  # read-only: a look at a new folder makes nothing in it
        _check_folder(db.parent)
        _out(f"Iris Desktop {__version__}")
        _out(f"data folder:    {paths.data_dir()}")
        _out(f"database:       {db} (none yet: the app's first launch or `iris-desktop catch-up` makes it)")
        _missing_database_hint(db)
        return 0
    with open_store() as store:
        counts = flowers.count_by_source(store)
        active = registry.active_model(store)
        _out(f"Iris Desktop {__version__}")
        _out(f"data folder:    {paths.data_dir()}")
        _out(f"database:       {store.path}")
        _out(f"models folder:  {store.models_dir}")
        _out(f"logs folder:    {paths.logs_dir()}")
        _out(f"resources:      {paths.resources_dir()}")
        _out(f"schema version: {store.schema_version()} (this build: {SCHEMA_VERSION})")
        _out(
            "flowers:        " + ", ".join(f"{n} {s}" for s, n in counts.items()) + f" ({sum(counts.values())} in all)"
        )
        _out(f"models:         {len(registry.list_models(store))}, active: {active.describe() if active else 'none'}")
        _out(f"predictions:    {predictions.prediction_count(store)}")
        last = flowers.last_daily_day(store)
        _out(f"last daily day: {last or 'none yet'}")
    return 0


def _check_folder(folder) -> None:
    """UserError if `folder`, or the nearest part of it that exists, is not a folder."""
    for part in (folder, *folder.parents):
        if part.exists():
            if not part.is_dir():
                raise UserError(f"the data folder {folder} cannot be used: {part} is a file, not a folder")
            return


def _missing_database_hint(db) -> None:
    """Where the folder shows earlier use, what shows it and the newest backup's restore."""
    from iris_desktop.store.layout import earlier_use, newest_backup

    sign = earlier_use(db, paths.models_dir())
    if sign is None:
        return
    newest = newest_backup(db)
    restore = f"; `iris-desktop restore {newest}` brings back the newest backup" if newest else ""
    _out(f"note:           the database is missing, yet {sign}{restore}")


def _ack_recovery() -> int:
    from iris_desktop import store as store_package
    from iris_desktop.store.recovery_notes import acknowledge

    store_package.on_recovery_note = None  # this command says it itself
    with open_store() as store:
        note = acknowledge(store)
    _out(f"Seen: {note.said()}. It is no longer mentioned." if note else "There is no recovery to acknowledge.")
    return 0
