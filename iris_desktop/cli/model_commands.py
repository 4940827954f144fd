"""Sub-commands about models: train, retrain, models, compare, activate, delete, export,
predict.

Every setting is checked before any work, and a mistake is one line naming the flag.
scikit-learn's own warnings never reach stderr raw: the ones that matter (a model that
did not converge, a file saved by another scikit-learn) are said in one line each.
"""

from __future__ import annotations

import argparse
import sys
import warnings

from iris_desktop.cli.common import add_yes, bounded, confirm
from iris_desktop.cli.common import out as _out
from iris_desktop.domain import plural
from iris_desktop.errors import UserError
from iris_desktop.pipelines.algorithms import ALGORITHMS, DEFAULT_ALGORITHM, Param
from iris_desktop.store import open_store

VERSION = bounded(1, 2**62)
SETTING_FLAGS = {"cv_folds": "--cv-folds", "test_fraction": "--test-fraction", "sources": "--include-daily"}


def add_commands(command) -> None:
    tr = command("train", train, "train, register and activate a model")
    tr.add_argument("--algorithm", default=DEFAULT_ALGORITHM, choices=list(ALGORITHMS))
    _add_parameter_flags(tr)
    tr.add_argument(
        "--param",
        "-P",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="any hyper-parameter by name, e.g. -P p=1 -P criterion=entropy (repeatable)",
    )
    tr.add_argument(
        "--cv-folds",
        type=bounded(2, 50),
        default=5,
        help="cross-validation folds, 2 to the size of the rarest variety (default 5)",
    )
    tr.add_argument("--standardize", action="store_true", help="standardise features first")
    tr.add_argument("--seed", type=bounded(0, 2**31 - 1), default=42, help="split seed (default 42)")
    tr.add_argument("--test-fraction", type=_fraction, default=0.2, help="between 0 and 1 (default 0.2)")
    tr.add_argument("--include-daily", action="store_true", help="train on daily flowers too")
    tr.add_argument("--no-activate", action="store_true", help="register without activating")

    rt = command("retrain", retrain, "train version N again with its own settings on today's data")
    rt.add_argument("version", type=VERSION)
    rt.add_argument("--no-activate", action="store_true", help="register without activating")

    command("models", models, "list registered models, their metrics and any problem with their files")
    cmp = command("compare", compare, "show two model versions side by side")
    cmp.add_argument("a", type=VERSION, metavar="A")
    cmp.add_argument("b", type=VERSION, metavar="B")
    act = command("activate", activate, "make model version N the active one and predict every day with it")
    act.add_argument("version", type=VERSION)

    dl = command("delete", delete, "delete model version N, its file and its predictions (never the active one)")
    dl.add_argument("version", type=VERSION)
    add_yes(dl)
    ex = command("export", export, "write model version N's file and a JSON model card to folder DIR")
    ex.add_argument("version", type=VERSION)
    ex.add_argument("folder", metavar="DIR")

    pr = command("predict", predict, "predict the variety of one flower")
    for name in ("sepal_length", "sepal_width", "petal_length", "petal_width"):
        pr.add_argument(name, type=_centimetres, help="cm")
    pr.add_argument(
        "--strict",
        action="store_true",
        help="refuse measurements no iris has (exit 2) instead of predicting with a warning",
    )


def _add_parameter_flags(parser: argparse.ArgumentParser) -> None:
    """One flag per hyper-parameter in the algorithm table (--k, --weights, --max-depth …);
    values are checked against the chosen algorithm's own spec later."""
    seen: dict[str, list[str]] = {}
    specs: dict[str, Param] = {}
    for algorithm in ALGORITHMS.values():
        for param in algorithm.params:
            seen.setdefault(param.cli_flag, []).append(algorithm.key)
            specs.setdefault(param.cli_flag, param)
    group = parser.add_argument_group("hyper-parameters (each for the algorithms named)")
    for flag, param in specs.items():
        extra = {"choices": param.choices} if param.kind == "choice" else {"metavar": param.kind.upper()}
        group.add_argument(
            flag, dest=f"param_{param.name}", default=None, help=f"{param.label} ({', '.join(seen[flag])})", **extra
        )


def _fraction(text: str) -> float:
    try:
        value = Param("test-fraction", "", "float", 0.2).check(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if not 0 < value < 1:
        raise argparse.ArgumentTypeError(f"must be between 0 and 1 (exclusive), got {text}")
    return value


def _centimetres(text: str) -> float:
    from iris_desktop.domain import check_measurement

    try:
        return check_measurement("value", text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc).removeprefix("value ")) from None


def _warn(command: str, text: str) -> None:
    print(f"iris-desktop {command}: warning: {text}", file=sys.stderr)


# ---- training --------------------------------------------------------------------------


def train(args) -> int:
    from iris_desktop.pipelines.algorithms import algorithm
    from iris_desktop.pipelines.training import TrainingConfig

    spec = algorithm(args.algorithm)
    takes = {p.name for p in spec.params}
    params = {}
    for name, value in vars(args).items():
        if name.startswith("param_") and value is not None:
            name = name.removeprefix("param_")
            if name not in takes:
                raise UserError(
                    f"{_flag(name)} is not a parameter of {spec.name} "
                    f"(it takes {', '.join(_flag(n) for n in sorted(takes))})"
                )
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
    config = TrainingConfig(
        args.algorithm, params, args.standardize, sources, args.test_fraction, args.seed, args.cv_folds
    )
    return _fit_and_report("train", args, config=config)


def retrain(args) -> int:
    return _fit_and_report("retrain", args, retrain_version=args.version)


def _fit_and_report(command: str, args, config=None, retrain_version: int | None = None) -> int:
    """Train (the same operation as the app's), then, if activated, every daily flower
    is predicted by the new version."""
    from iris_desktop.pipelines import operations
    from iris_desktop.pipelines.training import SettingError

    with open_store() as store:
        try:
            trained = operations.train(
                store,
                config,
                retrain_version=retrain_version,
                activate=not args.no_activate,
            )
        except SettingError as exc:
            flag = SETTING_FLAGS.get(exc.setting) or _flag(exc.setting)
            raise UserError(f"{flag}: {exc}") from None
    record, m = trained.record, trained.record.metrics
    _out(f"Registered {record.describe()}{' (active)' if record.active else ''}")
    _out(
        f"test accuracy {m['accuracy']:.3f}, macro F1 {m['macro_f1']:.3f}, "
        f"CV {m['cv_mean']:.3f} ± {m['cv_std']:.3f} on {m['n_train']} train / {m['n_test']} test rows"
        + (f" ({_dropped(m)} dropped)" if m.get("duplicates_dropped") else "")
    )
    if m["n_test"] < 100:
        _out(
            f"The test set is small: one flower is {1 / m['n_test']:.1%} of its accuracy; "
            "the CV figure is the steadier estimate."
        )
    if trained.model is not None:
        _out(_predicted(trained.predicted))
    for text in m.get("warnings", []):
        _warn(command, text)
    return 0


def _predicted(made: int) -> str:
    return f"It predicted {made} stored daily flower{'s' * (made != 1)}."


def _dropped(metrics: dict) -> str:
    n = metrics.get("duplicates_dropped", 0)
    return f"{n} duplicate flower{'s' * (n != 1)}"


def _flag(name: str) -> str:
    for spec in ALGORITHMS.values():
        for param in spec.params:
            if param.name == name:
                return param.cli_flag
    return name


# ---- the registry ----------------------------------------------------------------------


def models(args) -> int:
    from iris_desktop.pipelines.registry_overview import key_parameters, registry_entries

    with open_store() as store:
        entries = registry_entries(store)
    if not entries:
        _out("No models yet: run `iris-desktop train`.")
        return 0
    _out(
        f"{'':2}{'version':>7}  {'created (UTC)':16}  {'test':>6}  {'cv (mean ± std)':>15}  "
        f"{'train/test':>10}  {'dups':>4}  {'sources':16}  model"
    )
    for e in entries:
        r, m = e.record, e.record.metrics
        cv = m.get("cv_mean", float("nan"))
        cv_text = f"{cv:.1%} ± {m.get('cv_std', 0):.1%}" if cv == cv else "—"
        split = f"{m.get('n_train', '?')}/{m.get('n_test', '?')}"
        line = (
            f"{'*' if r.active else ' ':2}{r.version:>7}  {r.created_at[:16].replace('T', ' '):16}  "
            f"{r.accuracy:>6.1%}  {cv_text:>15}  {split:>10}  "
            f"{m.get('duplicates_dropped', 0):>4}  {', '.join(r.sources):16}  "
            f"{r.algorithm} ({key_parameters(r)})"
        )
        if e.warnings:
            line += "  WARNING: " + "; ".join(e.warnings)
        _out(line)
    if any(e.file_problem for e in entries):
        bad = next(e for e in entries if e.file_problem)
        _out(f"Version {bad.record.version}: {bad.file_detail}")
    return 0


def compare(args) -> int:
    from iris_desktop.domain import VARIETIES
    from iris_desktop.pipelines.registry_overview import compare as table
    from iris_desktop.store.registry import UnknownModelError, get_model

    with open_store() as store:
        a, b = get_model(store, args.a), get_model(store, args.b)
    if a is None:
        raise UnknownModelError(f"there is no model version {args.a}")
    if b is None:
        raise UnknownModelError(f"there is no model version {args.b}")
    rows = table(a, b)
    width = max(len(what) for what, _, _ in rows)
    col = max(12, *(len(x) for _, x, _ in rows))
    for what, x, y in rows:
        mark = "" if x == y or what in ("Version", "Created (UTC)") else "  <"
        _out(f"{what:<{width}}  {x:<{col}}  {y}{mark}")
    _out("")
    _out("Confusion matrices on each version's test set (rows actual, columns predicted):")
    names = [v.value[:4] for v in VARIETIES]
    _out(f"{'':12}{'  '.join(f'{n:>4}' for n in names)}    {'  '.join(f'{n:>4}' for n in names)}")
    for i, v in enumerate(VARIETIES):
        left = "  ".join(f"{c:>4}" for c in a.metrics["confusion_matrix"][i])
        right = "  ".join(f"{c:>4}" for c in b.metrics["confusion_matrix"][i])
        _out(f"{v.value:<12}{left}    {right}")
    return 0


def activate(args) -> int:
    from iris_desktop.pipelines import operations

    with open_store() as store:  # the file is checked before anything changes
        model, made = _quietly(operations.activate, store, args.version)
    _out(f"Active model: {model.record.describe()}")
    _out(_predicted(made))
    if model.version_warning:
        _warn("activate", model.version_warning)
    return 0


def delete(args) -> int:
    from iris_desktop.pipelines import operations
    from iris_desktop.store.predictions import daily_predictions
    from iris_desktop.store.registry import UnknownModelError, get_model

    with open_store() as store:
        record = get_model(store, args.version)
        if record is None:
            raise UnknownModelError(f"there is no model version {args.version}")
        if record.active:
            operations.delete_model(store, args.version)  # refuses, saying what to do
        n = len(daily_predictions(store, model_version=args.version))
        if not confirm(
            "delete", f"Delete model v{args.version}, its file and its {plural(n, 'prediction')}?", args.yes
        ):
            return 1
        removed = operations.delete_model(store, args.version)
    _out(f"Deleted model v{args.version} and its {removed} prediction{'s' * (removed != 1)}.")
    return 0


def export(args) -> int:
    from iris_desktop.pipelines.registry import export_model

    with open_store() as store:
        artifact, card = export_model(store, args.version, args.folder)
    _out(f"Exported model v{args.version}: {artifact} and its model card {card}")
    return 0


def predict(args) -> int:
    from iris_desktop.domain import VARIETIES, Flower
    from iris_desktop.pipelines.csv_checks import implausible_flower
    from iris_desktop.pipelines.registry import load_model

    try:
        flower = Flower(args.sepal_length, args.sepal_width, args.petal_length, args.petal_width)
    except ValueError as exc:
        raise UserError(str(exc)) from None
    odd = implausible_flower(flower.measurements)  # the bounds an import checks
    if odd and args.strict:
        raise UserError(odd)
    with open_store() as store:
        model = _quietly(load_model, store)
    proba = _quietly(model.predict_proba, [flower.measurements])[0]
    best = VARIETIES[int(proba.argmax())]
    _out(f"{best.value}  (model v{model.version})")
    for v, p in zip(VARIETIES, proba):
        _out(f"  {v.value:<11} {p:6.1%}")
    if model.version_warning:
        _warn("predict", model.version_warning)
    if odd:  # the answer stands, but no iris measured so: said after it, on stderr
        _warn("predict", f"{odd} (--strict refuses such a flower)")
    return 0


def _quietly(fn, *args):
    """fn(*args) with scikit-learn's warnings kept off stderr (the version warning,
    the only one that matters here, is said in one line by the caller)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return fn(*args)
