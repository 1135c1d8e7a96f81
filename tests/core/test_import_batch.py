"""A batch read before it is imported teaches each of its documents the wrapper the
others hold (gaoku.core.cleaning.batch)."""

from __future__ import annotations

from gaoku.core.cleaning import line_shape
from gaoku.core.cleaning.batch import ImportBatch
from gaoku.core.generator import generate_document
from gaoku.core.text import normalize

BRAND = "笃行致远 已收录 {} 篇"


def _wrapped(seed: int, count: int = 7) -> str:
    lines = generate_document(seed).text.split("\n")
    return "\n".join([lines[0], BRAND.format(count), *lines[1:]])


def _revised(text: str) -> str:
    """The same document a year on: a few words changed."""
    return text.replace("要", "必须", 3) + "\n补充一句话。"


SHAPE = line_shape(BRAND.format(1))


def test_each_document_counts_the_others_not_yet_imported():
    texts = [_wrapped(seed, count) for seed, count in ((401, 12), (402, 305), (403, 9))]
    batch = ImportBatch(texts)
    first = normalize(texts[0])
    assert batch.held_elsewhere(first, [SHAPE]) == {SHAPE: 2}
    batch.imported(normalize(texts[1]))  # its line is the library's sighting now
    assert batch.held_elsewhere(first, [SHAPE]) == {SHAPE: 1}
    assert batch.held_elsewhere(first, ["别的行"]) == {"别的行": 0}


def test_versions_of_one_document_count_once():
    text = _wrapped(411)
    batch = ImportBatch([text, _revised(text), _revised(_revised(text)), _wrapped(412)])
    # Three versions of one document and one other document: one holder besides it.
    assert batch.held_elsewhere(normalize(_wrapped(412)), [SHAPE]) == {SHAPE: 1}
    assert batch.held_elsewhere(normalize(text), [SHAPE]) == {SHAPE: 1}
    # Once one version is imported, the library counts the document.
    batch.imported(normalize(_revised(text)))
    assert batch.held_elsewhere(normalize(_wrapped(412)), [SHAPE]) == {SHAPE: 0}


def test_the_same_file_twice_is_one_document():
    text = _wrapped(421)
    batch = ImportBatch([text, text, _wrapped(422)])
    assert batch.held_elsewhere(normalize(_wrapped(422)), [SHAPE]) == {SHAPE: 1}
