"""Structure-parsing accuracy on a labelled set of generated documents.

The generator writes each document from its outline, so the outline is the label. A
document counts as right for "parts" when every heading is found exactly, and for
"points" when, in addition, every part's points are found exactly.

    .venv/bin/python bench/structure_accuracy.py [--count 500]
"""

from __future__ import annotations

import argparse
from collections import Counter

from gaoku.core.generator import generate_corpus
from gaoku.core.structure import find_dated_references, find_placeholders, parse_outline


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=500)
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args()
    total: Counter[str] = Counter()
    right: Counter[str] = Counter()
    for doc in generate_corpus(args.count, seed=args.seed):
        got = parse_outline(doc.text).to_dict()
        want = doc.outline
        headings_ok = [p["heading"] for p in got["parts"]] == [p["heading"] for p in want["parts"]]
        checks = {
            "title": got["title"] == want["title"],
            "salutation": got["salutation"] == want["salutation"],
            "parts": headings_ok,
            "parts+points": headings_ok and got["parts"] == want["parts"],
            "closing": got["closing"] == want["closing"],
            "whole outline": got == want,
            "placeholders": find_placeholders(doc.text) == list(doc.placeholders),
            "dated references": find_dated_references(doc.text) == list(doc.dated_references),
        }
        for name, ok in checks.items():
            total[(doc.doc_type, name)] += 1
            total[("all", name)] += 1
            right[(doc.doc_type, name)] += ok
            right[("all", name)] += ok
    names = ["parts", "parts+points", "whole outline", "placeholders", "dated references"]
    print(f"{'type':<8}" + "".join(f"{n:>18}" for n in names))
    for doc_type in sorted({t for t, _ in total}, key=lambda t: (t == "all", t)):
        cells = [f"{right[(doc_type, n)] / total[(doc_type, n)]:>17.1%} " for n in names]
        print(f"{doc_type:<8}" + "".join(cells) + f"  n={total[(doc_type, 'parts')]}")


if __name__ == "__main__":
    main()
