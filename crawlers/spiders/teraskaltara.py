"""TerasKaltara.id, Tanjung Selor — posts answer at /?p=ID and at /slug (wordpress platform; settings in sources.yaml)."""

from crawlers.spiders.base.wordpress import WordPressSpider


class TeraskaltaraSpider(WordPressSpider):
    name = "teraskaltara"
