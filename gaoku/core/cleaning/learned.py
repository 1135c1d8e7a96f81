"""A learned judge of single lines: does a line read as an official document's own, or as
what distributors put around one?

The cleaner's rules name the signs they know (an address, a counter, a banner); the next
distributor writes a sign no rule names. What its lines still share with every other
distributor's is their register: 关注, 点赞, 下载, 订阅, 扫码, 原创, 阅读, times and counts,
Latin letters and symbols — where a document's own lines say 要, 坚持, 推进, 同志们. This
module weighs that register with a logistic regression over a line's characters, character
pairs and shape, trained on labelled lines (``bench/line_model.py`` trains it on the
hand-labelled import sets and generated documents, and measures it leaving whole sets
out). The weights ship as ``data/line_model.json``.

The judge only proposes: the cleaner asks it about lines no rule protects (a heading, a
signature, a title, a salutation), and removes a line only beyond a threshold set so that
no line of the real reports in ``../shared/corpus`` is removed.
"""

from __future__ import annotations

import itertools
import json
import math
import random
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from gaoku.core.cleaning.promotion import HAN, SENTENCE_END

MODEL_PATH = Path(__file__).resolve().parents[1] / "data" / "line_model.json"

# The learned judge's score above which a line no rule protects is wrapper. Trained without
# a set, the judge caught 88% of that set's wrapper lines at these thresholds; of the real
# reports' lines only pieces of sentences a converter broke (PM / 2.5 / ）) score above
# them, and the cleaner keeps those as pieces of a sentence (bench/line_model.py, README).
LEARNED_THRESHOLD = 2.0
# A line that reads as a sentence is the document's far more often: it must score higher
# (#2烘干机组已完成检修。 scores 2.3; 如需调整…请继续告诉我。 5.4).
SENTENCE_THRESHOLD = 3.25
# A device's or a screen's sentence on itself (本机为抄表作业专用设备…, 本页将自动锁定…) is
# learnable down to a lower score, as it is wrapper only after the document's signature.
# 本系统, 本设备 and 本程序 are a document's own words (成员如有变动，由本系统…递补).
SELF_REFERENCE = re.compile(r"本(?:机(?![关构制组场动械器床型])|终端|屏|页面?(?!无正文))")
SELF_REFERENCE_FLOOR = -1.0
# A sentence that other documents hold too may be learned above this score: official
# writing's stock sentences score below it (下面，我讲三点意见。 -3.0, 请各单位认真贯彻落实。
# -0.9), a kiosk's notice above it (本机不收取现金，缴费请使用医保电子凭证…。 1.9).
LEARNED_SENTENCE = 0.0

_LATIN = re.compile("[A-Za-zＡ-Ｚａ-ｚ]")
_DIGIT = re.compile("[0-9０-９]")
_CJK_PUNCT = set("，。、；：！？“”‘’（）《》〈〉【】—…·「」『』")


def _char_class(char: str) -> str:
    """A character as the model sees it: digits and Latin letters by their kind (one count
    or brand is like another), everything else as itself."""
    if _DIGIT.match(char):
        return "0"
    if _LATIN.match(char):
        return "a"
    if char in " \u3000\t":
        return "_"
    return char


def _length_bucket(length: int) -> str:
    for limit in (4, 8, 12, 20, 32, 50, 80):
        if length <= limit:
            return str(limit)
    return "long"


def _edge(char: str) -> str:
    if HAN.match(char):
        return "han"
    if char in _CJK_PUNCT:
        return char
    kind = _char_class(char)
    return kind if kind in ("0", "a", "_") else "sym"


def line_features(line: str) -> list[str]:
    """The features of one line: its characters and character pairs (with its start and
    end as characters of their own), its length, how it starts and ends, and whether it
    has Latin letters, digits, symbols or inner spaces."""
    classes = ["^", *map(_char_class, line), "$"]
    features = [f"c{c}" for c in classes[1:-1]]
    features += [f"b{a}{b}" for a, b in itertools.pairwise(classes)]
    features.append(f"len{_length_bucket(len(line))}")
    features.append(f"start:{_edge(line[0])}" if line else "start:")
    if SENTENCE_END.search(line):
        features.append("end:sentence")
    else:
        features.append(f"end:{_edge(line[-1])}" if line else "end:")
    symbols = sum(
        1 for c in line if not (HAN.match(c) or c.isalnum() or c in _CJK_PUNCT or c.isspace())
    )
    if symbols:
        features.append("symbols" if symbols < 3 else "symbols3")
    if _LATIN.search(line):
        features.append("latin")
    if len(_DIGIT.findall(line)) >= 5:
        features.append("digits5")
    if re.search(r"\S[ \u3000]+\S", line):
        features.append("spaced")
    han = len(HAN.findall(line))
    features.append(f"han{min(10, round(10 * han / max(1, len(line))))}")
    return features


@dataclass(frozen=True)
class LineModel:
    """Weights of the logistic regression: a positive score reads as wrapper."""

    weights: dict[str, float]
    bias: float

    def score(self, line: str) -> float:
        """Log-odds that ``line`` is a distributor's, not the document's."""
        features = line_features(line)
        total = sum(self.weights.get(f, 0.0) for f in features) / math.sqrt(len(features))
        return self.bias + total

    def to_json(self) -> str:
        weights = {k: round(v, 3) for k, v in sorted(self.weights.items()) if abs(v) >= 5e-4}
        data = {"bias": round(self.bias, 3), "weights": weights}
        return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def train(
    examples: Sequence[tuple[str, bool]], epochs: int = 12, l2: float = 1e-4, seed: int = 0
) -> LineModel:
    """Fit the model to ``(line, is_wrapper)`` pairs with AdaGrad, the classes weighted
    equally, in a fixed order (the same examples give the same weights)."""
    wrappers = sum(1 for _, w in examples if w)
    bodies = len(examples) - wrappers
    if not wrappers or not bodies:
        raise ValueError("training needs lines of both kinds")
    weight_of = {True: len(examples) / (2 * wrappers), False: len(examples) / (2 * bodies)}
    prepared = [
        (line_features(line), 1.0 if wrapper else 0.0, weight_of[wrapper])
        for line, wrapper in examples
        if line
    ]
    weights: dict[str, float] = {}
    squares: dict[str, float] = {}
    bias = 0.0
    bias_square = 1e-8
    rate = 0.5
    order = list(range(len(prepared)))
    rng = random.Random(seed)
    for _ in range(epochs):
        rng.shuffle(order)
        for index in order:
            features, target, weight = prepared[index]
            norm = 1 / math.sqrt(len(features))
            z = bias + norm * sum(weights.get(f, 0.0) for f in features)
            p = 1 / (1 + math.exp(-max(-30.0, min(30.0, z))))
            gradient = weight * (p - target)
            bias_square += gradient * gradient
            bias -= rate * gradient / math.sqrt(bias_square)
            for f in features:
                w = weights.get(f, 0.0)
                g = gradient * norm + l2 * w
                squares[f] = squares.get(f, 1e-8) + g * g
                weights[f] = w - rate * g / math.sqrt(squares[f])
    return LineModel(weights, bias)


def load(path: Path = MODEL_PATH) -> LineModel:
    data = json.loads(path.read_text("utf-8"))
    return LineModel(data["weights"], data["bias"])


@cache
def shipped() -> LineModel | None:
    """The model in ``data/line_model.json``, or None where it is not there."""
    return load() if MODEL_PATH.is_file() else None
