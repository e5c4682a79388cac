"""Outlet profiles: who owns or funds an outlet and in which country (lexicon
``outlet_profiles``, each line with its public source), so that coverage can be read by
side: a story that only outlets of one country cover is flagged."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache

from akhbar.arabic.lexicon import load_entries
from akhbar.arabic.normalize import to_key

__all__ = ["OutletProfile", "one_side", "profile_of"]

UNKNOWN = "unknown"


@dataclass(frozen=True)
class OutletProfile:
    names: tuple[str, ...]
    domain: str
    country: str
    owner: str
    source: str


@cache
def _profiles() -> dict[str, OutletProfile]:
    out: dict[str, OutletProfile] = {}
    for line in load_entries("outlet_profiles"):
        names, domain, country, owner, source = (part.strip() for part in line.split("\t"))
        profile = OutletProfile(tuple(names.split("|")), domain, country, owner, source)
        for name in (*profile.names, domain):
            out[to_key(name).lower()] = profile
    return out


def profile_of(outlet: str | None) -> OutletProfile | None:
    """The profile of an outlet named as an article names it (any of its spellings)."""
    if not outlet:
        return None
    return _profiles().get(to_key(outlet).lower())


def one_side(
    outlets: Iterable[str],
    profile: Callable[[str | None], OutletProfile | None] = profile_of,
) -> str | None:
    """The country every outlet of a story belongs to, when there are two outlets or more
    and all are known (``profile``: the lexicon's) and of one country; else None."""
    names = [name for name in dict.fromkeys(outlets) if name and name != "—"]
    profiles = [profile(name) for name in names]
    if any(p is None or p.country == UNKNOWN for p in profiles):
        return None
    known = {p.domain: p for p in profiles if p is not None}  # one outlet, several names
    countries = {p.country for p in known.values()}
    return countries.pop() if len(known) >= 2 and len(countries) == 1 else None
