"""Wordings mined from a library: how many are safe, and what capacity the safe ones add.

The leak-trace issue asks for slots that an attacker cannot read from the code: pairs of
wordings that the operator's own documents use interchangeably in the same contexts.
This measures that idea before any copy uses it. The library here is every document
Gaoku did not write: the hand-written import sets of ``bench/data`` (other house styles,
wrappers and all) and the government work reports of ``../shared/corpus`` (read in place).

Mining, as a distributional miner would: each word of two to four characters that jieba
tags as a verb, adjective, adverb or conjunction is filed under its context (the word
before it and the word after it). Two words that share at least ``--min-contexts``
contexts are a candidate pair, unless a plain test shows they mean different things: no
character in common (经济/社会), opposite characters (上升/下降), the two words side by
side or joined by 和/与/、 somewhere in the library (a coordination names two things), or
a word the public lexicon already has.

Each candidate is looked up in ``bench/data/mined_labels.tsv``, labelled by hand as a
meticulous editor reads a change in a document (the same standard as the wording-safety
labels): ``ok`` when the two trade with no shift of meaning, degree, collocation or fixed
formulation, else ``wrong`` and why. Unlabelled candidates are listed, for labelling.

Then the safe pairs are laid over the lexicon as editors' groups, and the slots of each
report (the other reports as its reference) are counted with and without them.

    .venv/bin/python bench/mined_alternations.py [--min-contexts 2] [--top 60]
"""

from __future__ import annotations

import argparse
import itertools
import platform
from collections import Counter, defaultdict
from pathlib import Path

from gaoku.core.fingerprint import find_slots, select_slots, slot_density
from gaoku.core.fingerprint.attestation import TextCorpus
from gaoku.core.fingerprint.segment import PUNCTUATION, paragraph_tokens
from gaoku.core.lexicon import Lexicon, load_lexicon, parse_rule

DATA = Path(__file__).parent / "data"
CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
LABELS = DATA / "mined_labels.tsv"
TAGS = ("v", "a", "d", "ad", "vn", "c", "p", "an")
OPPOSITES = set("上下内外前后大小多少高低增减进出正负左右东西南北长短新旧早晚开关升降强弱快慢是非")
COORDINATORS = {"和", "与", "、", "及", "同"}


def library() -> dict[str, str]:
    """The documents Gaoku did not write, by name."""
    texts = {
        f"{path.parent.parent.name}/{path.name}": path.read_text("utf-8")
        for path in sorted(DATA.glob("import_*/docs/*.txt"))
    }
    texts.update({path.stem: path.read_text("utf-8") for path in sorted(CORPUS.glob("gwr*.txt"))})
    return texts


def mine(texts: list[str], lexicon: Lexicon, min_contexts: int) -> list[tuple[int, str, str]]:
    """Candidate pairs, most shared contexts first: (contexts, word, word)."""
    contexts: dict[tuple[str, str], set[str]] = defaultdict(set)
    together: set[frozenset[str]] = set()
    for text in texts:
        for tokens in paragraph_tokens(text, lexicon):
            words = [t.word for t in tokens]
            for i in range(1, len(tokens) - 1):
                word, before, after = words[i], words[i - 1], words[i + 1]
                if not (2 <= len(word) <= 4 and tokens[i].flag.startswith(TAGS)):
                    continue
                if before not in PUNCTUATION and after not in PUNCTUATION:
                    contexts[(before, after)].add(word)
            together.update(frozenset(pair) for pair in itertools.pairwise(words))
            together.update(
                frozenset((a, c))
                for a, b, c in zip(words, words[1:], words[2:], strict=False)
                if b in COORDINATORS
            )
    shared: Counter[tuple[str, str]] = Counter()
    for words in contexts.values():
        shared.update(itertools.combinations(sorted(words), 2))
    return sorted(
        (
            (n, a, b)
            for (a, b), n in shared.items()
            if n >= min_contexts and _plausible(a, b, together, lexicon)
        ),
        reverse=True,
    )


def _plausible(a: str, b: str, together: set[frozenset[str]], lexicon: Lexicon) -> bool:
    if not set(a) & set(b) or frozenset((a, b)) in together:
        return False
    if set(a) - set(b) & OPPOSITES and set(b) - set(a) & OPPOSITES:
        return False
    return lexicon.rule_for(a) is None and lexicon.rule_for(b) is None


def labels() -> dict[tuple[str, str], tuple[str, str]]:
    found = {}
    for line in LABELS.read_text("utf-8").splitlines():
        if line and not line.startswith("#"):
            a, b, verdict, why = [*line.split("\t"), ""][:4]
            found[tuple(sorted((a, b)))] = (verdict, why)
    return found


def capacity(reports: dict[str, str], lexicon: Lexicon) -> float:
    """Bits per 100 characters of the reports' plans, each with the others as reference."""
    bits = chars = 0.0
    for name, text in reports.items():
        reference = TextCorpus([t for other, t in reports.items() if other != name])
        slots = select_slots(find_slots(text, lexicon, reference), len(text))
        bits += slot_density(slots, text) * len(text) / 100
        chars += len(text)
    return 100 * bits / chars


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--min-contexts", type=int, default=2)
    parser.add_argument("--top", type=int, default=60)
    args = parser.parse_args()
    lexicon = load_lexicon()
    texts = library()
    print(f"machine: {platform.machine()}, Python {platform.python_version()}")
    print(f"library: {len(texts)} documents, {sum(map(len, texts.values()))} characters")
    candidates = mine(list(texts.values()), lexicon, args.min_contexts)[: args.top]
    known = labels()
    verdicts = Counter()
    safe = []
    print(f"\nthe {len(candidates)} candidates sharing the most contexts")
    for n, a, b in candidates:
        verdict, why = known.get((a, b), ("unlabelled", ""))
        verdicts[verdict] += 1
        if verdict == "ok":
            safe.append((a, b))
        print(f"  {n:>3}  {a} / {b:<8}{verdict:<11}{why}")
    labelled = verdicts["ok"] + verdicts["wrong"]
    print(
        f"\nsafe: {verdicts['ok']} of {labelled} labelled"
        f" ({verdicts['ok'] / max(labelled, 1):.0%}); unlabelled: {verdicts['unlabelled']}"
    )
    reports = {name: text for name, text in texts.items() if name.startswith("gwr")}
    if reports:
        mined = load_lexicon([parse_rule(f"{a} {b}", origin="editor") for a, b in safe])
        before, after = capacity(reports, lexicon), capacity(reports, mined)
        print(
            f"capacity of the {len(reports)} reports, bits per 100 characters: "
            f"{before:.3f} with the lexicon, {after:.3f} with the safe pairs added"
        )


if __name__ == "__main__":
    main()
