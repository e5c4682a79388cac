"""Time expressions of one article, resolved to TimeML values (:func:`find_times`), the
publication date reconciled with the weekday the text names, and relative dates inside
quotations resolved at the day of the quoted speech."""

from akhbar.analyze.times.find import find_times, read_times
from akhbar.analyze.times.published import reconcile_published
from akhbar.analyze.times.quoted import anchor_quoted_times

__all__ = ["anchor_quoted_times", "find_times", "read_times", "reconcile_published"]
