from django import forms
from django.utils.translation import gettext_lazy as _

from gaoku.core.search import Filters
from gaoku.core.search.query import MAX_QUERY_CHARS
from gaoku.library.models import DocType


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Search"), max_length=MAX_QUERY_CHARS, required=False)
    type = forms.ChoiceField(choices=[("", ""), *DocType.choices], required=False)
    topic = forms.CharField(max_length=40, required=False)
    level = forms.CharField(max_length=20, required=False)
    year = forms.IntegerField(min_value=1949, max_value=2100, required=False)
    sort = forms.ChoiceField(
        choices=[("relevance", _("Relevance")), ("date", _("Newest"))], required=False
    )
    page = forms.IntegerField(min_value=1, max_value=500, required=False)

    def filters(self) -> Filters:
        data = self.cleaned_data
        return Filters(
            doc_type=data["type"] or None,
            topic=data["topic"] or None,
            level=data["level"] or None,
            year=data["year"],
        )


class CheckForm(forms.Form):
    text = forms.CharField(required=False, strip=False)
    file = forms.FileField(required=False)
