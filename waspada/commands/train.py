"""`waspada train <model>`: reproducible training of the pipeline's models.

One function per sub-command: to add a model, write `@app.command("name") def name(...)` here.
"""

from __future__ import annotations

from pathlib import Path

import typer
from rich.console import Console

from waspada.settings import PROJECT_ROOT, get_settings

app = typer.Typer(no_args_is_help=True)
console = Console()
SHARED_DATA = PROJECT_ROOT.parent / "shared" / "data"


@app.command("ner")
def ner(
    config: str = typer.Option("cnn", help="cnn (CPU default) | trf (transformer) | path to a .cfg"),
    nergrit: Path = typer.Option(SHARED_DATA / "indonlu-nergrit", help="Folder with NERGrit train/valid_preprocess.txt"),
    nerp: Path = typer.Option(SHARED_DATA / "indonlu-nerp", help="Folder with NERP train_preprocess.txt"),
    use_nerp: bool = typer.Option(True, help="Add case-restored NERP sentences to the training data"),
    output: Path = typer.Option(None, help="Where to put the trained model (default WASPADA_NLP_NER_MODEL)"),
    max_steps: int = typer.Option(None, help="Override training.max_steps (each stage)"),
    finetune: bool = typer.Option(True, help="Stage 2 of the CPU default: continue on NERGrit alone"),
    gpu: int = typer.Option(-1, help="GPU id (-1 = CPU)"),
) -> None:
    """Train the NER on NERGrit (+ case-restored NERP) with spaCy's config-driven training."""
    from nlp.reference import gazetteer_path
    from nlp.training.train import CONFIG_BY_NAME, train_ner

    settings = get_settings()
    cfg = CONFIG_BY_NAME.get(config, Path(config))
    overrides = {"training.max_steps": max_steps} if max_steps else {}
    gazetteer = Path(settings.nlp.gazetteer or gazetteer_path(settings.paths.home))
    result = train_ner(nergrit, nerp if use_nerp else None, settings.paths.home / "ner",
                       Path(output or settings.nlp.ner_model), cfg, overrides, use_gpu=gpu, gazetteer=gazetteer,
                       finetune=finetune, log=console.print)
    console.print(f"trained on {result['counts']}; dev scores {result['performance']}")


from waspada.commands.conflict_models import register_train  # noqa: E402  (conflict, sentiment)

register_train(app)
