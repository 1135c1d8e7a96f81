"""Editors' cleaning rules: the default patterns and their safe compilation.

A rule is a regular expression, or a plain "line contains" text that is escaped into one.
The defaults live in ``data/boilerplate.txt``; the platform keeps the editable copy
(seeded from the defaults) and passes it to :func:`gaoku.core.cleaning.strip_boilerplate`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from importlib import resources
from typing import Protocol

import re2

from gaoku.errors import InvalidInput


def default_patterns() -> list[str]:
    """The built-in boilerplate patterns, without comments and blank lines."""
    raw = resources.files("gaoku.core").joinpath("data/boilerplate.txt").read_text("utf-8")
    return [line for line in raw.splitlines() if line.strip() and not line.startswith("#")]


CONTAINS = "contains"


def rule_regex(text: str, kind: str) -> str:
    """An editor's rule as a regular expression: a plain "line contains" text is escaped."""
    return re.escape(text) if kind == CONTAINS else text


class Rule(Protocol):
    """A compiled cleaning rule: RE2's pattern, or Python's where RE2 cannot hold it."""

    def search(self, string: str) -> object: ...


# RE2 has no lookaround and no backreference; a rule that uses one runs in Python's engine.
_NEEDS_PYTHON = re.compile(r"\(\?<?[=!]|\\[1-9]")
# A quantified group holding a quantifier — (\S+)+, (a*)*, (?:x+y){2,} — can take
# exponential time in a backtracking engine.
_NESTED_QUANTIFIER = re.compile(r"\([^()]*[+*}][^()]*\)[+*{]")
INVALID_RULE = "清理规则不是有效的正则表达式：{pattern}（{why}）"
SLOW_RULE = "清理规则可能让导入卡住（量词套量词，如 (\\S+)+）：{pattern}"


def compile_patterns(patterns: Iterable[str]) -> list[Rule]:
    """Compile rules, naming the one that is not a valid regular expression.

    Rules run in RE2, whose time is linear in the line's length, so no rule an editor
    writes can hang an import; a rule with lookaround or a backreference runs in Python's
    engine, and is refused when it nests quantifiers.
    """
    return [_compiled(pattern) for pattern in patterns]


def _compiled(pattern: str) -> Rule:
    if _NEEDS_PYTHON.search(pattern):
        if _NESTED_QUANTIFIER.search(pattern):
            raise InvalidInput(SLOW_RULE.format(pattern=pattern), code="slow_rule")
        try:
            return re.compile(pattern)
        except re.error as exc:
            raise InvalidInput(INVALID_RULE.format(pattern=pattern, why=exc)) from exc
    try:
        return re2.compile(_as_python_reads(pattern), options=_RE2_OPTIONS)
    except re2.error as exc:
        why = exc.args[0].decode() if exc.args and isinstance(exc.args[0], bytes) else exc
        raise InvalidInput(INVALID_RULE.format(pattern=pattern, why=why)) from exc


# RE2's \w, \W, \s and \S are ASCII; a rule means them as Python reads them: a Han
# character is a word's (^\W*请勿外传 must not pass over 报名成功后，…), the ideographic
# space a space.
_CLASSES = {"w": r"\p{L}\p{N}_", "s": r"\s\x{3000}\x{a0}"}


def _as_python_reads(pattern: str) -> str:
    r"""``pattern`` with its \w, \W, \s and \S spelt out as Python's engine reads them (a
    negated one inside a character class stays ASCII: RE2 cannot negate within one)."""
    out: list[str] = []
    in_class = False
    i = 0
    while i < len(pattern):
        char = pattern[i]
        if char == "\\" and i + 1 < len(pattern):
            escaped = pattern[i + 1]
            body = _CLASSES.get(escaped.lower())
            if body and not in_class:
                out.append(f"[{body}]" if escaped.islower() else f"[^{body}]")
            elif body and escaped.islower():
                out.append(body)
            else:
                out.append(pattern[i : i + 2])
            i += 2
            continue
        if char == "[" and not in_class:
            in_class = True
        elif char == "]" and in_class and out[-1] not in ("[", "^"):
            in_class = False
        out.append(char)
        i += 1
    return "".join(out)


def _re2_options() -> re2.Options:
    options = re2.Options()
    options.log_errors = False  # the refusal says why; RE2's own log line is noise
    return options


_RE2_OPTIONS = _re2_options()
