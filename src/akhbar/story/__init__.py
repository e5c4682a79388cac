"""Work on one story: timeline, claims, comparison, provenance, summary."""

from akhbar.story.build import build_story

__all__ = ["build_story"]
