"""The reader page's text, written in Python: a long text's paragraphs, one template node
after another, were the largest part of rendering the page."""

from __future__ import annotations

from django import template
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

register = template.Library()


@register.simple_tag
def text_paragraphs(rows: list[dict]) -> SafeString:
    """The first paragraph as the document's title, a part's first paragraph as its
    heading (the outline's anchor), the others as paragraphs; every text escaped."""
    html = []
    for index, row in enumerate(rows):
        if index == 0:
            html.append(format_html('<h1 class="doc-title">{}</h1>', row["text"]))
        elif row["part"]:
            heading = '<h2 id="part-{}" class="part-heading">{}</h2>'
            html.append(format_html(heading, row["part"], row["text"]))
        else:
            html.append(format_html("<p>{}</p>", row["text"]))
    return mark_safe("\n".join(html))  # each piece escaped by format_html
