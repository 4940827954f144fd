"""A selection typed as a condition, for the keyboard: "petal_length > 4.5 and variety =
virginica". Parsed here, never evaluated as Python: a tiny grammar of comparisons joined
by "and" / "or" ("and" binds first), with brackets.

    condition := term ("or" term)*
    term      := factor ("and" factor)*
    factor    := "(" condition ")" | measurement operator number ["cm"] | "variety" ("=" | "!=") name
    measurement := sepal_length | sepal_width | petal_length | petal_width  (or "petal length" ...)
    operator  := ">" | ">=" | "<" | "<=" | "=" | "==" | "!="

A mistake raises ConditionError: one line naming the character where what was not
understood starts. No widgets, like selection.py: parse(text).mask(X, variety) is a bool
mask over the rows, combined with the selection by a Mode.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

from iris_desktop.domain import FEATURE_NAMES, Variety
from iris_desktop.errors import InvalidValue
from iris_desktop.ui.widgets import strings
from iris_desktop.ui.widgets.flower_words import feature_name

_TOKEN = re.compile(
    r"\s*(?:(?P<number>[0-9]+(?:\.[0-9]*)?|\.[0-9]+)|(?P<word>[A-Za-z_][A-Za-z0-9_.\-]*)"
    r"|(?P<operator>>=|<=|==|!=|<>|=|<|>)|(?P<bracket>[()]))"
)
OPERATORS = (">", ">=", "<", "<=", "=", "==", "!=", "<>")
TOLERANCE = 1e-9  # measurements have one decimal: "= 4.5" means 4.5 as stored


class ConditionError(InvalidValue):
    def __init__(self, position: int, problem: str):
        super().__init__(strings.CONDITION_ERROR.format(position=position, problem=problem))
        self.position = position  # 1-based, the character where the trouble starts


@dataclass(frozen=True)
class Token:
    kind: str  # number, word, operator, bracket, end
    text: str
    position: int  # 1-based

    def shown(self) -> str:
        if self.kind == "end":
            return strings.CONDITION_THE_END
        return strings.CONDITION_QUOTED.format(text=self.text)


def tokens(text: str) -> list[Token]:
    found, at = [], 0
    while at < len(text):
        if text[at:].strip() == "":
            break
        match = _TOKEN.match(text, at)
        if match is None or match.lastgroup is None:
            start = at + len(text[at:]) - len(text[at:].lstrip())
            raise ConditionError(start + 1, strings.CONDITION_UNKNOWN_CHARACTER.format(text=text[start]))
        found.append(Token(match.lastgroup, match.group(match.lastgroup), match.start(match.lastgroup) + 1))
        at = match.end()
    found.append(Token("end", "", len(text) + 1))
    return found


@dataclass(frozen=True)
class Compare:
    feature: int  # index into FEATURES
    operator: str
    value: float

    def mask(self, X: np.ndarray, variety: np.ndarray) -> np.ndarray:
        x = X[:, self.feature]
        op = self.operator
        if op in ("=", "=="):
            return np.abs(x - self.value) <= TOLERANCE
        if op in ("!=", "<>"):
            return np.abs(x - self.value) > TOLERANCE
        if op == ">":
            return x > self.value + TOLERANCE
        if op == ">=":
            return x >= self.value - TOLERANCE
        if op == "<":
            return x < self.value - TOLERANCE
        return x <= self.value + TOLERANCE

    def describe(self) -> str:
        operator = {"==": "=", "<>": "!="}.get(self.operator, self.operator)
        return strings.CONDITION_COMPARE.format(
            feature=feature_name(self.feature).lower(), operator=operator, value=self.value
        )


@dataclass(frozen=True)
class IsVariety:
    variety: Variety
    negated: bool

    def mask(self, X: np.ndarray, variety: np.ndarray) -> np.ndarray:
        same = variety == self.variety.index
        return ~same if self.negated else same

    def describe(self) -> str:
        return strings.CONDITION_IS_VARIETY.format(operator="!=" if self.negated else "=", name=self.variety.label)


@dataclass(frozen=True)
class Join:
    word: str  # "and" / "or"
    parts: tuple

    def mask(self, X: np.ndarray, variety: np.ndarray) -> np.ndarray:
        masks = [p.mask(X, variety) for p in self.parts]
        combine = np.logical_and if self.word == "and" else np.logical_or
        out = masks[0]
        for m in masks[1:]:
            out = combine(out, m)
        return out

    def describe(self) -> str:
        inner = [
            strings.CONDITION_GROUP.format(inner=p.describe()) if isinstance(p, Join) else p.describe()
            for p in self.parts
        ]
        return (strings.CONDITION_AND if self.word == "and" else strings.CONDITION_OR).join(inner)


Condition = Compare | IsVariety | Join


def parse(text: str) -> Condition:
    """The condition `text` says; ConditionError when part of it is not understood."""
    parser = _Parser(tokens(text))
    if parser.peek().kind == "end":
        raise ConditionError(1, strings.CONDITION_EMPTY)
    condition = parser.condition()
    last = parser.peek()
    if last.kind != "end":
        raise ConditionError(last.position, strings.CONDITION_EXPECTED_JOIN.format(found=last.shown()))
    return condition


class _Parser:
    def __init__(self, found: list[Token]):
        self.found, self.at = found, 0

    def peek(self) -> Token:
        return self.found[self.at]

    def take(self) -> Token:
        token = self.found[self.at]
        self.at = min(self.at + 1, len(self.found) - 1)
        return token

    def _joined(self, word: str, part) -> Condition:
        parts = [part()]
        while self.peek().kind == "word" and self.peek().text.lower() == word:
            self.take()
            parts.append(part())
        return parts[0] if len(parts) == 1 else Join(word, tuple(parts))

    def condition(self) -> Condition:
        return self._joined("or", self.term)

    def term(self) -> Condition:
        return self._joined("and", self.factor)

    def factor(self) -> Condition:
        token = self.take()
        if token.kind == "bracket" and token.text == "(":
            inner = self.condition()
            close = self.take()
            if close.text != ")":
                raise ConditionError(close.position, strings.CONDITION_EXPECTED_CLOSE.format(found=close.shown()))
            return inner
        if token.kind != "word":
            raise ConditionError(token.position, strings.CONDITION_EXPECTED_FIELD.format(found=token.shown()))
        name = token.text.lower().replace("-", "_").replace(".", "_")
        second = self.peek()
        if name in ("sepal", "petal") and second.kind == "word" and second.text.lower() in ("length", "width"):
            name = f"{name}_{self.take().text.lower()}"  # "petal length", as the tabs write it
        operator = self.take()
        if operator.kind != "operator":
            if name not in FEATURE_NAMES and name != "variety":
                raise ConditionError(token.position, strings.CONDITION_UNKNOWN_FIELD.format(word=token.text))
            raise ConditionError(
                operator.position, strings.CONDITION_EXPECTED_OPERATOR.format(field=token.text, found=operator.shown())
            )
        if name == "variety":
            return self._variety(operator)
        if name not in FEATURE_NAMES:
            raise ConditionError(token.position, strings.CONDITION_UNKNOWN_FIELD.format(word=token.text))
        number = self.take()
        if number.kind != "number":
            raise ConditionError(
                number.position, strings.CONDITION_EXPECTED_NUMBER.format(operator=operator.text, found=number.shown())
            )
        if self.peek().kind == "word" and self.peek().text.lower() == "cm":
            self.take()
        return Compare(FEATURE_NAMES.index(name), operator.text, float(number.text))

    def _variety(self, operator: Token) -> IsVariety:
        if operator.text not in ("=", "==", "!=", "<>"):
            raise ConditionError(operator.position, strings.CONDITION_VARIETY_OPERATOR.format(operator=operator.text))
        name = self.take()
        try:
            if name.kind != "word":
                raise InvalidValue(name.text)
            variety = Variety.parse(name.text)
        except InvalidValue:
            raise ConditionError(name.position, strings.CONDITION_EXPECTED_VARIETY.format(found=name.shown())) from None
        return IsVariety(variety, negated=operator.text in ("!=", "<>"))
