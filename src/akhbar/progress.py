"""A progress bar on stderr that appears only once a run is big enough to need one."""

from __future__ import annotations

import sys
from types import TracebackType
from typing import TextIO

from tqdm import tqdm

__all__ = ["ProgressBar"]

# Below this many inputs a run ends before a bar would help; above it, silence looks hung.
SHOW_AFTER = 48


class ProgressBar:
    """Counts inputs; draws a tqdm bar from the ``SHOW_AFTER``-th input on.

    The bar is drawn only on a terminal unless ``force`` is set, so logs and pipes
    stay clean.
    """

    def __init__(
        self,
        label: str,
        *,
        stream: TextIO | None = None,
        force: bool = False,
        show_after: int = SHOW_AFTER,
    ) -> None:
        self._label = label
        self._stream = stream if stream is not None else sys.stderr
        self._force = force
        self._show_after = show_after
        self._bar: tqdm | None = None
        self._count = 0

    def update(self, count: int) -> None:
        """Record that ``count`` inputs have been read so far."""
        if self._bar is None and count >= self._show_after:
            visible = self._force or self._stream.isatty()
            self._bar = tqdm(
                desc=self._label,
                unit=" articles",
                initial=count,
                file=self._stream,
                disable=not visible,
                mininterval=0.2,
            )
        elif self._bar is not None:
            self._bar.update(count - self._count)
        self._count = count

    def __enter__(self) -> ProgressBar:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        if self._bar is not None:
            self._bar.close()
