"""Scrapy settings of the Waspada crawlers (read by `scrapy crawl` and by `waspada crawl`).

Politeness and safety are on by default: robots.txt obeyed, AutoThrottle, at least 1 s between
requests to one domain (per source in sources.yaml; WASPADA_CRAWL_DOWNLOAD_DELAY overrides it
for tests), an identifying User-Agent, retries with backoff, a size cap, and trap guards.
Values come from waspada.settings (WASPADA_CRAWL_*), the one place settings are defined.
"""

from waspada.settings import get_settings

_crawl = get_settings().crawl

BOT_NAME = "waspada"
SPIDER_MODULES = ["crawlers.spiders"]
NEWSPIDER_MODULE = "crawlers.spiders"

USER_AGENT = _crawl.user_agent
ROBOTSTXT_OBEY = True
DOWNLOAD_DELAY = 1.0 if _crawl.download_delay is None else _crawl.download_delay
DOWNLOAD_DELAY_JITTER = 0.5  # ±50 % around the delay, like a person reading
CONCURRENT_REQUESTS = 16
CONCURRENT_REQUESTS_PER_DOMAIN = 2
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = DOWNLOAD_DELAY or 0.0
AUTOTHROTTLE_MAX_DELAY = 30.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 1.0
DOWNLOAD_TIMEOUT = 30
DOWNLOAD_MAXSIZE = int(_crawl.max_size_mb * 1024 * 1024)
DOWNLOAD_WARNSIZE = DOWNLOAD_MAXSIZE // 2
REDIRECT_MAX_TIMES = 5
RETRY_ENABLED = True
RETRY_TIMES = 2
RETRY_HTTP_CODES = [500, 502, 503, 504, 522, 524, 408, 429]
WASPADA_RETRY_BACKOFF = _crawl.retry_backoff  # seconds before the first retry; doubles each time
DEPTH_LIMIT = 4
COOKIES_ENABLED = False
TELNETCONSOLE_ENABLED = False
HTTPCACHE_ENABLED = False
DUPEFILTER_CLASS = "crawlers.dupefilter.StoredAwareDupeFilter"
FEED_EXPORT_ENCODING = "utf-8"
LOG_LEVEL = "INFO"

DOWNLOADER_MIDDLEWARES = {
    "crawlers.middlewares.SafetyMiddleware": 50,
    "scrapy.downloadermiddlewares.retry.RetryMiddleware": None,
    "crawlers.middlewares.BackoffRetryMiddleware": 550,
}
ITEM_PIPELINES = {
    "crawlers.pipelines.dedup.DedupPipeline": 200,
    "crawlers.pipelines.enrich.EnrichPipeline": 400,
    "crawlers.pipelines.store.StorePipeline": 800,
}
EXTENSIONS = {
    "crawlers.progress.Progress": 500,
}

WASPADA_SOURCES_FILE = _crawl.sources_file
WASPADA_BATCH_SIZE = _crawl.batch_size
WASPADA_ENRICH = _crawl.enrich
WASPADA_DEDUP_THRESHOLD = _crawl.dedup_threshold
WASPADA_JOBDIR = _crawl.jobdir
WASPADA_HOME = str(get_settings().paths.home)
WASPADA_STORE = True  # index into Elasticsearch; off for dry runs
WASPADA_DOWNLOAD_DELAY_OVERRIDE = _crawl.download_delay
REMOTE_CONTROL_ENABLED = False

# Scale-out: several crawler processes share one frontier on Redis (crawlers/frontier.py)
_frontier = get_settings().frontier
WASPADA_QUEUE_URL = get_settings().queue.url
WASPADA_FRONTIER_URL = _frontier.url
WASPADA_FRONTIER_KEY_PREFIX = _frontier.key_prefix
WASPADA_FRONTIER_LEASE_SECONDS = _frontier.lease_seconds
WASPADA_FRONTIER_MAX_ATTEMPTS = _frontier.max_attempts
if _frontier.url:
    SCHEDULER = "crawlers.frontier.RedisScheduler"
    SPIDER_MIDDLEWARES = {"crawlers.frontier.FrontierLeaseMiddleware": 45}
    DOWNLOADER_MIDDLEWARES["crawlers.frontier.FrontierDownloaderMiddleware"] = 10

# the Elasticsearch client logs every request (404s of lookups as warnings); keep crawl logs readable
import logging as _logging  # noqa: E402

_logging.getLogger("elasticsearch").setLevel(_logging.ERROR)
