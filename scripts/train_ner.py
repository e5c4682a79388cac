"""Train akhbar's Arabic NER tagger (CRF, python-crfsuite) and write it into the package.

    python scripts/train_ner.py [--data ../shared/data/ner] [--iterations 100] [--grid]
    python scripts/train_ner.py --word-stats   # also rebuild the ANT-derived lexicons first

``--word-stats`` rebuilds ``ner_word_stats.txt`` (frequency, article share, share after a given
name) and ``ner_word_clusters.txt`` (k-means classes of neighbour contexts, needs numpy) from
``../shared/data/ant-multisource.jsonl.gz``; both are shipped, so a plain run only retrains.

Data: NewsFANE Gold (newswire, ``newsfane/newsfane-train.txt``) and the Wojood sample
(``wojood/train.txt``, ``wojood/val.txt``). The development split, never trained on, is
NewsFANE's held-out blocks (:func:`akhbar.analyze.entity_gold.split_blocks`: blocks of 25
consecutive sentences, 15 % of them, seed 20140823) plus Wojood's ``val.txt``. L1/L2
regularisation (c1, c2) is chosen on that split from a small grid; the best model is written
to ``src/akhbar/analyze/models/ner-crf.bin`` with ``ner-crf.json`` beside it (settings, data,
dev scores). L-BFGS is deterministic, so a rerun on the same data gives the same model.

Type map, fine -> coarse (also in ``akhbar/analyze/entity_gold.py`` and
``tests/data/ner/README.md``):

- PER: Politician, Artist, Athlete, Businessperson, Engineer, Lawyer, Scientist, Police,
  Religious_PER, Other_PER (NewsFANE); PERS (Wojood)
- LOC (GPE and LOC): Nation, Population-Center, State-or-Province, County-or-District,
  GPE-Cluster, Continent, Land-Region-Natural, Water-Body, Celestial, Airport,
  Building-Grounds, Path, Subarea-Facility; GPE, LOC, FAC
- ORG: Government, Non-Governmental, Commercial, Educational, Entertainment, Medical-Science,
  Religious_ORG, Sports, Media; ORG, WEBSITE
- O: Group, vehicles, weapons, works and products; NORP, OCC, DATE, EVENT, numbers, ...

Media/agency (MEDIA) and titles (OCC) are not learned: the gold sets disagree on them, so
rules and lexicons add them at tagging time (akhbar.analyze.entity_rules, entity_titles).

Training data is also given once more with NewsFANE's split conjunctions re-attached
("و بوتين" -> "وبوتين"), because news text as akhbar reads it is not segmented, and once more
with its person mentions swapped for other training person mentions (seeded,
:func:`replace_mentions`): the copy makes the tagger lean on context, not on having seen the
name, which is what unseen names in new text need.
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import json
import math
import random
import re
import sys
import time
from collections import Counter
from pathlib import Path

import pycrfsuite

from akhbar.analyze.entity_features import sentence_features, word_forms
from akhbar.analyze.entity_gold import (
    BLOCK_SENTENCES,
    DEV_SEED,
    DEV_SHARE,
    GoldSentence,
    read_newsfane,
    read_wojood,
    spans_of,
    split_blocks,
)
from akhbar.analyze.entity_lexicons import given_names
from akhbar.analyze.entity_model import MODEL_FILE
from akhbar.arabic.lexicon import load_mapping
from akhbar.arabic.normalize import to_key
from akhbar.arabic.tokens import strip_clitics
from akhbar.eval.ner import score_sentences

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "ner"
MODEL_DIR = ROOT / "src" / "akhbar" / "analyze" / "models"
# (c1, c2) grid: L1 keeps the model small; the values bracket crfsuite's usual optimum.
GRID = ((0.2, 0.01), (0.05, 0.05), (0.01, 0.01))
# Features seen fewer times than this are dropped: halves the model, costs nothing on dev.
MIN_FEATURE_FREQ = 2
STATS_FILE = ROOT / "src" / "akhbar" / "arabic" / "lexicon" / "ner_word_stats.txt"
STATS_MIN_COUNT = 3
STATS_HEADER = (
    "# Corpus statistics of clitic-free words: word <TAB> f:a:c, f = log2 frequency (0-15),",
    "# a = share of occurrences with the article (0 none .. 4 nearly always), c = share right",
    "# after a given name (lexicon ner_given_names; 0 none .. 4). Words seen 3+ times. Family",
    "# names often follow given names: the tagger's clue for names it never saw in training.",
    "# Source: ANT Corpus v2.1 (31,525 articles), built by",
    "# `python scripts/train_ner.py --word-stats`.",
)
CLUSTERS_FILE = STATS_FILE.with_name("ner_word_clusters.txt")
CLUSTER_VOCABULARY, CLUSTER_CONTEXTS, CLUSTER_DIMENSIONS, CLUSTER_SEED = 40_000, 1_000, 100, 7
CLUSTERS_HEADER = (
    "# Distributional word classes of clitic-free words: word <TAB> c64:c512, its k-means cluster",
    "# among 64 and among 512 (100-dim SVD of log left/right neighbour counts over the 1,000 most",
    "# frequent words, cosine k-means, seed 7). Words of one class share contexts: a tagger",
    "# feature that carries what it learned about بوتين to ساركوزي. Source: ANT Corpus v2.1,",
    "# built by `python scripts/train_ner.py --word-stats` (40,000 most frequent words).",
)
_ARABIC_WORD = re.compile(r"[\u0621-\u064a]+")
# Standalone clitics NewsFANE splits off that news text writes attached to the next word.
_ATTACHABLE = frozenset({"و", "ف", "ب", "ل", "ك"})
# Mention-replacement copy: the types swapped (PER only: swapping places and organisations
# breaks contexts such as "منتخب X" and scored lower on dev) and the seed drawing replacements.
REPLACE_TYPES = ("PER",)
REPLACE_SEED = 7


def load_splits(data: Path) -> tuple[list[GoldSentence], dict[str, list[GoldSentence]]]:
    newsfane = read_newsfane(data / "newsfane" / "newsfane-train.txt")
    news_train, news_dev = split_blocks(newsfane)
    train = [*news_train, *read_wojood(data / "wojood" / "train.txt")]
    dev = {
        "newsfane-dev": list(news_dev),
        "wojood-val": list(read_wojood(data / "wojood" / "val.txt")),
    }
    return train, dev


def attach_clitics(sentence: GoldSentence) -> GoldSentence | None:
    """The sentence with split-off clitics glued to the next word, or None if none were split."""
    tokens, labels = [], []
    pending = ""
    for token, label in zip(sentence.tokens, sentence.labels, strict=True):
        if token in _ATTACHABLE and label == "O":
            pending += token
            continue
        tokens.append(pending + token)
        labels.append(label)
        pending = ""
    if pending:
        tokens.append(pending)
        labels.append("O")
    if len(tokens) == len(sentence.tokens):
        return None
    return GoldSentence(tuple(tokens), tuple(labels))


def replace_mentions(
    sentences: list[GoldSentence], types: tuple[str, ...] = REPLACE_TYPES, seed: int = REPLACE_SEED
) -> list[GoldSentence]:
    """Copies of the sentences holding entities, each mention of ``types`` replaced by a mention
    of the same type drawn (seeded) from all of ``sentences``."""
    rng = random.Random(seed)
    pool: dict[str, list[tuple[str, ...]]] = {}
    for sentence in sentences:
        for start, end, kind in spans_of(sentence.labels):
            pool.setdefault(kind, []).append(sentence.tokens[start:end])
    out = []
    for sentence in sentences:
        spans = spans_of(sentence.labels)
        if not spans:
            continue
        tokens: list[str] = []
        labels: list[str] = []
        last = 0
        for start, end, kind in spans:
            tokens += sentence.tokens[last:start]
            labels += sentence.labels[last:start]
            new = rng.choice(pool[kind]) if kind in types else sentence.tokens[start:end]
            tokens += new
            labels += [f"B-{kind}"] + [f"I-{kind}"] * (len(new) - 1)
            last = end
        tokens += sentence.tokens[last:]
        labels += sentence.labels[last:]
        out.append(GoldSentence(tuple(tokens), tuple(labels)))
    return out


def train_one(
    items: list[tuple[list[list[str]], tuple[str, ...]]],
    c1: float,
    c2: float,
    iterations: int,
    path: Path,
) -> None:
    trainer = pycrfsuite.Trainer(verbose=False)
    for features, labels in items:
        trainer.append(features, labels)
    trainer.set_params(
        {
            "c1": c1,
            "c2": c2,
            "max_iterations": iterations,
            "feature.minfreq": MIN_FEATURE_FREQ,
            "feature.possible_transitions": True,
        }
    )
    trainer.train(str(path))


def evaluate(path: Path, dev: dict[str, list[GoldSentence]]) -> dict[str, float]:
    """Micro-F1 per dev set and over all of them ("all": what the grid selects on)."""
    tagger = pycrfsuite.Tagger()
    tagger.open(str(path))
    out = {}
    gold: list[GoldSentence] = []
    guessed: list[tuple[str, ...]] = []
    for name, sentences in dev.items():
        predicted = [tuple(tagger.tag(sentence_features(word_forms(s.tokens)))) for s in sentences]
        out[name] = round(score_sentences(sentences, predicted).micro.f1, 4)
        gold += sentences
        guessed += predicted
    out["all"] = round(score_sentences(gold, guessed).micro.f1, 4)
    tagger.close()
    return out


def build_word_stats(ant: Path, out: Path) -> int:
    """Write the ``ner_word_stats`` lexicon from the ANT corpus; returns the word count."""
    counts: Counter[str] = Counter()
    with_article: Counter[str] = Counter()
    after_given: Counter[str] = Counter()
    given = given_names()
    with gzip.open(ant, "rt", encoding="utf-8") as lines:
        for line in lines:
            previous = ""
            for word in _ARABIC_WORD.findall(to_key(json.loads(line)["text"])):
                base = strip_clitics(word)
                counts[base] += 1
                if word[: len(word) - len(base)].endswith(("ال", "لل")):
                    with_article[base] += 1
                if previous in given:
                    after_given[base] += 1
                previous = base
    rows = []
    for base, count in sorted(counts.items(), key=lambda item: (-item[1], item[0])):
        if count < STATS_MIN_COUNT:
            break
        share_article = _bucket(with_article[base] / count)
        share_given = _bucket(after_given[base] / count)
        rows.append(f"{base}\t{min(int(math.log2(count)), 15)}:{share_article}:{share_given}")
    out.write_text("\n".join([*STATS_HEADER, *rows]) + "\n", encoding="utf-8")
    return len(rows)


def build_word_clusters(ant: Path, out: Path) -> int:
    """Write the ``ner_word_clusters`` lexicon: k-means classes of ANT neighbour contexts.

    Needs numpy (a script-time dependency only: the package reads the lexicon as text).
    """
    import numpy as np

    words = list(load_mapping("ner_word_stats"))[:CLUSTER_VOCABULARY]
    contexts = words[:CLUSTER_CONTEXTS]
    row = {word: i for i, word in enumerate(words)}
    column = {word: i for i, word in enumerate(contexts)}
    counts = np.zeros((len(words), 2 * len(contexts)), dtype=np.float32)
    with gzip.open(ant, "rt", encoding="utf-8") as lines:
        for line in lines:
            bases = [
                strip_clitics(w) for w in _ARABIC_WORD.findall(to_key(json.loads(line)["text"]))
            ]
            for left, right in itertools.pairwise(bases):
                if left in row and right in column:
                    counts[row[left], len(contexts) + column[right]] += 1
                if right in row and left in column:
                    counts[row[right], column[left]] += 1
    vectors = np.log1p(counts)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True) + 1e-9
    _, basis = np.linalg.eigh(vectors.T @ vectors)
    reduced = vectors @ basis[:, -CLUSTER_DIMENSIONS:]
    reduced /= np.linalg.norm(reduced, axis=1, keepdims=True) + 1e-9
    coarse, fine = (_kmeans(np, reduced, k) for k in (64, 512))
    rows = [f"{w}\t{a}:{b}" for w, a, b in zip(words, coarse, fine, strict=True)]
    out.write_text("\n".join([*CLUSTERS_HEADER, *rows]) + "\n", encoding="utf-8")
    return len(rows)


def _kmeans(np, points, k: int, iterations: int = 15):
    """Cosine k-means, seeded, on unit rows."""
    rng = np.random.default_rng(CLUSTER_SEED)
    centres = points[rng.choice(len(points), k, replace=False)]
    for _ in range(iterations):
        labels = np.argmax(points @ centres.T, axis=1)
        for cluster in range(k):
            members = points[labels == cluster]
            if len(members):
                centres[cluster] = members.mean(0)
                centres[cluster] /= np.linalg.norm(centres[cluster]) + 1e-9
    return np.argmax(points @ centres.T, axis=1)


def _bucket(share: float) -> int:
    """0: never, 1: under 10 %, 2: under 40 %, 3: under 80 %, 4: more."""
    if share == 0:
        return 0
    return 1 + sum(share >= limit for limit in (0.1, 0.4, 0.8))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--iterations", type=int, default=100)
    parser.add_argument("--grid", action="store_true", help="try every (c1, c2) of GRID")
    parser.add_argument(
        "--out", type=Path, default=MODEL_DIR, help="folder for the model and its .json"
    )
    parser.add_argument(
        "--word-stats",
        action="store_true",
        help="first rebuild the ner_word_stats and ner_word_clusters lexicons from ANT",
    )
    args = parser.parse_args(argv)
    if args.word_stats:
        ant = args.data.parent / "ant-multisource.jsonl.gz"
        rows = build_word_stats(ant, STATS_FILE)
        load_mapping.cache_clear()
        rows_clusters = build_word_clusters(ant, CLUSTERS_FILE)
        load_mapping.cache_clear()
        print(f"wrote {STATS_FILE} ({rows}), {CLUSTERS_FILE} ({rows_clusters})", file=sys.stderr)
    started = time.perf_counter()
    train, dev = load_splits(args.data)
    glued = [s for s in (attach_clitics(s) for s in train) if s is not None]
    replaced = replace_mentions(train)
    items = [
        (sentence_features(word_forms(s.tokens)), s.labels) for s in [*train, *glued, *replaced]
    ]
    print(
        f"train: {len(train)} sentences (+{len(glued)} re-attached, +{len(replaced)} with "
        f"mentions replaced), features in "
        f"{time.perf_counter() - started:.0f}s",
        file=sys.stderr,
    )
    args.out.mkdir(parents=True, exist_ok=True)
    grid = GRID if args.grid else GRID[:1]
    results = []
    for c1, c2 in grid:
        path = args.out / f"ner-crf-c1={c1}-c2={c2}.tmp"
        train_one(items, c1, c2, args.iterations, path)
        scores = evaluate(path, dev)
        print(f"c1={c1} c2={c2}: dev micro-F1 {scores}", file=sys.stderr)
        results.append((scores["all"], c1, c2, scores, path))
    best = max(results, key=lambda result: result[0])
    for result in results:
        if result is not best:
            result[4].unlink()
    best[4].replace(args.out / MODEL_FILE)
    meta = {
        "c1": best[1],
        "c2": best[2],
        "max_iterations": args.iterations,
        "feature_minfreq": MIN_FEATURE_FREQ,
        "dev_micro_f1": best[3],
        "dev_split": {"block_sentences": BLOCK_SENTENCES, "share": DEV_SHARE, "seed": DEV_SEED},
        "data": ["newsfane/newsfane-train.txt (train blocks)", "wojood/train.txt"],
        "train_sentences": len(train),
        "reattached_sentences": len(glued),
        "mention_replaced_sentences": len(replaced),
        "mention_replacement": {"types": list(REPLACE_TYPES), "seed": REPLACE_SEED},
    }
    (args.out / "ner-crf.json").write_text(json.dumps(meta, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {args.out / MODEL_FILE} in {time.perf_counter() - started:.0f}s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
