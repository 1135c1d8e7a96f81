"""Peers for the leak-trace benchmark: two public anti-leak text-watermarking packages.

Each package is driven the way its own documentation describes, behind one interface
(``Peer``): ``issue`` hands a member that member's marked copy, ``trace`` names the members
the package itself attributes a leaked text to (``[]`` = the package names nobody).

* ``acrostic-agent-watermark`` 0.14.2 (``import aawm``, offline, numpy + scipy only):
  ``Watermarker(codec_mode="zero_cost", language="zh")`` swaps words inside its Chinese
  "zero-cost" synonym groups (因为/由于, 提高/提升, 和/与, ...) so that keyed green/red colours
  spell the user ID; every ``embed`` has its own session salt and the embedder must archive the
  copy's meta (salt, bands, n_bits, seal, user_id). A leaked text of unknown origin is traced
  the way ``aawm find-meta`` does it: rank the archived metas by paragraph-hash overlap, run
  ``Watermarker.trace`` with the candidates' metas, and let the package's own verdict
  (``aawm.cli._adjudicate_find_meta``: content evidence first, decoded UID must equal the
  archived UID, several salts that "detect" without content evidence = abstain) decide.
  The LLM / LangChain / LiteLLM / proxy adapters are not used.
* ``canarytrap`` 1.0.2 (pure Python, no dependencies): ``unicode_space_encode`` turns the
  ASCII spaces selected by a bit string into U+200E + space; ``unicode_space_match`` gives
  the share of spaces that agree with an archived bit string. A member is named when the
  package reports a full match (1.0, "the text is not modified"). Chinese prose has no ASCII
  spaces, so the package embeds nothing in it.

Keys, salts and bit strings come from ``secret`` (default ``BENCH_SECRET``), the text and the
member number, so every run issues the same copies. Both peers keep an archive of what they
issued (as the packages tell their users to), and ``trace`` considers the archived copies of
the given ``members`` across every text issued so far; call ``clear()`` between documents to
restrict tracing to one document.

    pip install acrostic-agent-watermark==0.14.2 canarytrap==1.0.2
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import importlib.metadata
import random
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

BENCH_SECRET = b"gaoku-bench-peers-v1"


class Peer(Protocol):
    name: str

    def issue(self, text: str, member: int) -> str:
        """That member's marked copy of ``text``."""
        ...

    def trace(self, excerpt: str, members: Sequence[int]) -> list[int]:
        """Members the package names as the source of ``excerpt`` ([] = nobody)."""
        ...


def _digest(text: str) -> bytes:
    return hashlib.sha256(text.encode("utf-8")).digest()


def _derive(secret: bytes, purpose: str, *parts: bytes | int) -> bytes:
    """Deterministic 32-byte value for ``purpose`` from the bench secret and ``parts``."""
    msg = purpose.encode()
    for part in parts:
        raw = part if isinstance(part, bytes) else str(part).encode()
        msg += b"|" + len(raw).to_bytes(4, "big") + raw
    return hmac.new(secret, msg, hashlib.sha256).digest()


# ---------------------------------------------------------------------------
# acrostic-agent-watermark
# ---------------------------------------------------------------------------


@dataclass
class _AawmCopy:
    member: int
    result: Any  # aawm.plugins.EmbedResult: salt, bands, n_bits, seal, user_id, ...
    para_hashes: frozenset[bytes]  # the seal's paragraph hashes (key-free SHA-256)


@contextlib.contextmanager
def _seeded_salts(facade: Any, seed: bytes) -> Iterator[None]:
    """Make ``calibrate_null_model`` reproducible.

    The package fits its null model over fresh ``os.urandom`` session salts; drawing them from
    a seeded generator instead gives the same thresholds on every run. Only salt generation
    is replaced, and only while calibrating.
    """
    original = facade.generate_session_salt
    rng = random.Random(seed)
    facade.generate_session_salt = lambda: rng.randbytes(16)
    try:
        yield
    finally:
        facade.generate_session_salt = original


class AawmPeer:
    """acrostic-agent-watermark, Chinese zero-cost synonym mode, traced like ``find-meta``."""

    def __init__(
        self,
        calibration_corpus: Sequence[str] | None = None,
        *,
        secret: bytes = BENCH_SECRET,
    ) -> None:
        """
        Args:
            calibration_corpus: Unmarked same-domain texts for ``calibrate_null_model`` (the
                README's production advice: "aawm calibrate ./corpus/"). ``None`` uses the
                package's built-in demo corpus (``aawm calibrate --demo``: Chinese technical
                prose), which the README says is for trying the package out.
            secret: Bench secret; the master key and every copy's salt derive from it.
        """
        import aawm
        from aawm.binding import split_paragraphs
        from aawm.cli import _adjudicate_find_meta
        from aawm.plugins import Watermarker, facade

        self._split_paragraphs = split_paragraphs
        self._adjudicate = _adjudicate_find_meta  # the verdict of `aawm find-meta`
        self._secret = secret
        master_key = _derive(secret, "aawm-master-key")

        if calibration_corpus is None:
            demo = Path(aawm.__file__).parent / "data" / "demo_corpus"
            files = sorted(demo.glob("*.txt")) + sorted(demo.glob("*.md"))  # as `aawm calibrate`
            calibration_corpus = [p.read_text(encoding="utf-8") for p in files]
            source = "demo calibration"
        else:
            source = f"calibrated on {len(calibration_corpus)} texts"
        calibrator = Watermarker(master_key, codec_mode="zero_cost")
        with _seeded_salts(facade, _derive(secret, "aawm-calibration")):
            calibrator.calibrate_null_model(list(calibration_corpus))
        self.calibration: dict[str, Any] = calibrator.export_calibration()

        # No UID registry: find-meta takes the member from the archived meta and checks the
        # decoded UID against it. With a registry of 1,000 consecutive UIDs the default soft
        # match abstains even on intact copies (neighbouring UIDs differ in one weak band).
        self._wm = _codec_caching(Watermarker)(
            master_key, language="zh", codec_mode="zero_cost", calibration=self.calibration
        )
        version = importlib.metadata.version("acrostic-agent-watermark")
        self.name = f"acrostic-agent-watermark {version} (zh zero-cost synonyms, {source})"
        self._copies: dict[tuple[bytes, int], _AawmCopy] = {}

    def clear(self) -> None:
        """Forget the archive of issued copies."""
        self._copies.clear()

    def issue(self, text: str, member: int) -> str:
        key = (_digest(text), member)
        copy = self._copies.get(key)
        if copy is None:
            salt = _derive(self._secret, "aawm-session-salt", key[0], member)[:16]
            seed = int.from_bytes(_derive(self._secret, "aawm-rng", key[0], member)[:8], "big")
            # UID 0 is reserved by the package ("unregistered"), hence member + 1.
            result = self._wm.embed(text, user_id=member + 1, session_salt=salt, rng_seed=seed)
            hashes = frozenset(result.seal.para_hashes) if result.seal else frozenset()
            copy = _AawmCopy(member, result, hashes)
            self._copies[key] = copy
        return copy.result.watermarked_text

    def trace(self, excerpt: str, members: Sequence[int]) -> list[int]:
        wanted = set(members)
        archive = [c for c in self._copies.values() if c.member in wanted]
        if not archive:
            return []
        # Step 1 of find-meta: key-free paragraph-hash overlap, best first (stable sort, so
        # ties keep archive order exactly as the CLI keeps file order).
        text_hashes = {
            hashlib.sha256(p.encode("utf-8")).digest() for p in self._split_paragraphs(excerpt)
        }
        ranked = [
            (len(text_hashes & c.para_hashes), len(c.para_hashes), str(i), c)
            for i, c in enumerate(archive)
        ]
        ranked.sort(key=lambda r: -r[0])
        # Step 2: channel-B trace with each candidate's archived meta. The verdict reads only
        # the top content hit's trace when there is one, and abstains as soon as two candidates
        # detect when there is none, so stopping there gives the verdict of a full scan (the
        # CLI's --max-trace is raised to cover every archived copy).
        hash_hits = [r for r in ranked if r[0] > 0]
        to_try = hash_hits[:1] or ranked
        detections = []
        for overlap, _, label, c in to_try:
            r = c.result
            t = self._wm.trace(
                excerpt,
                session_salt=r.session_salt,
                seal=r.seal,
                bands=r.bands or None,
                n_bits=r.n_bits if r.bands else None,
                key_version=r.key_version,
                uid_layout=r.uid_layout or None,
                dict_version=r.dict_version or None,
            )
            if t.watermarked:
                detections.append((overlap, label, t, r.user_id))
                if len(detections) > 1 and not hash_hits:
                    break
        kind, label, _, _ = self._adjudicate(ranked, detections)
        if kind != "match" or label is None:
            return []
        return [archive[int(label)].member]


def _codec_caching(watermarker: type) -> type:
    """Subclass of ``Watermarker`` that reuses the codec built for a (salt, language, key).

    Building a codec (HMAC colour of every dictionary word) is ~1 ms and ``trace`` rebuilds it
    on every call; caching the package's own codec per archived copy keeps a scan over 1,000
    metas fast. Embedding and detection code are untouched.
    """

    class CachingWatermarker(watermarker):
        _codec_cache: dict[tuple[bytes, bytes, bytes | None], Any]

        def _build_codec(
            self, session_salt: bytes, lang_tag: bytes, master_key: bytes | None = None
        ) -> Any:
            cache = self.__dict__.setdefault("_codec_cache", {})
            key = (session_salt, lang_tag, master_key)
            if key not in cache:
                cache[key] = super()._build_codec(session_salt, lang_tag, master_key)
            return cache[key]

    return CachingWatermarker


# ---------------------------------------------------------------------------
# canarytrap
# ---------------------------------------------------------------------------


class CanaryTrapPeer:
    """canarytrap: U+200E before the ASCII spaces a member's bit string selects."""

    def __init__(self, *, secret: bytes = BENCH_SECRET) -> None:
        import canarytrap

        self._ct = canarytrap.text
        self._secret = secret
        version = importlib.metadata.version("canarytrap")
        self.name = f"canarytrap {version} (U+200E before ASCII spaces)"
        # The README's "binary.txt": the bit string each copy was issued with.
        self._bits: dict[tuple[bytes, int], str] = {}

    def clear(self) -> None:
        """Forget the archive of issued copies."""
        self._bits.clear()

    def issue(self, text: str, member: int) -> str:
        spaces = text.count(" ")
        stream = b""
        counter = 0
        while len(stream) * 8 < spaces:
            stream += _derive(self._secret, "canarytrap-bits", _digest(text), member, counter)
            counter += 1
        bits = "".join(f"{byte:08b}" for byte in stream)[:spaces]
        # With no ASCII space (plain Chinese) the package has nowhere to write: the copy is
        # the text itself and the archived bit string is empty.
        marked, archived = self._ct.unicode_space_encode(text, bits)
        self._bits[(_digest(text), member)] = archived
        return marked

    def trace(self, excerpt: str, members: Sequence[int]) -> list[int]:
        wanted = set(members)
        named = []
        for (_, member), bits in self._bits.items():
            if member not in wanted:
                continue
            try:
                share = self._ct.unicode_space_match(excerpt, bits)
            except ZeroDivisionError:
                return []  # the excerpt holds no space at all: the package cannot judge it
            if share == 1.0:  # README: "Should be 1.0 if text is not modified"
                named.append(member)
        return sorted(set(named))


# ---------------------------------------------------------------------------


def available_peers(calibration_corpus: Sequence[str] | None = None) -> list[Peer]:
    """Peers whose package imports; a missing one is skipped with a note on stderr.

    Args:
        calibration_corpus: Unmarked same-domain texts for acrostic-agent-watermark's null-model
            calibration (``None``: the package's demo corpus).
    """
    peers: list[Peer] = []
    for label, make in (
        ("acrostic-agent-watermark", lambda: AawmPeer(calibration_corpus)),
        ("canarytrap", CanaryTrapPeer),
    ):
        try:
            peers.append(make())
        except ImportError as exc:
            print(f"peers: skipping {label} ({exc}); pip install {label}", file=sys.stderr)
    return peers
