"""The headless sub-commands behind `iris-desktop COMMAND`: each takes the parsed
arguments and returns an exit code. Pipelines are imported inside, when a command runs."""
from __future__ import annotations

import datetime as dt
import sys

from iris_desktop import __version__, paths
from iris_desktop.cli.errors import UserError
from iris_desktop.store import SCHEMA_VERSION, open_store


def _out(text: str = "") -> None:
    print(text, file=sys.stdout)


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


def catch_up(args) -> int:
    from iris_desktop.pipelines.daily import set_generator, set_history_days
    from iris_desktop.pipelines.inference import catch_up

    with open_store() as store:
        try:
            if args.history_days is not None:
                set_history_days(store, args.history_days)
            if args.generator:
                set_generator(store, args.generator)
        except ValueError as exc:
            raise UserError(str(exc)) from None
        summary = catch_up(store, args.today)
    _out(summary.message() + ".")
    if summary.model_error:  # the days are stored; the scheduler should still see a failure
        raise UserError(summary.model_error)
    return 0


def train(args) -> int:
    from iris_desktop.pipelines.algorithms import algorithm
    from iris_desktop.pipelines.training import TrainingConfig, train as fit

    spec = algorithm(args.algorithm)
    takes = {p.name for p in spec.params}
    params = {}
    for name, value in vars(args).items():
        if name.startswith("param_") and value is not None:
            name = name.removeprefix("param_")
            if name not in takes:
                raise UserError(f"{_flag(name)} is not a parameter of {spec.name} "
                                f"(it takes {', '.join(_flag(n) for n in sorted(takes))})")
            params[name] = value
    for item in args.param:
        name, sep, value = item.partition("=")
        if not sep or not name.strip():
            raise UserError(f"--param takes NAME=VALUE, got {item!r}")
        params[name.strip()] = value.strip()
    try:
        params = spec.resolve(params)  # every value checked, with its name, before any work
    except ValueError as exc:
        raise UserError(str(exc)) from None
    sources = ("backfill", "import", "daily") if args.include_daily else ("backfill", "import")
    config = TrainingConfig(args.algorithm, params, args.standardize, sources, args.test_fraction,
                            args.seed, args.cv_folds)
    with open_store() as store:
        try:
            record = fit(store, config, activate=not args.no_activate)
        except ValueError as exc:
            raise UserError(str(exc)) from None
    m = record.metrics
    _out(f"Registered {record.describe()}{' (active)' if record.active else ''}")
    _out(f"test accuracy {m['accuracy']:.3f}, macro F1 {m['macro_f1']:.3f}, "
         f"CV {m['cv_mean']:.3f} ± {m['cv_std']:.3f} on {m['n_train']} train / {m['n_test']} test rows")
    return 0


def _flag(name: str) -> str:
    from iris_desktop.pipelines.algorithms import ALGORITHMS

    for spec in ALGORITHMS.values():
        for param in spec.params:
            if param.name == name:
                return param.cli_flag
    return name


def models(args) -> int:
    from iris_desktop.store.registry import list_models

    with open_store() as store:
        models = list_models(store)
    if not models:
        _out("No models yet: run `iris-desktop train`.")
        return 0
    _out(f"{'':2}{'version':>7}  {'accuracy':>8}  {'cv':>6}  {'created (UTC)':20}  model")
    for m in models:
        _out(f"{'*' if m.active else ' ':2}{m.version:>7}  {m.accuracy:>8.3f}  "
             f"{m.metrics.get('cv_mean', float('nan')):>6.3f}  {m.created_at[:19]:20}  {m.describe()}")
    return 0


def activate(args) -> int:
    from iris_desktop.store.registry import get_model, set_active

    with open_store() as store:
        set_active(store, args.version)
        record = get_model(store, args.version)
    _out(f"Active model: {record.describe()}")
    return 0


def predict(args) -> int:
    from iris_desktop.domain import VARIETIES, Flower
    from iris_desktop.pipelines.registry import load_model

    try:
        flower = Flower(args.sepal_length, args.sepal_width, args.petal_length, args.petal_width)
    except ValueError as exc:
        raise UserError(str(exc)) from None
    with open_store() as store:
        model = load_model(store)
    proba = model.predict_proba([flower.measurements])[0]
    best = VARIETIES[int(proba.argmax())]
    _out(f"{best.value}  (model v{model.version})")
    for v, p in zip(VARIETIES, proba):
        _out(f"  {v.value:<11} {p:6.1%}")
    return 0


def history(args) -> int:
    from iris_desktop.pipelines.monitoring import export_history_csv, window_predictions

    with open_store() as store:
        if args.csv == "-":
            export_history_csv(store, sys.stdout, days=args.days)
            return 0
        if args.csv:
            count = export_history_csv(store, args.csv, days=args.days)
            _out(f"Wrote {count} predictions to {args.csv}")
            return 0
        rows = window_predictions(store, days=args.days)
    if not rows:
        _out("No predictions yet: run `iris-desktop catch-up`.")
        return 0
    _out(f"{'day':10}  {'actual':10}  {'predicted':10}  ok  model")
    for r in rows:
        _out(f"{r.day.isoformat():10}  {r.actual.value:10}  {r.predicted.value:10}  "
             f"{'✓' if r.correct else '✗':2}  v{r.model_version}")
    right = sum(r.correct for r in rows)
    _out(f"accuracy {right}/{len(rows)} = {right / len(rows):.1%}")
    return 0


def generate(args) -> int:
    from iris_desktop.domain import FEATURES
    from iris_desktop.pipelines.daily import flower_of, settings_for

    day = args.date or dt.date.today()
    with open_store() as store:
        settings = settings_for(store)
        flower = flower_of(store, day, settings)
    _out(f"{day.isoformat()}: {flower.variety.value}  (generator: {settings.describe()})")
    for feature, value in zip(FEATURES, flower.measurements):
        _out(f"  {feature.display:<13} {value:4.1f} {feature.unit}")
    return 0
