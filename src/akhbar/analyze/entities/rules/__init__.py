"""Rules around the tagger's spans: gazetteers, media, titles, name shapes (:mod:`.spans`),
people's titles (:mod:`.titles`) and the tokens and display forms they read (:mod:`.text`)."""

from akhbar.analyze.entities.rules.spans import apply_rules
from akhbar.analyze.entities.rules.titles import find_titles

__all__ = ["apply_rules", "find_titles"]
