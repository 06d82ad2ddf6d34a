"""Niaga.Asia, Samarinda (covers Kaltara) (wordpress platform; settings in sources.yaml)."""

from crawlers.spiders.base.wordpress import WordPressSpider


class NiagaasiaSpider(WordPressSpider):
    name = "niagaasia"
