"""Generator of realistic official-style Chinese documents for demos, tests and benchmarks.

Every phrase is written for this package. A document is drawn from a seed: its type,
topics, level, date and wording; it comes with its labels (outline, placeholders,
dated references) and with a distributor-wrapped copy, so that importers, parsers and
cleaners can be checked against known answers. See :func:`generate_document`.
"""

from gaoku.core.generator.document import (
    DOC_TYPES,
    LEVELS,
    TOPICS,
    GeneratedDocument,
    generate_corpus,
    generate_document,
)

__all__ = [
    "DOC_TYPES",
    "LEVELS",
    "TOPICS",
    "GeneratedDocument",
    "generate_corpus",
    "generate_document",
]
