"""`waspada crawl [--source NAME] [--since DATE]`: run the spiders in-process, show progress.

Runs the Scrapy project (crawlers/) in one CrawlerProcess: each selected source on its own
spider (its file in crawlers/spiders/, or its platform's base spider), progress lines while it
runs, then a summary per source. `--base-url` points one source at another host (a local
mirror or the test fixture server).
"""

from __future__ import annotations

import os

import typer



def spider_class(name: str, platform: str, loader):
    """The source's own spider, or its platform's base spider named after it."""
    from crawlers.spiders.base import PLATFORMS
    if name in loader.list():
        return loader.load(name)
    base = PLATFORMS[platform]
    return type("".join(p.capitalize() for p in name.split("_")) + "Spider", (base,), {"name": name})


def crawl(
    source: list[str] = typer.Option(None, "--source", "-s", help="Source name (repeatable); default: all enabled"),
    since: str | None = typer.Option(None, "--since", help="Only items after this date (overrides the high-water mark)"),
    base_url: str | None = typer.Option(None, "--base-url", help="Fetch the (single) source from this base URL"),
    sources_file: str | None = typer.Option(None, "--sources-file", help="Another source registry YAML"),
    full: bool = typer.Option(False, "--full", help="Ignore the high-water mark (re-crawl everything)"),
    store: bool = typer.Option(True, "--store/--no-store", help="Index into Elasticsearch"),
    enrich: bool | None = typer.Option(None, "--enrich/--no-enrich", help="Run NLP enrichment (WASPADA_CRAWL_ENRICH)"),
    delay: float | None = typer.Option(None, "--delay", help="Seconds between requests per domain (overrides sources)"),
    per_page: int | None = typer.Option(None, "--per-page", help="WordPress REST page size"),
    log_level: str = typer.Option("WARNING", "--log-level", help="Scrapy log level"),
) -> None:
    """Crawl the chosen sources, print progress per source and a summary."""
    os.environ.setdefault("SCRAPY_SETTINGS_MODULE", "crawlers.settings")
    from scrapy.crawler import CrawlerProcess
    from scrapy.spiderloader import SpiderLoader
    from scrapy.utils.project import get_project_settings

    from crawlers.progress import summary_of
    from crawlers.sources import SourceError, load_sources

    settings = get_project_settings()
    if sources_file:
        settings.set("WASPADA_SOURCES_FILE", sources_file, priority="cmdline")
    try:
        registry = load_sources(settings.get("WASPADA_SOURCES_FILE") or None)
    except SourceError as exc:
        typer.echo(str(exc), err=True)
        raise typer.Exit(2) from exc
    names = source or [n for n, s in registry.items() if s.enabled]
    unknown = [n for n in names if n not in registry]
    if unknown:
        typer.echo(f"W314: unknown source(s) {', '.join(unknown)}; known: {', '.join(sorted(registry))}", err=True)
        raise typer.Exit(2)
    if base_url and len(names) != 1:
        typer.echo("W315: --base-url needs exactly one --source", err=True)
        raise typer.Exit(2)
    settings.set("WASPADA_STORE", store, priority="cmdline")
    if enrich is not None:
        settings.set("WASPADA_ENRICH", enrich, priority="cmdline")
    if delay is not None:
        settings.set("WASPADA_DOWNLOAD_DELAY_OVERRIDE", delay, priority="cmdline")
        settings.set("DOWNLOAD_DELAY", delay, priority="cmdline")
        settings.set("AUTOTHROTTLE_START_DELAY", delay, priority="cmdline")
    settings.set("LOG_LEVEL", log_level.upper(), priority="cmdline")

    process = CrawlerProcess(settings)
    loader = SpiderLoader.from_settings(settings)
    crawlers = []
    for name in names:
        kwargs = {"source": name}
        if base_url:
            kwargs["base_url"] = base_url
        if since:
            kwargs["since"] = since
        if full:
            kwargs["full"] = True
        if sources_file:
            kwargs["sources_file"] = sources_file
        if per_page and registry[name].platform == "wordpress":
            kwargs["per_page"] = per_page
        crawler = process.create_crawler(spider_class(name, registry[name].platform, loader))
        crawlers.append((name, crawler))
        process.crawl(crawler, **kwargs)
        typer.echo(f"crawling {name} ({registry[name].platform}) from {base_url or registry[name].base_url}", err=True)
    process.start()

    typer.echo("\nsummary")
    failed = 0
    for name, crawler in crawlers:
        s = summary_of(crawler.stats.get_stats() if crawler.stats else {})
        failed += s["reason"] != "finished"
        typer.echo(f"  {name:<16} {s['reason'] or '?':<10} pages={s['pages']} items={s['items']} "
                   f"stored={s['stored']} new={s['created']} updated={s['updated']} dropped={s['dropped']} "
                   f"clustered={s['clustered']} spooled={s['spooled']} errors={s['errors']} "
                   f"refused={s['refused']} via={s['strategy'] or '-'}")
    if failed:
        raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    """Add `waspada crawl` to the main app."""
    app.command("crawl")(crawl)
