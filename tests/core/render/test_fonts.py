"""Fonts of the PDF writer: found by path, a clear error when missing, fallbacks."""

from __future__ import annotations

from pathlib import Path

import pytest

from gaoku.core.render import FontMissing
from gaoku.core.render import fonts as fonts_module
from gaoku.core.render.fonts import find_font, load_fonts
from gaoku.core.text import MARK_ALPHABET
from gaoku.errors import GaokuError


def moved(monkeypatch, tmp_path: Path) -> None:
    """Pretend that UKai is not at its Debian path and that fonts live under tmp_path."""
    spec = fonts_module._FACES["kai"]
    gone = type(spec)(spec.name, Path("/nonexistent/ukai.ttc"), spec.package, 0)
    monkeypatch.setitem(fonts_module._FACES, "kai", gone)
    monkeypatch.setattr(fonts_module, "_FONT_DIRS", (tmp_path,))


def test_a_missing_font_names_its_debian_package(monkeypatch, tmp_path) -> None:
    moved(monkeypatch, tmp_path)
    with pytest.raises(FontMissing) as caught:
        find_font("kai")
    assert isinstance(caught.value, GaokuError)
    assert caught.value.code == "font_missing"
    assert "fonts-arphic-ukai" in caught.value.message


def test_a_font_elsewhere_in_the_font_folders_is_found(monkeypatch, tmp_path) -> None:
    moved(monkeypatch, tmp_path)
    (tmp_path / "cjkuni-ukai").mkdir()
    (tmp_path / "cjkuni-ukai" / "ukai.ttc").write_bytes(b"")
    assert find_font("kai") == tmp_path / "cjkuni-ukai" / "ukai.ttc"


def test_each_character_is_drawn_from_the_first_face_that_has_it() -> None:
    fonts = load_fonts()
    song, kai, hei = (fonts.faces[name] for name in ("song", "kai", "hei"))
    assert fonts.glyph("国", "kai").font is kai
    assert fonts.glyph("厳", "song").font is hei  # not in AR PL UMing
    for mark in MARK_ALPHABET:
        assert (fonts.glyph(mark, "song").font, fonts.glyph(mark, "hei").advance) == (
            fonts.blank,
            0,
        )
    assert fonts.glyph("，", "song").font is song


def test_characters_outside_every_face_are_blanks_of_their_width() -> None:
    fonts = load_fonts()
    wide, narrow = fonts.glyph("\U0001f600", "song"), fonts.glyph("ᚠ", "song")
    assert (wide.font, wide.advance, narrow.font, narrow.advance) == (
        fonts.blank,
        1000,
        fonts.blank,
        500,
    )
    # Each gets its own code, and so its own ToUnicode entry, in the PDF.
    assert {0x1F600, ord("ᚠ")} <= fonts.blank.face.charToGlyph.keys()
