"""Wording safety and capacity of the lexical layer on real prose, beside generated text.

Reads the government work reports of ``../shared/corpus`` in place (never copied here):

* **safety** — for every report, a plan is made as Gaoku makes it, the other reports
  standing as the operator's reference corpus, and copies for ``--members`` members;
  every change those copies make is listed. Its distinct changes are looked up in the
  hand labels of ``bench/data/wording_labels.tsv``: a random sample of 400 (all of them
  when there are fewer), the wrong ones counted, and those in a fixed formulation. The
  code also counts changes inside protected phrases and inside phrases that recur in the
  reference (by construction none);
* **capacity** — bits per 100 characters of the plans: on real prose; on generated text,
  each document with the others as reference (as a library of generated materials has
  it); and for both without any reference (what the lexicon alone offers). Then on real
  prose with reference corpora of 0, 5, 10 and 15 other reports, to show what a larger
  reference gives;
* **tracing** — with 1,000 recipients, the share of whole copies and of excerpts of 800
  and 400 characters at random offsets, marks stripped and NFKC-normalised, that name the
  right member at a false-accusation level of 1e-6, and how many innocents were named.

    .venv/bin/python bench/wording_safety.py [--members 5] [--trials 60] [--show]

``--show`` prints every change the copies make in its context, labelled or not, for
labelling.
"""

from __future__ import annotations

import argparse
import platform
import random
import statistics
import unicodedata
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from common import pin_to_one_core

from gaoku.core.excerpt import align, fold
from gaoku.core.fingerprint import (
    VersionCode,
    find_slots,
    select_slots,
    slot_density,
    strip_marks,
)
from gaoku.core.fingerprint.accusation import accuse
from gaoku.core.fingerprint.attestation import TextCorpus, in_formulation
from gaoku.core.fingerprint.reading import read_wordings
from gaoku.core.generator import generate_corpus
from gaoku.core.lexicon import load_lexicon
from gaoku.core.text import normalize

HERE = Path(__file__).parent
CORPUS = HERE.parents[1] / "shared" / "corpus"
LABELS = HERE / "data" / "wording_labels.tsv"
SECRET = b"bench-wording-key"
LEVEL = 1e-6
RECIPIENTS = 1000
SAMPLE = 400


@dataclass(frozen=True)
class Change:
    report: str
    start: int
    master: str
    copy: str

    def context(self, text: str) -> str:
        end = self.start + len(self.master)
        shown = f"{text[self.start - 24 : self.start]}【{self.master}→{self.copy or '∅'}】"
        return (shown + text[end : end + 24]).replace("\n", "⏎")


def reports(folder: Path) -> dict[str, str]:
    found = {p.stem: normalize(p.read_text("utf-8")) for p in sorted(folder.glob("gwr*.txt"))}
    if not found:
        raise SystemExit(f"no reports in {folder}: the corpus is read in place, from ../shared")
    return found


def plans(texts: dict[str, str], lexicon, with_reference: bool = True) -> dict[str, list]:
    """Each text's plan, the other texts its reference (or no reference at all)."""
    made = {}
    for name, text in texts.items():
        reference = TextCorpus(t for n, t in texts.items() if n != name)
        slots = find_slots(text, lexicon, reference if with_reference else None)
        made[name] = select_slots(slots, len(text))
    return made


def density(texts: dict[str, str], made: dict[str, list]) -> float:
    bits = sum(s.bits for slots in made.values() for s in slots)
    return 100 * bits / sum(len(t) for t in texts.values())


# -- safety -----------------------------------------------------------------------------------


def changes(texts: dict[str, str], made: dict[str, list], members: int) -> list[Change]:
    """Every change of every copy, once per copy it is in."""
    found = []
    for name, text in texts.items():
        code = VersionCode.build(SECRET, name, made[name])
        for member in range(members):
            chosen = code.copy_wordings(member, len(text))
            for slot, wording in zip(made[name], chosen, strict=True):
                if wording:
                    found.append(Change(name, slot.start, slot.variants[0], slot.variants[wording]))
    return found


def read_labels() -> dict[tuple, tuple[str, str]]:
    labels = {}
    for line in LABELS.read_text("utf-8").splitlines():
        if line.startswith("#") or line.startswith("report\t") or not line:
            continue
        report, start, master, copy, label, why = [*line.split("\t"), ""][:6]
        labels[(report, int(start), master, copy)] = (label, why)
    return labels


def safety(texts, made, members: int, lexicon) -> dict:
    found = changes(texts, made, members)
    distinct = sorted(set(found), key=lambda c: (c.report, c.start, c.copy))
    sample = distinct if len(distinct) <= SAMPLE else random.Random(14).sample(distinct, SAMPLE)
    labels = read_labels()
    labelled = [labels.get((c.report, c.start, c.master, c.copy)) for c in sample]
    wrong = [(c, lab) for c, lab in zip(sample, labelled, strict=True) if lab and lab[0] == "wrong"]
    unlabelled = [c for c, lab in zip(sample, labelled, strict=True) if lab is None]
    masks = {name: _protected(text, lexicon) for name, text in texts.items()}
    references = {n: TextCorpus(t for m, t in texts.items() if m != n) for n in texts}
    protected = inside_formulation = 0
    for change in distinct:
        text, end = texts[change.report], change.start + len(change.master)
        protected += any(masks[change.report][change.start : end])
        inside_formulation += in_formulation(text, change.start, end, references[change.report])
    return {
        "occurrences": len(found),
        "distinct": len(distinct),
        "sample": len(sample),
        "wrong": wrong,
        "formulation": [w for w in wrong if "formulation" in w[1][1]],
        "unlabelled": unlabelled,
        "in protected phrases": protected,
        "in recurring phrases": inside_formulation,
        "groups": Counter((c.master, c.copy) for c in distinct),
    }


def _protected(text: str, lexicon) -> bytearray:
    """Where the lexicon's protected phrases stand in ``text``."""
    mask = bytearray(len(text))
    for phrase in lexicon.protected:
        at = text.find(phrase)
        while at >= 0:
            mask[at : at + len(phrase)] = b"\1" * len(phrase)
            at = text.find(phrase, at + 1)
    return mask


# -- tracing ------------------------------------------------------------------------------------


def tracing(texts: dict[str, str], made: dict[str, list], trials: int, rng: random.Random):
    """Per excerpt length (0: the whole copy): share of trials naming the leaker, and
    trials naming an innocent."""
    members = list(range(RECIPIENTS))
    results = {}
    names = list(texts)
    for length in (0, 800, 400):
        named = innocents = 0
        for trial in range(trials):
            name = names[trial % len(names)]
            text, slots = texts[name], made[name]
            code = VersionCode.build(SECRET, name, slots)
            leaker = rng.randrange(RECIPIENTS)
            copy = unicodedata.normalize("NFKC", strip_marks(code.copy_text(text, leaker, 1)))
            if length:
                start = rng.randrange(max(1, len(copy) - length))
                copy = copy[start : start + length]
            observed = read_wordings(align(fold(text), copy), slots)
            accused = {s.member for s in accuse(code, observed, members, level=LEVEL).accused}
            named += leaker in accused
            innocents += bool(accused - {leaker})
        results[length] = (named / trials, innocents)
    return results


# -- report -------------------------------------------------------------------------------------


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--members", type=int, default=5, help="copies per report")
    parser.add_argument("--trials", type=int, default=60, help="trace trials per length")
    parser.add_argument("--generated", type=int, default=16, help="generated documents")
    parser.add_argument("--show", action="store_true", help="print every change in context")
    args = parser.parse_args()
    print(f"{platform.machine()}, Python {platform.python_version()}, {pin_to_one_core()}")
    lexicon = load_lexicon()
    real = reports(args.corpus)
    generated = {f"g{n}": d.text for n, d in enumerate(generate_corpus(args.generated, seed=14))}
    made = plans(real, lexicon)

    result = safety(real, made, args.members, lexicon)
    labels = read_labels()
    if args.show:
        for change in sorted(set(changes(real, made, args.members)), key=lambda c: c.start):
            label = labels.get((change.report, change.start, change.master, change.copy))
            tag = label[0] if label else "UNLABELLED"
            print(
                f"{tag:10} {change.report} {change.start:6} {change.context(real[change.report])}"
            )
    print(f"\nSafety: {len(real)} reports, {args.members} copies each")
    print(f"  changes in the copies: {result['occurrences']} ({result['distinct']} distinct)")
    print(f"  hand-labelled sample: {result['sample']} (all distinct changes when under {SAMPLE})")
    if result["unlabelled"]:
        print(f"  UNLABELLED in the sample: {len(result['unlabelled'])} (run with --show)")
    wrong = len(result["wrong"])
    share = wrong / max(result["sample"] - len(result["unlabelled"]), 1)
    print(f"  wrong: {wrong} ({share:.1%}), in a fixed formulation: {len(result['formulation'])}")
    for change, (_, why) in result["wrong"]:
        print(f"    {change.context(real[change.report])}  {why}")
    print(f"  inside protected phrases: {result['in protected phrases']}")
    print(f"  inside phrases recurring in the reference: {result['in recurring phrases']}")
    print(
        "  wordings changed: "
        + ", ".join(f"{m}→{c or '∅'} {n}" for (m, c), n in result["groups"].most_common())
    )

    print("\nCapacity, bits per 100 characters (mean; lowest document)")
    for label, texts in (("real prose (16 reports)", real), ("generated text", generated)):
        for with_reference in (True, False):
            these = (
                made if texts is real and with_reference else plans(texts, lexicon, with_reference)
            )
            lowest = min(slot_density(these[n], t) for n, t in texts.items())
            how = "other documents as reference" if with_reference else "lexicon alone"
            print(f"  {label:26} {how:30} {density(texts, these):5.2f}; {lowest:4.2f}")
    print("  real prose, by size of the reference corpus (other reports):")
    rng = random.Random(5)
    for size in (0, 5, 10, 15):
        these = {}
        for name, text in real.items():
            others = [t for n, t in real.items() if n != name]
            reference = TextCorpus(rng.sample(others, size))
            these[name] = select_slots(find_slots(text, lexicon, reference), len(text))
        print(f"    {size:2} reports: {density(real, these):5.2f}")

    print(f"\nTracing, {RECIPIENTS} recipients, marks stripped, NFKC, level {LEVEL:g}")
    print("  share naming the leaker (innocents named) per length: whole copy / 800 / 400")
    for label, texts, these in (
        ("real prose", real, made),
        ("generated text", generated, plans(generated, lexicon)),
    ):
        found = tracing(texts, these, args.trials, random.Random(8))
        cells = " / ".join(f"{found[n][0]:.0%} ({found[n][1]})" for n in (0, 800, 400))
        print(f"  {label:16} {cells}")
    mean_len = statistics.mean(len(t) for t in real.values())
    print(f"\n(real reports: {mean_len:.0f} characters on average)")


if __name__ == "__main__":
    main()
