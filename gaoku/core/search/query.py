"""The search query language, the same on the web page, the API and the CLI.

- Terms separated by spaces must all match (AND).
- ``OR`` between two terms matches either; it binds tighter than the spaces, so
  ``党建 乡村振兴 OR 脱贫攻坚`` is 党建 AND (乡村振兴 OR 脱贫攻坚).
- ``-term`` or ``NOT term`` excludes texts holding the term.
- ``"a quoted phrase"`` (straight or Chinese quotes) matches exactly as written; spaces
  and punctuation inside it match any spaces and punctuation (``"3.5个"`` is 3.5个 or
  3．5个, never 3 and 5个 apart).
- A term of Chinese typed without spaces, three characters or more, is cut into its words
  (:mod:`.segment`); each word must occur, and texts holding the whole run as written
  score higher. Function characters (的, 和, 在 …) cut out of a longer run are dropped.
- Any term, of one character or twenty, matches wherever it occurs in the text.

:func:`parse` turns a query into a tree of :class:`Term`, :class:`All`, :class:`Any` and
:class:`Not`; engines compile the tree.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from gaoku.core.search.segment import segment
from gaoku.core.search.tokens import is_han_run, runs, search_fold
from gaoku.core.text import HAN_RANGES

__all__ = [
    "All",
    "Any",
    "Node",
    "Not",
    "QueryError",
    "Term",
    "parse",
    "phrase_pattern",
    "positive_words",
    "required_phrases",
    "wanted_terms",
]

MAX_QUERY_CHARS = 200
MAX_TERMS = 24

EMPTY = "请输入要查找的词。"
ONLY_EXCLUDED = "至少需要一个要查找的词：只有排除词（-词 或 NOT 词）的查询找不到任何资料。"
TOO_LONG = "查询太长：最多 {limit} 个字符。"
TOO_MANY = "查询的词太多：最多 {limit} 个。"
DANGLING_OR = "OR 的两边都要有查找词。"
DANGLING_NOT = "NOT 后面要有要排除的词。"
EXCLUDED_IN_OR = "OR 的两边不能是排除词。"

# Characters that carry no meaning on their own when cut out of a longer run.
_FUNCTION_CHARS = frozenset("的了和与及在是对把将等之其而并或也就都着从向以于为被所")
_PIECE = re.compile(r'"[^"]*"?|“[^”]*”?|[^\s"“]+')


class QueryError(ValueError):
    """A query that cannot be run; the message is for the user (Chinese)."""


@dataclass(frozen=True)
class Term:
    """Matches where every one of ``words`` occurs; ``text`` as written scores higher.

    ``words`` and ``text`` are folded (:func:`gaoku.core.search.tokens.search_fold`).
    A quoted phrase is one word, its own text.
    """

    text: str
    words: tuple[str, ...]
    # A quoted phrase of several runs (3.5个, 加强，党建): the index finds its runs
    # anywhere, so a match is checked on the text (:func:`phrase_pattern`).
    phrase: bool = False


@dataclass(frozen=True)
class All:
    items: tuple[Node, ...]


@dataclass(frozen=True)
class Any:
    items: tuple[Node, ...]


@dataclass(frozen=True)
class Not:
    item: Node


Node = Term | All | Any | Not


def parse(query: str, *, cut: Callable[[str], list[str]] = segment) -> Node:
    """The tree of ``query``.

    Raises:
        QueryError: empty, too long, only exclusions, or a dangling OR.
    """
    if len(query) > MAX_QUERY_CHARS:
        raise QueryError(TOO_LONG.format(limit=MAX_QUERY_CHARS))
    pieces = _PIECE.findall(query.replace("\u3000", " ").replace("＂", '"'))
    groups: list[list[Node]] = []
    joining = negating = False
    for piece in pieces:
        if piece == "NOT" and not negating:
            negating = True
            continue
        if negating:
            piece, negating = "-" + piece.lstrip("-－"), False
        if piece == "OR":
            if not groups or joining:
                raise QueryError(DANGLING_OR)
            joining = True
            continue
        node = _node(piece, cut)
        if node is None:
            continue
        if joining:
            if isinstance(node, Not) or any(isinstance(n, Not) for n in groups[-1]):
                raise QueryError(EXCLUDED_IN_OR)
            groups[-1].append(node)
            joining = False
        else:
            groups.append([node])
    if joining:
        raise QueryError(DANGLING_OR)
    if negating:
        raise QueryError(DANGLING_NOT)
    if not groups:
        raise QueryError(EMPTY)
    if sum(len(g) for g in groups) > MAX_TERMS:
        raise QueryError(TOO_MANY.format(limit=MAX_TERMS))
    items = tuple(g[0] if len(g) == 1 else Any(tuple(g)) for g in groups)
    if all(isinstance(item, Not) for item in items):
        raise QueryError(ONLY_EXCLUDED)
    return items[0] if len(items) == 1 else All(items)


def _node(piece: str, cut: Callable[[str], list[str]]) -> Node | None:
    """One piece of the query: a quoted phrase, ``-term``, or a bare term."""
    if piece[0] in '"“':
        text = _folded(piece.strip('"“”'))
        return Term(text, (text,), phrase=" " in text) if text else None
    if piece.startswith(("-", "－")) and len(piece) > 1:
        text = _folded(piece[1:])
        return Not(Term(text, (text,))) if text else None
    text = _folded(piece)
    if not text:
        return None
    if is_han_run(text) and len(text) <= 2:
        # A term of one or two characters matches as written (DESIGN.md), even where the
        # dictionary lacks it (初心) and would cut it into characters that may stand apart.
        words = [text]
    elif is_han_run(text):
        words = cut(text)
    else:
        # Cut from folded text, the words need no folding: only spaces and punctuation go.
        words = [w for w in (" ".join(runs(w)) for w in cut(text)) if w]
    if len(words) > 1:
        words = [w for w in words if w not in _FUNCTION_CHARS] or words
    return Term(text, tuple(dict.fromkeys(words)) or (text,))


def _folded(text: str) -> str:
    """Folded, its runs joined by one space: punctuation cannot be looked up."""
    return " ".join(runs(search_fold(text)))


def required_phrases(node: Node) -> list[Term]:
    """The quoted phrases of several runs that every match must hold: those joined by AND
    at the top of the query (inside OR or NOT the index's looser match stands)."""
    items = node.items if isinstance(node, All) else (node,)
    return [item for item in items if isinstance(item, Term) and item.phrase]


def phrase_pattern(term: Term) -> re.Pattern[str]:
    """The runs of a phrase in order with only spaces or punctuation between them, on
    text folded as the index folds it (:func:`gaoku.core.search.tokens.search_fold`)."""
    between = f"[^0-9a-z{HAN_RANGES}]*"
    return re.compile(between.join(re.escape(run) for run in term.text.split()))


def wanted_terms(node: Node) -> list[Term]:
    """The terms a matching text may hold (the excluded ones left out)."""
    if isinstance(node, Term):
        return [node]
    if isinstance(node, Not):
        return []
    return [t for item in node.items for t in wanted_terms(item)]


def positive_words(node: Node) -> list[str]:
    """Every word a matching text may hold, for highlighting (excluded ones left out)."""
    return [
        w for term in wanted_terms(node) for text in (term.text, *term.words) for w in text.split()
    ]
