"""`gaoku search`, `gaoku reindex` and `gaoku check`: search and the originality check."""

from __future__ import annotations

from pathlib import Path

import click

from gaoku.cli.base import data_option, emit, json_option, main, progress_bar, read_source, setup
from gaoku.cli.library import DOC_TYPES


@main.command()
@data_option
@click.argument("query")
@click.option("--type", "doc_type", type=click.Choice(DOC_TYPES), help="Document type.")
@click.option("--topic", help="Topic tag, e.g. 乡村振兴.")
@click.option("--level", help="Level, e.g. 县级.")
@click.option("--year", type=int, help="Publication year.")
@click.option(
    "--sort", type=click.Choice(["relevance", "date"]), default="relevance", show_default=True
)
@click.option("--limit", default=20, show_default=True, type=int)
@click.option("--offset", default=0, show_default=True, type=int)
@json_option
def search(
    data: Path,
    query: str,
    doc_type: str | None,
    topic: str | None,
    level: str | None,
    year: int | None,
    sort: str,
    limit: int,
    offset: int,
    as_json: bool,
) -> None:
    """Search the full text of every material (the operator's view).

    Terms separated by spaces must all match; OR between terms; -term or NOT term
    excludes; "a quoted phrase" matches as written.
    """
    setup(data)
    from gaoku.core.search import Filters
    from gaoku.search.selectors import search_document, search_run

    page = search_run(
        query=query,
        entitlement=None,
        filters=Filters(doc_type=doc_type, topic=topic, level=level, year=year),
        sort=sort,
        limit=limit,
        offset=offset,
    )
    document = search_document(page)
    if as_json:
        emit(document)
        return
    click.echo(f"找到 {document['total']} 份资料 ({len(document['results'])} shown)")
    for result in document["results"]:
        click.echo(f"#{result['material']} v{result['version']}  {result['title']}")
        click.echo(f"    {result['snippet']}")


@main.command()
@data_option
@json_option
def reindex(data: Path, as_json: bool) -> None:
    """Rebuild the search index from the library."""
    setup(data)
    from gaoku.search.services import search_reindex

    count = search_reindex(progress=progress_bar("重建索引 reindexing"))
    if as_json:
        emit({"indexed": count})
        return
    click.echo(f"已重建索引：{count} 份资料。")


@main.command()
@data_option
@click.argument("source", metavar="FILE|-")
@json_option
def check(data: Path, source: str, as_json: bool) -> None:
    """Originality check of a draft against the library: TXT, DOCX, PDF, a scan, or -."""
    setup(data)
    from django.conf import settings

    from gaoku.search.selectors import check_document, draft_check, draft_read

    content, name = read_source(source, settings.GAOKU_MAX_IMPORT_BYTES)
    draft = draft_read(data=content, filename=name)
    document = check_document(draft_check(text=draft, entitlement=None))
    if as_json:
        emit(document)
        return
    click.echo(
        f"草稿 {document['chars']} 字，{document['matched_share']:.0%} 与库中资料相近"
        f"（{len(document['sentences'])} 句）。"
    )
    for sentence in document["sentences"]:
        sources = "，".join(
            f"#{s['material']} v{s['version']} {s['similarity']:.0%}" for s in sentence["sources"]
        )
        click.echo(f"[{sentence['start']}–{sentence['end']}] {sentence['text']}  ← {sources}")
