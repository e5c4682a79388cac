"""Errors akhbar raises. Messages name the input, the problem and what to do next."""

from __future__ import annotations


class AkhbarError(Exception):
    """Base class of every error akhbar raises on purpose."""


class InputError(AkhbarError):
    """An input (file, line, stream) cannot be read as an article."""

    def __init__(self, source: str, problem: str) -> None:
        super().__init__(f"{source}: {problem}")
        self.source = source
        self.problem = problem


class ConfigError(AkhbarError):
    """An option or setting has a value akhbar cannot use."""


class StoreError(AkhbarError):
    """The article store cannot be opened or written."""
