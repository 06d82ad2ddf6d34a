"""Platform base spiders; an outlet subclasses one and sets only its `name`.

PLATFORMS maps a sources.yaml platform to its spider, so a source without its own file still
runs (`waspada crawl --source NAME`).
"""

from crawlers.spiders.base.feeds import RssSpider
from crawlers.spiders.base.html import HtmlListingSpider
from crawlers.spiders.base.sitemap import SitemapSpider
from crawlers.spiders.base.telegram import TelegramSpider
from crawlers.spiders.base.wordpress import WordPressSpider

PLATFORMS = {
    "wordpress": WordPressSpider,
    "rss": RssSpider,
    "sitemap": SitemapSpider,
    "html": HtmlListingSpider,
    "telegram": TelegramSpider,
}
