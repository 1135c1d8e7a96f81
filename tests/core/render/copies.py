"""Shared test data: the generator's speech marked as a member's copy is, and readers of
the rendered files."""

from __future__ import annotations

import random
import shutil
import subprocess
from io import BytesIO
from pathlib import Path

import pytest
from pypdf import PdfReader

from gaoku.core.text import MARK_ALPHABET

NOTICE = "仅供学习 禁止外传 · 会员 GK7Q2M9X"
PUNCTUATION = "，。；：、！？"

needs_pdftotext = pytest.mark.skipif(
    shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) is not installed"
)
needs_pdffonts = pytest.mark.skipif(
    shutil.which("pdffonts") is None, reason="pdffonts (poppler-utils) is not installed"
)
needs_soffice = pytest.mark.skipif(
    shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed"
)


def marked(text: str, seed: int = 7) -> str:
    """``text`` with a run of 11 random mark characters after every punctuation mark and at
    the end of every paragraph, as the invisible layer places them."""
    rng = random.Random(seed)
    pieces = []
    for char in text + "\n":
        if char == "\n" and pieces and pieces[-1][-1] not in MARK_ALPHABET:
            pieces.append("".join(rng.choices(MARK_ALPHABET, k=11)))
        pieces.append(char)
        if char in PUNCTUATION:
            pieces.append("".join(rng.choices(MARK_ALPHABET, k=11)))
    return "".join(pieces)[:-1]


def libreoffice_resave(data: bytes, tmp_path: Path, to: str = "docx") -> bytes:
    """``data``, a .docx, opened by LibreOffice headless and saved again as ``to``."""
    source = tmp_path / "copy.docx"
    source.write_bytes(data)
    out = tmp_path / "resaved"
    command = [
        "soffice",
        f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}",
        "--headless",
        "--convert-to",
        to,
        "--outdir",
        str(out),
        str(source),
    ]
    subprocess.run(command, capture_output=True, check=True, timeout=180)
    return (out / f"copy.{to}").read_bytes()


def squeeze(text: str) -> str:
    """``text`` without whitespace: what survives of it through any line wrapping."""
    return "".join(text.split())


def pdftotext(data: bytes, tmp_path: Path, *options: str) -> str:
    path = tmp_path / "copy.pdf"
    path.write_bytes(data)
    return subprocess.run(
        ["pdftotext", *options, "-enc", "UTF-8", str(path), "-"],
        capture_output=True,
        check=True,
        text=True,
        timeout=60,
    ).stdout


def body_of(extracted: str, notice: str = NOTICE) -> str:
    """The extracted text of a PDF copy without its notice and folio lines, squeezed."""
    lines = extracted.split("\n")
    kept = [line for line in lines if line.strip() not in (notice, "") and not _folio(line)]
    return squeeze("".join(kept))


def _folio(line: str) -> bool:
    parts = line.split()
    return len(parts) == 3 and parts[0] == parts[2] == "—" and parts[1].isdigit()


def drawn_fonts(data: bytes) -> list[tuple[str, str]]:
    """Each visible character of the PDF's content streams, with the font that draws it."""
    drawn: list[tuple[str, str]] = []

    def visit(text, cm, tm, font, size) -> None:
        name = str(font.get("/BaseFont", "")) if font else ""
        drawn.extend(
            (char, name) for char in text if not char.isspace() and char not in MARK_ALPHABET
        )

    for page in PdfReader(BytesIO(data)).pages:
        page.extract_text(visitor_text=visit)
    return drawn


def fonts_of(data: bytes, phrase: str) -> set[str]:
    """The fonts (subset prefix dropped) that draw every occurrence of ``phrase``."""
    drawn = drawn_fonts(data)
    chars = "".join(char for char, _ in drawn)
    found: set[str] = set()
    start = chars.find(phrase)
    if start < 0:
        raise AssertionError(f"{phrase!r} is not drawn")
    while start >= 0:
        found |= {name.split("+", 1)[-1] for _, name in drawn[start : start + len(phrase)]}
        start = chars.find(phrase, start + 1)
    return found
