"""Import throughput: materials per second for generated materials, as txt and as docx.

Runs the whole import path (read, decode, clean, parse, dedupe lookup, one transaction
per material) on a fresh data directory, SQLite by default or DATABASE_URL's database.

    .venv/bin/python bench/import_throughput.py [--count 1000]
"""

from __future__ import annotations

import argparse
import io
import os
import platform
import tempfile
import time
from pathlib import Path

from docx import Document

from gaoku.core.generator import generate_corpus


def write_corpus(folder: Path, count: int, seed: int) -> tuple[list[Path], list[Path]]:
    """The same generated documents as .txt (GB18030, wrapped) and as .docx files."""
    txt, docx = folder / "txt", folder / "docx"
    txt.mkdir()
    docx.mkdir()
    txt_files, docx_files = [], []
    for n, doc in enumerate(generate_corpus(2 * count, seed=seed)):
        if n < count:
            path = txt / f"{n:05d}.txt"
            path.write_bytes(doc.wrapped.encode("gb18030"))
            txt_files.append(path)
        else:
            document = Document()
            for line in doc.wrapped.split("\n"):
                document.add_paragraph(line)
            buffer = io.BytesIO()
            document.save(buffer)
            path = docx / f"{n:05d}.docx"
            path.write_bytes(buffer.getvalue())
            docx_files.append(path)
    return txt_files, docx_files


def import_all(files: list[Path]) -> tuple[float, dict[str, int]]:
    from django.conf import settings

    from gaoku.core.readers.kept import KeptReads
    from gaoku.library.selectors import cleaning_patterns_enabled
    from gaoku.library.services import ImportMetadata, import_batch, read_result_import
    from gaoku.search.services import search_index_batched

    patterns = cleaning_patterns_enabled()
    statuses: dict[str, int] = {}
    start = time.perf_counter()
    # As `gaoku import` does: the files read first (what is read kept until the import is
    # done), as one batch, then imported.
    kept = KeptReads(settings.DATA_DIR / "import-reads")
    reads = [(path, kept.read_path(path)) for path in files]
    batch = import_batch(read.text for _, read in reads)
    with search_index_batched():
        for path, read in reads:
            outcome = read_result_import(
                read, path.name, ImportMetadata(), "version", None, patterns, batch
            )
            statuses[outcome.status] = statuses.get(outcome.status, 0) + 1
    kept.clear()
    return time.perf_counter() - start, statuses


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=9)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        txt_files, docx_files = write_corpus(root, args.count, args.seed)
        os.environ["GAOKU_DATA"] = str(root / "data")
        from gaoku.cli.base import setup
        from gaoku.site.datadir import datadir_ensure

        setup(datadir_ensure(root / "data"))
        from django.conf import settings
        from django.core.management import call_command

        call_command("migrate", verbosity=0)
        engine = settings.DATABASES["default"]["ENGINE"].rsplit(".", 1)[-1]
        print(
            f"machine: {platform.machine()} {os.cpu_count()} cores, "
            f"Python {platform.python_version()}, db {engine}"
        )
        print(f"{'format':<6} {'files':>6} {'seconds':>8} {'materials/s':>12}  outcomes")
        for label, files in (("txt", txt_files), ("docx", docx_files)):
            seconds, statuses = import_all(files)
            print(
                f"{label:<6} {len(files):>6} {seconds:>8.2f} "
                f"{len(files) / seconds:>12.1f}  {statuses}"
            )


if __name__ == "__main__":
    main()
