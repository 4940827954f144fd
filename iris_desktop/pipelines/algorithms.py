"""The classifiers on offer, their hyper-parameters and how to build them.

Parameter specs are plain data so the Train tab can build its form and the CLI its flags
from the same table.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Param:
    name: str
    label: str
    default: Any
    minimum: float | None = None
    maximum: float | None = None
    choices: tuple = ()
    help: str = ""

    def check(self, value: Any) -> Any:
        if self.choices:
            if value not in self.choices:
                raise ValueError(f"{self.name} must be one of {', '.join(map(str, self.choices))}, got {value!r}")
            return value
        if value is None:  # "no limit" (max_depth)
            return None
        number = type(self.default if self.default is not None else 0)(value)
        if self.minimum is not None and number < self.minimum:
            raise ValueError(f"{self.name} must be at least {self.minimum}, got {value!r}")
        if self.maximum is not None and number > self.maximum:
            raise ValueError(f"{self.name} must be at most {self.maximum}, got {value!r}")
        return number


@dataclass(frozen=True)
class Algorithm:
    key: str
    name: str
    params: tuple[Param, ...]

    def defaults(self) -> dict[str, Any]:
        return {p.name: p.default for p in self.params}

    def resolve(self, params: dict[str, Any] | None) -> dict[str, Any]:
        """Defaults overlaid with `params`, each checked; unknown names are an error."""
        params = dict(params or {})
        known = {p.name: p for p in self.params}
        unknown = set(params) - set(known)
        if unknown:
            raise ValueError(f"{self.name} has no parameter(s) {', '.join(sorted(unknown))}")
        return {name: spec.check(params.get(name, spec.default)) for name, spec in known.items()}


ALGORITHMS: dict[str, Algorithm] = {
    a.key: a
    for a in (
        Algorithm("knn", "k-nearest neighbours", (
            Param("n_neighbors", "Neighbours (k)", 5, 1, 100, help="odd k avoids ties"),
            Param("weights", "Weights", "uniform", choices=("uniform", "distance")),
            Param("metric", "Metric", "minkowski",
                  choices=("minkowski", "euclidean", "manhattan", "chebyshev")),
            Param("p", "Minkowski p", 2, 1, 10),
        )),
        Algorithm("logreg", "Logistic regression", (
            Param("C", "C (inverse regularisation)", 1.0, 1e-4, 1e4),
            Param("max_iter", "Max iterations", 1000, 50, 100000),
        )),
        Algorithm("tree", "Decision tree", (
            Param("max_depth", "Max depth", None, 1, 50),
            Param("min_samples_leaf", "Min samples per leaf", 1, 1, 50),
            Param("criterion", "Criterion", "gini", choices=("gini", "entropy", "log_loss")),
        )),
        Algorithm("forest", "Random forest", (
            Param("n_estimators", "Trees", 100, 1, 2000),
            Param("max_depth", "Max depth", None, 1, 50),
            Param("min_samples_leaf", "Min samples per leaf", 1, 1, 50),
        )),
        Algorithm("svm", "SVM (RBF kernel)", (
            Param("C", "C", 1.0, 1e-4, 1e4),
            Param("gamma", "Gamma", "scale", choices=("scale", "auto")),
        )),
    )
}
DEFAULT_ALGORITHM = "knn"


def algorithm(key: str) -> Algorithm:
    try:
        return ALGORITHMS[key]
    except KeyError:
        raise ValueError(f"unknown algorithm {key!r} (choose from {', '.join(ALGORITHMS)})") from None


def build_estimator(key: str, params: dict[str, Any], standardize: bool, seed: int):
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

        estimator = CalibratedClassifierCV(SVC(kernel="rbf", random_state=seed, **params),
                                           method="sigmoid", cv=3, ensemble=False)
        return _scaled(estimator) if standardize else estimator
    else:
        raise ValueError(f"unknown algorithm {key!r}")
    estimator = cls(**kwargs)
    return _scaled(estimator) if standardize else estimator


def _scaled(estimator):
    from sklearn.pipeline import Pipeline
    from sklearn.preprocessing import StandardScaler

    return Pipeline([("scale", StandardScaler()), ("model", estimator)])
