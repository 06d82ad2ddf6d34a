"""One settings object for the whole service, read from the environment and an optional .env.

Each area has its own class with its own prefix; `get_settings()` builds them once and caches
the result, so tests and FastAPI can override it (`get_settings.cache_clear()` or a dependency
override). Nothing is built at import time.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

PROJECT_ROOT = Path(__file__).resolve().parent.parent


def _env(prefix: str) -> SettingsConfigDict:
    return SettingsConfigDict(env_prefix=prefix, env_file=".env", extra="ignore")


class PathSettings(BaseSettings):
    """Where Waspada keeps its local state (git-ignored)."""

    model_config = _env("WASPADA_")

    home: Path = Field(PROJECT_ROOT / "var", description="Folder for local state: jars, node data, spool, reference data")

    @property
    def spool_dir(self) -> Path:
        return self.home / "spool"

    @property
    def es_home(self) -> Path:
        return self.home / "elasticsearch"


class ElasticsearchSettings(BaseSettings):
    """How to reach Elasticsearch; when `ES_URL` is empty a local node is started."""

    model_config = _env("ES_")

    url: str = Field("", description="Comma-separated URLs of an existing cluster; empty = start a local node")
    username: str = Field("", description="User for an existing cluster (e.g. elastic)")
    password: str = Field("", description="Password for an existing cluster")
    api_key: str = Field("", description="API key (id:key, base64) for an existing cluster")
    ca_certs: str = Field("", description="CA bundle for an https cluster")
    verify_certs: bool = Field(True, description="Verify TLS certificates of an https cluster")
    index_prefix: str = Field("", description="Prefix for every index and alias name (tests, shared clusters)")
    request_timeout: float = Field(30.0, description="Seconds before a request to Elasticsearch times out")
    max_retries: int = Field(3, description="Client retries on connection errors and timeouts")
    replicas: int | None = Field(None, description="Replicas per index; default 0 on one data node, 1 on more")
    shards: int = Field(1, description="Primary shards per new index")
    local_port: int = Field(9250, description="Base HTTP port of the local node (it answers on base+1)")
    local_heap: str = Field("1g", description="JVM heap of the local node")
    local_cluster_name: str = Field("waspada", description="Cluster name of the local node")

    @field_validator("password", "api_key")
    @classmethod
    def _no_placeholder(cls, value: str) -> str:
        if value.lower() in {"changeme", "change-me", "password", "xxx", "secret"}:
            raise ValueError("E001: placeholder secret; set a real one or leave it empty")
        return value

    @property
    def hosts(self) -> list[str]:
        return [u.strip() for u in self.url.split(",") if u.strip()]


class ApiSettings(BaseSettings):
    """The HTTP API and web UI."""

    model_config = _env("WASPADA_API_")

    host: str = Field("127.0.0.1", description="Address the API listens on")
    port: int = Field(8000, description="Port the API listens on")
    rate_limit_per_minute: int = Field(600, description="Requests per minute per API key (token bucket); 0 = no limit")
    rate_limit_burst: int = Field(0, description="Largest burst per API key; 0 = the per-minute limit")
    bootstrap_admin_key: str = Field("", description="An admin key accepted without being stored (first setup); at least 32 characters; empty = none")
    key_cache_seconds: float = Field(10.0, description="Seconds a verified API key is cached in the API process (revocation delay)")
    session_secret: str = Field("", description="Secret that signs the web UI's session cookie (at least 32 random characters); empty = a random one per process (sign-ins end at restart)")
    session_max_age: int = Field(43200, description="Seconds a web UI sign-in lasts")
    session_https_only: bool = Field(False, description="Send the web UI's session cookie only over https (set true behind TLS)")

    @field_validator("bootstrap_admin_key")
    @classmethod
    def _strong_bootstrap_key(cls, value: str) -> str:
        if value and (len(value) < 32 or value.lower() in {"changeme", "change-me", "password", "secret"}):
            raise ValueError("E053: WASPADA_API_BOOTSTRAP_ADMIN_KEY must be at least 32 random characters or empty")
        return value


class CrawlSettings(BaseSettings):
    """The crawlers: registry, politeness defaults, batching and hand-off to enrichment."""

    model_config = _env("WASPADA_CRAWL_")

    sources_file: str = Field("", description="Path of the source registry YAML; empty = crawlers/sources.yaml")
    user_agent: str = Field("WaspadaBot/0.1 (+https://github.com/waspada/waspada; early-warning research crawler)",
                            description="User-Agent sent to every site")
    download_delay: float | None = Field(None, description="Override every source's per-domain delay (s); tests lower it")
    retry_backoff: float = Field(1.0, description="Seconds before the first retry of a failed page; doubles each retry")
    max_size_mb: float = Field(5.0, description="Largest page downloaded (MB); bigger pages are refused and logged")
    batch_size: int = Field(100, description="Documents per enrichment and bulk-index batch")
    enrich: bool = Field(True, description="Run nlp.pipeline.enrich on each batch before indexing")
    dedup_threshold: float = Field(0.5, description="Share of MinHash bands two texts must share to join one cluster")
    jobdir: bool = Field(True, description="Keep a Scrapy JOBDIR per source under WASPADA_HOME so a killed crawl resumes")
    silent_days: int = Field(3, description="A source with no new item for this many days is reported silent")
    interval: int = Field(600, ge=10, description="Seconds between crawls of a source under waspada run (sources.yaml interval overrides)")



class NlpSettings(BaseSettings):
    """The enrichment pipeline (nlp/): which config and model, how to batch."""

    model_config = _env("WASPADA_NLP_")

    pipeline_config: Path = Field(PROJECT_ROOT / "nlp" / "configs" / "pipeline.cfg", description="spaCy .cfg that lists the enrichment components")
    ner_model: Path = Field(PROJECT_ROOT / "nlp" / "models" / "ner", description="Trained NER pipeline folder sourced by the pipeline config")
    gazetteer: Path | None = Field(None, description="Gazetteer pickle; empty = <WASPADA_HOME>/reference/gazetteer.pkl")
    home_province: str = Field("65", description="Kemendagri code of the home province (65 = Kalimantan Utara)")
    batch_size: int = Field(32, description="Articles per nlp.pipe batch")
    n_process: int = Field(1, description="Worker processes for nlp.pipe (2+ pays off for large batches)")
    conflict_model: Path = Field(PROJECT_ROOT / "nlp" / "models" / "conflict", description="Trained conflict classifiers (categories, stage, intensity) used by waspada_conflict")
    sentiment_model: Path = Field(PROJECT_ROOT / "nlp" / "models" / "sentiment", description="Trained sentiment classifier used by waspada_sentiment")
    sentiment_lexicon: Path | None = Field(None, description="InSet lexicon folder (positive.tsv, negative.tsv) for sentiment cues; empty = ../shared/data/inset-lexicon if present")
    training_data: Path | None = Field(None, description="Folder of staged third-party data sets (SmSA, hate speech, hoax); empty = ../shared/data")
    risk_priors: Path | None = Field(None, description="Peta Rawan Konflik CSV (code,band,note) raising the risk baseline of known hotspots; empty = none")


class ReferenceSettings(BaseSettings):
    """Where `waspada data install` gets the Kemendagri reference data."""

    model_config = _env("WASPADA_REFERENCE_")

    data: Path | None = Field(None, description="Local folder with the Kemendagri CSV/GeoJSON; empty = ../shared/data/id-wilayah-kemendagri if present")
    url: str = Field("", description="Base URL of a public mirror with the same file layout (used when no local folder)")


class AlertSettings(BaseSettings):
    """Alerts: spike detection, source silence, digests (alerts/)."""

    model_config = _env("WASPADA_ALERTS_")

    timezone: str = Field("Asia/Makassar", description="Local time zone of digests and daily spike buckets (WITA)")
    digest_time: str = Field("07:00", description="Default local time (HH:MM) a subscriber's daily digest is sent")
    digest_max_items: int = Field(50, description="Most articles listed in one digest")
    public_url: str = Field("http://127.0.0.1:8000", description="Base URL of the API, for links in digests, feeds and webhooks")
    spike_baseline_days: int = Field(14, description="Trailing days whose mean volume is the spike baseline")
    spike_min_count: int = Field(5, description="Fewest items in a day (or hour) that can be a spike")
    spike_ratio: float = Field(3.0, description="A bucket is a spike when count >= ratio x max(baseline, spike_floor)")
    spike_floor: float = Field(1.0, description="Smallest baseline used in the ratio (a quiet regency is not divided by 0)")
    silence_window_days: int = Field(28, description="Days over which a source's usual publishing rate is measured")
    silence_min_per_day: float = Field(1.0, description="Only sources that usually publish at least this many items a day can go silent")
    silence_factor: float = Field(4.0, description="Silent when no item for this many usual gaps (and at least silence_min_hours)")
    silence_min_hours: float = Field(24.0, description="Shortest silence reported, in hours")


class SmtpSettings(BaseSettings):
    """Outgoing mail for digests."""

    model_config = _env("WASPADA_SMTP_")

    host: str = Field("", description="SMTP server; empty = digests are not emailed")
    port: int = Field(587, description="SMTP port (587 STARTTLS, 465 TLS, 25 plain)")
    username: str = Field("", description="SMTP user; empty = no authentication")
    password: str = Field("", description="SMTP password")
    starttls: bool = Field(True, description="Upgrade the connection with STARTTLS before authenticating")
    ssl: bool = Field(False, description="Connect with implicit TLS (port 465) instead of STARTTLS")
    ca_certs: str = Field("", description="CA bundle that signs the SMTP server's certificate; empty = system CAs")
    sender: str = Field("Waspada <waspada@localhost>", description="From: address of digests")
    timeout: float = Field(30.0, description="Seconds before an SMTP operation times out")

    @field_validator("password")
    @classmethod
    def _no_placeholder(cls, value: str) -> str:
        if value.lower() in {"changeme", "change-me", "password", "xxx", "secret"}:
            raise ValueError("E002: placeholder SMTP password; set a real one or leave it empty")
        return value


class WebhookSettings(BaseSettings):
    """Webhook delivery of alert events (Standard Webhooks signatures)."""

    model_config = _env("WASPADA_WEBHOOK_")

    max_attempts: int = Field(8, description="Attempts before a delivery goes to the dead-letter list")
    backoff_seconds: float = Field(30.0, description="Delay before the first retry; doubles after each failure")
    max_backoff_seconds: float = Field(3600.0, description="Longest delay between two attempts")
    timeout: float = Field(10.0, description="Seconds to wait for a receiver's answer")
    poll_seconds: float = Field(5.0, description="How often the delivery worker looks for due retries")


class DemoSettings(BaseSettings):
    """The built-in offline demo (waspada/demo/): local fixture outlets and their clock."""

    model_config = _env("WASPADA_DEMO_")

    speed: float = Field(120.0, description="Demo clock speed-up: demo seconds per real second while the scenario's day 0 plays")
    port: int = Field(8760, description="First port of the demo outlets on 127.0.0.1 (one port per outlet); 0 = free ports")
    crawl_interval: int = Field(20, ge=5, description="Seconds between crawls of the demo outlets under waspada run --demo")



class QueueSettings(BaseSettings):
    """A work queue between crawling and enrichment: Redis for scale-out, a folder for `waspada run`."""

    model_config = _env("WASPADA_QUEUE_")

    url: str = Field("", description="Work queue between crawling and enrichment: redis://host:6379/0 (shared by machines) or file:///folder (one machine); empty = `waspada crawl` enriches in-process and `waspada run` uses a folder under WASPADA_HOME")
    stream: str = Field("waspada:items", description="Redis stream holding crawled items")
    claim_idle_ms: int = Field(30_000, description="Milliseconds before a dead worker's items are claimed by another")


class FrontierSettings(BaseSettings):
    """Scale-out: one crawl frontier shared by crawler processes through Redis (empty URL = per process)."""

    model_config = _env("WASPADA_FRONTIER_")

    url: str = Field("", description="Redis URL of the shared crawl frontier; empty = each crawl keeps its own queue")
    key_prefix: str = Field("waspada:frontier", description="Prefix of the frontier's Redis keys")
    lease_seconds: float = Field(120.0, description="Seconds before a page taken by a dead crawler is handed to another")
    max_attempts: int = Field(3, description="Times a page is handed out before it is given up (logged)")


class Settings(BaseSettings):
    """All settings, grouped by area."""

    model_config = _env("WASPADA_")

    paths: PathSettings = Field(default_factory=PathSettings)
    es: ElasticsearchSettings = Field(default_factory=ElasticsearchSettings)
    api: ApiSettings = Field(default_factory=ApiSettings)
    crawl: CrawlSettings = Field(default_factory=CrawlSettings)
    nlp: NlpSettings = Field(default_factory=NlpSettings)
    reference: ReferenceSettings = Field(default_factory=ReferenceSettings)
    alerts: AlertSettings = Field(default_factory=AlertSettings)
    smtp: SmtpSettings = Field(default_factory=SmtpSettings)
    webhook: WebhookSettings = Field(default_factory=WebhookSettings)
    demo: DemoSettings = Field(default_factory=DemoSettings)
    queue: QueueSettings = Field(default_factory=QueueSettings)
    frontier: FrontierSettings = Field(default_factory=FrontierSettings)


@lru_cache
def get_settings() -> Settings:
    """The cached settings; call `get_settings.cache_clear()` after changing the environment."""
    return Settings()
