"""`gaoku trace`: name the member a suspected copy came from."""

from __future__ import annotations

import getpass
from pathlib import Path

import click

from gaoku.cli.base import data_option, emit, json_option, main, read_source, setup


@main.command(name="trace")
@data_option
@click.argument("source", metavar="FILE|-")
@click.option("--by", "by_name", help="The admin running the trace, for the record.")
@json_option
def trace(data: Path, source: str, by_name: str | None, as_json: bool) -> None:
    """Trace a suspected copy: TXT, DOCX, PDF, a PNG/JPEG image or scan, or - for stdin."""
    setup(data)
    from django.conf import settings

    from gaoku.members.selectors import member_get
    from gaoku.traces.services import trace_document, trace_run

    content, name = read_source(source, settings.GAOKU_MAX_IMPORT_BYTES)
    result = trace_run(
        by=member_get(by_name) if by_name else None,
        operator=f"命令行 {getpass.getuser()}",
        channel="cli",
        data=content,
        filename=name,
    )
    document = trace_document(result)
    if as_json:
        emit(document)
        return
    click.echo(_summary(document, result.pk))


def _summary(document: dict, pk: int) -> str:
    if document["material"] is None:
        return f"追查 #{pk}：库中没有与之相符的资料，未指认任何人。"
    segments = document["segments"]
    if len(segments) > 1:
        lines = [f"追查 #{pk}：文字中有 {len(segments)} 段出自库中资料，逐段追查："]
        for s in segments:
            named = "、".join(a["member"] for a in s["accused"]) or "未指认"
            lines.append(
                f"  第 {s['start']}–{s['end']} 字：资料 {s['material']} 第 {s['version']} 版，"
                f"相符 {s['matched_chars']} 字，候选 {s['candidates']} 人；{named}"
            )
    else:
        lines = [
            f"追查 #{pk}：资料 {document['material']} 第 {document['version']} 版，"
            f"相符 {document['matched_chars']} 字，候选会员 {document['candidates']} 人。"
        ]
    for accused in document["accused"]:
        lines.append(
            f"指认 {accused['member']}：误判上界 {accused['false_accusation_bound']:.1e}，"
            f"证据 {accused['score']:.1f} 比特"
        )
    if not document["accused"]:
        lines.append("证据不足，未指认任何人。")
    return "\n".join(lines)
