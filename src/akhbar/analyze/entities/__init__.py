"""Named entities of one article: the tagger (CRF + network) reads the Doc's tokens, rules
and lexicons correct and complete what it reads, and the article's mentions come out.

- :mod:`.tagger`: the models and the maths that run them (:func:`.tagger.tag_sentences`);
- :mod:`.rules`: gazetteers, media, titles and name shapes around the tagger's spans;
- :mod:`.lexicons`: the word lists both read, shaped for matching;
- :mod:`.mentions`: :func:`find_entities`, the article-level pass (short forms, one sense per
  article, titles attached to people).
"""

from akhbar.analyze.entities.mentions import ENTITY_TYPES, find_entities

__all__ = ["ENTITY_TYPES", "find_entities"]
