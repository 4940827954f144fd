"""The shared vocabulary: varieties, the four features and one flower.

Pure Python on purpose: every layer imports this, so it must stay cheap and Qt-free.
"""

from __future__ import annotations

import enum
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass

from iris_desktop.errors import InvalidValue


class Variety(str, enum.Enum):
    """An iris variety, stored lowercase. Order is the fixed class order everywhere."""

    SETOSA = "setosa"
    VERSICOLOR = "versicolor"
    VIRGINICA = "virginica"

    @classmethod
    def parse(cls, text: object) -> Variety:
        """Normalise `Setosa`, `Iris-setosa`, ` IRIS_SETOSA ` ... ; reject anything else."""
        if isinstance(text, Variety):
            return text
        if not isinstance(text, str):
            raise InvalidValue(f"unknown variety {text!r}")
        key = re.sub(r"^iris[\s_\-.]*", "", text.strip().lower())
        for variety in cls:
            if key == variety.value:
                return variety
        raise InvalidValue(f"unknown variety {text!r} (expected one of: {', '.join(v.value for v in cls)})")

    @property
    def label(self) -> str:
        return self.value.capitalize()

    # Shadows str.index (a Variety is a str): callers use it as the fixed class index.
    # Renaming it touches the UI too; until then the override is deliberate.
    @property
    def index(self) -> int:  # type: ignore[override]
        return VARIETIES.index(self)


VARIETIES: tuple[Variety, ...] = tuple(Variety)


@dataclass(frozen=True)
class Feature:
    name: str  # column name in the store and in iris.csv
    display: str
    unit: str = "cm"

    @property
    def label(self) -> str:
        return f"{self.display} ({self.unit})"


FEATURES: tuple[Feature, ...] = (
    Feature("sepal_length", "Sepal length"),
    Feature("sepal_width", "Sepal width"),
    Feature("petal_length", "Petal length"),
    Feature("petal_width", "Petal width"),
)
FEATURE_NAMES: tuple[str, ...] = tuple(f.name for f in FEATURES)


# No iris part is anywhere near a metre: a larger value is a unit mistake (mm) or a typo.
MAX_CM = 100.0

# How far back the daily history may start: beyond any real use, near enough that date
# arithmetic never overflows (the CLI's --history-days bound, the Daily tab's range).
MAX_HISTORY_DAYS = 3650


_PLAIN_DECIMAL = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)")


def check_measurement(name: str, value: object) -> float:
    """Return `value` as a float, or raise ValueError saying which measurement is wrong."""
    if isinstance(value, bool):
        raise InvalidValue(f"{name} is not a number: {value!r}")
    if isinstance(value, str) and not _PLAIN_DECIMAL.fullmatch(value.strip()):
        # float() would also take '5_1' (51.0), '1e2', 'inf', '0x..'-like text: a typo, not a length
        raise InvalidValue(f"{name} is not a plain decimal number (like 5.1): {value!r}")
    try:
        number = float(value)  # type: ignore[arg-type]  # any object: float() says what it takes
    except (TypeError, ValueError):
        raise InvalidValue(f"{name} is not a number: {value!r}") from None
    if math.isnan(number) or math.isinf(number):
        raise InvalidValue(f"{name} must be a finite number, got {value!r}")
    if number <= 0:
        raise InvalidValue(f"{name} must be greater than 0 cm, got {value!r}")
    if number > MAX_CM:
        raise InvalidValue(f"{name} must be at most {MAX_CM:g} cm (millimetres?), got {value!r}")
    return number


@dataclass(frozen=True)
class Flower:
    """Four measurements in cm and, when known, the variety."""

    sepal_length: float
    sepal_width: float
    petal_length: float
    petal_width: float
    variety: Variety | None = None

    def __post_init__(self) -> None:
        for name in FEATURE_NAMES:
            object.__setattr__(self, name, check_measurement(name, getattr(self, name)))
        if self.variety is not None:
            object.__setattr__(self, "variety", Variety.parse(self.variety))

    @property
    def measurements(self) -> tuple[float, float, float, float]:
        return (self.sepal_length, self.sepal_width, self.petal_length, self.petal_width)

    @classmethod
    def from_measurements(cls, values: Iterable[float], variety: Variety | str | None = None) -> Flower:
        values = list(values)
        if len(values) != len(FEATURES):
            raise InvalidValue(f"a flower has {len(FEATURES)} measurements, got {len(values)}")
        sepal_length, sepal_width, petal_length, petal_width = values
        known = Variety.parse(variety) if variety is not None else None
        return cls(sepal_length, sepal_width, petal_length, petal_width, known)


def plural(n: int, noun: str, plural_noun: str | None = None) -> str:
    """'1 flower', '2 flowers', '1,234 flowers': every count the app says goes through
    this one helper, so none reads '1 flowers'."""
    return f"{n:,} {noun if n == 1 else plural_noun or noun + 's'}"
