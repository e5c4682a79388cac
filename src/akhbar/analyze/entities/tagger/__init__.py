"""The NER tagger: a CRF (:mod:`.crf`) and BiLSTM-CRF heads (:mod:`.network`, :mod:`.lstm`)
over the same features (:mod:`.features`), combined by :mod:`.combined` through one
forward-backward pass (:mod:`.chain`)."""

from akhbar.analyze.entities.tagger.combined import crf_tags, tag_forms, tag_sentences, tag_words
from akhbar.analyze.entities.tagger.labels import COARSE_TYPES, spans_of

__all__ = ["COARSE_TYPES", "crf_tags", "spans_of", "tag_forms", "tag_sentences", "tag_words"]
