"""The progress bar appears only for runs of more than a few dozen articles."""

from __future__ import annotations

import io

from akhbar.progress import ProgressBar


def test_no_bar_for_a_few_articles() -> None:
    stream = io.StringIO()
    with ProgressBar("reading", stream=stream, force=True) as bar:
        for count in range(1, 10):
            bar.update(count)
    assert stream.getvalue() == ""


def test_bar_for_many_articles_shows_the_count() -> None:
    stream = io.StringIO()
    with ProgressBar("reading", stream=stream, force=True) as bar:
        for count in range(1, 201):
            bar.update(count)
    assert "reading" in stream.getvalue()
    assert "200" in stream.getvalue()


def test_no_bar_when_stderr_is_not_a_terminal() -> None:
    stream = io.StringIO()  # isatty() is False
    with ProgressBar("reading", stream=stream) as bar:
        for count in range(1, 201):
            bar.update(count)
    assert stream.getvalue() == ""
