"""Chinese full-text search: Gaoku's engine against three others, on the same paragraphs.

The same generated paragraphs (one paragraph, one document) and queries for every
engine, in one process on one core:

* ``Gaoku`` — :class:`gaoku.core.search.SearchIndex`: tantivy over character n-grams
  (:mod:`gaoku.core.search.tokens`), queries through ``parse``;
* ``SQLite FTS5`` — character bigrams and characters (PostgreSQL's tokens) in an FTS5
  table, the same parsed query compiled to a MATCH expression (the optional whole-run
  boost aside), ranked by bm25;
* ``Whoosh + jieba`` — Whoosh with jieba's ChineseAnalyzer, queries through Whoosh's own
  parser (AND by default);
* ``tantivy + jieba`` — tantivy over jieba's search-mode words (default dictionary), each
  query term cut into words that must all occur. Read as Gaoku reads: one searcher, ids
  from a fast field.

Reported: index build time (tokens or words included) and size; p50 and p95 latency of
200 realistic queries, each from the query string to the ids of the first 10 hits and
the exact number of matches (the median of three timings of each query); precision at 10
on 50 queries labelled with a topic (a paragraph is relevant when its document's primary
topic is the query's); the share of paragraphs holding a 1- or 2-character term that
each engine counts; and the share of the 200 queries whose count is exact, against the
query's meaning checked by substring on every paragraph (each word occurs, wherever it
occurs). A speed and agreement table of jieba and rjieba comes first; tantivy + jieba
uses the faster where their words agree.

    .venv/bin/python bench/search.py [--paragraphs 100000] [--queries 200]
"""

from __future__ import annotations

import argparse
import datetime
import logging
import os
import platform
import random
import re
import sqlite3
import statistics
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import jieba
import rjieba
import tantivy
from common import nearest_rank, pin_to_one_core
from jieba.analyse import ChineseAnalyzer
from whoosh import fields, index, qparser

from gaoku.core.generator import GeneratedDocument, generate_corpus
from gaoku.core.search.index import IndexedDoc, Scope, SearchIndex
from gaoku.core.search.query import All, Any, Node, Not, Term, parse
from gaoku.core.search.segment import official_terms
from gaoku.core.search.tokens import index_tokens, search_fold, term_parts

CORPUS_SEED = 5
QUERY_SEED = 2024
LIMIT = 10
# Each query is timed this many times, in rounds over the whole set; its time is the
# median, so that one pause of the machine does not decide a percentile.
ROUNDS = 3
WRITER_HEAP = 50_000_000  # as Gaoku's writer

# -- queries: words that occur in the generator's texts ------------------------------------


def _words(*chunks: str) -> list[str]:
    return " ".join(chunks).split()


TWO = _words(
    "党建 作风 表率 纪律 担当 廉洁 整改 督查 基层 群众 监督 考核 问责 调研 产业 农田 隐患",
    "网格 信访 污染 人才 疫苗 扶贫 舆论 阵地 宣传 队伍 责任 学习",
)
ONE = _words("党 廉 农 汛 粮 税 企 治 绿 防 学 法")
OFFICIAL = _words(
    "主体责任 一岗双责 三会一课 两个维护 乡村振兴 疫情防控 八项规定 两学一做 主题教育",
    "民主生活会 全面从严治党 党风廉政建设 形式主义 官僚主义 放管服 河湖长制 脱贫攻坚 营商环境",
    "安全生产 意识形态 网格化管理 一网通办 四种形态 廉政风险 政治生态 理论武装 两不愁三保障",
    "高标准农田",
)
RUNS = _words(
    "落实全面从严治党主体责任 推进高标准农田建设 严格落实三会一课制度 集中整治形式主义官僚主义",
    "加强廉洁文化建设 深化放管服改革 健全舆情监测研判处置机制 落实领导干部接访下访制度",
    "压实企业安全生产主体责任 做好易地扶贫搬迁后续扶持 加强重点人群排查管控 推进网格化管理服务",
    "抓好水库安全度汛 完善人才引进培养政策 开展专题学习研讨 发展壮大村级集体经济",
    "党员先锋模范作用 全面落实河湖长制 乡村振兴产业发展 基层党组织战斗堡垒作用",
)
PHRASES = _words(
    "党支部标准化规范化建设 中央八项规定精神 廉政风险防控 网络意识形态安全 重点场所防控",
    "防止返贫监测 农村人居环境 安全风险分级管控 矛盾纠纷排查化解 政务服务 生态环境质量",
    "社会稳定风险评估 群众转移避险 高层次人才 检视整改",
)


def _labelled(*lines: str) -> list[tuple[str, str]]:
    return [
        (topic, query.strip())
        for topic, queries in (line.split(":") for line in lines)
        for query in queries.split("|")
    ]


# Information needs, by the primary topic that a relevant paragraph's document has.
LABELLED = _labelled(
    "机关党建: 机关党建 | 三会一课 党支部 | 模范机关创建 | 党建和业务融合",
    "作风建设: 作风 为基层减负 | 形式主义官僚主义 | 中央八项规定精神 作风 | 督查检查考核",
    "党风廉政: 一岗双责 | 廉政风险防控 | 全面从严治党主体责任 | 四种形态 监督执纪",
    "意识形态: 意识形态工作责任制 | 网络意识形态安全 | 舆情 宣传思想阵地",
    "主题教育: 检视整改 | 专题民主生活会 主题教育 | 调查研究 学习研讨",
    "人才工作: 高层次人才 | 人才引进 人才服务 | 青年人才 人才评价",
    "疫情防控: 疫情防控 | 核酸检测 疫苗接种 | 联防联控 重点人群",
    "脱贫攻坚: 两不愁三保障 | 易地扶贫搬迁 | 驻村帮扶 产业扶贫",
    "乡村振兴: 乡村振兴 产业 | 高标准农田 | 农村人居环境整治 | 粮食安全 OR 农民增收",
    "安全生产: 安全生产 | 重大事故隐患 排查 | 危险化学品 OR 建筑施工安全",
    "基层治理: 网格化管理 | 矛盾纠纷 化解 | 便民服务中心",
    "营商环境: 营商环境 | 放管服 一网通办 | 惠企政策 市场主体",
    "生态环保: 大气污染防治 | 河湖长制 | 环保督察 整改",
    "信访维稳: 信访积案 | 接访下访 | 社会稳定风险评估 | 初信初访",
    "防汛减灾: 防汛 | 水库安全度汛 | 山洪 地质灾害",
)

SHORT_TERMS = _words(
    "党 廉 农 汛 粮 税 企 治 党建 作风 表率 纪律 担当 廉洁 整改 督查 监督 考核 产业 农田 人才 扶贫",
)


def benchmark_queries(seed: int = QUERY_SEED) -> list[str]:
    """200 queries of every kind members type, in a fixed shuffled order."""
    rng = random.Random(seed)
    anything = TWO + ONE + OFFICIAL + RUNS

    def pick(pool: list[str], n: int) -> list[str]:
        return [rng.choice(pool) for _ in range(n)]

    queries = [
        *pick(TWO, 20),
        *pick(ONE, 10),
        *pick(OFFICIAL, 20),
        *pick(RUNS, 20),
        *(" ".join(rng.sample(anything, 2)) for _ in range(45)),
        *(" ".join(rng.sample(TWO + OFFICIAL, 3)) for _ in range(30)),
        *(f"{rng.choice(TWO)} {' OR '.join(rng.sample(OFFICIAL, 2))}" for _ in range(13)),
        *(" OR ".join(rng.sample(TWO + OFFICIAL, 2)) for _ in range(12)),
        *(f"{rng.choice(OFFICIAL + RUNS)} -{rng.choice(TWO + ONE)}" for _ in range(15)),
        *(f'"{p}"' for p in pick(PHRASES, 8)),
        *(f'"{rng.choice(PHRASES)}" {rng.choice(TWO)}' for _ in range(7)),
    ]
    rng.shuffle(queries)
    return queries


# -- corpus ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Paragraph:
    id: int
    text: str
    doc: GeneratedDocument


def corpus(count: int) -> list[Paragraph]:
    """``count`` paragraphs of generated documents, ids from 1."""
    out: list[Paragraph] = []
    for doc in generate_corpus(10**7, seed=CORPUS_SEED):
        out += [Paragraph(len(out) + n + 1, t, doc) for n, t in enumerate(doc.text.split("\n"))]
        if len(out) >= count:
            return out[:count]
    return out


# -- segmentation ------------------------------------------------------------------------


def segmenters(with_terms: bool) -> dict[str, dict[str, Callable[[str], list[str]]]]:
    """jieba and rjieba, cut and cut_for_search (HMM on, the default of both), loaded."""
    jb, rj = jieba.Tokenizer(), rjieba.Jieba()
    for term in official_terms() if with_terms else ():
        jb.add_word(term)
        rj.add_word(term, None, None)
    jb.initialize()
    return {
        "jieba": {"cut": lambda t: list(jb.cut(t)), "cut_for_search": jb.lcut_for_search},
        "rjieba": {"cut": rj.cut, "cut_for_search": rj.cut_for_search},
    }


def segmentation_table(texts: list[str]) -> str:
    """Print speed and agreement of jieba and rjieba; return the one tantivy + jieba uses."""
    chars = sum(map(len, texts))
    print("| dictionary | mode | jieba (chars/s) | rjieba (chars/s) | identical output |")
    print("|---|---|---:|---:|---:|")
    chosen = "jieba"
    for with_terms in (False, True):
        both = segmenters(with_terms)
        for mode in ("cut", "cut_for_search"):
            speed, words = {}, {}
            for name, modes in both.items():
                start = time.perf_counter()
                words[name] = [modes[mode](t) for t in texts]
                speed[name] = chars / (time.perf_counter() - start)
            same = sum(a == b for a, b in zip(words["jieba"], words["rjieba"], strict=True))
            agree = same / len(texts)
            label = "+ official terms" if with_terms else "default"
            print(
                f"| {label} | {mode} | {speed['jieba']:,.0f} | {speed['rjieba']:,.0f} "
                f"| {agree:.2%} |"
            )
            if not with_terms and mode == "cut_for_search":
                faster = speed["rjieba"] > speed["jieba"]
                chosen = "rjieba" if faster and agree >= 0.99 else "jieba"
    return chosen


# -- engines -----------------------------------------------------------------------------


class Engine:
    """Builds its index in ``folder``; ``search`` gives the first ids and the total."""

    name = ""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        folder.mkdir()

    def size(self) -> int:
        return sum(f.stat().st_size for f in self.folder.rglob("*") if f.is_file())


class Gaoku(Engine):
    name = "Gaoku"

    def build(self, paragraphs: list[Paragraph]) -> None:
        self.index = SearchIndex(self.folder)
        self.index.put(self._indexed(p) for p in paragraphs)

    @staticmethod
    def _indexed(p: Paragraph) -> IndexedDoc:
        d = p.doc
        return IndexedDoc(p.id, p.id, d.published, "", "", p.text, d.doc_type, d.level, d.topics)

    def search(self, query: str) -> tuple[list[int], int]:
        found = self.index.search(parse(query), scope=Scope(everything=True), limit=LIMIT)
        return [h.id for h in found.hits], found.total


def fts5_match(node: Node) -> str:
    """The FTS5 MATCH expression of a parsed query, over the grams and chars columns."""
    if isinstance(node, Term):
        return "(" + " AND ".join(fts5_word(w) for w in node.words) + ")"
    if isinstance(node, Any):
        return "(" + " OR ".join(fts5_match(n) for n in node.items) + ")"
    if isinstance(node, All):
        positive = [fts5_match(n) for n in node.items if not isinstance(n, Not)]
        negative = [f" NOT {fts5_match(n.item)}" for n in node.items if isinstance(n, Not)]
        return "(" + " AND ".join(positive) + ")" + "".join(negative)
    raise TypeError(f"no query of its own: {node!r}")


def fts5_word(word: str) -> str:
    parts = [
        f'chars : "{p.char}"' if p.char else f'grams : "{" ".join(p.grams)}"'
        for p in term_parts(word)
    ]
    return " AND ".join(parts)


class Fts5(Engine):
    name = "SQLite FTS5"

    def build(self, paragraphs: list[Paragraph]) -> None:
        self.db = sqlite3.connect(self.folder / "fts.sqlite3")
        self.db.execute("CREATE VIRTUAL TABLE t USING fts5(grams, chars, tokenize='unicode61')")
        rows = ((p.id, *_tokens(p.text)) for p in paragraphs)
        with self.db:
            self.db.executemany("INSERT INTO t(rowid, grams, chars) VALUES (?, ?, ?)", rows)
            self.db.execute("INSERT INTO t(t) VALUES ('optimize')")

    def search(self, query: str) -> tuple[list[int], int]:
        match = fts5_match(parse(query))
        top = self.db.execute(
            "SELECT rowid, bm25(t) FROM t WHERE t MATCH ? ORDER BY bm25(t) LIMIT ?", (match, LIMIT)
        ).fetchall()
        (total,) = self.db.execute("SELECT count(*) FROM t WHERE t MATCH ?", (match,)).fetchone()
        return [rowid for rowid, _ in top], total


def _tokens(text: str) -> tuple[str, str]:
    tokens = index_tokens(text)
    return tokens.grams, tokens.chars


_EXCLUDED = re.compile(r"(^|\s)[-－](?=\S)")


class Whoosh(Engine):
    name = "Whoosh + jieba"

    def build(self, paragraphs: list[Paragraph]) -> None:
        schema = fields.Schema(
            id=fields.NUMERIC(stored=True), body=fields.TEXT(analyzer=ChineseAnalyzer())
        )
        ix = index.create_in(str(self.folder), schema)
        writer = ix.writer(limitmb=256, procs=1)
        for p in paragraphs:
            writer.add_document(id=p.id, body=p.text)
        writer.commit()
        self.parser = qparser.QueryParser("body", schema, group=qparser.AndGroup)
        self.searcher = ix.searcher()

    def search(self, query: str) -> tuple[list[int], int]:
        text = _EXCLUDED.sub(r"\1NOT ", query.replace("“", '"').replace("”", '"'))
        results = self.searcher.search(self.parser.parse(text), limit=LIMIT)
        return [hit["id"] for hit in results], len(results)


class TantivyJieba(Engine):
    name = "tantivy + jieba"

    def __init__(self, folder: Path, segmenter: str) -> None:
        super().__init__(folder)
        modes = segmenters(with_terms=False)[segmenter]
        self.cut, self.cut_for_search = modes["cut"], modes["cut_for_search"]

    def build(self, paragraphs: list[Paragraph]) -> None:
        builder = tantivy.SchemaBuilder()
        builder.add_integer_field("id", stored=True, indexed=True, fast=True)
        builder.add_text_field("body", tokenizer_name="whitespace")
        self.index = tantivy.Index(builder.build(), path=str(self.folder))
        writer = self.index.writer(heap_size=WRITER_HEAP, num_threads=1)
        for p in paragraphs:
            words = " ".join(self.cut_for_search(search_fold(p.text)))
            writer.add_document(tantivy.Document(id=p.id, body=words))
        writer.commit()
        writer.wait_merging_threads()
        self.index.reload()

    def search(self, query: str) -> tuple[list[int], int]:
        text = self.compile(parse(query, cut=lambda t: [t]))
        # The index does not change while it is measured: no reload, as Gaoku's reader.
        searcher = self.index.searcher()
        found = searcher.search(self.index.parse_query(text, ["body"]), LIMIT, count=True)
        ids = searcher.fast_field_values("id", [address for _, address in found.hits])
        return ids, found.count or 0

    def compile(self, node: Node) -> str:
        """tantivy's query language: a term's words ANDed, OR and exclusions kept."""
        if isinstance(node, Term):
            words = [w for w in self.cut(node.text) if w.strip()]
            return "(" + " AND ".join(words) + ")"
        if isinstance(node, Any):
            return "(" + " OR ".join(self.compile(n) for n in node.items) + ")"
        if isinstance(node, All):
            items = [
                "-" + self.compile(n.item) if isinstance(n, Not) else self.compile(n)
                for n in node.items
            ]
            return "(" + " AND ".join(items) + ")"
        raise TypeError(f"no query of its own: {node!r}")


# -- measuring ---------------------------------------------------------------------------


@dataclass
class Result:
    build_s: float
    size_mb: float
    timings: list[float]  # seconds, each query's median, in query order
    totals: list[int]  # in query order
    precision: float
    short_counts: dict[str, int]


def measure(engine: Engine, paragraphs: list[Paragraph], queries: list[str]) -> Result:
    start = time.perf_counter()
    engine.build(paragraphs)
    build_s = time.perf_counter() - start
    for query in queries:
        engine.search(query)  # warm-up
    runs: list[list[float]] = [[] for _ in queries]
    totals = []
    for round_ in range(ROUNDS):
        for query, times in zip(queries, runs, strict=True):
            start = time.perf_counter()
            _, total = engine.search(query)
            times.append(time.perf_counter() - start)
            if round_ == 0:
                totals.append(total)
    timings = [statistics.median(times) for times in runs]
    primary = {p.id: p.doc.topics[0] for p in paragraphs}
    precision = statistics.mean(
        sum(primary[i] == topic for i in engine.search(query)[0]) / LIMIT
        for topic, query in LABELLED
    )
    short = {term: engine.search(term)[1] for term in SHORT_TERMS}
    return Result(build_s, engine.size() / 1e6, timings, totals, precision, short)


class Truth:
    """Which paragraphs a query means: every word of a term occurs (by substring), run by
    run as the engines look words up; OR, exclusions and AND as the query says."""

    def __init__(self, paragraphs: list[Paragraph]) -> None:
        self.texts = [search_fold(p.text) for p in paragraphs]
        self.cache: dict[str, set[int]] = {}

    def count(self, query: str) -> int:
        return len(self.matching(parse(query)))

    def matching(self, node: Node) -> set[int]:
        if isinstance(node, Term):
            runs = [run for word in node.words for run in word.split()]
            return set.intersection(*(self.holding(run) for run in runs))
        if isinstance(node, Any):
            return set().union(*(self.matching(n) for n in node.items))
        if isinstance(node, All):
            kept = [self.matching(n) for n in node.items if not isinstance(n, Not)]
            dropped = [self.matching(n.item) for n in node.items if isinstance(n, Not)]
            return set.intersection(*kept).difference(*dropped)
        raise TypeError(f"no query of its own: {node!r}")

    def holding(self, run: str) -> set[int]:
        if run not in self.cache:
            self.cache[run] = {i for i, text in enumerate(self.texts) if run in text}
        return self.cache[run]


# -- report ------------------------------------------------------------------------------


def print_engines(results: dict[str, Result], short: dict[str, int], exact: list[int]) -> None:
    print(
        "| engine | build (s) | index (MB) | p50 (ms) | p95 (ms) | P@10 | 1–2-char recall "
        "| exact counts |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    for name, r in results.items():
        recall = sum(r.short_counts.values()) / sum(short.values())
        right = sum(a == b for a, b in zip(r.totals, exact, strict=True)) / len(exact)
        print(
            f"| {name} | {r.build_s:.1f} | {r.size_mb:.1f} "
            f"| {1000 * statistics.median(r.timings):.3f} "
            f"| {1000 * nearest_rank(r.timings, 0.95):.3f} | {r.precision:.2f} | {recall:.1%} "
            f"| {right:.0%} |"
        )


def print_short_terms(results: dict[str, Result], short: dict[str, int]) -> None:
    names = list(results)
    print("| term | paragraphs holding it | " + " | ".join(names) + " |")
    print("|---|---:|" + "---:|" * len(names))
    for term, count in short.items():
        cells = " | ".join(f"{results[n].short_counts[term] / max(count, 1):.1%}" for n in names)
        print(f"| {term} | {count} | {cells} |")


def print_ratios(results: dict[str, Result]) -> None:
    p95 = {name: nearest_rank(r.timings, 0.95) for name, r in results.items()}
    goals = {"Whoosh + jieba": "goal ≥ 10×", "tantivy + jieba": "goal ≥ 1×", "SQLite FTS5": ""}
    for name, goal in goals.items():
        if name in p95:
            note = f"  ({goal})" if goal else ""
            print(f"- {name} p95 / Gaoku p95: {p95[name] / p95['Gaoku']:.2f}×{note}")


def print_slowest(result: Result, queries: list[str], count: int = 8) -> None:
    print("| slowest Gaoku queries | ms |")
    print("|---|---:|")
    ranked = sorted(zip(result.timings, queries, strict=True), reverse=True)[:count]
    for seconds, query in ranked:
        print(f"| {query} | {1000 * seconds:.3f} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--paragraphs", type=int, default=100_000)
    parser.add_argument("--queries", type=int, default=200)
    args = parser.parse_args()
    jieba.setLogLevel(logging.WARNING)
    pinned = pin_to_one_core()
    started = time.perf_counter()
    print(
        f"{datetime.date.today()}, machine: {platform.processor() or platform.machine()}, "
        f"{os.cpu_count()} cores ({pinned}), Python {platform.python_version()}"
    )
    paragraphs = corpus(args.paragraphs)
    queries = benchmark_queries()[: args.queries]
    chars = sum(len(p.text) for p in paragraphs)
    print(
        f"corpus: {len(paragraphs)} paragraphs, {chars / len(paragraphs):.0f} characters each "
        f"on average; {len(queries)} queries, {len(LABELLED)} labelled\n"
    )
    segmenter = segmentation_table([p.text for p in paragraphs])
    print(f"\ntantivy + jieba segments with {segmenter} (default dictionary)\n")
    results: dict[str, Result] = {}
    with tempfile.TemporaryDirectory() as tmp:
        engines = [
            Gaoku(Path(tmp, "gaoku")),
            Fts5(Path(tmp, "fts5")),
            Whoosh(Path(tmp, "whoosh")),
            TantivyJieba(Path(tmp, "tantivy"), segmenter),
        ]
        for engine in engines:
            results[engine.name] = measure(engine, paragraphs, queries)
    truth = Truth(paragraphs)
    short = {term: truth.count(term) for term in SHORT_TERMS}
    print_engines(results, short, [truth.count(q) for q in queries])
    print()
    print_ratios(results)
    print()
    print_short_terms(results, short)
    print()
    print_slowest(results["Gaoku"], queries)
    print(f"\ntotal: {time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    main()
