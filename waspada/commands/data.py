"""`waspada data install`: reference data (Kemendagri regions, Kaltara boundaries) and the gazetteer."""

from __future__ import annotations

import time
from pathlib import Path

import typer
from rich.console import Console

from nlp.errors import WaspadaNlpError
from waspada.settings import PROJECT_ROOT, get_settings

app = typer.Typer(no_args_is_help=True)
console = Console()


@app.command()
def install(
    source: Path = typer.Option(None, "--from", help="Local folder with the Kemendagri CSV/GeoJSON "
                                "(default WASPADA_REFERENCE_DATA, else ../shared/data/id-wilayah-kemendagri)"),
    url: str = typer.Option(None, help="Public mirror base URL (default WASPADA_REFERENCE_URL), used without a local folder"),
) -> None:
    """Copy or fetch the reference data into <WASPADA_HOME>/reference, verify it, build the gazetteer."""
    from nlp import gazetteer, reference

    settings = get_settings()
    target = reference.reference_dir(settings.paths.home)
    began = time.monotonic()
    try:
        local = source or reference.default_source(settings.reference.data, PROJECT_ROOT)
        if local is not None:
            counts = reference.copy_from(Path(local), target)
            console.print(f"copied reference data from {local}")
        else:
            counts = reference.fetch(url or settings.reference.url, target)
            console.print(f"fetched reference data from {url or settings.reference.url}")
        out = settings.nlp.gazetteer or reference.gazetteer_path(settings.paths.home)
        gaz = gazetteer.build(target, Path(out), home_province=settings.nlp.home_province)
    except WaspadaNlpError as exc:
        console.print(f"[red]{exc}[/red]")
        raise typer.Exit(1) from exc
    for name, count in counts.items():
        console.print(f"  {name}: {count} {'rows' if name.endswith('.csv') else 'bytes'}")
    console.print(f"gazetteer {out}: {len(gaz.units)} units, {len(gaz.keys)} names "
                  f"({time.monotonic() - began:.1f}s)")
