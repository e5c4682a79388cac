"""``akhbar serve``: the newsroom's front page, story pages, article pages, search and claim
check in a browser, over a store (FastAPI, server-rendered Jinja2 templates, no script
needed, every asset shipped in the package)."""

from akhbar.web.app import WebConfig, create_app

__all__ = ["WebConfig", "create_app"]
