"""Fingerprint engine: slot density, distortion, rendering speed, capacity.

Everything runs in one process on one core, on the generated corpus and on the
hand-written speech in bench/data, with a fixed key:

* slot density — binary-equivalent bits (log2 of each slot's wordings) per 100 characters,
  for every candidate slot and for the slots a plan keeps within the distortion budget;
* distortion — share of characters in which a copy, invisible layer removed, differs
  from the master (Levenshtein distance / master length), over many members' copies;
* rendering — copies per second of a 3,000-character speech, whole path (wordings, marks,
  notice, file) for TXT, DOCX and PDF;
* capacity — how many recipients a full copy separates at a false-accusation level of
  1e-6: the Chernoff bound of the code (gaoku.core.fingerprint.tardos) on the leaker's
  score gives P(an innocent scores as high) ≤ b, so up to 0.8 · 1e-6 / b recipients keep the
  union bound under 1e-6, with the level's shares of the product (STAGE_1 for single
  tests; for the second colluder, STAGE_2 over the N(N-1) ordered pairs); with no
  collusion, and for two colluders who interleave the sentences of their copies;
* invisible layer — share of excerpts of 40…800 characters whose marks decode exactly, in
  the TXT copy and in the text of the DOCX copy (which gathers each paragraph's marks at
  its end: see gaoku.core.render.docx).

    .venv/bin/python bench/fingerprint.py [--docs 200] [--members 50] [--trials 200]
"""

from __future__ import annotations

import argparse
import math
import platform
import random
import statistics
import time
from io import BytesIO
from pathlib import Path

from docx import Document
from rapidfuzz.distance import Levenshtein

from gaoku.core.fingerprint import (
    VersionCode,
    find_slots,
    read_marks,
    select_slots,
    slot_density,
    strip_marks,
)
from gaoku.core.fingerprint.accusation import STAGE_1, STAGE_2
from gaoku.core.fingerprint.tardos import innocent_tail, likelihood_weights
from gaoku.core.generator import generate_corpus, generate_document
from gaoku.core.lexicon import load_lexicon
from gaoku.core.render import CopyDocument, render
from gaoku.core.text import MARK_ALPHABET

SECRET = b"bench-fingerprint-key"
LEVEL = 1e-6
HANDWRITTEN = Path(__file__).parent / "data" / "speech_handwritten.txt"
# Real government work reports, read in place (never copied into the project).
CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
NOTICE = "仅供学习 禁止外传 · GK7Q2M9X"


def plan(text: str, lexicon) -> tuple[list, list]:
    candidates = find_slots(text, lexicon)
    return candidates, select_slots(candidates, len(text))


def density(texts: list[str], lexicon) -> dict[str, float]:
    found, kept, chars = 0.0, 0.0, 0
    per_doc = []
    for text in texts:
        candidates, chosen = plan(text, lexicon)
        found += sum(s.bits for s in candidates)
        kept += sum(s.bits for s in chosen)
        chars += len(text)
        per_doc.append(slot_density(chosen, text))
    return {
        "candidates": 100 * found / chars,
        "kept": 100 * kept / chars,
        "lowest doc": min(per_doc),
    }


def distortion(texts: list[str], lexicon, members: int) -> tuple[float, float]:
    shares = []
    for version, text in enumerate(texts):
        code = VersionCode.build(SECRET, version, plan(text, lexicon)[1])
        for member in range(members):
            copy = strip_marks(code.copy_text(text, member, copy_id=member))
            shares.append(Levenshtein.distance(text, copy) / len(text))
    return statistics.mean(shares), max(shares)


def speech_of(chars: int) -> str:
    """A generated speech cut at a paragraph end near ``chars`` characters."""
    for seed in range(1000):
        text = generate_document(seed, doc_type="讲话稿").text
        if len(text) >= chars:
            cut = text.rfind("\n", 0, chars + 200)
            return text[:cut] if cut > chars * 0.9 else text[:chars]
    raise RuntimeError("no long speech generated")


def render_rate(text: str, lexicon, fmt: str, seconds: float) -> float:
    code = VersionCode.build(SECRET, 1, plan(text, lexicon)[1])
    render(CopyDocument(text=text, notice=NOTICE), fmt)  # warm caches (fonts)
    count, start = 0, time.perf_counter()
    while time.perf_counter() - start < seconds:
        marked = code.copy_text(text, member=count, copy_id=count)
        render(CopyDocument(text=marked, notice=NOTICE), fmt)
        count += 1
    return count / (time.perf_counter() - start)


def _sentence_of(text: str) -> list[int]:
    index, sentence = [], 0
    for char in text:
        index.append(sentence)
        sentence += char in "。！？\n"
    return index


def capacity(text: str, lexicon, trials: int) -> dict[str, tuple[float, float]]:
    slots = plan(text, lexicon)[1]
    code = VersionCode.build(SECRET, 1, slots)
    sentence = _sentence_of(text)
    alone, one, both = [], [], []
    for trial in range(trials):
        mine, theirs = code.wordings(2 * trial), code.wordings(2 * trial + 1)
        alone.append(_recipients(_bound(code, mine, mine)))
        mixed = [
            m if sentence[s.start] % 2 else t for s, m, t in zip(slots, mine, theirs, strict=True)
        ]
        (b1, first), (_, second) = sorted(
            [(_bound(code, mixed, mine), mine), (_bound(code, mixed, theirs), theirs)],
            key=lambda pair: pair[0],
        )
        one.append(_recipients(b1))
        # Joint decoding, as the product does it (gaoku.core.fingerprint.accusation): once
        # the first colluder is named, the second is scored on the slots the first cannot
        # explain, and the union bound runs over the N(N-1) ordered pairs at STAGE_2's
        # share of the level: N^2 · b2 / STAGE_2 <= LEVEL.
        rest = [i for i, (o, f) in enumerate(zip(mixed, first, strict=True)) if o != f]
        b2 = _bound(code, mixed, second, only=rest)
        pairs = 0.5 * (math.log10(STAGE_2 * LEVEL) - math.log10(max(b2, 1e-300)))
        both.append(min(_recipients(b1), pairs))
    return {
        "alone": _spread(alone),
        "2 colluders, one named": _spread(one),
        "2 colluders, both named": _spread(both),
    }


def _bound(code: VersionCode, observed: list[int], member: list[int], only=None) -> float:
    indices = range(len(observed)) if only is None else only
    p = [code.biases[i][observed[i]] for i in indices]
    weights = likelihood_weights(p)
    return innocent_tail(weights.score([observed[i] == member[i] for i in indices]), weights)


def _recipients(bound: float) -> float:
    """log10 of the recipients N a single test separates: N · bound / STAGE_1 <= LEVEL."""
    return math.log10(STAGE_1 * LEVEL) - math.log10(max(bound, 1e-300))


def _spread(separated: list[float]) -> tuple[float, float]:
    """log10 of the recipients separated: median trial, and the worst 5% of trials."""
    separated = sorted(separated)
    return statistics.median(separated), separated[len(separated) // 20]


def invisible_rates(
    text: str, fmt: str, lengths=(40, 80, 120, 160, 200, 400, 800)
) -> dict[int, float]:
    code = VersionCode.build(SECRET, 1, [])
    marked = code.copy_text(text, member=1, copy_id=4242)
    if fmt == "docx":
        word = Document(BytesIO(render(CopyDocument(marked, "notice"), "docx")))
        marked = "\n".join(paragraph.text for paragraph in word.paragraphs[1:])
    visible = [i for i, c in enumerate(marked) if c not in MARK_ALPHABET]
    rng = random.Random(1)
    rates = {}
    for length in lengths:
        hits = 0
        for _ in range(500):
            start = rng.randrange(len(visible) - length)
            excerpt = marked[visible[start] : visible[start + length]]
            hits += [r.copy for r in read_marks(SECRET, excerpt)] == [4242]
        rates[length] = hits / 500
    return rates


def _mean_rates(rates: list[dict[int, float]]) -> dict[int, float]:
    return {length: statistics.mean(r[length] for r in rates) for length in rates[0]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--docs", type=int, default=200)
    parser.add_argument("--members", type=int, default=50)
    parser.add_argument("--trials", type=int, default=200)
    parser.add_argument("--seconds", type=float, default=5.0)
    args = parser.parse_args()
    lexicon = load_lexicon()
    corpus = [d.text for d in generate_corpus(args.docs, seed=2)]
    handwritten = HANDWRITTEN.read_text("utf-8").strip()
    speech = speech_of(3000)
    print(
        f"machine: {platform.processor() or platform.machine()}, Python {platform.python_version()}"
    )
    print(f"corpus: {len(corpus)} generated documents, {sum(map(len, corpus))} characters\n")

    print("slot density (bits per 100 characters; goal ≥ 4, aim 8)")
    print(f"  {'text':<24}{'candidates':>12}{'kept':>8}{'lowest doc':>12}")
    for name, texts in (("generated corpus", corpus), ("hand-written speech", [handwritten])):
        d = density(texts, lexicon)
        print(f"  {name:<24}{d['candidates']:>12.1f}{d['kept']:>8.1f}{d['lowest doc']:>12.1f}")

    mean, worst = distortion([*corpus[:40], handwritten], lexicon, args.members)
    print(f"\ndistortion, marks removed (goal ≤ 6%): mean {mean:.2%}, worst copy {worst:.2%}")

    print(f"\nrendering a {len(speech)}-character speech on one core (copies/s)")
    goals = {"txt": 300, "docx": None, "pdf": 20}
    for fmt, goal in goals.items():
        rate = render_rate(speech, lexicon, fmt, args.seconds)
        ratio = f"  {rate / goal:.1f}× the goal of {goal}" if goal else ""
        print(f"  {fmt:<5}{rate:>8.1f}{ratio}")

    print("\ncapacity of a full copy at a false-accusation level of 1e-6")
    print("  (recipients separated, as a power of ten: median trial / worst 5% of trials)")
    for name, text in (("3,000-char speech", speech), ("hand-written speech", handwritten)):
        for case, (median, low) in capacity(text, lexicon, args.trials).items():
            print(f"  {name:<22}{case:<26} 10^{median:.0f} / 10^{low:.0f}")

    print("\ninvisible layer: excerpts decoding to the exact copy")
    texts = {"speech": [speech], "hand-written": [handwritten]}
    reports = sorted(CORPUS.glob("*.txt"))[:6]
    if reports:
        texts[f"{len(reports)} reports"] = [path.read_text("utf-8") for path in reports]
    rates = {
        (name, fmt): _mean_rates([invisible_rates(text, fmt) for text in group])
        for name, group in texts.items()
        for fmt in ("txt", "docx")
    }
    print(f"  {'characters':<12}" + "".join(f"{n + ' ' + f:>20}" for n, f in rates))
    for length in next(iter(rates.values())):
        print(f"  {length:<12}" + "".join(f"{r[length]:>20.1%}" for r in rates.values()))
    marked = VersionCode.build(SECRET, 1, []).copy_text(speech, member=1, copy_id=4242)
    share = sum(c in MARK_ALPHABET for c in marked) / len(marked)
    print(f"  marks in a TXT copy (goal under 15%): {share:.1%} of its characters")


if __name__ == "__main__":
    main()
