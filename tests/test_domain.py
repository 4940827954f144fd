"""The shared vocabulary: variety parsing and flower validation."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from iris_desktop.domain import FEATURE_NAMES, FEATURES, MAX_CM, VARIETIES, Flower, Variety, check_measurement


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("setosa", Variety.SETOSA),
        ("Setosa", Variety.SETOSA),
        ("Iris-setosa", Variety.SETOSA),
        (" setosa ", Variety.SETOSA),
        ("IRIS_VIRGINICA", Variety.VIRGINICA),
        ("Iris-versicolor", Variety.VERSICOLOR),
        ("iris versicolor", Variety.VERSICOLOR),
        ("Iris.virginica", Variety.VIRGINICA),
        (Variety.VIRGINICA, Variety.VIRGINICA),
    ],
)
def test_variety_parse_normalises(text, expected):
    assert Variety.parse(text) is expected


@pytest.mark.parametrize(
    "text", ["rose", "", "   ", "iris", "Iris-", "setosa2", "virginica versicolor", None, 0, 1.5, b"setosa"]
)
def test_variety_parse_rejects(text):
    with pytest.raises(ValueError, match="unknown variety"):
        Variety.parse(text)


def test_variety_order_label_index():
    assert [v.value for v in VARIETIES] == ["setosa", "versicolor", "virginica"]
    assert [v.index for v in VARIETIES] == [0, 1, 2]
    assert Variety.VERSICOLOR.label == "Versicolor"
    assert FEATURE_NAMES == ("sepal_length", "sepal_width", "petal_length", "petal_width")
    assert FEATURES[0].label == "Sepal length (cm)"


def test_flower_accepts_numbers_and_numeric_text():
    f = Flower(5.1, "3.5", 1, 0.2, variety="Iris-setosa")
    assert f.measurements == (5.1, 3.5, 1.0, 0.2)
    assert all(isinstance(v, float) for v in f.measurements)
    assert f.variety is Variety.SETOSA
    assert Flower(5.1, 3.5, 1.4, 0.2).variety is None


@pytest.mark.parametrize(
    "bad", [float("nan"), float("inf"), float("-inf"), 0, 0.0, -0.1, -5, "abc", "", None, [1.0], "nan"]
)
@pytest.mark.parametrize("position", range(4))
def test_flower_refuses_bad_measurements(bad, position):
    values = [5.1, 3.5, 1.4, 0.2]
    values[position] = bad
    with pytest.raises(ValueError) as info:
        Flower(*values)
    assert FEATURE_NAMES[position] in str(info.value)  # the message names the measurement


def test_flower_refuses_unknown_variety():
    with pytest.raises(ValueError, match="unknown variety"):
        Flower(5.1, 3.5, 1.4, 0.2, variety="rose")


def test_from_measurements_checks_count():
    assert Flower.from_measurements([6.3, 3.3, 6.0, 2.5], "virginica").variety is Variety.VIRGINICA
    with pytest.raises(ValueError, match="4 measurements"):
        Flower.from_measurements([1.0, 2.0, 3.0])


@given(st.floats(allow_nan=True, allow_infinity=True))
def test_check_measurement_property(value):
    """Finite, positive and at most MAX_CM (a metre-long petal is a unit mistake)."""
    if math.isfinite(value) and 0 < value <= MAX_CM:
        assert check_measurement("petal_width", value) == value
    else:
        with pytest.raises(ValueError, match="petal_width"):
            check_measurement("petal_width", value)


@given(
    st.lists(st.floats(min_value=1e-6, max_value=MAX_CM, allow_nan=False), min_size=4, max_size=4),
    st.sampled_from(VARIETIES),
)
def test_valid_flowers_round_trip(values, variety):
    f = Flower.from_measurements(values, variety.value.upper())
    assert f.measurements == tuple(values)
    assert f.variety is variety
    assert Flower(*f.measurements, variety=f.variety) == f


@given(st.one_of(st.text(), st.integers(), st.none(), st.binary()))
def test_variety_parse_only_accepts_known_names(value):
    try:
        parsed = Variety.parse(value)
    except ValueError:
        return
    assert isinstance(value, str)
    assert parsed.value in value.lower()
