"""`gaoku import` and `gaoku materials`: the library."""

from __future__ import annotations

from pathlib import Path

import click

from gaoku.cli.base import (
    CliError,
    GaokuGroup,
    data_option,
    emit,
    json_option,
    main,
    parse_date,
    progress_bar,
    setup,
)
from gaoku.errors import GaokuError

DOC_TYPES = ("讲话稿", "工作报告", "心得体会", "述职报告", "发言材料", "方案", "总结", "其他")


@main.command(name="import")
@data_option
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--type", "doc_type", type=click.Choice(DOC_TYPES), help="Document type.")
@click.option("--topic", "topics", multiple=True, help="Topic tag (repeatable).")
@click.option("--published", help="Publication date, YYYY-MM-DD.")
@click.option("--level", default="", help="Level, e.g. 县级.")
@click.option("--occasion", default="", help="Occasion, e.g. 全县工作会议.")
@click.option(
    "--on-similar",
    type=click.Choice(["version", "new"]),
    default="version",
    show_default=True,
    help="A text >= 90% similar to a material becomes its next version, or a new material.",
)
@click.option("--note", default="", help="What a new version changed, shown to members.")
@json_option
def import_(
    data: Path,
    paths: tuple[Path, ...],
    doc_type: str | None,
    topics: tuple[str, ...],
    published: str | None,
    level: str,
    occasion: str,
    on_similar: str,
    note: str,
    as_json: bool,
) -> None:
    """Import files, folders or zip packs of them (txt in any Chinese encoding, md, docx,
    pdf, images), read as one batch."""
    setup(data)
    from django.conf import settings

    from gaoku.core.readers.kept import KeptReads
    from gaoku.core.readers.packs import is_pack, unpack
    from gaoku.library.selectors import cleaning_patterns_enabled
    from gaoku.library.serializers import import_outcome_to_dict
    from gaoku.library.services import ImportMetadata, import_batch, read_result_import
    from gaoku.search.services import search_index_batched

    metadata = ImportMetadata(
        doc_type=doc_type,
        topics=topics,
        published=parse_date(published),
        level=level,
        occasion=occasion,
        note=note,
    )
    files, errors = _collect(paths)
    # The files are one batch: all are read before any is imported, so that the wrapper
    # they share is known to the first of them too (gaoku.core.cleaning.batch). What is
    # read is kept until the import is done: run again after a crash, it reads nothing
    # twice, and what was imported before is found unchanged.
    limit = settings.GAOKU_MAX_IMPORT_BYTES
    kept = KeptReads(settings.DATA_DIR / "import-reads")
    reads = []  # (path as reported, name as the source's, what was read)
    for path in progress_bar("读取 reading")(files):
        try:
            if not is_pack(path):
                reads.append((str(path), path.name, kept.read_path(path, max_bytes=limit)))
                continue
            for entry in unpack(path, max_bytes=limit):
                shown = str(path.parent / entry.name)
                try:
                    if entry.error is not None:
                        raise entry.error
                    reads.append(
                        (
                            shown,
                            entry.name,
                            kept.read_bytes(entry.data, name=entry.name, max_bytes=limit),
                        )
                    )
                except GaokuError as exc:
                    errors.append({"path": shown, "error": exc.message})
        except GaokuError as exc:
            errors.append({"path": str(path), "error": exc.message})
    batch = import_batch(read.text for _, _, read in reads)
    patterns = cleaning_patterns_enabled()
    imported = []
    with search_index_batched():
        for shown, name, read in progress_bar("导入 importing")(reads):
            try:
                outcome = read_result_import(
                    read, name, metadata, on_similar, None, patterns, batch
                )
            except GaokuError as exc:
                errors.append({"path": shown, "error": exc.message})
                continue
            imported.append(import_outcome_to_dict(outcome) | {"_status": outcome.status})
    kept.clear()
    if as_json:
        emit(
            {
                "imported": [{k: v for k, v in e.items() if k != "_status"} for e in imported],
                "errors": errors,
            }
        )
    else:
        _print_imported(imported, errors)
    if errors:
        raise CliError(f"{len(errors)} 个文件未能导入 ({len(errors)} file(s) not imported)")


_STATUS = {"created": "新资料", "new_version": "新版本", "unchanged": "未改变"}


def _print_imported(imported: list[dict], errors: list[dict]) -> None:
    for entry in imported:
        click.echo(
            f"{_STATUS[entry['_status']]}  #{entry['material']} v{entry['version']}  "
            f"{entry['title']}  ({entry['chars']} 字，删除 {len(entry['removed_lines'])} 行)"
        )
    for error in errors:
        click.echo(f"失败  {error['path']}: {error['error']}", err=True)


def _collect(paths: tuple[Path, ...]) -> tuple[list[Path], list[dict]]:
    """Files named or found under folders (hidden ones skipped), and missing paths."""
    files: list[Path] = []
    errors: list[dict] = []
    for path in paths:
        if path.is_dir():
            files.extend(
                p
                for p in sorted(path.rglob("*"))
                if p.is_file()
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
            )
        elif path.is_file():
            files.append(path)
        else:
            errors.append({"path": str(path), "error": "文件不存在 (no such file)"})
    return files, errors


@main.group(cls=GaokuGroup)
def materials() -> None:
    """List and show materials."""


@materials.command(name="list")
@data_option
@click.option("--type", "doc_type", type=click.Choice(DOC_TYPES))
@click.option("--topic")
@json_option
def materials_list(data: Path, doc_type: str | None, topic: str | None, as_json: bool) -> None:
    """List the materials, newest first."""
    setup(data)
    from gaoku.library.selectors import material_list
    from gaoku.library.serializers import material_summary_to_dict

    rows = [material_summary_to_dict(m) for m in material_list(doc_type=doc_type, topic=topic)]
    if as_json:
        emit({"materials": rows, "total": len(rows)})
        return
    for row in rows:
        click.echo(
            f"#{row['material']:<5} v{row['version']:<2} {row['published'] or '':<10} "
            f"{row['type']:<5} {row['title']}"
        )


@materials.command(name="show")
@data_option
@click.argument("material_id", type=int)
@json_option
def materials_show(data: Path, material_id: int, as_json: bool) -> None:
    """Show one material: metadata, outline and text."""
    setup(data)
    from gaoku.library.selectors import material_get
    from gaoku.library.serializers import material_to_dict

    material = material_get(material_id)
    # The CLI runs with the operator's rights: the whole text.
    doc = material_to_dict(material) | {"text": material.current.text}
    if as_json:
        emit(doc)
        return
    click.echo(f"#{doc['material']} v{doc['version']}  {doc['title']}")
    click.echo(f"{doc['type']} · {' '.join(doc['topics'])} · {doc['published']}")
    outline = doc["outline"]
    for part in outline["parts"]:
        click.echo(f"  {part['heading']}")
        for point in part["points"]:
            click.echo(f"    · {point}")
    click.echo("")
    click.echo(doc["text"])


@main.command()
@data_option
@click.argument("material_id", type=int, required=False)
@json_option
def stale(data: Path, material_id: int | None, as_json: bool) -> None:
    """Dated references stale as of today (十九大, “十三五”, 2020年, ended campaigns…),
    why, and a current wording; of one material, or of every material that has any."""
    setup(data)
    from gaoku.library.selectors import material_get, material_staleness, stale_materials

    rows = [material_staleness(material_get(material_id))] if material_id else stale_materials()
    if as_json:
        emit({"materials": rows})
        return
    for row in rows:
        click.echo(f"#{row['material']} v{row['version']}")
        for ref in row["stale"]:
            better = f" → {ref['suggestion']}" if ref["suggestion"] else "（需改写）"
            click.echo(f"  {ref['text']}{better}  {ref['why']}")
