"""Headlinews.id (wordpress platform; settings in sources.yaml)."""

from crawlers.spiders.base.wordpress import WordPressSpider


class HeadlinewsSpider(WordPressSpider):
    name = "headlinews"
