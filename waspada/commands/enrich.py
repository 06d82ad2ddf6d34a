"""`waspada enrich`: run the NLP pipeline on a JSONL file, or re-enrich the indexed articles."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import typer
from rich.console import Console
from rich.progress import Progress

from nlp.errors import WaspadaNlpError
from waspada.settings import get_settings

console = Console(stderr=True)
ES_SOURCE_FIELDS = ["id", "title", "text", "published", "source", "url", "source_region_code"]
ENRICHMENT_FIELDS = ("entities", "locations", "region_codes", "primary_location", "actors", "actor_names",
                     "actor_types", "enrichment", "conflict", "sentiment", "risk")


def _read_jsonl(path: Path) -> Iterator[dict]:
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                article = json.loads(line)
            except json.JSONDecodeError as exc:
                raise WaspadaNlpError("W130", f"{path}:{n} is not JSON ({exc.msg}); one object per line") from exc
            if "text" not in article:
                raise WaspadaNlpError("W131", f"{path}:{n} has no 'text'; each line needs id, title, text")
            yield article


def enrich(
    input: Path = typer.Option(None, "--input", "-i", help="JSONL file (id, title, text, optional published/source/url)"),
    output: Path = typer.Option(None, "--output", "-o", help="JSONL file to write (default: stdout)"),
    batch_size: int = typer.Option(None, help="Articles per batch (default WASPADA_NLP_BATCH_SIZE)"),
    n_process: int = typer.Option(None, help="Worker processes (default WASPADA_NLP_N_PROCESS)"),
    query: str = typer.Option(None, help="ES mode: only articles matching this query_string"),
) -> None:
    """Enrich articles: from --input to --output without Elasticsearch, or (no --input) the index."""
    from nlp.pipeline import iter_enrich, load_pipeline

    settings = get_settings()
    try:
        nlp = load_pipeline(settings)
        if input is not None:
            with open(input, encoding="utf-8") as fh:
                total = sum(1 for line in fh if line.strip())
            out = open(output, "w", encoding="utf-8") if output else None  # noqa: SIM115 (closed below)
            try:
                with Progress(console=console, transient=out is None) as progress:
                    task = progress.add_task("enriching", total=total)
                    for doc in iter_enrich(_read_jsonl(input), nlp=nlp, batch_size=batch_size,
                                           n_process=n_process, settings=settings):
                        line = json.dumps(doc, ensure_ascii=False)
                        print(line, file=out) if out else typer.echo(line)
                        progress.advance(task)
            finally:
                if out:
                    out.close()
            if out:
                console.print(f"wrote {total} enriched articles to {output}")
            return
        _enrich_index(nlp, settings, batch_size, n_process, query)
    except WaspadaNlpError as exc:
        console.print(f"[red]{exc}[/red]")
        raise typer.Exit(1) from exc


def _enrich_index(nlp, settings, batch_size, n_process, query) -> None:
    """Re-enrich every indexed article (after a model update) through the store layer."""
    from nlp.pipeline import iter_enrich
    from store.articles import ArticleRepository
    from store.client import make_client

    repo = ArticleRepository(make_client(settings.es, opaque_id="waspada-enrich"), prefix=settings.es.index_prefix)
    es_query = {"query_string": {"query": query}} if query else None
    total = repo.count(es_query)
    articles = repo.iter_all(es_query, source=ES_SOURCE_FIELDS)
    with Progress(console=console) as progress:
        task = progress.add_task("re-enriching", total=total)
        for doc in iter_enrich(articles, nlp=nlp, batch_size=batch_size, n_process=n_process, settings=settings):
            repo.update_fields(doc["id"], {k: doc[k] for k in ENRICHMENT_FIELDS if k in doc})
            progress.advance(task)
    repo.refresh()
    console.print(f"re-enriched {total} articles in {repo.alias}")


def register(app: typer.Typer) -> None:
    app.command()(enrich)
