"""The condition a keyboard user types on Explore ("petal_length > 4.5 and variety =
virginica"): parsed by a small grammar, never run as Python; a mistake says where."""

from __future__ import annotations

import numpy as np
import pytest

from iris_desktop.errors import InvalidValue
from iris_desktop.ui.tabs.explore.condition import ConditionError, parse

X = np.array(
    [[5.1, 3.5, 1.4, 0.2], [6.3, 3.3, 6.0, 2.5], [5.9, 3.0, 4.2, 1.5], [6.9, 3.1, 4.9, 1.5], [4.9, 3.0, 4.5, 1.7]]
)
VARIETY = np.array([0, 2, 1, 1, 2])


def rows(text: str) -> list[int]:
    return np.flatnonzero(parse(text).mask(X, VARIETY)).tolist()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("petal_length > 4.5 and variety = virginica", [1]),
        ("petal_length >= 4.5 and variety = virginica", [1, 4]),
        ("petal_length = 4.5", [4]),  # as stored: one decimal, no rounding surprise
        ("petal_length != 4.5 and petal_length <= 4.5", [0, 2]),
        ("variety != setosa", [1, 2, 3, 4]),
        ("variety == Iris-Virginica", [1, 4]),
        ("Petal Length < 2 cm or sepal_width > 3.2", [0, 1]),
        ("variety = setosa or variety = versicolor and petal_width > 1.5", [0]),  # "and" binds first
        ("(variety = setosa or variety = versicolor) and petal_width >= 1.5", [2, 3]),
        ("sepal_length<6and petal_width<1", [0]),
    ],
)
def test_conditions_select_the_rows_they_say(text, expected):
    assert rows(text) == expected


@pytest.mark.parametrize(
    ("text", "position", "says"),
    [
        ("", 1, "type a condition"),
        ("petal_lenght > 4", 1, "“petal_lenght” is not a measurement"),
        ("petal_length >> 4", 15, "expected a number after “>”, found “>”"),
        ("petal_length 4", 14, "expected a comparison"),
        ("variety > setosa", 9, "a variety is compared with = or !="),
        ("variety = rose", 11, "expected setosa, versicolor or virginica, found “rose”"),
        ("petal_length > 4 petal_width < 1", 18, "expected “and”, “or” or the end"),
        ("(petal_length > 4", 18, "expected “)”, found the end"),
        ("petal_length > 4 and", 21, "found the end"),
        ("__import__('os') > 1", 12, "“'” is not part of a condition"),
        ("petal_length; drop table", 13, "“;” is not part of a condition"),
    ],
)
def test_a_mistake_is_one_line_naming_where(text, position, says):
    with pytest.raises(ConditionError) as caught:
        parse(text)
    message = str(caught.value)
    assert caught.value.position == position
    assert message.startswith(f"Not understood at character {position}: ") and says in message
    assert "\n" not in message
    assert isinstance(caught.value, InvalidValue)  # a user error: a line, never a traceback


def test_a_condition_is_described_in_the_tab_s_words():
    text = parse("petal_length > 4.5 and (variety = virginica or sepal_width <= 3)").describe()
    assert text == "petal length > 4.5 cm and (variety = Virginica or sepal width <= 3 cm)"
