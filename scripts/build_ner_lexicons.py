"""Build the NER tagger's corpus lexicons from the ANT corpus.

    python scripts/build_ner_lexicons.py [--data ../shared/data/ner]

Writes, under ``src/akhbar/arabic/lexicon/``:

- ``ner_word_stats``: frequency, article share, share right after a given name;
- ``ner_word_clusters``: k-means classes (32, 128, 512, 2048) of neighbour contexts;
- ``ner_word_contexts``: how often a word follows a title, an organisation or place
  trigger, a speech verb or في, or precedes a nisba adjective.

These are the contexts that name people, organisations and places in news; a word never seen
as an entity in the gold data still carries them, which is what unseen names need. Counts are
made on the text, never on a tagger's output (a lexicon of ANT words as tagged by the model
itself scored lower on dev: the tagger learned to trust it on names it already knew).

All are shipped; ``python scripts/train_ner.py --word-stats`` runs this first. Needs numpy.
``ner_word_stats`` is rebuilt only with ``--with-stats`` (it orders the clusters' vocabulary,
so rebuilding it redraws the k-means classes).
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import json
import math
import re
import sys
from collections import Counter
from pathlib import Path

from akhbar.analyze.entities.lexicons import (
    given_names,
    nisba_country,
    org_triggers,
    title_heads,
    title_objects,
)
from akhbar.arabic.lexicon import load_mapping
from akhbar.arabic.normalize import to_key
from akhbar.arabic.tokens import strip_clitics

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "ner"
LEXICON_DIR = ROOT / "src" / "akhbar" / "arabic" / "lexicon"
STATS_FILE = LEXICON_DIR / "ner_word_stats.txt"
CLUSTERS_FILE = LEXICON_DIR / "ner_word_clusters.txt"
CONTEXTS_FILE = LEXICON_DIR / "ner_word_contexts.txt"
SOURCE = "# Source: ANT Corpus v2.1 (31,525 articles), by `python scripts/build_ner_lexicons.py`."
MIN_COUNT = 3
STATS_HEADER = (
    "# Corpus statistics of clitic-free words: word <TAB> f:a:c, f = log2 frequency (0-15),",
    "# a = share of occurrences with the article (0 none .. 4 nearly always), c = share right",
    "# after a given name (lexicon ner_given_names; 0 none .. 4). Words seen 3+ times. Family",
    "# names often follow given names: the tagger's clue for names it never saw in training.",
    SOURCE,
)
# Every word of ner_word_stats is clustered; the 1,000 most frequent are the contexts.
# The k-means seed matters more than it should: with the same features and c1 0.15, seeds 8
# and 9 gave newsfane-dev micro-F1 0.750 and 0.745 against seed 7's 0.759 (the baseline with
# the old two-granularity classes: 0.748). Judge a feature change on more than one seed.
CLUSTER_CONTEXTS, CLUSTER_DIMENSIONS, CLUSTER_SEED = 1_000, 100, 7
# Four granularities: coarse classes generalise, fine ones separate (32 x 4 x 4 x 4).
CLUSTER_SIZES = (32, 128, 512, 2048)
CLUSTERS_HEADER = (
    "# Distributional word classes of clitic-free words: word <TAB> a:b:c:d, its k-means cluster",
    "# among 32, 128, 512 and 2048 (100-dim SVD of log left/right neighbour counts over the",
    "# 1,000 most frequent words, cosine k-means, seed 7). Words of one class share contexts: a",
    "# tagger feature that carries what it learned about بوتين to ساركوزي. Words seen 3+ times.",
    SOURCE,
)
CONTEXTS = "topvfn"
# Share limits of the context buckets: contexts are rare (a name follows a title in a few %
# of its uses), so the scale is finer at the low end than ner_word_stats' one.
CONTEXT_BUCKETS = (0.02, 0.05, 0.15, 0.4)
CONTEXTS_HEADER = (
    "# Contexts of clitic-free words in news: word <TAB> t:o:p:v:f:n, each the share of its",
    "# occurrences (0 never, 1 under 2 %, 2 under 5 %, 3 under 15 %, 4 under 40 %, 5 more) after a",
    "# person's title (t), an organisation trigger (o), a place trigger (p), a speech verb (v),",
    "# the preposition في (f), or right before a nisba adjective (n). Words seen 3+ times.",
    SOURCE,
)


def _cues(*lines: str) -> frozenset[str]:
    """Key forms of the space-separated words of ``lines`` (compared with clitic-free bases;
    a cue the clitic stripper would cut, such as ولاية, simply never matches)."""
    return frozenset(to_key(word) for line in lines for word in line.split())


# Words before a person's name besides the title heads of ``titles_heads``.
PERSON_CUES = _cues(
    "سيد سيدة دكتور شيخ لاعب لاعبة مهاجم حارس مدافع نجم فنان فنانة ممثلة كاتب كاتبة",
    "مطرب مطربة شاعر مخرج روائي صحفي صحافي ناشط ناشطة رئيسة مرشح مرشحة نائب",
)
PLACE_CUES = _cues(
    "مدينة محافظة منطقة جزيرة ولاية إقليم بلدة قرية عاصمة مقاطعة مخيم حي ضاحية نهر بحر",
    "جبل شمال جنوب شرق غرب وسط شمالي جنوبي شرقي غربي مطار ميناء سواحل ريف أنحاء",
    "عاصمتها مدن بلدات قرى دولة",
)
WITH_STATS_HELP = (
    "also rebuild ner_word_stats: the shipped one predates a tokenizer change, so a rebuild gives"
    " 56,300 words instead of 56,302 in another order, which redraws every cluster (and moved"
    " newsfane-dev micro-F1 by 0.02: retrain and compare before shipping it)"
)
_ARABIC_WORD = re.compile(r"[\u0621-\u064a]+")


def ant_articles(ant: Path):
    """Each ANT article as (key-form words, their clitic-free bases)."""
    with gzip.open(ant, "rt", encoding="utf-8") as lines:
        for line in lines:
            words = _ARABIC_WORD.findall(to_key(json.loads(line)["text"]))
            yield words, [strip_clitics(word) for word in words]


def build_word_stats(ant: Path, out: Path = STATS_FILE) -> int:
    """Write the ``ner_word_stats`` lexicon; returns the word count."""
    counts: Counter[str] = Counter()
    with_article: Counter[str] = Counter()
    after_given: Counter[str] = Counter()
    given = given_names()
    for words, bases in ant_articles(ant):
        previous = ""
        for word, base in zip(words, bases, strict=True):
            counts[base] += 1
            if word[: len(word) - len(base)].endswith(("ال", "لل")):
                with_article[base] += 1
            if previous in given:
                after_given[base] += 1
            previous = base
    rows = []
    for base, count in _frequent(counts):
        share_article = _bucket(with_article[base] / count, (0.1, 0.4, 0.8))
        share_given = _bucket(after_given[base] / count, (0.1, 0.4, 0.8))
        rows.append(f"{base}\t{min(int(math.log2(count)), 15)}:{share_article}:{share_given}")
    return _write(out, STATS_HEADER, rows)


def build_word_contexts(ant: Path, out: Path = CONTEXTS_FILE) -> int:
    """Write the ``ner_word_contexts`` lexicon; returns the word count."""
    person, heads, objects = title_heads() | PERSON_CUES, title_heads(), title_objects()
    orgs, nisba = org_triggers(), nisba_country()
    verbs = frozenset(strip_clitics(word) for word in load_mapping("speech_verbs"))
    counts: Counter[str] = Counter()
    found: dict[str, Counter[str]] = {name: Counter() for name in CONTEXTS}
    for words, bases in ant_articles(ant):
        for index, base in enumerate(bases):
            counts[base] += 1
            before = bases[index - 1] if index else ""
            before2 = bases[index - 2] if index > 1 else ""
            after = bases[index + 1] if index + 1 < len(bases) else ""
            hits = (
                before in person or (before2 in heads and (before in objects or before in nisba)),
                before in orgs,
                before in PLACE_CUES,
                before in verbs,
                index > 0 and words[index - 1] == "في",
                after in nisba,
            )
            for name, hit in zip(CONTEXTS, hits, strict=True):
                if hit:
                    found[name][base] += 1
    rows = [
        base
        + "\t"
        + ":".join(str(_bucket(found[name][base] / count, CONTEXT_BUCKETS)) for name in CONTEXTS)
        for base, count in _frequent(counts)
    ]
    return _write(out, CONTEXTS_HEADER, rows)


def build_word_clusters(ant: Path, out: Path = CLUSTERS_FILE) -> int:
    """Write the ``ner_word_clusters`` lexicon: k-means classes of ANT neighbour contexts."""
    import numpy as np

    words = list(load_mapping("ner_word_stats"))
    contexts = words[:CLUSTER_CONTEXTS]
    row = {word: i for i, word in enumerate(words)}
    column = {word: i for i, word in enumerate(contexts)}
    counts = np.zeros((len(words), 2 * len(contexts)), dtype=np.float32)
    for _, bases in ant_articles(ant):
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
    classes = [_kmeans(np, reduced, k) for k in CLUSTER_SIZES]
    rows = [
        f"{word}\t" + ":".join(str(labels[i]) for labels in classes) for i, word in enumerate(words)
    ]
    return _write(out, CLUSTERS_HEADER, rows)


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


def _frequent(counts: Counter[str]):
    for base, count in sorted(counts.items(), key=lambda item: (-item[1], item[0])):
        if count < MIN_COUNT:
            break
        yield base, count


def _bucket(share: float, limits: tuple[float, ...]) -> int:
    """0 for never, then 1 plus one step per limit reached."""
    if share == 0:
        return 0
    return 1 + sum(share >= limit for limit in limits)


def _write(out: Path, header: tuple[str, ...], rows: list[str]) -> int:
    out.write_text("\n".join([*header, *rows]) + "\n", encoding="utf-8")
    return len(rows)


def build_all(data: Path, *, stats: bool = False) -> None:
    """Rebuild the lexicons; ``ner_word_stats`` only when ``stats`` (see ``--with-stats``)."""
    ant = data.parent / "ant-multisource.jsonl.gz"
    # Stats first: the clusters take their vocabulary and its order from it.
    builds = (build_word_stats,) if stats else ()
    for build in (*builds, build_word_contexts, build_word_clusters):
        print(f"{build.__name__}: {build(ant)} words", file=sys.stderr)
        load_mapping.cache_clear()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--with-stats", action="store_true", help=WITH_STATS_HELP)
    args = parser.parse_args(argv)
    build_all(args.data, stats=args.with_stats)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
