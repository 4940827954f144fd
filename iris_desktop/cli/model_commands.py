"""Sub-commands about models: train, models, activate, predict."""
from __future__ import annotations

import argparse

from iris_desktop.cli.common import bounded
from iris_desktop.cli.common import out as _out
from iris_desktop.cli.errors import UserError
from iris_desktop.pipelines.algorithms import ALGORITHMS, DEFAULT_ALGORITHM
from iris_desktop.store import open_store


def add_commands(command) -> None:
    tr = command("train", train, "train, register and activate a model")
    tr.add_argument("--algorithm", default=DEFAULT_ALGORITHM, choices=list(ALGORITHMS))
    _add_parameter_flags(tr)
    tr.add_argument("--param", "-P", action="append", default=[], metavar="NAME=VALUE",
                    help="any hyper-parameter by name, e.g. -P p=1 -P criterion=entropy (repeatable)")
    tr.add_argument("--cv-folds", type=bounded(0, 50), default=5,
                    help="cross-validation folds (default 5; 0 for none)")
    tr.add_argument("--standardize", action="store_true", help="standardise features first")
    tr.add_argument("--seed", type=bounded(0, 2 ** 31 - 1), default=42, help="split seed (default 42)")
    tr.add_argument("--test-fraction", type=_fraction, default=0.2, help="between 0 and 1 (default 0.2)")
    tr.add_argument("--include-daily", action="store_true", help="train on daily flowers too")
    tr.add_argument("--no-activate", action="store_true", help="register without activating")

    command("models", models, "list registered models")
    act = command("activate", activate, "make model version N the active one")
    act.add_argument("version", type=bounded(1, 2 ** 62))

    pr = command("predict", predict, "predict the variety of one flower")
    for name in ("sepal_length", "sepal_width", "petal_length", "petal_width"):
        pr.add_argument(name, type=_centimetres, help="cm")


def _add_parameter_flags(parser: argparse.ArgumentParser) -> None:
    """One flag per hyper-parameter in the algorithm table (--k, --weights, --max-depth …);
    values are checked against the chosen algorithm's own spec later."""
    seen: dict[str, list[str]] = {}
    specs = {}
    for algorithm in ALGORITHMS.values():
        for param in algorithm.params:
            seen.setdefault(param.cli_flag, []).append(algorithm.key)
            specs.setdefault(param.cli_flag, param)
    group = parser.add_argument_group("hyper-parameters (each for the algorithms named)")
    for flag, param in specs.items():
        extra = {"choices": param.choices} if param.kind == "choice" else {"metavar": param.kind.upper()}
        group.add_argument(flag, dest=f"param_{param.name}", default=None,
                           help=f"{param.label} ({', '.join(seen[flag])})", **extra)


def _fraction(text: str) -> float:
    from iris_desktop.pipelines.algorithms import Param

    value = Param("test-fraction", "", "float", 0.2).check(text)
    if not 0 < value < 1:
        raise argparse.ArgumentTypeError(f"must be between 0 and 1 (exclusive), got {text}")
    return value


def _centimetres(text: str) -> float:
    from iris_desktop.domain import check_measurement

    try:
        return check_measurement("value", text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc).removeprefix("value ")) from None


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
