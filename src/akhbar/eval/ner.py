"""Evaluate the shipped NER tagger: exact span and type, per coarse type and micro-averaged.

    python -m akhbar.eval.ner                 # NewsFANE's dev blocks and Wojood's val file
    python -m akhbar.eval.ner --portion check # where a rule's worth is measured (never read)
    python -m akhbar.eval.ner --portion test  # frozen: once, at the end of a piece of work
    python -m akhbar.eval.ner --gold FILE     # a NewsFANE-format file (token<TAB>tag)
    python -m akhbar.eval.ner --gold FILE --format wojood

A predicted entity counts when its first token, end token and coarse type (PER, LOC, ORG)
equal a gold one's; fine gold tags map to coarse ones with the map documented in
:mod:`akhbar.eval.gold`.

Each set is scored five ways: the CRF alone (``crf``), the neural network alone
(``network``), the two combined as akhbar tags (``tagger``,
:mod:`akhbar.analyze.entities.tagger`), akhbar's entities as ``akhbar extract`` reports them
(``akhbar``: tagger, then the gazetteer, title, media and name rules of
:mod:`akhbar.analyze.entities.rules`, on the gold tokens joined by spaces, one sentence at a
time; MEDIA counts as ORG, the gold's convention, and titles are not scored), and the same
with ``--article`` consecutive sentences read as one article (``article``), which is how
akhbar reads news: a name's short form or a name tagged once in an article is tagged across
it. ``--only tagger akhbar`` limits the rows.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from akhbar.analyze.entities.tagger.labels import spans_of
from akhbar.errors import AkhbarError
from akhbar.eval.gold import (
    COARSE_TYPES,
    GoldSentence,
    read_newsfane,
    read_wojood,
    split_newsfane,
)
from akhbar.model import Sentence

__all__ = [
    "Counts",
    "Scores",
    "default_sets",
    "main",
    "row_taggers",
    "score_sentences",
    "tag_as_akhbar",
    "tag_passage_as_akhbar",
]

# akhbar's types in the gold's coarse ones: outlets are organisations there.
_GOLD_TYPE = {"PER": "PER", "LOC": "LOC", "ORG": "ORG", "MEDIA": "ORG"}

# Consecutive gold sentences read as one article in the "article" row. The gold files mark no
# article boundaries; a window that runs into the next article only brings in its names.
ARTICLE_SENTENCES = 10

DEFAULT_DATA = Path(__file__).resolve().parents[4] / "shared" / "data" / "ner"


@dataclass(frozen=True)
class Counts:
    """True positives, predicted and gold span counts, with the scores they give."""

    correct: int
    predicted: int
    gold: int

    @property
    def precision(self) -> float:
        return self.correct / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.correct / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0


@dataclass(frozen=True)
class Scores:
    per_type: tuple[tuple[str, Counts], ...]
    micro: Counts


def score_sentences(gold: Sequence[GoldSentence], predicted: Sequence[Sequence[str]]) -> Scores:
    """Exact-match span scores of ``predicted`` BIO labels against ``gold`` sentences."""
    if len(gold) != len(predicted):
        raise ValueError(f"{len(gold)} gold sentences but {len(predicted)} predictions")
    tally = {kind: [0, 0, 0] for kind in COARSE_TYPES}
    for sentence, labels in zip(gold, predicted, strict=True):
        gold_spans = {span for span in spans_of(sentence.labels) if span[2] in tally}
        guessed = {span for span in spans_of(labels) if span[2] in tally}
        for span in guessed & gold_spans:
            tally[span[2]][0] += 1
        for span in guessed:
            tally[span[2]][1] += 1
        for span in gold_spans:
            tally[span[2]][2] += 1
    per_type = tuple((kind, Counts(*tally[kind])) for kind in COARSE_TYPES)
    micro = Counts(*(sum(counts[i] for counts in tally.values()) for i in range(3)))
    return Scores(per_type, micro)


def default_sets(
    data: Path = DEFAULT_DATA, portion: str = "dev"
) -> dict[str, tuple[GoldSentence, ...]]:
    """The sets scored by default: NewsFANE's ``portion`` (dev, check or test: see
    :func:`akhbar.eval.gold.split_newsfane`), and with dev, Wojood's val file too."""
    split = split_newsfane(read_newsfane(data / "newsfane" / "newsfane-train.txt"))
    sets = {f"newsfane-{portion}": getattr(split, portion)}
    if portion == "dev":
        sets["wojood-val"] = read_wojood(data / "wojood" / "val.txt")
    return sets


def tag_as_akhbar(tokens: Sequence[str], rules: frozenset[str] | None = None) -> tuple[str, ...]:
    """BIO labels of the entities :func:`~akhbar.analyze.entities.find_entities` finds in
    ``tokens`` joined by spaces (a token is labelled by the entity that covers it);
    ``rules``: those to run (default: all)."""
    return tag_passage_as_akhbar([tokens], rules)[0]


def tag_passage_as_akhbar(
    sentences: Sequence[Sequence[str]], rules: frozenset[str] | None = None
) -> list[tuple[str, ...]]:
    """:func:`tag_as_akhbar` for consecutive sentences read as one article, so that what
    akhbar does across an article (short forms of full names, a name tagged once tagged
    again) has the context it has in use."""
    from akhbar.analyze.entities.mentions import RULES, find_entities
    from akhbar.arabic.doc import make_doc

    texts: list[str] = []
    starts: list[list[int]] = []
    split: list[Sentence] = []
    position = 0
    for index, tokens in enumerate(sentences):
        words = [token or "_" for token in tokens]
        text = " ".join(words)
        offsets, cursor = [], position
        for word in words:
            offsets.append(cursor)
            cursor += len(word) + 1
        split.append(Sentence(index, position, position + len(text), text))
        texts.append(text)
        starts.append(offsets)
        position += len(text) + 1
    doc = make_doc(" ".join(texts), sentences=split)
    mentions = find_entities(doc, rules=RULES if rules is None else rules)
    out = []
    for tokens, offsets in zip(sentences, starts, strict=True):
        words = [token or "_" for token in tokens]
        labels = ["O"] * len(words)
        for mention in mentions:
            kind = _GOLD_TYPE.get(mention.type)
            covered = [
                i
                for i, start in enumerate(offsets)
                if start < mention.span.end and mention.span.start < start + len(words[i])
            ]
            if kind is None or not covered:
                continue
            labels[covered[0]] = f"B-{kind}"
            for index in covered[1:]:
                labels[index] = f"I-{kind}"
        out.append(tuple(labels))
    return out


def format_scores(name: str, scores: Scores) -> str:
    lines = [f"{name}", f"  {'type':6} {'P':>6} {'R':>6} {'F1':>6} {'gold':>6}"]
    rows = [*scores.per_type, ("micro", scores.micro)]
    for kind, counts in rows:
        lines.append(
            f"  {kind:6} {counts.precision:6.3f} {counts.recall:6.3f} {counts.f1:6.3f}"
            f" {counts.gold:6d}"
        )
    return "\n".join(lines)


# NewsFANE's portions the script scores (train is what the models learned).
PORTIONS = ("dev", "check", "test")
# The rows scored, in order; ``--only`` picks some.
ROWS = ("crf", "network", "tagger", "akhbar", "article")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m akhbar.eval.ner", description=__doc__)
    parser.add_argument("--gold", type=Path, help="a gold file (default: NewsFANE's portion)")
    parser.add_argument(
        "--portion",
        choices=PORTIONS,
        default="dev",
        help="NewsFANE's portion: dev (rules are written from it), check (what a rule is worth) "
        "or test (frozen: scored once, at the end of a piece of work, its errors never read)",
    )
    parser.add_argument("--format", choices=("newsfane", "wojood"), default="newsfane")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="shared NER data folder")
    parser.add_argument("--only", nargs="+", choices=ROWS, default=ROWS, help="rows to score")
    parser.add_argument(
        "--article",
        type=int,
        default=ARTICLE_SENTENCES,
        metavar="N",
        help=f"sentences read as one article in the 'article' row (default {ARTICLE_SENTENCES})",
    )
    parser.add_argument(
        "--worth",
        action="store_true",
        help="what each rule is worth: the akhbar and article rows' micro-F1 with every rule, "
        "and with each left out (on --portion check: text no rule was written from)",
    )
    args = parser.parse_args(argv)
    if args.article < 1:
        parser.error(f"--article must be 1 or more, not {args.article}")
    if args.worth:
        return _print_worth(default_sets(args.data, args.portion), args.article)
    taggers = row_taggers(args.article)
    try:
        if args.gold:
            reader = read_newsfane if args.format == "newsfane" else read_wojood
            sets = {str(args.gold): reader(args.gold)}
        else:
            sets = default_sets(args.data, args.portion)
        for label in args.only:
            everything: list[GoldSentence] = []
            predictions: list[tuple[str, ...]] = []
            for name, sentences in sets.items():
                predicted = taggers[label]([sentence.tokens for sentence in sentences])
                print(format_scores(f"{name} ({label})", score_sentences(sentences, predicted)))
                everything += sentences
                predictions += predicted
            if len(sets) > 1:
                print(format_scores(f"all ({label})", score_sentences(everything, predictions)))
    except AkhbarError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    return 0


def _print_worth(sets: dict[str, tuple[GoldSentence, ...]], article: int) -> int:
    """Micro-F1 of the akhbar and article rows with every rule and without each one; a rule
    is worth the drop its absence causes."""
    from akhbar.analyze.entities.mentions import RULES

    for name, sentences in sets.items():
        full = {row: _row_f1(sentences, RULES, row, article) for row in ("akhbar", "article")}
        print(f"{name}: every rule: akhbar {full['akhbar']:.4f}, article {full['article']:.4f}")
        print(f"  {'rule left out':24} {'akhbar':>8} {'article':>8}   (worth: F1 lost without it)")
        for rule in sorted(RULES):
            worth = {
                row: full[row] - _row_f1(sentences, RULES - {rule}, row, article) for row in full
            }
            print(f"  {rule:24} {worth['akhbar']:+8.4f} {worth['article']:+8.4f}")
        none = full["akhbar"] - _row_f1(sentences, frozenset(), "akhbar", article)
        print(f"  {'(every rule)':24} {none:+8.4f}")
    return 0


def _row_f1(
    sentences: Sequence[GoldSentence], rules: frozenset[str], row: str, article: int
) -> float:
    predicted = row_taggers(article, rules)[row]([sentence.tokens for sentence in sentences])
    return score_sentences(sentences, predicted).micro.f1


def row_taggers(
    article: int, rules: frozenset[str] | None = None
) -> dict[str, Callable[[list[tuple[str, ...]]], list[tuple[str, ...]]]]:
    """Each row's labels for a list of gold sentences' tokens (``rules``: akhbar's, all by
    default)."""
    # Imported here so `--help` works even before the model has been trained.
    from akhbar.analyze.entities.tagger.combined import crf_tags, tag_words
    from akhbar.analyze.entities.tagger.features import word_forms
    from akhbar.analyze.entities.tagger.network import network_tags

    def each(tag: Callable[[Sequence[str]], tuple[str, ...]]):
        return lambda sentences: [tag(tokens) for tokens in sentences]

    def by_article(sentences: list[tuple[str, ...]]) -> list[tuple[str, ...]]:
        return [
            labels
            for first in range(0, len(sentences), article)
            for labels in tag_passage_as_akhbar(sentences[first : first + article], rules)
        ]

    return {
        "crf": each(lambda tokens: crf_tags(word_forms(tokens))),
        "network": each(lambda tokens: network_tags(word_forms(tokens))),
        "tagger": each(tag_words),
        "akhbar": each(lambda tokens: tag_as_akhbar(tokens, rules)),
        "article": by_article,
    }


if __name__ == "__main__":
    raise SystemExit(main())
