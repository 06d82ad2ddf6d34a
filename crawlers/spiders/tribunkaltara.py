"""TribunKaltara.com (kaltara.tribunnews.com), news sitemaps (sitemap platform; settings in sources.yaml)."""

from crawlers.spiders.base.sitemap import SitemapSpider


class TribunkaltaraSpider(SitemapSpider):
    name = "tribunkaltara"
