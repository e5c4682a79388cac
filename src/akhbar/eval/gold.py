"""Gold NER data (NewsFANE, Wojood) read into coarse-typed sentences, and the type map.

The tagger predicts three coarse types; media/agency names and titles come from rules
(:mod:`akhbar.analyze.entities.rules.spans`), because the two gold sets disagree on them (NewsFANE
has ``Media``, Wojood files agencies under ``ORG``; NewsFANE has no job titles at all).

Fine type -> coarse type (anything not listed is ``O``):

========  ==================================================================================
coarse    NewsFANE fine types / Wojood types
========  ==================================================================================
PER       Politician, Artist, Athlete, Businessperson, Engineer, Lawyer, Scientist, Police,
          Religious_PER, Other_PER / PERS
LOC       (GPE and LOC) Nation, Population-Center, State-or-Province, County-or-District,
          GPE-Cluster, Continent, Land-Region-Natural, Water-Body, Celestial, and facilities
          Airport, Building-Grounds, Path, Subarea-Facility / GPE, LOC, FAC
ORG       Government, Non-Governmental, Commercial, Educational, Entertainment,
          Medical-Science, Religious_ORG, Sports, Media / ORG, WEBSITE
O         Group (peoples: العرب, المسلمين), vehicles (Air, Land, Water), weapons (Projectile,
          Shooting), works and products (Book, Movie, Software, Hardware, Drug, Food, Plant)
          / NORP, OCC, DATE, TIME, EVENT, LAW, numbers, money, products, languages
========  ==================================================================================

Wojood tags are nested; a token takes the outermost span among those whose type maps to a
coarse type, so "مجلس الأمن ضد الأسد" stays one ORG while the GPE inside an OCC title
("سكرتير اللجنة ... في نابلس") survives as LOC.
"""

from __future__ import annotations

import random
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from akhbar.analyze.entities.tagger.labels import COARSE_TYPES, spans_of
from akhbar.errors import InputError

__all__ = [
    "COARSE_TYPES",
    "GoldSentence",
    "NewsfaneSplit",
    "coarse_type",
    "read_newsfane",
    "read_wojood",
    "split_newsfane",
]


_FINE_TO_COARSE: dict[str, str] = {
    **dict.fromkeys(
        [
            "Politician",
            "Artist",
            "Athlete",
            "Businessperson",
            "Engineer",
            "Lawyer",
            "Scientist",
            "Police",
            "Religious_PER",
            "Other_PER",
            "PERS",
        ],
        "PER",
    ),
    **dict.fromkeys(
        [
            "Nation",
            "Population-Center",
            "State-or-Province",
            "County-or-District",
            "GPE-Cluster",
            "Continent",
            "Land-Region-Natural",
            "Water-Body",
            "Celestial",
            "Airport",
            "Building-Grounds",
            "Path",
            "Subarea-Facility",
            "GPE",
            "LOC",
            "FAC",
        ],
        "LOC",
    ),
    **dict.fromkeys(
        [
            "Government",
            "Non-Governmental",
            "Commercial",
            "Educational",
            "Entertainment",
            "Medical-Science",
            "Religious_ORG",
            "Sports",
            "Media",
            "ORG",
            "WEBSITE",
        ],
        "ORG",
    ),
}

# NewsFANE marks every token with a left-to-right mark; the BOM may open the file.
_INVISIBLE = "\u200e\u200f\ufeff"


@dataclass(frozen=True)
class GoldSentence:
    """One gold sentence: tokens and their coarse BIO labels (``B-PER``, ``I-LOC``, ``O``)."""

    tokens: tuple[str, ...]
    labels: tuple[str, ...]


def coarse_type(fine: str) -> str | None:
    """The coarse type of a fine NewsFANE/Wojood type, or None when it is not kept.

    >>> coarse_type("Politician"), coarse_type("Nation"), coarse_type("Group")
    ('PER', 'LOC', None)
    """
    return _FINE_TO_COARSE.get(fine)


def read_newsfane(path: str | Path) -> tuple[GoldSentence, ...]:
    """Sentences of a NewsFANE-format file (``token<TAB>tag``; a tab-only line ends one).

    U+200E marks, a BOM and CRLF line ends are tolerated; fine tags map to coarse ones.
    """
    out = []
    for rows in _blocks(_read_lines(path)):
        tokens, tags = [], []
        for line_no, row in rows:
            token, sep, tag = row.partition("\t")
            tag = tag.strip(_INVISIBLE + " ")
            if not sep:
                raise InputError(f"{path}:{line_no}", "expected 'token<TAB>tag'")
            if not _is_tag(tag):
                raise InputError(
                    f"{path}:{line_no}", f"tag {tag!r} is not O, B-TYPE or I-TYPE ('token<TAB>tag')"
                )
            tokens.append(token.strip(_INVISIBLE + " "))
            tags.append(tag)
        out.append(GoldSentence(tuple(tokens), _coarse_labels([[tag] for tag in tags])))
    if not out:
        raise InputError(str(path), "holds no sentences ('token<TAB>tag' lines)")
    return tuple(out)


def _is_tag(tag: str) -> bool:
    return tag == "O" or (tag[:2] in ("B-", "I-") and len(tag) > 2 and "\t" not in tag)


def read_wojood(path: str | Path) -> tuple[GoldSentence, ...]:
    """Sentences of a Wojood-format file (token, then 1..n nested IOB tags; blank line ends)."""
    out = []
    for rows in _blocks(_read_lines(path)):
        tokens, layers = [], []
        for line_no, row in rows:
            fields = row.split()
            if len(fields) < 2:
                raise InputError(f"{path}:{line_no}", "expected 'token TAG [TAG...]'")
            tokens.append(fields[0])
            layers.append(fields[1:])
        out.append(GoldSentence(tuple(tokens), _coarse_labels(layers)))
    return tuple(out)


def _read_lines(path: str | Path) -> list[str]:
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(
            str(path), f"cannot read gold file ({error}); give a UTF-8 file"
        ) from error
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


def _blocks(lines: list[str]) -> Iterator[list[tuple[int, str]]]:
    rows: list[tuple[int, str]] = []
    for line_no, line in enumerate(lines, start=1):
        if line.strip(_INVISIBLE + " \t"):
            rows.append((line_no, line))
        elif rows:
            yield rows
            rows = []
    if rows:
        yield rows


def _coarse_labels(layers: list[list[str]]) -> tuple[str, ...]:
    """Flatten nested IOB layers to one coarse BIO sequence, outermost kept span first."""
    depth = max((len(tags) for tags in layers), default=0)
    spans = []
    for level in range(depth):
        column = [tags[level] if level < len(tags) else "O" for tags in layers]
        for start, end, fine in spans_of(column):
            kind = coarse_type(fine)
            if kind:
                spans.append((start, end, kind))
    labels = ["O"] * len(layers)
    for start, end, kind in sorted(spans, key=lambda span: (span[0], -(span[1] - span[0]))):
        if all(label == "O" for label in labels[start:end]):
            labels[start:end] = [f"B-{kind}"] + [f"I-{kind}"] * (end - start - 1)
    return tuple(labels)


# NewsFANE is split by blocks of this many consecutive sentences (a block is one or two
# newswire stories, so a story never sits on two sides):
# - dev: DEV_SHARE of the blocks drawn with DEV_SEED. The sentences the rules were written
#   from (since the first NER issue), and may be again.
# - test: the other blocks of the last TEST_SHARE of the file. Frozen: scored once, at the end
#   of a piece of work; its errors are never read, and nothing is tuned on it.
# - check: the other blocks of the CHECK_SHARE of the file before the test blocks. Never read
#   either: what a rule is worth is measured here (rules are written from dev and ANT).
# - train: every other block; both models learn from these alone.
BLOCK_SENTENCES = 25
DEV_SHARE = 0.15
DEV_SEED = 20140823
TEST_SHARE = 0.15
CHECK_SHARE = 0.10


@dataclass(frozen=True)
class NewsfaneSplit:
    """The four portions of NewsFANE, each of whole blocks, in file order."""

    train: tuple[GoldSentence, ...]
    dev: tuple[GoldSentence, ...]
    check: tuple[GoldSentence, ...]
    test: tuple[GoldSentence, ...]


def split_newsfane(sentences: Sequence[GoldSentence]) -> NewsfaneSplit:
    """The NewsFANE file in its four portions (see ``BLOCK_SENTENCES`` above)."""
    blocks = [
        tuple(sentences[start : start + BLOCK_SENTENCES])
        for start in range(0, len(sentences), BLOCK_SENTENCES)
    ]
    count = len(blocks)
    dev = set(random.Random(DEV_SEED).sample(range(count), round(count * DEV_SHARE)))
    test_from = count - round(count * TEST_SHARE)
    check_from = test_from - round(count * CHECK_SHARE)

    def portion(index: int) -> str:
        if index in dev:
            return "dev"
        return "test" if index >= test_from else "check" if index >= check_from else "train"

    found: dict[str, list[GoldSentence]] = {"train": [], "dev": [], "check": [], "test": []}
    for index, block in enumerate(blocks):
        found[portion(index)] += block
    return NewsfaneSplit(**{name: tuple(part) for name, part in found.items()})
