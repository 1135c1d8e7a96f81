"""`gaoku webhook add`: a group robot or a Standard Webhooks receiver for live events."""

from __future__ import annotations

from pathlib import Path

import click

from gaoku.cli.base import data_option, emit, json_option, main, setup


@main.group()
def webhook() -> None:
    """Outgoing webhooks: new materials and announcements sent to group robots."""


@webhook.command("add")
@click.argument("url")
@click.option(
    "--kind",
    required=True,
    type=click.Choice(["standard", "dingtalk", "feishu", "wecom", "onebot"]),
)
@click.option("--secret", default="", help="Signing secret (DingTalk, Feishu, Standard) or token.")
@click.option("--target", default="", help="QQ group id (onebot).")
@click.option("--topic", "topics", multiple=True, help="Only materials of this topic.")
@click.option("--type", "types", multiple=True, help="Only materials of this type.")
@click.option("--tier", default="free", type=click.Choice(["free", "members"]))
@click.option("--name", default="")
@data_option
@json_option
def webhook_add_command(
    url: str,
    kind: str,
    secret: str,
    target: str,
    topics: tuple[str, ...],
    types: tuple[str, ...],
    tier: str,
    name: str,
    data: Path,
    as_json: bool,
) -> None:
    """Register a receiver; a Standard Webhooks endpoint is given a new secret."""
    setup(data)
    from gaoku.live.webhooks import webhook_add

    hook = webhook_add(
        url=url,
        kind=kind,
        secret=secret,
        target=target,
        topics=topics,
        types=types,
        tier=tier,
        name=name,
    )
    if as_json:
        emit({"webhook": hook.pk})
        return
    click.echo(f"webhook {hook.pk}: {hook.get_kind_display()} → {hook.url}")
    if kind == "standard":
        click.echo(f"密钥 secret: {hook.secret}")
