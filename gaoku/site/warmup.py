"""Warm start: what a server process loads on its first download, loaded as it starts.

The CJK fonts (parsed and registered with reportlab), the lexicon's word segmenter (jieba
with every lexicon wording, about two seconds, needed whenever a copy's plan is made),
the search segmenter and the cleaner's learned line judge are read in a background
thread when `gaoku serve` starts a process, so the first member to download or search
does not wait for them.
"""

from __future__ import annotations

import logging
import threading

from django.db import connection

logger = logging.getLogger(__name__)


def warm_up() -> None:
    """Load what the first copy and the first search need (errors are logged, not raised:
    the request that needs it loads it then)."""
    from gaoku.copies.services import lexicon_current
    from gaoku.core.cleaning.learned import shipped
    from gaoku.core.fingerprint.segment import paragraph_tokens
    from gaoku.core.render.fonts import load_fonts
    from gaoku.core.search.segment import segment

    try:
        load_fonts()
        next(iter(paragraph_tokens("各级党组织要切实抓好落实。", lexicon_current())))
        segment("落实全面从严治党主体责任")
        shipped()
    except Exception:
        logger.exception("warm-up failed; the first request loads what it needs")
    finally:
        connection.close()


def warm_up_in_background() -> threading.Thread:
    thread = threading.Thread(target=warm_up, name="gaoku-warm-up", daemon=True)
    thread.start()
    return thread
