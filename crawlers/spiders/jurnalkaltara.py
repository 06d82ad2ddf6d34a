"""JurnalKaltara.com (wordpress platform; settings in sources.yaml)."""

from crawlers.spiders.base.wordpress import WordPressSpider


class JurnalkaltaraSpider(WordPressSpider):
    name = "jurnalkaltara"
