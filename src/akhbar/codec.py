"""Model objects to plain data and back: the one codec the report, ``extract``, the store and
the provenance export use.

    >>> from akhbar.model import Evidence
    >>> to_data(Evidence(Span("004", 120, 132, 3), "ديمتري بيسكوف"))
    {'article': '004', 'start': 120, 'end': 132, 'sentence': 3, 'text': 'ديمتري بيسكوف'}
    >>> from_data(Evidence, _) == Evidence(Span("004", 120, 132, 3), "ديمتري بيسكوف")
    True

Plain data is what JSON holds: dicts with string keys, lists, strings, numbers, booleans and
None. The rules follow the dataclasses of :mod:`akhbar.model` and their type hints, so a new
field needs no new code:

- a dataclass becomes a dict of its fields, in declaration order; a field named ``span`` of
  type :class:`~akhbar.model.Span` is laid flat into it (``article``, ``start``, ``end``,
  ``sentence``), as the report has always written evidence; other spans are nested dicts;
- tuples become lists, read-only mappings dicts, dates and times ISO strings;
- a few properties readers want beside the fields (a citation's ``source``, ``type`` and
  ``chain``) are written too and ignored when read back.

``from_data(kind, to_data(value)) == value`` for every model object (a property test checks it).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import types
import typing
from collections.abc import Mapping
from functools import cache
from typing import Any, TypeVar

from akhbar.model import SourceCitation, Span

__all__ = ["from_data", "to_data"]

T = TypeVar("T")

_FLAT = "span"
# Properties written beside the fields, for readers; never read back.
_DERIVED: dict[type, tuple[str, ...]] = {SourceCitation: ("source", "type", "chain")}


def to_data(value: Any) -> Any:
    """``value`` as plain data (see the module's rules)."""
    if value is None or isinstance(value, str | int | float | bool):
        return value
    if isinstance(value, dt.date):  # datetime too
        return value.isoformat()
    if isinstance(value, tuple | list):
        return [to_data(item) for item in value]
    if isinstance(value, Mapping):
        return {str(key): to_data(item) for key, item in value.items()}
    if dataclasses.is_dataclass(value):
        out: dict[str, Any] = {}
        for field in dataclasses.fields(value):
            item = getattr(value, field.name)
            if field.name == _FLAT and isinstance(item, Span):
                out.update(to_data(item))
            else:
                out[field.name] = to_data(item)
        for name in _DERIVED.get(type(value), ()):
            out[name] = to_data(getattr(value, name))
        return out
    raise TypeError(f"{type(value).__name__} has no plain-data form: give a model object")


def from_data(kind: type[T] | Any, data: Any) -> T:
    """The object of type ``kind`` (a class or a type hint such as ``tuple[Evidence, ...]``)
    that :func:`to_data` wrote as ``data``. A missing or wrong field raises ``ValueError``
    naming it."""
    origin = typing.get_origin(kind)
    if kind is Any:
        return data
    if origin in (typing.Union, types.UnionType):
        options = [option for option in typing.get_args(kind) if option is not type(None)]
        if data is None:
            return None  # type: ignore[return-value]
        return from_data(options[0], data) if len(options) == 1 else data
    if origin is typing.Literal:
        return data
    if origin in (tuple, list):
        element = typing.get_args(kind)[0]
        return tuple(from_data(element, item) for item in data)  # type: ignore[return-value]
    if origin is not None and issubclass(origin, Mapping):
        return types.MappingProxyType(dict(data))  # type: ignore[return-value]
    if kind is dt.date:
        return _date(data)  # type: ignore[return-value]
    if isinstance(kind, type) and dataclasses.is_dataclass(kind):
        return _dataclass(kind, data)
    return data


def _date(text: str) -> dt.date:
    """A date, or a datetime where the text gives a time (a feed's publication moment)."""
    return dt.date.fromisoformat(text) if len(text) == 10 else dt.datetime.fromisoformat(text)


def _dataclass(kind: type[T], data: Mapping[str, Any]) -> T:
    if not isinstance(data, Mapping):
        raise ValueError(f"{kind.__name__}: expected an object, got {type(data).__name__}")
    values: dict[str, Any] = {}
    for field in dataclasses.fields(kind):
        hint = _hints(kind)[field.name]
        if field.name == _FLAT and hint is Span:
            values[field.name] = _dataclass(Span, data)
        elif field.name in data:
            values[field.name] = from_data(hint, data[field.name])
        elif field.default is dataclasses.MISSING and field.default_factory is dataclasses.MISSING:
            raise ValueError(f"{kind.__name__}: field {field.name!r} is missing")
    return kind(**values)


@cache
def _hints(kind: type) -> dict[str, Any]:
    return typing.get_type_hints(kind)
