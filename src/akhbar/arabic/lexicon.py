"""Word lists shipped as data files under ``akhbar/arabic/lexicon/``.

Format: UTF-8, one entry a line, ``#`` starts a comment line, blank lines ignored.
A header comment names the source. Entries are written in key form (see
:mod:`akhbar.arabic.normalize`); a test checks that every entry is its own key.
Mapping files hold ``entry<TAB>value`` lines.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

from akhbar.errors import ConfigError

__all__ = ["lexicon_names", "load_entries", "load_mapping"]


def _lines(name: str) -> list[str]:
    resource = resources.files("akhbar.arabic") / "lexicon" / f"{name}.txt"
    if not resource.is_file():
        raise ConfigError(f"lexicon {name!r} not found: expected akhbar/arabic/lexicon/{name}.txt")
    out = []
    for raw in resource.read_text(encoding="utf-8").splitlines():
        line = raw.rstrip()
        if line and not line.lstrip().startswith("#"):
            out.append(line.strip())
    return out


@cache
def load_entries(name: str) -> tuple[str, ...]:
    """Entries of lexicon ``name``, in file order, duplicates removed."""
    return tuple(dict.fromkeys(_lines(name)))


@cache
def load_mapping(name: str) -> dict[str, str]:
    """``entry -> value`` pairs of a two-column (tab-separated) lexicon."""
    pairs: dict[str, str] = {}
    for line in _lines(name):
        entry, sep, value = line.partition("\t")
        if not sep:
            raise ConfigError(f"lexicon {name!r}: line {line!r} has no tab between entry and value")
        pairs[entry.strip()] = value.strip()
    return pairs


def lexicon_names() -> tuple[str, ...]:
    """Names of every lexicon file shipped in the package."""
    folder = resources.files("akhbar.arabic") / "lexicon"
    return tuple(
        sorted(p.name.removesuffix(".txt") for p in folder.iterdir() if p.name.endswith(".txt"))
    )
