"""Chinese full-text search: tokens, the query language, snippets and the embedded index.

See :mod:`.tokens` for why every term is found wherever it occurs, :mod:`.query` for the
query language, :mod:`.index` for the engine.
"""

from gaoku.core.search.index import NO_FILTERS, Filters, Hit, Hits, IndexedDoc, Scope, SearchIndex
from gaoku.core.search.query import (
    All,
    Any,
    Node,
    Not,
    QueryError,
    Term,
    parse,
    phrase_pattern,
    positive_words,
    required_phrases,
    wanted_terms,
)
from gaoku.core.search.snippet import Snippet, snippet
from gaoku.core.search.tokens import index_tokens, search_fold, term_parts

__all__ = [
    "NO_FILTERS",
    "All",
    "Any",
    "Filters",
    "Hit",
    "Hits",
    "IndexedDoc",
    "Node",
    "Not",
    "QueryError",
    "Scope",
    "SearchIndex",
    "Snippet",
    "Term",
    "index_tokens",
    "parse",
    "phrase_pattern",
    "positive_words",
    "required_phrases",
    "search_fold",
    "snippet",
    "term_parts",
    "wanted_terms",
]
