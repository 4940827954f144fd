"""The classifiers on offer, their hyper-parameters and how to build them.

Parameter specs are plain data so the Train tab can build its form and the CLI its flags
from the same table.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Any, TypeAlias

from iris_desktop.errors import InvalidValue

# A scikit-learn estimator or Pipeline: scikit-learn has no type information.
Estimator: TypeAlias = Any

_INTEGER = re.compile(r"[+-]?\d+")
_DECIMAL = re.compile(r"[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?")


@dataclass(frozen=True)
class Param:
    """One hyper-parameter: its type (`kind` "int", "float" or "choice"), default and
    limits. `flag` is the short command-line spelling (--k), if any."""

    name: str
    label: str
    kind: str
    default: Any
    minimum: float | None = None
    maximum: float | None = None
    choices: tuple[Any, ...] = ()
    help: str = ""
    flag: str | None = None
    optional: bool = False  # None is allowed and means "no limit"
    only_if: tuple[str, Any] | None = None  # (other parameter, value): used only then
    short: str = ""  # how the registry's "key parameters" name it ("" = not shown)
    key: bool = False  # always shown among the key parameters (others: when not default)

    @property
    def cli_flag(self) -> str:
        return "--" + (self.flag or self.name.replace("_", "-"))

    def check(self, value: Any) -> Any:
        """`value` (a number, or text from the command line) as this parameter's type,
        or ValueError naming the parameter. Integers refuse 5.7 and inf."""
        if value is None or (isinstance(value, str) and value.strip().lower() in ("none", "null")):
            if self.optional:
                return None
            raise InvalidValue(f"{self.name} needs a value")
        if self.kind == "choice":
            if value not in self.choices:
                raise InvalidValue(f"{self.name} must be one of {', '.join(map(str, self.choices))}, got {value!r}")
            return value
        number = self._number(value)
        if self.minimum is not None and number < self.minimum:
            raise InvalidValue(f"{self.name} must be at least {self.minimum:g}, got {value!r}")
        if self.maximum is not None and number > self.maximum:
            raise InvalidValue(f"{self.name} must be at most {self.maximum:g}, got {value!r}")
        return number

    def _number(self, value: Any) -> int | float:
        if isinstance(value, bool):
            raise InvalidValue(f"{self.name} must be a number, got {value!r}")
        text = str(value).strip()
        if self.kind == "int":
            if isinstance(value, float) and value.is_integer():
                return int(value)
            if isinstance(value, int) or _INTEGER.fullmatch(text):
                return int(text)
            raise InvalidValue(f"{self.name} must be a whole number, got {value!r}")
        if (isinstance(value, (int, float)) and math.isfinite(value)) or _DECIMAL.fullmatch(text):
            number = float(text)
            if math.isfinite(number):
                return number
        raise InvalidValue(f"{self.name} must be a finite number, got {value!r}")


@dataclass(frozen=True)
class Algorithm:
    key: str
    name: str
    params: tuple[Param, ...]

    def defaults(self) -> dict[str, Any]:
        return {p.name: p.default for p in self.params}

    def resolve(self, params: dict[str, Any] | None) -> dict[str, Any]:
        """Defaults overlaid with `params`, each checked; unknown names are an error, and
        so is a value for a parameter that the others make meaningless (p with metric
        euclidean): scikit-learn would silently ignore it."""
        params = dict(params or {})
        known = {p.name: p for p in self.params}
        unknown = set(params) - set(known)
        if unknown:
            raise InvalidValue(f"{self.name} has no parameter(s) {', '.join(sorted(unknown))}")
        values = {name: spec.check(params.get(name, spec.default)) for name, spec in known.items()}
        for spec in self.params:
            if spec.only_if and not self.applies(spec, values) and values[spec.name] != spec.default:
                other, wanted = spec.only_if
                raise InvalidValue(f"{spec.name} applies only when {other} is {wanted} (got {other}={values[other]})")
        return values

    @staticmethod
    def applies(spec: Param, values: dict[str, Any]) -> bool:
        """Whether `spec` means anything with these values of the other parameters."""
        if spec.only_if is None:
            return True
        other, wanted = spec.only_if
        return bool(values.get(other) == wanted)

    def param(self, name: str) -> Param:
        return next(p for p in self.params if p.name == name)

    def summary(self, params: dict[str, Any]) -> str:
        """The parameters worth a glance, e.g. "k=5, distance-weighted, manhattan":
        the key ones always, the others when they differ from the default."""
        parts = []
        for spec in self.params:
            if not spec.short or spec.name not in params or not self.applies(spec, params):
                continue
            value = params[spec.name]
            if not spec.key and value == spec.default:
                continue
            text = "no limit" if value is None else f"{value:g}" if isinstance(value, float) else str(value)
            parts.append(spec.short.format(text) if "{" in spec.short else f"{spec.short}={text}")
        return ", ".join(parts)


ALGORITHMS: dict[str, Algorithm] = {
    a.key: a
    for a in (
        Algorithm(
            "knn",
            "k-nearest neighbours",
            (
                Param(
                    "n_neighbors",
                    "Neighbours (k)",
                    "int",
                    5,
                    1,
                    100,
                    flag="k",
                    short="k",
                    key=True,
                    help="How many of the nearest training flowers vote; an odd k avoids ties",
                ),
                Param(
                    "weights",
                    "Weights",
                    "choice",
                    "uniform",
                    choices=("uniform", "distance"),
                    short="{}-weighted",
                    help="uniform: one vote each; distance: nearer flowers count more",
                ),
                Param(
                    "metric",
                    "Metric",
                    "choice",
                    "minkowski",
                    short="{}",
                    choices=("minkowski", "euclidean", "manhattan", "chebyshev"),
                    help="How distance between two flowers is measured",
                ),
                Param(
                    "p",
                    "Minkowski p",
                    "int",
                    2,
                    1,
                    10,
                    only_if=("metric", "minkowski"),
                    short="p",
                    help="The power of the Minkowski distance: 1 = Manhattan, 2 = Euclidean",
                ),
            ),
        ),
        Algorithm(
            "logreg",
            "Logistic regression",
            (
                Param(
                    "C",
                    "C (inverse regularisation)",
                    "float",
                    1.0,
                    1e-4,
                    1e4,
                    flag="c",
                    short="C",
                    key=True,
                    help="Smaller C: stronger regularisation, smoother boundaries",
                ),
                Param(
                    "max_iter",
                    "Max iterations",
                    "int",
                    1000,
                    50,
                    100000,
                    short="max iter",
                    help="The solver stops after this many iterations",
                ),
            ),
        ),
        Algorithm(
            "tree",
            "Decision tree",
            (
                Param(
                    "max_depth",
                    "Max depth",
                    "int",
                    None,
                    1,
                    50,
                    optional=True,
                    short="depth",
                    key=True,
                    help="How many questions deep the tree may grow (no limit: until leaves are pure)",
                ),
                Param(
                    "min_samples_leaf",
                    "Min samples per leaf",
                    "int",
                    1,
                    1,
                    50,
                    short="leaf",
                    help="Every leaf keeps at least this many training flowers",
                ),
                Param(
                    "criterion",
                    "Criterion",
                    "choice",
                    "gini",
                    choices=("gini", "entropy", "log_loss"),
                    short="{}",
                    help="How the quality of a split is measured",
                ),
            ),
        ),
        Algorithm(
            "forest",
            "Random forest",
            (
                Param(
                    "n_estimators",
                    "Trees",
                    "int",
                    100,
                    1,
                    2000,
                    flag="trees",
                    short="trees",
                    key=True,
                    help="How many trees vote",
                ),
                Param(
                    "max_depth",
                    "Max depth",
                    "int",
                    None,
                    1,
                    50,
                    optional=True,
                    short="depth",
                    help="How deep each tree may grow (no limit: until leaves are pure)",
                ),
                Param(
                    "min_samples_leaf",
                    "Min samples per leaf",
                    "int",
                    1,
                    1,
                    50,
                    short="leaf",
                    help="Every leaf keeps at least this many training flowers",
                ),
            ),
        ),
        Algorithm(
            "svm",
            "SVM (RBF kernel)",
            (
                Param(
                    "C",
                    "C",
                    "float",
                    1.0,
                    1e-4,
                    1e4,
                    flag="c",
                    short="C",
                    key=True,
                    help="Smaller C: a softer margin, smoother boundaries",
                ),
                Param(
                    "gamma",
                    "Gamma",
                    "choice",
                    "scale",
                    choices=("scale", "auto"),
                    short="gamma={}",
                    help="The kernel's reach: scale uses the data's variance, auto 1 / features",
                ),
            ),
        ),
    )
}
DEFAULT_ALGORITHM = "knn"


def algorithm(key: str) -> Algorithm:
    try:
        return ALGORITHMS[key]
    except KeyError:
        raise InvalidValue(f"unknown algorithm {key!r} (choose from {', '.join(ALGORITHMS)})") from None


def build_estimator(key: str, params: dict[str, Any], standardize: bool, seed: int) -> Estimator:
    """A scikit-learn estimator (a Pipeline when standardising). Imports sklearn lazily."""
    if key == "knn":
        from sklearn.neighbors import KNeighborsClassifier as cls

        kwargs = dict(params)
    elif key == "logreg":
        from sklearn.linear_model import LogisticRegression as cls

        kwargs = dict(params)
    elif key == "tree":
        from sklearn.tree import DecisionTreeClassifier as cls

        kwargs = dict(params, random_state=seed)
    elif key == "forest":
        from sklearn.ensemble import RandomForestClassifier as cls

        kwargs = dict(params, random_state=seed, n_jobs=1)
    elif key == "svm":
        # SVC(probability=True) is deprecated; this is the same Platt scaling, spelled out.
        from sklearn.calibration import CalibratedClassifierCV
        from sklearn.svm import SVC

        estimator = CalibratedClassifierCV(
            SVC(kernel="rbf", random_state=seed, **params), method="sigmoid", cv=3, ensemble=False
        )
        return _scaled(estimator) if standardize else estimator
    else:
        raise InvalidValue(f"unknown algorithm {key!r}")
    estimator = cls(**kwargs)
    return _scaled(estimator) if standardize else estimator


def _scaled(estimator: Estimator) -> Estimator:
    from sklearn.pipeline import Pipeline
    from sklearn.preprocessing import StandardScaler

    return Pipeline([("scale", StandardScaler()), ("model", estimator)])
