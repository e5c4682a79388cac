"""Claim-check pairs: one JSON object a line, ``{"id", "claim", "text"}`` (``akhbar check
--pairs``). Unlike article JSONL, a bad line is not skipped: a verdict file with a line
missing would no longer line up with its input, so the first bad line stops the read with
an :class:`~akhbar.errors.InputError` naming the file and the line.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from akhbar.errors import InputError

__all__ = ["PAIR_KEYS", "ClaimPair", "read_pairs"]

PAIR_KEYS = ("id", "claim", "text")


@dataclass(frozen=True)
class ClaimPair:
    """A claim and the text to judge against it."""

    id: str
    claim: str
    text: str


def read_pairs(path: str | Path) -> tuple[ClaimPair, ...]:
    """Every pair of the JSONL file ``path``, in file order (blank lines ignored)."""
    try:
        with open(path, encoding="utf-8") as handle:
            lines = handle.read().splitlines()
    except (OSError, UnicodeError) as error:
        reason = error.strerror if isinstance(error, OSError) else str(error)
        raise InputError(str(path), f"cannot be read: {reason}") from None
    pairs = []
    for number, line in enumerate(lines, start=1):
        if line.strip():
            pairs.append(_pair(_json_object(line, f"{path}:{number}")))
    return tuple(pairs)


def _json_object(line: str, where: str) -> dict:
    try:
        row = json.loads(line)
    except json.JSONDecodeError as error:
        raise InputError(where, f"not JSON ({error.msg}); write one JSON object a line") from None
    if not isinstance(row, dict):
        raise InputError(where, "expected a JSON object with keys id, claim, text")
    missing = [key for key in PAIR_KEYS if key not in row]
    if missing:
        raise InputError(where, f"missing key {missing[0]!r}; each line needs id, claim, text")
    for key in ("claim", "text"):
        if not isinstance(row[key], str):
            raise InputError(where, f"{key!r} must be a string, not {type(row[key]).__name__}")
    return row


def _pair(row: dict) -> ClaimPair:
    return ClaimPair(str(row["id"]), row["claim"], row["text"])
