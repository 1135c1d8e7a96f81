"""Originality check (查重): Gaoku's draft check beside datasketch's MinHash LSH, in one run.

Generated materials (fixed seed) are indexed by both engines, in one process on one core,
and labelled drafts of about 3,000 characters are checked sentence by sentence. Both see
the same units: the checkable sentences of ``gaoku.core.originality``.

* ``Gaoku`` — ``draft_sentences_check`` exactly as the product runs it: candidates from
  ``SearchIndex.similar(sentence, limit=CANDIDATES)`` (tantivy's index of every library
  sentence). A copied sentence is found when it is matched and its source material is
  among its matches.
* ``MinHash LSH`` — datasketch 2.0.0: every checkable library sentence, folded, as the set
  of its character bigrams (the unit of Gaoku's Dice view), ``num_perm`` 128, one
  ``MinHashLSH`` at Jaccard 0.5 (≈ Dice 0.67, just under ``NEAR``'s 0.7), key
  (material, sentence). A copied sentence is found when its source sentence's key is
  among the keys the LSH returns; no verification of the candidates.

Draft sentences: half copied from a library sentence that occurs (folded) in exactly one
material — verbatim, lightly edited (1–3 characters inserted, deleted or substituted),
reordered (clauses split at ，and rotated) or with 2–3 synonyms swapped (pairs from
``gaoku/core/lexicon/variants.txt``, the conditions of its lines ignored) — and half
original: the sentences of the two hand-written texts in bench/data (generated documents
outside the library are no clean negatives: their sentences score at least 0.5 against
it). A matched original sentence is a false positive.

    .venv/bin/python bench/originality.py [--materials 10000] [--drafts 20]
"""

from __future__ import annotations

import argparse
import datetime
import math
import os
import platform
import random
import re
import resource
import tempfile
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from common import nearest_rank, pin_to_one_core
from datasketch import MinHash, MinHashLSH

from gaoku.core.excerpt import fold_text
from gaoku.core.generator import generate_corpus
from gaoku.core.lexicon import load_lexicon
from gaoku.core.originality import (
    CANDIDATES,
    NEAR,
    checkable,
    draft_sentences_check,
    sentences,
    similarity,
)
from gaoku.core.search.index import IndexedDoc, SearchIndex

LIBRARY_SEED = 31
DRAFT_SEED = 7
NUM_PERM = 128
LSH_THRESHOLD = 0.5
DRAFT_CHARS = 3000
MIN_SOURCE_CHARS = 15  # folded; an edited copy stays checkable
PEER_LIMIT_S, PEER_LIMIT_BYTES = 600, 8 * 2**30
KINDS = ("verbatim", "edited", "reordered", "synonyms")
DATA = Path(__file__).parent / "data"
HANDWRITTEN = [DATA / "speech_handwritten.txt", DATA / "report_handwritten.txt"]
_TAIL = re.compile(r"[。！？；!?;]+[”’」）)]*$")


@dataclass(frozen=True)
class Unit:
    kind: str  # one of KINDS, or "original"
    text: str
    source: tuple[int, int] | None  # (material id, checkable sentence index)


@dataclass(frozen=True)
class Draft:
    text: str
    units: dict[int, Unit]  # by start offset in text


def rss_bytes() -> int:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def checkable_texts(text: str) -> list[str]:
    return [s.text for s in sentences(text) if checkable(s)]


# -- the engines -----------------------------------------------------------------------------


def build_gaoku(texts: list[str], days: list, folder: Path) -> tuple[SearchIndex, float]:
    started = time.perf_counter()
    index = SearchIndex(folder)
    index.put(
        IndexedDoc(id=n, stamp=n, day=days[n], title=t.split("\n", 1)[0], public="", body=t)
        for n, t in enumerate(texts)
    )
    return index, time.perf_counter() - started


def gaoku_check(index: SearchIndex, draft: str) -> dict[int, set]:
    """Per sentence start, the materials Gaoku matches it with."""
    checked = draft_sentences_check(draft, propose=lambda s: index.similar(s, limit=CANDIDATES))
    return {c.sentence.start: {m.key for m in c.matches} for c in checked}


def shingles(folded: str) -> list[bytes]:
    return [g.encode() for g in {folded[i : i + 2] for i in range(len(folded) - 1)}]


def build_peer(folded: list[list[str]]) -> tuple[MinHashLSH, float, int, int]:
    """Every library sentence into one LSH, within PEER_LIMIT_S and PEER_LIMIT_BYTES."""
    started, base = time.perf_counter(), rss_bytes()
    lsh = MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM)
    keys = [(m, i) for m, sents in enumerate(folded) for i in range(len(sents))]
    inserted = 0
    with lsh.insertion_session() as session:
        for chunk in range(0, len(keys), 20_000):
            batch = keys[chunk : chunk + 20_000]
            hashes = MinHash.bulk([shingles(folded[m][i]) for m, i in batch], num_perm=NUM_PERM)
            for key, minhash in zip(batch, hashes, strict=True):
                session.insert(key, minhash, check_duplication=False)
            inserted += len(batch)
            spent = time.perf_counter() - started
            if spent > PEER_LIMIT_S or rss_bytes() - base > PEER_LIMIT_BYTES:
                break
    return lsh, time.perf_counter() - started, inserted, rss_bytes() - base


def peer_check(lsh: MinHashLSH, draft: str) -> dict[int, set]:
    """Per sentence start, the (material, sentence) keys the LSH returns for it."""
    drafted = [s for s in sentences(draft) if checkable(s)]
    hashes = MinHash.bulk([shingles(fold_text(s.text)) for s in drafted], num_perm=NUM_PERM)
    return {s.start: set(lsh.query(h)) for s, h in zip(drafted, hashes, strict=True)}


# -- labelled drafts -------------------------------------------------------------------------


def synonym_table() -> dict[str, list[str]]:
    """Word -> its alternatives, from the lexicon's [synonyms] groups (conditions ignored)."""
    table = {}
    for word, rule in load_lexicon().rules.items():
        others = [v for v in rule.variants if v and v != word]
        if not rule.optional and len(word) >= 2 and others:
            table[word] = others
    return table


def split_end(text: str) -> tuple[str, str]:
    end = _TAIL.search(text)
    return (text[: end.start()], end.group()) if end else (text, "")


def edited(text: str, rng: random.Random, alphabet: str) -> str:
    chars = list(text)
    for _ in range(rng.randint(1, 3)):
        at = rng.choice([i for i, c in enumerate(chars) if "\u4e00" <= c <= "\u9fff"])
        op = rng.choice(("insert", "delete", "substitute"))
        if op == "insert":
            chars.insert(at, rng.choice(alphabet))
        elif op == "delete":
            del chars[at]
        else:
            chars[at] = rng.choice(alphabet.replace(chars[at], ""))
    return "".join(chars)


def reordered(text: str, rng: random.Random) -> str | None:
    body, end = split_end(text)
    clauses = body.split("，")
    if len(clauses) < 2 or not all(clauses):
        return None
    turn = rng.randrange(1, len(clauses))
    return "，".join(clauses[turn:] + clauses[:turn]) + end


def swapped(text: str, rng: random.Random, table: dict[str, list[str]]) -> str | None:
    words = re.compile("|".join(map(re.escape, sorted(table, key=len, reverse=True))))
    found = [(hit.start(), hit.group()) for hit in words.finditer(text)]
    if len(found) < 2:
        return None
    for start, word in sorted(rng.sample(found, min(len(found), rng.randint(2, 3))), reverse=True):
        text = text[:start] + rng.choice(table[word]) + text[start + len(word) :]
    return text


def copies(library: list[list[str]], folded: list[list[str]], count: int, seed: int) -> dict:
    """``count`` labelled copies of each kind, of sentences unique in the library."""
    rng = random.Random(seed)
    seen = Counter(f for sents in folded for f in sents)
    pool = [
        (m, i)
        for m, sents in enumerate(folded)
        for i, f in enumerate(sents)
        if seen[f] == 1 and len(f) >= MIN_SOURCE_CHARS
    ]
    alphabet = "".join(sorted({c for f in folded[0] for c in f if "\u4e00" <= c <= "\u9fff"}))
    table = synonym_table()
    makers = {
        "verbatim": lambda t: t,
        "edited": lambda t: edited(t, rng, alphabet),
        "reordered": lambda t: reordered(t, rng),
        "synonyms": lambda t: swapped(t, rng, table),
    }
    rng.shuffle(pool)
    out = {kind: [] for kind in makers}
    for kind, make in makers.items():
        while len(out[kind]) < count:
            m, i = pool.pop()
            text = make(library[m][i])
            if kind == "verbatim" or text not in (None, library[m][i]):
                out[kind].append(Unit(kind, text, (m, i)))
    return out


def assemble(units: list[Unit], rng: random.Random) -> Draft:
    """The units in order, as paragraphs of 3 to 6 sentences."""
    parts, placed, offset, left = [], {}, 0, rng.randint(3, 6)
    for unit in units:
        placed[offset] = unit
        left -= 1
        joint = "" if split_end(unit.text)[1] and left else "\n"
        left = left or rng.randint(3, 6)
        parts.append(unit.text + joint)
        offset += len(unit.text) + len(joint)
    return Draft("".join(parts), placed)


def drafts(labelled: dict, originals: list[str], count: int, seed: int) -> list[Draft]:
    """``count`` drafts of about DRAFT_CHARS characters, half of them copies."""
    rng = random.Random(seed)
    queues = {kind: list(units) for kind, units in labelled.items()}
    out = []
    for _ in range(count):
        chosen, copied = [], 0
        while copied < DRAFT_CHARS / 2:
            unit = queues[KINDS[len(chosen) % len(KINDS)]].pop()
            chosen.append(unit)
            copied += len(unit.text)
        own = rng.sample(originals, len(originals))
        while own and sum(len(u.text) for u in chosen) < DRAFT_CHARS:
            chosen.append(Unit("original", own.pop(), None))
        rng.shuffle(chosen)
        out.append(assemble(chosen, rng))
    return out


# -- scoring ---------------------------------------------------------------------------------


def run(check, all_drafts: list[Draft], want) -> dict:
    """Per kind: copies found (``want`` of the source among the keys), copies flagged (any
    key), and false positives; latency per draft; the missed copies."""
    r = {"found": Counter(), "flagged": Counter(), "total": Counter(), "times": [], "keys": 0}
    r["false"], r["misses"] = [], []
    for draft in all_drafts:
        started = time.perf_counter()
        result = check(draft.text)
        r["times"].append(time.perf_counter() - started)
        for start, unit in draft.units.items():
            got = result[start]
            r["total"][unit.kind] += 1
            r["flagged"][unit.kind] += bool(got)
            r["keys"] += len(got)
            if unit.source is None and got:
                r["false"].append((unit.text, got))
            elif unit.source is not None and want(unit) in got:
                r["found"][unit.kind] += 1
            elif unit.source is not None:
                r["misses"].append((unit, got))
    return r


def recall(r: dict, kind: str | None = None, count: str = "found") -> float:
    kinds = [kind] if kind else KINDS
    return sum(r[count][k] for k in kinds) / sum(r["total"][k] for k in kinds)


def print_table(results: dict[str, dict], builds: dict[str, float]) -> None:
    print(
        f"| engine | build | p50 / p95 / max per draft | {' | '.join(KINDS)} | overall | "
        "flagged, any source | false positives |"
    )
    print("|---|---:|---:|" + "---:|" * len(KINDS) + "---:|---:|---:|")
    for name, r in results.items():
        t = [1000 * x for x in r["times"]]
        ms = f"{nearest_rank(t, 0.5):.0f} / {nearest_rank(t, 0.95):.0f} / {max(t):.0f} ms"
        kinds = " | ".join(f"{recall(r, k):.1%}" for k in KINDS)
        false = f"{len(r['false'])} of {r['total']['original']}"
        distinct = len({s for s, _ in r["false"]})
        print(
            f"| {name} | {builds[name]:.0f} s | {ms} | {kinds} | {recall(r):.1%} | "
            f"{recall(r, count='flagged'):.1%} | {false} ({distinct} distinct) |"
        )


def print_ratios(gaoku: dict, peer: dict, materials: int) -> None:
    print("\nGaoku recall minus MinHash LSH recall, percentage points:")
    print("  " + ", ".join(f"{k} {100 * (recall(gaoku, k) - recall(peer, k)):+.1f}" for k in KINDS))
    p50 = nearest_rank(gaoku["times"], 0.5) / nearest_rank(peer["times"], 0.5)
    p95 = nearest_rank(gaoku["times"], 0.95)
    sentences_n = sum(gaoku["total"].values())
    print(f"latency p50, Gaoku / MinHash LSH: {p50:.1f}×")
    print(
        f"keys per draft sentence: Gaoku {gaoku['keys'] / sentences_n:.1f} materials matched, "
        f"MinHash LSH {peer['keys'] / sentences_n:.1f} sentences returned"
    )
    print(
        f"goal: a 3,000-character draft against {materials} materials under 1 s — "
        f"Gaoku p95 {p95:.2f} s" + (f" ({1 / p95:.1f}× under)" if p95 < 1 else ", MISSED")
    )
    print(f"near-duplicate level: Gaoku similarity ≥ {NEAR}; LSH Jaccard ≥ {LSH_THRESHOLD}")


def print_false(name: str, r: dict, library: list[list[str]], sentence_level: bool) -> None:
    """Each distinct false positive once: how often, and its best similarity() among what the
    engine returned (all sentences of a matched material for Gaoku, at most 200 for LSH)."""
    counts = Counter(text for text, _ in r["false"])
    print(f"\n{name} false positives: {len(r['false'])}, {len(counts)} distinct")
    for text, got in {text: got for text, got in r["false"]}.items():
        pool = (
            [library[m][i] for m, i in sorted(got)[:200]]
            if sentence_level
            else [s for m in got for s in library[m]]
        )
        best = max(pool, key=lambda s: similarity(text, s))
        print(
            f"- {counts[text]}×, {len(got)} returned, best {similarity(text, best):.2f}: {text}"
            f"\n  nearest: {best}"
        )


def rank_bucket(rank: int | None) -> str:
    if rank is None:
        return "not in the top 100"
    return "proposed" if rank <= CANDIDATES else "rank 6–20" if rank <= 20 else "rank 21–100"


def print_misses(r: dict, library: list[list[str]], index: SearchIndex, limit: int) -> None:
    """Gaoku's missed copies: similarity to the source, and the source's rank among
    ``index.similar`` (top 5 proposed)."""
    print(f"\nGaoku misses: {len(r['misses'])}")
    causes = Counter()
    for n, (unit, got) in enumerate(r["misses"]):
        m, i = unit.source
        ranked = [key for key, _text in index.similar(unit.text, limit=100)]
        where = rank_bucket(ranked.index(m) + 1 if m in ranked else None)
        causes[unit.kind, where] += 1
        if n < limit:
            print(
                f"- {unit.kind}, similarity {similarity(unit.text, library[m][i]):.2f} to "
                f"material {m} ({where}); matched {sorted(got)[:5] or 'nothing'}\n"
                f"  draft:  {unit.text}\n  source: {library[m][i]}"
            )
    print("source's rank by kind: " + ", ".join(f"{k} {c}: {n}" for (k, c), n in causes.items()))


def prepare(args) -> tuple[list, list[list[str]], list[list[str]], list[Draft], float]:
    """The library (documents, checkable sentences) and the labelled drafts."""
    docs = list(generate_corpus(args.materials, seed=LIBRARY_SEED))
    print(f"library: {len(docs)} generated materials, {sum(len(d.text) for d in docs)} characters")
    started = time.perf_counter()
    library = [checkable_texts(d.text) for d in docs]
    folded = [[fold_text(s) for s in sents] for sents in library]
    split_s = time.perf_counter() - started
    per_kind = math.ceil(args.drafts * DRAFT_CHARS / 2 / len(KINDS) / 25)
    labelled = copies(library, folded, per_kind, DRAFT_SEED)
    originals = [s for path in HANDWRITTEN for s in checkable_texts(path.read_text("utf-8"))]
    all_drafts = drafts(labelled, originals, args.drafts, DRAFT_SEED)
    sizes = [len(d.text) for d in all_drafts]
    units = Counter(u.kind for d in all_drafts for u in d.units.values())
    print(
        f"drafts: {len(all_drafts)}, {min(sizes)}–{max(sizes)} characters; sentences "
        + ", ".join(f"{k} {units[k]}" for k in (*KINDS, "original"))
        + f" ({len(originals)} distinct hand-written originals)\n"
    )
    return docs, library, folded, all_drafts, split_s


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--materials", type=int, default=10_000)
    parser.add_argument("--drafts", type=int, default=20)
    parser.add_argument("--show", type=int, default=15, help="misses and false positives shown")
    args = parser.parse_args()
    pinned = pin_to_one_core()
    began = time.perf_counter()
    print(
        f"{datetime.date.today()}, machine: {platform.processor() or platform.machine()}, "
        f"{os.cpu_count()} cores ({pinned}), Python {platform.python_version()}"
    )
    docs, library, folded, all_drafts, split_s = prepare(args)
    texts = [d.text for d in docs]
    with tempfile.TemporaryDirectory() as folder:
        index, gaoku_s = build_gaoku(texts, [d.published for d in docs], Path(folder))
        lsh, peer_s, inserted, grown = build_peer(folded)
        total = sum(map(len, folded))
        coverage = "all" if inserted == total else f"ONLY {inserted} (limit reached) of"
        print(f"Gaoku index: {gaoku_s:.1f} s (tantivy, {len(texts)} materials)")
        print(
            f"MinHash LSH: {peer_s:.1f} s + {split_s:.1f} s to split and fold; {coverage} "
            f"{total} sentences, num_perm {NUM_PERM}, bands × rows {lsh.b} × {lsh.r}, "
            f"resident memory +{grown / 2**30:.1f} GB\n"
        )
        results = {
            "Gaoku": run(lambda d: gaoku_check(index, d), all_drafts, lambda u: u.source[0]),
            "MinHash LSH": run(lambda d: peer_check(lsh, d), all_drafts, lambda u: u.source),
        }
        print_table(results, {"Gaoku": gaoku_s, "MinHash LSH": peer_s + split_s})
        print_ratios(results["Gaoku"], results["MinHash LSH"], len(texts))
        print_false("Gaoku", results["Gaoku"], library, sentence_level=False)
        print_false("MinHash LSH", results["MinHash LSH"], library, sentence_level=True)
        print_misses(results["Gaoku"], library, index, args.show)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 2**20
    print(f"\ntotal {time.perf_counter() - began:.0f} s, peak memory {peak:.1f} GB")


if __name__ == "__main__":
    main()
