"""Import accuracy on documents the generator never made.

Reads the hand-written, hand-labelled sets in ``bench/data/import_set`` (its GUIDE.md says
what each label means) and ``bench/data/import_holdout`` (written to the same guide by a
writer who saw neither the first set nor the code, after the cleaner was tuned on the
first): documents in many house styles, each wrapped the way one of the
invented distributors wraps everything it passes on. Each document goes through the
import pipeline (``gaoku.core.ingest.prepare_text`` with the default cleaning patterns)
and is scored against its labels (and the real reports of ``../shared/corpus``, read in
place, against hand labels of their titles, parts and dated references kept as character
offsets in ``bench/data/corpus_labels.jsonl``):

* wrapper lines kept, body lines removed (goals: 0 and 0);
* title right, and type right (the type the title names, 其他 otherwise) (goal ≥ 98%);
* structure exact: title, salutation, parts with their points, closing (goal ≥ 95%);
* dated references and placeholders: share of labelled items found, and documents whose
  lists are exact (goal ≥ 95%);
* on the wrapper-free documents of ``bench/data/import_bodies``, every line of which is
  the document's: lines removed (goal 0) and titles right.

The cleaner is scored leaving each distributor out: it may learn only from documents of
the other distributors. Its learning across imports (recurring lines) is not used here,
except with ``--library``: every labelled document is then imported in turn into one
library, set after set, each distributor's documents one after another, and cleaned with
the lines whose shape (gaoku.core.cleaning.line_shape) RECURRING_IN earlier documents
hold, as the platform learns them; the real reports, which all come from one wiki, go
through a library of their own the same way — the figure for an editor importing whole
batches, and a test that learning takes nothing of a document. With ``--batch`` each set,
and the real reports, is read as one batch and imported into an empty library, as
`gaoku import` does with a folder (gaoku.core.cleaning.batch): each document learns from
the others from the first on; with ``--leave-out`` too, the figure for a batch of
distributors nobody has seen.
Its learned line judge (gaoku.core.cleaning.learned) is trained on these sets, so by
default every set but the real reports is scored by a judge that saw it; with
``--leave-out`` each set is scored by a judge trained without it (bench/line_model.py),
the honest figure of the judge for distributors it never saw. ``--leave-out 8`` trains eight
judges, each without an eighth of the sets (every eighth set), and scores each set by the
one that never saw it: as strict, on less training, in minutes rather than an hour.

    .venv/bin/python bench/import_accuracy.py [--verbose] [--batch]
        [--leave-out [FOLDS] | --library]
"""

from __future__ import annotations

import argparse
import json
import platform
import re
from collections import Counter
from collections.abc import Collection, Iterable, Iterator
from contextlib import contextmanager, nullcontext
from pathlib import Path

from fingerprint import CORPUS

from gaoku.core.cleaning import (
    RECURRING_IN,
    compile_patterns,
    default_patterns,
    learnable_lines,
    line_shape,
)
from gaoku.core.cleaning.batch import ImportBatch
from gaoku.core.cleaning.learned import train
from gaoku.core.ingest import PreparedText, prepare_text, sighted_lines
from gaoku.core.structure import document_type
from gaoku.core.text import normalize

DATA = Path(__file__).parent / "data"
CORPUS_LABELS = DATA / "corpus_labels.jsonl"
# Documents with no wrapper at all, whose every line the cleaner must keep (its GUIDE.md).
BODIES = DATA / "import_bodies"
# The set the cleaner was tuned on, and ones written afterwards by writers who saw neither
# the sets nor the code: only a set the cleaner was not yet tuned on says what it does
# with new distributors. A held-out set still being written (no labels yet) is skipped.
SETS = (
    "import_set",
    "import_holdout",
    "import_holdout2",
    "import_holdout3",
    "import_holdout4",
    "import_holdout5",
    "import_holdout6",
    "import_holdout7",
    "import_holdout8",
    "import_holdout9",
    "import_holdout10",
    "import_holdout11",
    "import_holdout12",
    "import_holdout13",
    "import_holdout14",
    "import_holdout15",
    "import_holdout16",
    "import_holdout17",
    "import_holdout18",
    "import_holdout19",
    "import_holdout20",
    "import_holdout21",
    "import_holdout22",
    "import_holdout23",
    "import_holdout24",
    "import_holdout25",
    "import_holdout26",
    "import_holdout27",
    "import_holdout28",
    "import_holdout29",
    "import_holdout30",
    "import_holdout31",
    "import_holdout32",
    "import_holdout33",
    "import_holdout34",
    "import_holdout35",
    "import_holdout36",
    "import_holdout37",
    "import_holdout38",
    "import_holdout39",
    "import_holdout40",
    "import_holdout41",
    "import_holdout42",
    "import_holdout43",
    "import_holdout44",
    "import_holdout45",
    "import_holdout46",
    "import_holdout47",
    "import_holdout48",
    "import_holdout49",
    "import_holdout50",
    "import_holdout51",
    "import_holdout52",
    "import_holdout53",
    "import_holdout54",
    "import_holdout55",
    "import_holdout56",
    "import_holdout57",
    "import_holdout58",
    "import_holdout59",
    "import_holdout60",
    "import_holdout61",
    "import_holdout62",
    "import_holdout63",
    "import_holdout64",
    "import_holdout65",
    "import_holdout66",
    "import_holdout67",
    "import_holdout68",
    "import_holdout69",
    "import_holdout70",
    "import_holdout71",
    "import_holdout72",
    "import_holdout73",
    "import_holdout74",
    "import_holdout75",
    "import_holdout76",
    "import_holdout77",
    "import_holdout78",
    "import_holdout79",
    "import_holdout80",
    "import_holdout81",
    "import_holdout82",
    "import_holdout83",
    "import_holdout84",
    "import_holdout85",
    "import_holdout86",
    "import_holdout87",
    "import_holdout88",
    "import_holdout89",
    "import_holdout90",
    "import_holdout91",
    "import_holdout92",
    "import_holdout93",
    "import_holdout94",
    "import_holdout95",
    "import_holdout96",
    "import_holdout97",
    "import_holdout98",
    "import_holdout99",
    "import_holdout100",
    "import_holdout101",
    "import_holdout102",
    "import_holdout103",
    "import_holdout104",
    "import_holdout105",
    "import_holdout106",
    "import_holdout107",
    "import_holdout108",
    "import_holdout109",
    "import_holdout110",
    "import_holdout111",
    "import_holdout112",
    "import_holdout113",
    "import_holdout114",
    "import_holdout115",
    "import_holdout116",
    "import_holdout117",
    "import_holdout118",
    "import_holdout119",
    "import_holdout120",
    "import_holdout121",
    "import_holdout122",
    "import_holdout123",
    "import_holdout124",
    "import_holdout125",
    "import_holdout126",
    "import_holdout127",
    "import_holdout128",
    "import_holdout129",
    "import_holdout130",
    "import_holdout131",
    "import_holdout132",
    "import_holdout133",
    "import_holdout134",
    "import_holdout135",
    "import_holdout136",
    "import_holdout137",
    "import_holdout138",
    "import_holdout139",
    "import_holdout140",
    "import_holdout141",
    "import_holdout142",
    "import_holdout143",
    "import_holdout144",
    "import_holdout145",
    "import_holdout146",
    "import_holdout147",
    "import_holdout148",
    "import_holdout149",
    "import_holdout150",
    "import_holdout151",
    "import_holdout152",
    "import_holdout153",
    "import_holdout154",
    "import_holdout155",
    "import_holdout156",
    "import_holdout157",
    "import_holdout158",
    "import_holdout159",
    "import_holdout160",
    "import_holdout161",
    "import_holdout162",
    "import_holdout163",
    "import_holdout164",
    "import_holdout165",
    "import_holdout166",
    "import_holdout167",
    "import_holdout168",
    "import_holdout169",
    "import_holdout170",
    "import_holdout171",
    "import_holdout172",
    "import_holdout173",
    "import_holdout174",
    "import_holdout175",
    "import_holdout176",
    "import_holdout177",
    "import_holdout178",
    "import_holdout179",
    "import_holdout180",
    "import_holdout181",
    "import_holdout182",
    "import_holdout183",
    "import_holdout184",
    "import_holdout185",
    "import_holdout186",
    "import_holdout187",
    "import_holdout188",
    "import_holdout189",
    "import_holdout190",
    "import_holdout191",
    "import_holdout192",
    "import_holdout193",
    "import_holdout194",
    "import_holdout195",
    "import_holdout196",
    "import_holdout197",
    "import_holdout198",
    "import_holdout199",
    "import_holdout200",
    "import_holdout201",
    "import_holdout202",
    "import_holdout203",
    "import_holdout204",
    "import_holdout205",
    "import_holdout206",
    "import_holdout207",
    "import_holdout208",
    "import_holdout209",
    "import_holdout210",
    "import_holdout211",
    "import_holdout212",
    "import_holdout213",
    "import_holdout214",
    "import_holdout215",
    "import_holdout216",
    "import_holdout217",
    "import_holdout218",
    "import_holdout219",
    "import_holdout220",
    "import_holdout221",
    "import_holdout222",
    "import_holdout223",
    "import_holdout224",
    "import_holdout225",
    "import_holdout226",
    "import_holdout227",
    "import_holdout228",
    "import_holdout229",
    "import_holdout230",
    "import_holdout231",
    "import_holdout232",
    "import_holdout233",
    "import_holdout234",
    "import_holdout235",
)


def load(name: str) -> list[dict]:
    folder = DATA / name
    lines = (folder / "labels.jsonl").read_text("utf-8").splitlines()
    labels = [json.loads(line) for line in lines]
    for label in labels:
        label["raw"] = (folder / "docs" / label["file"]).read_text("utf-8")
    return labels


# A viewer's mark before a line (a paste site's gutter number, an e-mail's quoting >):
# a line the import keeps without its mark is kept. The labels give lines as they stand.
_VIEWER_MARK = re.compile(r"^(?:\d{1,5}(?:\s*[│┃|｜¦]|\s{2,}|$)|(?:[>＞]\s*)+)\s*")


# A blank alone: ○○, 某某, XX, ××, ＿＿＿. Writers label a blank before a unit word either
# with it (XX县, as GUIDE.md's examples) or without (○○); the import finds it with its unit
# (○○村, which localisation fills whole). Either is the same blank found.
_BARE_BLANK = re.compile(r"[○〇]{1,4}|某某|[XxＸ×]{1,4}|[＿_]{2,}")


def _blanks_as_labelled(found: Iterable[str], labelled: list[str]) -> list[str]:
    """The placeholders found, each named as the label names the same blank, unique, in
    order: a labelled blank matches a found one that is it or it with its unit word."""

    def same(a: str, b: str) -> bool:
        short, long = sorted((a, b), key=len)
        return long.startswith(short) and bool(_BARE_BLANK.fullmatch(short))

    named: list[str] = []
    for blank in found:
        name = next((p for p in labelled if p == blank or same(p, blank)), blank)
        if name not in named:
            named.append(name)
    return named


class Library:
    """What a library learns across imports (gaoku.library's line sightings): how many
    documents hold each learnable line's shape; with a ``batch`` read before it is
    imported, its documents not yet imported count too (gaoku.core.cleaning.batch)."""

    def __init__(self, batch: ImportBatch | None = None) -> None:
        self.held: Counter[str] = Counter()
        self.batch = batch

    def known(self, raw: str) -> frozenset[str]:
        text = normalize(raw)
        shapes = {line: line_shape(line) for line in learnable_lines(text)}
        held = self.held.copy()
        if self.batch:
            held.update(self.batch.held_elsewhere(text, shapes.values()))
        return frozenset(line for line, shape in shapes.items() if held[shape] >= RECURRING_IN)

    def remember(self, raw: str, prepared: PreparedText) -> None:
        self.held.update({line_shape(line) for line in sighted_lines(prepared)})
        if self.batch:
            self.batch.imported(normalize(raw))


def score(label: dict, patterns, library: Library | None = None) -> dict:
    known = library.known(label["raw"]) if library else frozenset()
    prepared = prepare_text(label["raw"], patterns, known)
    if library:
        library.remember(label["raw"], prepared)
    lines = set(prepared.text.split("\n"))

    def kept(line: str) -> bool:
        return line in lines or _VIEWER_MARK.sub("", line) in lines

    wrapper = [normalize(line) for line in label["wrapper_lines"]]
    body = [
        line
        for line in normalize(label["raw"]).split("\n")
        if line and line not in set(wrapper) and _VIEWER_MARK.sub("", line)
    ]
    outline = prepared.outline.to_dict()
    want = label["outline"]
    found_refs = [r for r in label["dated_references"] if r in prepared.dated_references]
    blanks = _blanks_as_labelled(prepared.placeholders, label["placeholders"])
    found_blanks = [p for p in label["placeholders"] if p in blanks]
    return {
        "wrapper kept": [line for line in wrapper if kept(line)],
        "body removed": [line for line in body if not kept(line)],
        "title": outline["title"] == label["title"],
        "type": (document_type(prepared.outline) or "其他") == label["doc_type"],
        "structure": outline == want,
        "refs found": (len(found_refs), len(label["dated_references"])),
        "refs exact": list(prepared.dated_references) == label["dated_references"],
        "blanks found": (len(found_blanks), len(label["placeholders"])),
        "blanks exact": blanks == label["placeholders"],
        "got": outline,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--verbose", action="store_true", help="print every miss")
    choice = parser.add_mutually_exclusive_group()
    choice.add_argument(
        "--leave-out",
        nargs="?",
        const=0,
        type=int,
        metavar="FOLDS",
        help="score each set by a judge trained without it; with FOLDS, without the whole "
        "fold of sets it falls in (set i in fold i mod FOLDS): FOLDS trainings, not one a set",
    )
    choice.add_argument(
        "--library", action="store_true", help="import every document into one library in turn"
    )
    parser.add_argument(
        "--batch",
        action="store_true",
        help="import each set, and the real reports, as one batch into an empty library",
    )
    args = parser.parse_args()
    if args.library and args.batch:
        parser.error("--batch imports each set into a library of its own: not with --library")
    library = Library() if args.library else None
    print(
        f"machine: {platform.processor() or platform.machine()}, Python {platform.python_version()}"
    )
    present = [name for name in SETS if (DATA / name / "labels.jsonl").is_file()]
    for name in sorted(set(SETS) - set(present), key=SETS.index):
        print(f"\n{name}: not here, skipped")
    leave_out = args.leave_out is not None
    folds = (args.leave_out or len(present)) if leave_out else 1
    totals: Counter[str] = Counter()
    for fold in range(folds):
        names = present[fold::folds]
        with judge_without(names) if leave_out else nullcontext():
            for name in names:
                labels = load(name)
                if args.batch:
                    library = Library(ImportBatch(label["raw"] for label in labels))
                title = f"{name} (judge trained without it)" if leave_out else name
                totals += report(title, labels, args.verbose, library)
    print(
        f"\nall {len(present)} sets: wrapper lines kept {totals['wrapper kept']} of "
        f"{totals['wrapper lines']}, body lines removed {totals['body removed']}, "
        f"titles {totals['title'] / totals['documents']:.1%}, "
        f"structure {totals['structure'] / totals['documents']:.1%}"
    )
    if args.batch and CORPUS.is_dir():
        labels = [json.loads(line) for line in CORPUS_LABELS.read_text("utf-8").splitlines()]
        library = Library(ImportBatch(_corpus_raw(label) for label in labels))
    corpus_report(args.verbose, library if args.batch else Library() if args.library else None)
    bodies_report(args.verbose)


@contextmanager
def judge_without(left_out: Collection[str]) -> Iterator[None]:
    """Let the cleaner use a line judge trained on every set but those ``left_out``."""
    from line_model import generated_lines, set_lines, wrapper_free_lines

    import gaoku.core.cleaning as cleaning

    examples = [*generated_lines(), *wrapper_free_lines()]
    for name in SETS:
        if name not in left_out and (DATA / name / "labels.jsonl").is_file():
            examples += set_lines(name)
    shipped, model = cleaning.shipped, train(examples)
    cleaning.shipped = lambda: model
    try:
        yield
    finally:
        cleaning.shipped = shipped


def corpus_report(verbose: bool, library: Library | None = None) -> None:
    """The real government work reports of ../shared/corpus, read in place, against the
    hand labels of bench/data/corpus_labels.jsonl (character offsets, no text); with a
    library, imported into it one after another (they all come from one wiki)."""
    if not CORPUS.is_dir():
        print("\n../shared/corpus is not here: real reports skipped")
        return
    labels = [json.loads(line) for line in CORPUS_LABELS.read_text("utf-8").splitlines()]
    patterns = compile_patterns(default_patterns())
    totals: Counter[str] = Counter()
    for label in labels:
        raw = _corpus_raw(label)
        prepared = prepare_text(raw, patterns, library.known(raw) if library else frozenset())
        if library:
            library.remember(raw, prepared)
        kept = set(prepared.text.split("\n"))
        wrapper = {normalize(raw[a:b]) for a, b in label["wrapper_lines"]}
        body = [line for line in normalize(raw).split("\n") if line and line not in wrapper]
        headings = [normalize(raw[a:b]).replace("\n", "") for a, b in label["parts"]]
        got = [part.heading for part in prepared.outline.parts]
        totals["title"] += prepared.outline.title == normalize(raw[slice(*label["title"])])
        totals["parts"] += got == headings
        totals["wrapper kept"] += sum(line in kept for line in wrapper)
        totals["wrapper lines"] += len(wrapper)
        totals["body removed"] += sum(line not in kept for line in body)
        if label["dated_references"] is not None:
            wanted = [raw[a:b] for a, b in label["dated_references"]]
            totals["refs found"] += sum(ref in prepared.dated_references for ref in wanted)
            totals["refs"] += len(wanted)
        if verbose and got != headings:
            print(f"  {label['file']}: parts {got} != {headings}")
    n = len(labels)
    print(f"\nreal work reports (../shared/corpus): {n}, read in place")
    title, parts = totals["title"] / n, totals["parts"] / n
    print(f"  title right: {title:.0%}; top-level parts exact: {parts:.0%}")
    print(
        f"  wiki wrapper lines kept: {totals['wrapper kept']} of {totals['wrapper lines']}; "
        f"body lines removed: {totals['body removed']}"
    )
    print(
        f"  dated references found (4 reports labelled): "
        f"{totals['refs found']} of {totals['refs']} ({totals['refs found'] / totals['refs']:.0%})"
    )


def bodies_report(verbose: bool) -> None:
    """The wrapper-free documents of bench/data/import_bodies: every line is the
    document's, so every line removed is lost."""
    rows = (BODIES / "labels.jsonl").read_text("utf-8").splitlines()
    labels = [json.loads(row) for row in rows]
    patterns = compile_patterns(default_patterns())
    lines = removed = titles = 0
    for label in labels:
        raw = (BODIES / "docs" / label["file"]).read_text("utf-8")
        prepared = prepare_text(raw, patterns)
        kept = set(prepared.text.split("\n"))
        own = [line for line in normalize(raw).split("\n") if line]
        lost = [line for line in own if line not in kept]
        lines += len(own)
        removed += len(lost)
        titles += prepared.outline.title == normalize(label["title"])
        if verbose and lost:
            print(f"  {label['file']}: {lost}")
    print(f"\nwrapper-free documents ({BODIES.name}): {len(labels)}, {lines} lines")
    print(f"  lines removed (goal 0): {removed}; titles right: {titles} of {len(labels)}")


def _corpus_raw(label: dict) -> str:
    return (CORPUS / label["file"]).read_text("utf-8")


def report(
    name: str, labels: list[dict], verbose: bool, library: Library | None = None
) -> Counter[str]:
    """Print one set's figures, and return its counts."""
    patterns = compile_patterns(default_patterns())
    distributors = sorted({label["distributor"] for label in labels})
    print(f"\n{name}: {len(labels)} hand-written documents, {len(distributors)} distributors")
    totals: Counter[str] = Counter()
    for label in labels:
        result = score(label, patterns, library)
        totals["wrapper lines"] += len(label["wrapper_lines"])
        totals["wrapper kept"] += len(result["wrapper kept"])
        totals["body removed"] += len(result["body removed"])
        for key in ("title", "type", "structure", "refs exact", "blanks exact"):
            totals[key] += result[key]
        for key in ("refs found", "blanks found"):
            totals[key] += result[key][0]
            totals[key + " of"] += result[key][1]
        if verbose:
            misses = {k: result[k] for k in ("wrapper kept", "body removed") if result[k]}
            misses |= {
                k: True for k in ("title", "type", "structure", "refs exact") if not result[k]
            }
            if misses:
                print(f"  {label['file']}: {misses}")
    n = totals["documents"] = len(labels)
    print(f"  wrapper lines kept (goal 0): {totals['wrapper kept']} of {totals['wrapper lines']}")
    print(f"  body lines removed (goal 0): {totals['body removed']}")
    print(f"  title right (goal ≥ 98%): {totals['title'] / n:.0%}")
    print(f"  type right (goal ≥ 98%): {totals['type'] / n:.0%}")
    print(f"  structure exact (goal ≥ 95%): {totals['structure'] / n:.0%}")
    for name, key in (("dated references", "refs"), ("placeholders", "blanks")):
        found = totals[f"{key} found"] / totals[f"{key} found of"]
        print(
            f"  {name} found (goal ≥ 95%): {found:.0%}; documents exact "
            f"{totals[f'{key} exact'] / n:.0%}"
        )
    return totals


if __name__ == "__main__":
    main()
