"""Fonts of the PDF writer: Debian's CJK TrueType fonts, and an empty font for the marks.

Three faces, each from a Debian package, found by path:

* 宋 — AR PL UMing CN (``fonts-arphic-uming``): body, title (drawn heavier), notice;
* 楷 — AR PL UKai CN (``fonts-arphic-ukai``): subtitles and ``（一）`` headings;
* 黑 — WenQuanYi Zen Hei (``fonts-wqy-zenhei``): ``一、`` headings, and the fallback for
  characters the others lack (it covers some 42,000 code points).

Noto CJK is installed too, but as OpenType/CFF, which reportlab cannot embed.

The fourth font, built here with fontTools, holds empty glyphs: zero-advance ones for the
invisible characters (``INVISIBLE``: the marks and their kin), so that a mark is drawn as
nothing yet stays in the text layer with its ToUnicode entry; and blank ones one em or half
an em wide for characters that no face covers, so that they too are drawn as a gap, not a
box, and still extract. A fresh blank font is never needed per copy: unknown characters are
added to its character map as they are met.

Parsing a 20 MB collection costs tens of milliseconds, so each face is parsed once per
process and shared by every copy; reportlab keeps the per-document subsets apart.
"""

from __future__ import annotations

import functools
import io
import re
import unicodedata
import zlib
from dataclasses import dataclass
from pathlib import Path

from fontTools.fontBuilder import FontBuilder
from fontTools.pens.ttGlyphPen import TTGlyphPen
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont, TTFontFace

from gaoku.core.text import MARK_ALPHABET
from gaoku.errors import GaokuError

# The marks, plus the other zero-width format characters a copy may carry (the same set
# that gaoku.core.text.normalize drops on import).
INVISIBLE = MARK_ALPHABET + "\u00ad\u180e\u200e\u200f\u202a\u202b\u202c\u202d\u202e\ufeff"

# Other distributions put the same files elsewhere; the Debian path is tried first.
_FONT_DIRS = (Path("/usr/share/fonts"), Path("/usr/local/share/fonts"))


class FontMissing(GaokuError):
    """A font file the PDF writer needs is not installed."""

    code = "font_missing"
    # The server's installation is at fault, not the request.
    status = 500


@dataclass(frozen=True)
class _FaceSpec:
    name: str
    path: Path
    package: str
    subfont: int


_FACES = {
    "song": _FaceSpec(
        "GaokuSong", Path("/usr/share/fonts/truetype/arphic/uming.ttc"), "fonts-arphic-uming", 0
    ),
    "kai": _FaceSpec(
        "GaokuKai", Path("/usr/share/fonts/truetype/arphic/ukai.ttc"), "fonts-arphic-ukai", 0
    ),
    "hei": _FaceSpec(
        "GaokuHei", Path("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"), "fonts-wqy-zenhei", 0
    ),
}


class _Font(TTFont):
    """reportlab's TrueType font, made right beyond the BMP and faster to embed.

    * reportlab writes a code point above U+FFFF as five or six hex digits in the ToUnicode
      CMap (``<05> <20BB7>``), which readers cannot parse; the CMap wants UTF-16 there.
    * Each subset of 256 characters copies the whole ``glyf`` table (17 MB for UMing) to
      slice a few hundred glyphs out of it; ``_SlicingFace`` hands out a view instead.
    * The embedded subsets are most of the bytes to compress; Flate at level 1 takes a
      third of the time of the default level for about a tenth more bytes.
    """

    def __init__(self, name: str, file, subfontIndex: int = 0) -> None:
        super().__init__(name, file, subfontIndex=subfontIndex)
        self.face.__class__ = _SlicingFace

    def addObjects(self, doc) -> None:
        super().addObjects(doc)
        # Both fixes are idempotent, so each font may apply them to every font so far.
        for key, obj in doc.idToObject.items():
            if not isinstance(key, str):
                continue
            if key.startswith("toUnicodeCMap:"):
                obj.content = _ASTRAL.sub(_utf16_entry, obj.content)
            elif key.startswith("fontFile:") and obj.filters:
                obj.filters = [FAST_FLATE]


class _SlicingFace(TTFontFace):
    def get_table(self, tag: str):
        if tag != "glyf":
            return super().get_table(tag)
        start, length = self.get_table_pos(tag)
        return _Slices(memoryview(self._ttf_data)[start : start + length])


class _Slices:
    """A table that copies only the slices taken of it (reportlab only slices ``glyf``)."""

    __slots__ = ("_view",)

    def __init__(self, view: memoryview) -> None:
        self._view = view

    def __getitem__(self, key: slice) -> bytes:
        return self._view[key].tobytes()


class _FastFlate:
    """reportlab's Flate filter at level 1 (its own uses zlib's default, level 6)."""

    pdfname = "FlateDecode"

    def encode(self, data: bytes | str) -> bytes:
        return zlib.compress(data.encode("utf-8") if isinstance(data, str) else data, 1)


FAST_FLATE = _FastFlate()
_ASTRAL = re.compile(r"(<[0-9A-F]{2}> )<([0-9A-F]{5,6})>")


def _utf16_entry(match: re.Match[str]) -> str:
    return f"{match[1]}<{chr(int(match[2], 16)).encode('utf-16-be').hex().upper()}>"


@dataclass(frozen=True)
class Glyph:
    """Where a character is drawn from: the font, and its advance in thousandths of an em."""

    font: TTFont
    advance: float


class FontSet:
    """The loaded faces and the blank font, with a per-character choice among them."""

    def __init__(self, faces: dict[str, TTFont], blank: TTFont) -> None:
        self.faces = faces
        self.blank = blank
        self._choices: dict[tuple[str, str], Glyph] = {}
        # Memo of gaoku.core.render.lines, per style, for pieces of text without marks: they
        # recur in every copy of every material, whereas pieces with marks differ per member.
        self.tokens: dict[object, dict[str, object]] = {}

    def glyph(self, char: str, face: str) -> Glyph:
        """The font that draws ``char`` in the style whose face is ``face``, and its advance.

        The face itself when it has the character, else 宋, else 黑, else the blank font:
        zero-width for ``INVISIBLE`` characters, a blank of the character's width otherwise.
        """
        key = (face, char)
        found = self._choices.get(key)
        if found is None:
            found = self._choices[key] = self._choose(char, face)
        return found

    def _choose(self, char: str, face: str) -> Glyph:
        code = ord(char)
        if char in INVISIBLE:
            # Some faces map U+200B and kin to a glyph of their own; the blank one is sure.
            return Glyph(self.blank, 0)
        for name in dict.fromkeys((face, "song", "hei")):
            font = self.faces[name]
            if code in font.face.charToGlyph:
                return Glyph(font, font.face.charWidths.get(code, font.face.defaultWidth))
        blank = self.blank.face
        if code not in blank.charToGlyph:
            # The blank font's map grows by the characters no face covers, so that reportlab
            # gives each its own code (and ToUnicode entry) instead of glyph 0.
            wide = unicodedata.east_asian_width(char) in "WF"
            blank.charToGlyph[code] = _WIDE_GID if wide else _NARROW_GID
            blank.charWidths[code] = 1000 if wide else 500
        return Glyph(self.blank, blank.charWidths[code])


_BLANK_GLYPHS = [".notdef", "zero", "wide", "narrow"]
_WIDE_GID, _NARROW_GID = _BLANK_GLYPHS.index("wide"), _BLANK_GLYPHS.index("narrow")


def _blank_font() -> bytes:
    names = _BLANK_GLYPHS
    builder = FontBuilder(1000, isTTF=True)
    builder.setupGlyphOrder(names)
    builder.setupCharacterMap({ord(c): "zero" for c in INVISIBLE})
    empty = TTGlyphPen(None).glyph()
    builder.setupGlyf(dict.fromkeys(names, empty))
    builder.setupHorizontalMetrics(
        {".notdef": (1000, 0), "zero": (0, 0), "wide": (1000, 0), "narrow": (500, 0)}
    )
    builder.setupHorizontalHeader(ascent=880, descent=-120)
    builder.setupNameTable({"familyName": "GaokuBlank", "styleName": "Regular"})
    builder.setupOS2(sTypoAscender=880, sTypoDescender=-120, usWinAscent=880, usWinDescent=120)
    builder.setupPost()
    out = io.BytesIO()
    builder.save(out)
    return out.getvalue()


def find_font(face: str) -> Path:
    """The path of one of the faces (``song``, ``kai``, ``hei``).

    Raises:
        FontMissing: When the file is in none of the usual font folders.
    """
    spec = _FACES[face]
    if spec.path.is_file():
        return spec.path
    for folder in _FONT_DIRS:
        if folder.is_dir():
            found = next(folder.rglob(spec.path.name), None)
            if found is not None:
                return found
    raise FontMissing(f"缺少字体文件 {spec.path}，请安装 Debian 软件包 {spec.package}")


@functools.cache
def load_fonts() -> FontSet:
    """Parse the faces and build the blank font, once per process.

    They are registered with reportlab under their ``Gaoku…`` names, which is how a canvas
    finds its initial font.

    Raises:
        FontMissing: When a face is not installed.
    """
    faces = {
        key: _Font(spec.name, str(find_font(key)), subfontIndex=spec.subfont)
        for key, spec in _FACES.items()
    }
    blank_file = io.BytesIO(_blank_font())
    blank_file.name = "GaokuBlank.ttf"
    blank = _Font("GaokuBlank", blank_file)
    for font in (*faces.values(), blank):
        pdfmetrics.registerFont(font)
    return FontSet(faces, blank)
