"""The plain-text copy: UTF-8 with a byte-order mark and CRLF line endings.

Windows Notepad and WPS guess the encoding of a file without a mark, and may guess GBK;
the mark settles it, and CRLF keeps the paragraphs apart in old Notepad. The notice is the
first and the last line, each set off from the text by a blank line.
"""

from __future__ import annotations

from gaoku.core.render.base import CopyDocument


def write_txt(document: CopyDocument) -> bytes:
    """The bytes of the TXT copy."""
    lines = [document.notice, "", *document.text.split("\n"), "", document.notice, ""]
    return ("\ufeff" + "\r\n".join(lines)).encode("utf-8")
