"""Benuanta.co.id, Tarakan (wordpress platform; settings in sources.yaml)."""

from crawlers.spiders.base.wordpress import WordPressSpider


class BenuantaSpider(WordPressSpider):
    name = "benuanta"
