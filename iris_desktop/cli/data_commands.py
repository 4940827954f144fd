"""Sub-commands about the flowers: backfill, import, info."""
from __future__ import annotations

from iris_desktop import __version__, paths
from iris_desktop.cli.common import out as _out
from iris_desktop.cli.errors import UserError
from iris_desktop.store import SCHEMA_VERSION, open_store


def add_commands(command) -> None:
    command("backfill", backfill, "store the bundled 150-flower data set (once)")
    imp = command("import", import_csv, "import flowers from a CSV file (all rows or none)")
    imp.add_argument("file")
    imp.add_argument("--again", action="store_true", help="import a file whose content was imported before")
    command("info", info, "where the data lives, row counts, schema version")


def backfill(args) -> int:
    from iris_desktop.pipelines.backfill import backfill

    with open_store() as store:
        added = backfill(store)
    _out(f"Backfilled {added} flowers." if added else "The bundled data set is already stored.")
    return 0


def import_csv(args) -> int:
    from iris_desktop.pipelines.backfill import AlreadyImportedError, import_csv

    with open_store() as store:
        try:
            result = import_csv(store, args.file, again=args.again)
        except AlreadyImportedError as exc:
            raise UserError(f"{exc} (add --again to import it anyway)") from None
    per = ", ".join(f"{n} {v}" for v, n in result.counts.items())
    _out(f"Imported {result.added} flowers from {args.file} ({per}).")
    if result.ignored_columns:
        _out(f"Ignored column(s): {', '.join(result.ignored_columns)}")
    return 0


def info(args) -> int:
    from iris_desktop.store import flowers, predictions, registry

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
        _out("flowers:        " + ", ".join(f"{n} {s}" for s, n in counts.items()) + f" ({sum(counts.values())} in all)")
        _out(f"models:         {len(registry.list_models(store))}, active: {active.describe() if active else 'none'}")
        _out(f"predictions:    {predictions.prediction_count(store)}")
        last = flowers.last_daily_day(store)
        _out(f"last daily day: {last or 'none yet'}")
    return 0
