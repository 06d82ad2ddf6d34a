"""`waspada extract URL_OR_FILE... [--source NAME]`: print what the crawler would extract.

One JSON line per input (title, text, published with its zone, authors, categories, canonical
URL, language), using exactly the extractor the spiders use; nothing is crawled or indexed.
"""

from __future__ import annotations

import json
import sys
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

import typer



def _source_for(target: str, name: str | None, sources_file: str | None):
    from crawlers.sources import SourceError, get_source, load_sources
    if name:
        return get_source(name, sources_file)
    host = (urlsplit(target).hostname or "").removeprefix("www.")
    try:
        for source in load_sources(sources_file).values():
            if host and (urlsplit(source.base_url).hostname or "").removeprefix("www.") == host:
                return source
    except SourceError:
        return None
    return None


def _read(target: str, user_agent: str) -> tuple[bytes, str, str | None]:
    if target.startswith(("http://", "https://")):
        request = urllib.request.Request(target, headers={"User-Agent": user_agent})
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.read(), response.geturl(), response.headers.get("Content-Type")
    path = Path(target)
    if not path.exists():
        raise typer.BadParameter(f"W316: {target} is neither an http(s) URL nor an existing file")
    return path.read_bytes(), path.resolve().as_uri(), None


def extract(
    targets: list[str] = typer.Argument(..., help="URLs or saved HTML files"),
    source: str | None = typer.Option(None, "--source", help="Source name in sources.yaml (zone, site name)"),
    sources_file: str | None = typer.Option(None, "--sources-file", help="Another source registry YAML"),
) -> None:
    """Print one JSON line per page: title, text, published (with zone), authors, categories, URL."""
    from crawlers.dedup import doc_id
    from crawlers.extract import extract_html
    from waspada.settings import get_settings
    failed = 0
    for target in targets:
        try:
            src = _source_for(target, source, sources_file)
            body, url, content_type = _read(target, get_settings().crawl.user_agent)
            result = extract_html(body, url, region_code=src.region_code if src else "65",
                                  site_names=[src.title] if src else [], content_type=content_type,
                                  default_language=src.language if src else "id")
            record = {"input": target, "id": doc_id(result.url), "source": src.name if src else None,
                      **result.to_dict()}
            print(json.dumps(record, ensure_ascii=False), flush=True)
        except Exception as exc:  # noqa: BLE001 — one bad input must not stop the others
            failed += 1
            print(json.dumps({"input": target, "error": f"{type(exc).__name__}: {exc}"}, ensure_ascii=False),
                  flush=True)
            print(f"W317: could not extract {target}: {exc}", file=sys.stderr)
    if failed == len(targets):
        raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    """Add `waspada extract` to the main app."""
    app.command("extract")(extract)
