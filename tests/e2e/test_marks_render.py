"""The invisible layer's characters take no room and draw nothing in a real browser.

Chromium lays text out with HarfBuzz, which hides Default_Ignorable characters whatever
the font holds; this measures it with the CJK fonts Debian ships, in the order a page
names them.
"""

import pytest

from gaoku.core.fingerprint import embed_marks, mark_groups
from gaoku.core.text import MARK_ALPHABET

pytestmark = pytest.mark.e2e

FONTS = ["Noto Sans CJK SC", "Noto Serif CJK SC", "AR PL UMing CN", "WenQuanYi Zen Hei"]
TEXT = "要不断提高工作水平，持续推进作风建设。特别是要加强和改进基层党组织建设！"


@pytest.mark.parametrize("font", FONTS)
def test_marked_text_has_the_width_of_plain_text(page, font):
    marked = embed_marks(TEXT, mark_groups(b"render-test", 987654), spacing=0)
    assert len(marked) > len(TEXT) + 30
    page.set_content(
        f"""<p><span id=plain style="font: 24px '{font}'">{TEXT}</span></p>
        <p><span id=marked style="font: 24px '{font}'">{marked}</span></p>
        <p><span id=alone style="font: 24px '{font}'">{MARK_ALPHABET * 4}</span></p>"""
    )
    width = "id => document.getElementById(id).getBoundingClientRect().width"
    assert page.evaluate(width, "marked") == pytest.approx(page.evaluate(width, "plain"), abs=0.5)
    assert page.evaluate(width, "alone") == pytest.approx(0, abs=0.5)
    assert page.evaluate("document.getElementById('marked').textContent") == marked
