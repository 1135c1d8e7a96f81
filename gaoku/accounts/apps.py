from django.apps import AppConfig
from django.contrib.auth.signals import user_logged_in, user_logged_out
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "gaoku.accounts"
    verbose_name = _("Accounts")

    def ready(self) -> None:
        from gaoku.accounts.devices import sign_in_record, sign_out_record

        def signed_in(sender, request, user, **kwargs) -> None:
            if request is not None and hasattr(request, "session"):
                sign_in_record(user=user, request=request)

        def signed_out(sender, request, user, **kwargs) -> None:
            if request is not None and hasattr(request, "session"):
                sign_out_record(request=request)

        # The receivers are local functions: held strongly, or they would be collected.
        user_logged_in.connect(signed_in, weak=False, dispatch_uid="gaoku-sign-in")
        user_logged_out.connect(signed_out, weak=False, dispatch_uid="gaoku-sign-out")
