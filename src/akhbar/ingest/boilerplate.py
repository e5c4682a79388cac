"""Page furniture out, article lines in: every removed line is kept with its reason.

>>> found = find_boilerplate("بوتين يهاتف الشرع\\nنص الخبر.\\nاقرا أيضا\\nعنوان آخر")
>>> [(line.reason, line.line) for line in found.removed]
[('read-also', 3), ('related-headline', 4)]
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from akhbar.arabic.lexicon import load_entries, load_mapping
from akhbar.arabic.normalize import to_key
from akhbar.model import BoilerplateLine

__all__ = ["BoilerplateScan", "assemble_text", "find_boilerplate", "line_key"]

# Signatures and headers sit in the first/last few non-blank lines of a page.
EDGE_LINES = 3
# A prefix entry ("تابعونا على*") only matches lines this short: a real sentence that
# happens to start with the same words is longer.
PREFIX_MAX_WORDS = 8
# A related headline after "اقرأ أيضا" is a headline: short.
RELATED_MAX_WORDS = 20
_SIGNATURE_MAX_WORDS = 5

_LEAD_MARKS = "*•·▪■ \t"
_TRAIL_MARKS = ".:،,;؛!…|- \t"
_IMAGE = re.compile(r"^\s*!\[[^\]]*\]\([^)\s]+(?:\s+\"[^\"]*\")?\)\s*$")
# "سيريا ستار تايمز - syriastartimes," (seed 000): Arabic name, dash, Latin site name.
_SIGNATURE = re.compile(
    r"^\s*(?P<name>[^\-–—|,،]+?)\s+[-–—|]\s+(?P<latin>[A-Za-z][A-Za-z0-9.\-_]*)\s*[,.،]?\s*$"
)
_CREDIT_SPLIT = re.compile(r"\s*[/|,،:\-–—()\[\]]\s*")


@dataclass(frozen=True)
class BoilerplateScan:
    """Result of scanning a text: line numbers kept, lines removed, a signature name found."""

    kept: tuple[int, ...]  # 0-based indexes of kept lines (blank ones included)
    removed: tuple[BoilerplateLine, ...]
    signature: str | None = None


def line_key(line: str) -> str:
    """Key form of a line for matching: bullets and trailing punctuation ignored."""
    return to_key(line).strip().lstrip(_LEAD_MARKS).rstrip(_TRAIL_MARKS)


@cache
def _rules() -> tuple[dict[str, str], tuple[tuple[str, str], ...]]:
    exact: dict[str, str] = {}
    prefixes: list[tuple[str, str]] = []
    for entry, reason in load_mapping("boilerplate_lines").items():
        if entry.endswith("*"):
            prefixes.append((entry[:-1], reason))
        else:
            exact[entry] = reason
    return exact, tuple(prefixes)


@cache
def _credits() -> frozenset[str]:
    return frozenset(load_entries("boilerplate_credits"))


@cache
def _outlet_keys() -> frozenset[str]:
    mapping = load_mapping("outlets")
    return frozenset(mapping) | frozenset(line_key(name) for name in mapping.values())


def find_boilerplate(text: str, outlet_names: Iterable[str] = ()) -> BoilerplateScan:
    """Scan ``text`` (``\\n`` newlines); ``outlet_names`` are names a signature line may hold.

    Without ``outlet_names`` any outlet listed in ``outlets.txt`` may sign; with them only
    those do, so a line naming another outlet (a cited source) stays.
    """
    lines = text.split("\n")
    filled = [index for index, line in enumerate(lines) if line.strip()]
    edges = set(filled[:EDGE_LINES] + filled[-EDGE_LINES:])
    signature = _find_signature(lines, sorted(edges))
    names = {line_key(name) for name in outlet_names if name} or set(_outlet_keys())
    if signature is not None:
        names.add(line_key(signature))
    reasons: dict[int, str] = {}
    for position, index in enumerate(filled):
        if index in reasons:
            continue
        reason = _reason(lines[index], index in edges, names)
        if reason is None:
            continue
        reasons[index] = "read-also" if reason == "read-also-inline" else reason
        following = filled[position + 1] if position + 1 < len(filled) else None
        if reason == "read-also" and following is not None and _is_related(lines[following]):
            reasons[following] = "related-headline"
    removed = tuple(
        BoilerplateLine(text=lines[index], reason=reasons[index], line=index + 1)
        for index in sorted(reasons)
    )
    kept = tuple(index for index in range(len(lines)) if index not in reasons)
    return BoilerplateScan(kept=kept, removed=removed, signature=signature)


def _reason(line: str, at_edge: bool, outlet_keys: set[str]) -> str | None:
    if _IMAGE.match(line):
        return "image"
    if len(line) > _longest_line():
        return None  # a paragraph: no lexicon line is this long, skip the key form
    key = line_key(line)
    if at_edge and (key in outlet_keys or _signature_name(line) is not None):
        return "signature"
    exact, prefixes = _rules()
    for candidate in (key, to_key(line).strip()):  # the second keeps marks ("+ الخط -")
        if candidate in exact:
            return exact[candidate]
    words = len(key.split())
    for prefix, reason in prefixes:
        # A read-also link carries a whole headline ("اقرأ.. سوريا.. مقتل العشرات بهجوم
        # كيماوي محتمل.. والنظام ينفي"): it may run longer than other furniture.
        limit = PREFIX_MAX_WORDS * (2 if reason == "read-also-inline" else 1)
        if words <= limit and key.startswith(prefix):
            return reason
    return "credit" if _is_credit(key) else None


@cache
def _longest_line() -> int:
    """Display length past which a line cannot match: twice the longest entry, for marks."""
    return 2 * max(len(entry) for entry in _rules()[0]) + 40


def _is_related(line: str) -> bool:
    """A related-article link reads as a headline: short, no final full stop."""
    text = line.strip()
    return len(text.split()) <= RELATED_MAX_WORDS and not text.endswith(".")


def _find_signature(lines: list[str], edge_indexes: list[int]) -> str | None:
    for index in reversed(edge_indexes):
        name = _signature_name(lines[index])
        if name is not None:
            return name
    return None


def _signature_name(line: str) -> str | None:
    """The Arabic outlet name of a ``name - latinname,`` line, else None."""
    match = _SIGNATURE.match(line)
    if match is None:
        return None
    name = match.group("name").strip()
    words = name.split()
    arabic = sum("\u0600" <= char <= "\u06ff" for char in name)
    if not words or len(words) > _SIGNATURE_MAX_WORDS or arabic < len(name.replace(" ", "")) / 2:
        return None
    return name


def _is_credit(key: str) -> bool:
    pieces = [piece.strip() for piece in _CREDIT_SPLIT.split(key)]
    pieces = [piece for piece in pieces if piece]
    return bool(pieces) and all(piece in _credits() for piece in pieces)


def assemble_text(lines: list[str], kept: Iterable[int]) -> tuple[str, tuple[int, ...]]:
    """Join kept lines, at most one blank line in a row, no blank lines at either end.

    Returns the text and, per output line, its 1-based line number in ``lines``.
    """
    out: list[str] = []
    numbers: list[int] = []
    pending_blank: int | None = None
    for index in kept:
        line = lines[index]
        if not line.strip():
            if out and pending_blank is None:
                pending_blank = index + 1
            continue
        if pending_blank is not None:
            out.append("")
            numbers.append(pending_blank)
            pending_blank = None
        out.append(line)
        numbers.append(index + 1)
    return "\n".join(out), tuple(numbers)
