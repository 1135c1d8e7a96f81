from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save
from django.utils.translation import gettext_lazy as _


class LiveConfig(AppConfig):
    name = "gaoku.live"
    verbose_name = _("Live sharing")

    def ready(self) -> None:
        from gaoku.live.models import Event, Follow
        from gaoku.live.wakeup import event_written
        from gaoku.site.memo import request_memo_clear

        def written(sender, instance, created, **kwargs) -> None:
            if created:
                event_written(instance.pk)

        # Open streams hear of each new event (a local function: held strongly).
        post_save.connect(written, sender=Event, weak=False, dispatch_uid="event-wakeup")

        # What the user follows, kept for this request, changes with a follow.
        post_save.connect(request_memo_clear, sender=Follow, dispatch_uid="memo-follow")
        post_delete.connect(request_memo_clear, sender=Follow, dispatch_uid="memo-follow-")
