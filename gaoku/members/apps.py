from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save
from django.utils.translation import gettext_lazy as _


class MembersConfig(AppConfig):
    name = "gaoku.members"
    verbose_name = _("Members")

    def ready(self) -> None:
        from gaoku.members.models import MemberProfile, Subscription, Suspension
        from gaoku.site.memo import request_memo_clear

        # An entitlement or a profile kept for this request is wrong once a term, a
        # suspension or the profile changes.
        for model in (Subscription, Suspension, MemberProfile):
            post_save.connect(request_memo_clear, sender=model, dispatch_uid=f"memo-{model}")
            post_delete.connect(request_memo_clear, sender=model, dispatch_uid=f"memo-{model}-")
