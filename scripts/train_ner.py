"""Train akhbar's Arabic NER tagger (CRF, python-crfsuite) and write it into the package.

    python scripts/train_ner.py [--data ../shared/data/ner] [--iterations 100] [--grid]
    python scripts/train_ner.py --word-stats   # also rebuild the ANT-derived lexicons first

``--word-stats`` first runs ``scripts/build_ner_lexicons.py``: ``ner_word_clusters.txt`` (k-means
classes of neighbour contexts at four granularities, needs numpy) and ``ner_word_contexts.txt``
(shares after titles, organisation and place triggers, speech verbs) from
``../shared/data/ant-multisource.jsonl.gz``; ``ner_word_stats.txt`` (frequency, article share,
share after a given name) only with that script's ``--with-stats``. All are shipped, so a plain
run only retrains.

Data: NewsFANE Gold (newswire, ``newsfane/newsfane-train.txt``) and the Wojood sample
(``wojood/train.txt``, ``wojood/val.txt``). The development split, never trained on, is
NewsFANE's dev blocks (:func:`akhbar.eval.gold.split_newsfane`: blocks of 25 consecutive
sentences, 15 % of them, seed 20140823) plus Wojood's ``val.txt``; NewsFANE's check and test
blocks (the last quarter of the file, dev blocks aside) are never trained on or read here. L1/L2
regularisation (c1, c2) is chosen on NewsFANE's part of that split from a small grid; the best
model is written to ``src/akhbar/analyze/models/ner-crf.bin`` with ``ner-crf.json`` beside it
(settings, data, dev scores). L-BFGS is deterministic, so a rerun on the same data gives the
same model.

Type map, fine -> coarse (also in ``akhbar/eval/gold.py`` and
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
rules and lexicons add them at tagging time (akhbar.analyze.entities.rules.spans, entity_titles).

Training data is also given once more with NewsFANE's split conjunctions re-attached
("و بوتين" -> "وبوتين"), because news text as akhbar reads it is not segmented, and once more
with its person mentions swapped for other training person mentions (seeded,
:func:`replace_mentions`): the copy makes the tagger lean on context, not on having seen the
name, which is what unseen names in new text need.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path

import pycrfsuite

from akhbar.analyze.entities.tagger.crf import MODEL_FILE
from akhbar.analyze.entities.tagger.features import sentence_features, word_forms
from akhbar.analyze.entities.tagger.labels import spans_of
from akhbar.eval.gold import (
    BLOCK_SENTENCES,
    CHECK_SHARE,
    DEV_SEED,
    DEV_SHARE,
    TEST_SHARE,
    GoldSentence,
    read_newsfane,
    read_wojood,
    split_newsfane,
)
from akhbar.eval.ner import score_sentences
from build_ner_lexicons import build_all

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "ner"
MODEL_DIR = ROOT / "src" / "akhbar" / "analyze" / "models"
# (c1, c2) grid: L1 keeps the model small; the values bracket crfsuite's usual optimum (with
# the four-granularity classes, c1 0.15 scored best on newsfane-dev, 0.05 and 0.3 a little lower).
GRID = ((0.15, 0.05), (0.05, 0.05), (0.3, 0.05))
# The dev figure the grid selects on: NewsFANE, the newswire the tagger is for (Wojood's val has
# 213 entities, too few to choose between close settings).
SELECT_ON = "newsfane-dev"
# Features seen fewer times than this are dropped: halves the model, costs nothing on dev.
MIN_FEATURE_FREQ = 2
# Standalone clitics NewsFANE splits off that news text writes attached to the next word.
_ATTACHABLE = frozenset({"و", "ف", "ب", "ل", "ك"})
# Mention-replacement copy: the types swapped (PER only: swapping places and organisations
# breaks contexts such as "منتخب X" and scored lower on dev) and the seed drawing replacements.
REPLACE_TYPES = ("PER",)
REPLACE_SEED = 7


def load_splits(data: Path) -> tuple[list[GoldSentence], dict[str, list[GoldSentence]]]:
    """Training sentences (NewsFANE's train blocks and Wojood's train file) and the dev sets
    settings are chosen on. NewsFANE's check and test blocks are never read here."""
    split = split_newsfane(read_newsfane(data / "newsfane" / "newsfane-train.txt"))
    train = [*split.train, *read_wojood(data / "wojood" / "train.txt")]
    dev = {
        "newsfane-dev": list(split.dev),
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
    """Micro-F1 per dev set and over all of them."""
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
        help="first rebuild the ANT-derived ner_word_* lexicons (scripts/build_ner_lexicons.py)",
    )
    args = parser.parse_args(argv)
    if args.word_stats:
        build_all(args.data)
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
        results.append((scores[SELECT_ON], c1, c2, scores, path))
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
        "selected_on": SELECT_ON,
        "split": {
            "block_sentences": BLOCK_SENTENCES,
            "dev_share": DEV_SHARE,
            "dev_seed": DEV_SEED,
            "check_share": CHECK_SHARE,
            "test_share": TEST_SHARE,
        },
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
