from __future__ import annotations

import pytest

from gaoku.core.generator import generate_document
from gaoku.core.render import CopyDocument

from .copies import NOTICE, marked


@pytest.fixture(scope="session")
def speech_copy() -> CopyDocument:
    """The generator's speech (about 5,000 characters) with some 450 runs of marks."""
    return CopyDocument(marked(generate_document(42, doc_type="讲话稿").text), NOTICE)
