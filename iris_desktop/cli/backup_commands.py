"""Sub-commands about backups: make one, list them, restore one."""

from __future__ import annotations

from iris_desktop import paths
from iris_desktop.cli.common import add_yes, confirm
from iris_desktop.cli.common import out as _out
from iris_desktop.store import open_store


def add_commands(command) -> None:
    bk = command("backup", backup, "write a backup archive: the database and the model files it refers to")
    bk.add_argument("file", nargs="?", help="where (default: a new archive in the backups folder)")
    command(
        "backups",
        list_backups,
        "list the backups in the backups folder, newest first "
        "(one is made automatically each day and before an update; the last 7 are kept)",
    )
    rs = command("restore", restore, "replace the data with a backup's (the data replaced is backed up first)")
    rs.add_argument("file", nargs="?", help="a backup archive, or a database file (default: the newest good backup)")
    add_yes(rs)


def backup(args) -> int:
    from iris_desktop.pipelines.operations import backup as back_up

    with open_store() as store:
        dest = back_up(store, args.file, manual=True)
    _out(f"Backed up the database and its model files to {dest}")
    return 0


def list_backups(args) -> int:
    from iris_desktop.store.backups import folder_of
    from iris_desktop.store.backups import list_backups as found

    db = paths.database_path()
    backups = found(db)
    if not backups:
        _out(f"No backups yet in {folder_of(db)}.")
    for b in backups:
        _out(f"{b.describe()}  {b.path.name}")
    return 0


def restore(args) -> int:
    """Replace the data with a backup's, after asking (an archive written by another
    installation says so first); the data replaced is backed up first."""
    from iris_desktop.pipelines import operations
    from iris_desktop.store.backups import foreign, inspect_backup

    db = paths.database_path()
    if args.file:
        backup = inspect_backup(args.file)  # BackupError (one line) for anything not a backup
        what = backup.describe() if backup else f"the database file {args.file}"
        question = f"Replace the data in {paths.data_dir()} with {what}?"
        if foreign(backup, db):
            question = (
                f"{args.file} was written by another Iris Desktop installation (or an older version). " + question
            )
    else:
        question = f"Replace the data in {paths.data_dir()} with the newest sound backup?"
    if not confirm("restore", question, args.yes):
        return 1
    done = operations.restore(args.file, db, paths.models_dir())
    for reason in done.skipped:
        _out(f"Skipped: {reason}")
    _out(done.message() + ".")
    return 0
