"""Work across articles: deduplication, event/story clustering, entity linking, wire copies."""

from akhbar.corpus.assign import CorpusConfig, PreparedArticle, assign, prepare
from akhbar.corpus.cluster import ClusterConfig
from akhbar.corpus.dedup import DedupConfig

__all__ = ["ClusterConfig", "CorpusConfig", "DedupConfig", "PreparedArticle", "assign", "prepare"]
