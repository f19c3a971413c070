"""Sample newsroom: a loopback HTTP server with fictional outlets, feeds, sitemaps and ~200 articles.

ĐÂY LÀ DỮ LIỆU MẪU: every article is invented (see loa.demo.newsroom.content). It lets `make run`
show Loa's monitoring on a machine without Internet access, and gives tests a realistic target.
"""

from loa.demo.newsroom.catalog import SampleArticle, build_catalog, build_surge
from loa.demo.newsroom.server import (
    DEFAULT_HOST,
    DEFAULT_PORT,
    Newsroom,
    newsroom_of,
    sources,
    start_newsroom,
)

__all__ = [
    "DEFAULT_HOST",
    "DEFAULT_PORT",
    "Newsroom",
    "SampleArticle",
    "build_catalog",
    "build_surge",
    "newsroom_of",
    "sources",
    "start_newsroom",
]
