"""Issuing copies, and the editors' say over which slots copies use.

``copy_issue`` is the one way a file copy leaves the platform — the download views, the
JSON API and ``gaoku copy`` all call it. It checks the member's entitlement with the same
rule as the reader (:class:`gaoku.members.selectors.Entitlement`), logs every refusal, and
records the copy before it renders the file, outside any transaction, taking the record
back if the render fails: no file exists without its record, and no record outlives a
failed render.

``reading_text`` is the one way full text is shown — the reader page and the API's
material: a reader with full access reads their own fingerprinted text, the same wordings
as their downloads of that version and marks of a reading copy of their own (channel
``view``), so that text copied from the browser traces to them as a download does.
"""

from __future__ import annotations

import datetime
import functools
import hashlib
import logging
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db import IntegrityError, transaction
from django.db.models import QuerySet
from django.utils import timezone

from gaoku.copies.keys import fingerprint_secret
from gaoku.copies.models import (
    Channel,
    Copy,
    CopyRefusal,
    EditorVariant,
    Format,
    Reading,
    SlotPlan,
    SlotRejection,
)
from gaoku.core.fingerprint import Slot, VersionCode, find_slots, select_slots
from gaoku.core.fingerprint.attestation import AnyOf, Reference, TextCorpus
from gaoku.core.lexicon import Lexicon, load_lexicon, parse_rule
from gaoku.core.localize import Localisation, localisation_problems, localize
from gaoku.core.readers import read_bytes
from gaoku.core.render import FORMATS, CopyDocument, render
from gaoku.core.text import normalize
from gaoku.errors import GaokuError, InvalidInput
from gaoku.library.models import Material, MaterialVersion
from gaoku.library.selectors import calendar_of, calendar_version_id, version_get
from gaoku.members.selectors import Entitlement, ReaderText, entitlement_get, reader_text
from gaoku.members.services import localise_answers_remember, profile_ensure
from gaoku.ops.audit import audit_record
from gaoku.ops.ratelimit import quota_check, rate_spend
from gaoku.search.selectors import library_holds

logger = logging.getLogger(__name__)

FORMAT_UNKNOWN = "不支持的格式“{fmt}”。可选：txt、docx、pdf。"
REFUSALS = {
    "signin": "请先登录。下载需要会员资格。",
    "suspended": "账号已暂停，不能下载。请联系运营者。",
    "inactive": "下载需要有效的会员资格。",
    "window": "这份资料发布于您的会员窗口之前（窗口自 {day} 起），不能下载。",
}
VARIANT_INVALID = "写法有误：{reason}"
COPY_IDS_EXHAUSTED = "副本编号已用尽，请联系开发者。"
_FILENAME_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')


class CopyRefused(GaokuError):
    """The user may not take a copy of this material."""

    code = "copy_refused"
    status = 403


@dataclass(frozen=True)
class IssuedCopy:
    copy: Copy
    filename: str
    content: bytes
    content_type: str


def copy_issue(
    *,
    user: AbstractBaseUser | AnonymousUser,
    material: Material,
    version_number: object = None,
    fmt: str,
    address: str | None,
    channel: str = Channel.WEB,
    localisation: Localisation | None = None,
) -> IssuedCopy:
    """A fresh copy of ``material`` (its current version unless one is named) for ``user``,
    localised when ``localisation`` asks for it (gaoku.core.localize): still the member's
    traceable copy, with their wordings and marks.

    Raises CopyRefused (logged, with a CopyRefusal row) when the user's entitlement does
    not cover the material, InvalidInput for an unknown format or unusable answers,
    NotFound for no such version.
    """
    if fmt not in FORMATS:
        raise InvalidInput(FORMAT_UNKNOWN.format(fmt=fmt))
    problems = localisation_problems(localisation) if localisation else []
    if problems:
        raise InvalidInput("；".join(problems), code="localisation_invalid")
    version = version_get(material, version_number)
    entitlement = entitlement_get(user)
    reason = _refusal(entitlement, material)
    if reason:
        _refusal_record(user, material, version, fmt, reason, address, channel)
        opens = entitlement.access.opens_from
        message = REFUSALS[reason].format(day=opens.isoformat() if opens else "—")
        raise CopyRefused(message, code=f"copy_refused_{reason}")
    if channel != Channel.CLI:  # the operator's own command is not a member taking copies
        rate_spend(user, "download")
    secret = fingerprint_secret()
    plan = plan_current(version)
    display_code = profile_ensure(user).display_code
    # The record is written (and its id known) before the file is drawn, and the file is
    # drawn outside any transaction: a PDF takes a second, and on SQLite a transaction
    # holds the one write lock that every other request waits on. A render that fails
    # takes its record back with it.
    copy = Copy.objects.create(
        member=user,
        version=version,
        plan=plan,
        format=fmt,
        channel=channel,
        client_address=address,
        localisation=(
            {
                **localisation.to_dict(),
                "day": timezone.localdate().isoformat(),
                # The calendar that judged its references, to apply it again as it was.
                "calendar": calendar_version_id(),
            }
            if localisation
            else {}
        ),
    )
    try:
        text = _fingerprinted(secret, copy)
        content = render(CopyDocument(text=text, notice=_notice(display_code)), fmt)
    except BaseException:
        copy.delete()
        raise
    if localisation:
        localise_answers_remember(user, localisation)
    title = _FILENAME_UNSAFE.sub("_", material.title)[:60]
    return IssuedCopy(
        copy=copy,
        filename=f"{title}-v{version.number}-{display_code}{FORMATS[fmt].extension}",
        content=content,
        content_type=FORMATS[fmt].content_type,
    )


def reading_text(
    *,
    user: AbstractBaseUser | AnonymousUser,
    entitlement: Entitlement,
    version: MaterialVersion,
    address: str | None = None,
) -> ReaderText:
    """What of ``version`` this user reads: the preview, or the full text as the reader's
    own fingerprinted copy (see the module docstring).

    Raises FingerprintKeyError when the key is missing or changed: full text is then
    not shown at all, never shown unmarked; RateLimited when the member's readings of
    the hour or the day are used up.
    """
    shown = reader_text(entitlement, version)
    if not shown.full:
        return shown
    quota_check(user, "view", functools.partial(_readings_since, user))
    secret = fingerprint_secret()
    plan = plan_current(version)
    # get_or_create reads the row again when another request of the reader made it first.
    copy, _ = Copy.objects.get_or_create(
        member=user,
        version=version,
        plan=plan,
        channel=Channel.VIEW,
        defaults={"format": Format.VIEW},
    )
    copy.version, copy.plan = version, plan  # a row read back does not hold them
    Reading.objects.create(member=user, version=version, client_address=address)
    return ReaderText(text=_fingerprinted(secret, copy), full=True, outline=shown.outline)


# How long readings are kept: the signals look back a week, the reading quota a day.
READINGS_KEPT = datetime.timedelta(days=90)


def readings_prune() -> int:
    """Forget readings older than READINGS_KEPT (the worker, now and then)."""
    deleted, _ = Reading.objects.filter(at__lt=timezone.now() - READINGS_KEPT).delete()
    return deleted


def _readings_since(user: AbstractBaseUser, since: datetime.datetime) -> QuerySet:
    readings = Reading.objects.filter(member=user, at__gte=since)
    return readings.order_by("at").values_list("at", flat=True)


def copy_notice(user: AbstractBaseUser) -> str:
    """The visible notice every copy and full text shown to ``user`` carries."""
    return _notice(profile_ensure(user).display_code)


def _notice(display_code: str) -> str:
    return settings.GAOKU_COPY_NOTICE.replace("{code}", display_code)


def _fingerprinted(secret: bytes, copy: Copy) -> str:
    """The text of ``copy``: its member's wordings in its plan, localised as the member
    asked, then its marks."""
    if copy.pk >= 2**32:
        raise GaokuError(COPY_IDS_EXHAUSTED)
    code = VersionCode.build(secret, copy.version_id, plan_slots(copy.plan))
    return code.copy_text(
        copy.version.text, member=copy.member_id, copy_id=copy.pk, adapt=_adaptation(copy)
    )


def copy_worded(secret: bytes, copy: Copy) -> str:
    """The text of ``copy`` as it was issued, but for its marks: a trace's evidence."""
    code = VersionCode.build(secret, copy.version_id, plan_slots(copy.plan))
    return code.worded_text(copy.version.text, member=copy.member_id, adapt=_adaptation(copy))


def _adaptation(copy: Copy) -> Callable[[str], str] | None:
    """The localisation ``copy`` was issued with, as it was applied that day (with that
    day's calendar)."""
    if not copy.localisation:
        return None
    asked = Localisation.from_dict(copy.localisation)
    day = datetime.date.fromisoformat(copy.localisation["day"])
    cal = calendar_of(copy.localisation.get("calendar"))
    return functools.partial(localize, localisation=asked, today=day, cal=cal)


def _refusal(entitlement: Entitlement, material: Material) -> str | None:
    if not entitlement.signed_in:
        return "signin"
    if entitlement.covers(material):
        return None
    if entitlement.access.suspended:
        return "suspended"
    return "window" if entitlement.access.active else "inactive"


def _refusal_record(user, material, version, fmt, reason, address, channel) -> None:
    signed_in = user.is_authenticated
    CopyRefusal.objects.create(
        user=user if signed_in else None,
        material=material,
        version_number=version.number,
        format=fmt,
        reason=reason,
        channel=channel,
        client_address=address,
    )
    logger.warning(
        "copy refused (%s): user=%s material=%s v%s %s from %s",
        reason,
        user.get_username() if signed_in else "-",
        material.pk,
        version.number,
        fmt,
        address or "-",
    )


# -- plans ---------------------------------------------------------------------------------


def lexicon_current() -> Lexicon:
    """The built-in lexicon with the editors' groups laid over it."""
    extra = []
    for variant in EditorVariant.objects.all():
        try:
            extra.append(parse_rule(variant.line, origin="editor"))
        except ValueError:
            logger.warning(
                "editor variant %s is malformed and ignored: %s", variant.pk, variant.line
            )
    return load_lexicon(extra)


def plan_current(version: MaterialVersion) -> SlotPlan:
    """The plan new copies of ``version`` use: the latest, or a new revision if its basis
    (lexicon, editors' groups, reference corpus, rejections) has changed since.

    The library's other materials are read when a revision is made, not watched after:
    later imports never move the slots of a plan in use.
    """
    lexicon = lexicon_current()
    rejected = sorted(version.slot_rejections.values_list("key", flat=True))
    basis = hashlib.sha256(
        "\n".join(
            [lexicon.digest, version.content_hash, reference_corpus_digest(), *rejected]
        ).encode()
    ).hexdigest()
    latest = version.slot_plans.order_by("-revision").first()
    if latest and latest.basis == basis:
        return latest
    slots = select_slots(version_slots(version, lexicon), len(version.text), rejected=rejected)
    try:
        with transaction.atomic():
            return SlotPlan.objects.create(
                version=version,
                revision=latest.revision + 1 if latest else 1,
                basis=basis,
                slots=[slot.to_json() for slot in slots],
            )
    except IntegrityError:  # another request made this revision first
        return version.slot_plans.order_by("-revision").first()


def slot_plan_prepare(version_id: int) -> None:
    """Make the plan of a version ahead of its first reader (gone versions are skipped)."""
    version = MaterialVersion.objects.filter(pk=version_id).first()
    if version is not None:
        plan_current(version)


def plan_slots(plan: SlotPlan) -> list[Slot]:
    return [Slot.from_json(item) for item in plan.slots]


def version_slots(version: MaterialVersion, lexicon: Lexicon) -> list[Slot]:
    """Every candidate slot of ``version``, held to the reference prose: its library's
    other materials and the operator's reference corpus (gaoku.core.fingerprint.lexical)."""
    return find_slots(version.text, lexicon, reference_prose(version))


class _LibraryProse:
    """The current text of every material but one, asked through the search index."""

    def __init__(self, excluding: int) -> None:
        self.excluding = excluding
        self._known: dict[str, bool] = {}

    def holds(self, phrase: str) -> bool:
        if phrase not in self._known:
            self._known[phrase] = library_holds(phrase, excluding=self.excluding)
        return self._known[phrase]


def reference_prose(version: MaterialVersion) -> Reference:
    """Prose other than ``version``'s material: the library's other materials and the
    reference corpus (``GAOKU_REFERENCE_CORPUS``)."""
    library = _LibraryProse(version.material_id)
    corpus = _reference_corpus(settings.GAOKU_REFERENCE_CORPUS)
    return AnyOf(corpus[0], library) if corpus else library


def reference_corpus_digest() -> str:
    """A digest of the reference corpus's texts ("" without one)."""
    corpus = _reference_corpus(settings.GAOKU_REFERENCE_CORPUS)
    return corpus[1] if corpus else ""


@functools.cache
def _reference_corpus(folder: str) -> tuple[TextCorpus, str] | None:
    """The texts of the ``.txt`` files under ``folder``, read once per process."""
    if not folder:
        return None
    texts = []
    for path in sorted(Path(folder).rglob("*.txt")):
        try:
            texts.append(normalize(read_bytes(path.read_bytes(), name=path.name).text))
        except (OSError, GaokuError) as exc:
            logger.warning("reference corpus: %s skipped: %s", path, exc)
    if not texts:
        logger.warning("reference corpus %s holds no readable .txt file", folder)
        return None
    digest = hashlib.sha256("\0".join(texts).encode()).hexdigest()
    return TextCorpus(texts), digest


def slot_reject(*, version: MaterialVersion, key: str, by: AbstractBaseUser) -> None:
    """Rule a slot out for future copies of ``version``; copies already made keep theirs."""
    with transaction.atomic():
        _, created = SlotRejection.objects.get_or_create(
            version=version, key=key, defaults={"rejected_by": by}
        )
        if created:
            audit_record(
                "slot.reject", actor=by, object=_version_name(version), detail={"slot": key}
            )


def slot_restore(*, version: MaterialVersion, key: str, by: AbstractBaseUser | None = None) -> None:
    with transaction.atomic():
        if SlotRejection.objects.filter(version=version, key=key).delete()[0]:
            audit_record(
                "slot.restore", actor=by, object=_version_name(version), detail={"slot": key}
            )


def _version_name(version: MaterialVersion) -> str:
    return f"material:{version.material_id} v{version.number}"


def variant_add(*, line: str, note: str = "", by: AbstractBaseUser) -> EditorVariant:
    """Add a group of wordings (``落实 贯彻 | next=n``); InvalidInput when malformed."""
    line = " ".join(line.split())
    try:
        parse_rule(line, origin="editor")
    except ValueError as exc:
        raise InvalidInput(VARIANT_INVALID.format(reason=exc)) from exc
    variant, _ = EditorVariant.objects.get_or_create(
        line=line, defaults={"note": note, "author": by}
    )
    return variant


def variant_remove(*, pk: int) -> None:
    EditorVariant.objects.filter(pk=pk).delete()
