"""`waspada evaluate <task>`: print P/R/F1 per label and the macro average, with a baseline.

One function per sub-command: to add a task, write `@app.command("name") def name(...)` here.
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
    valid: Path = typer.Option(SHARED_DATA / "indonlu-nergrit" / "valid_preprocess.txt", help="CoNLL file to score on"),
    train: Path = typer.Option(SHARED_DATA / "indonlu-nergrit" / "train_preprocess.txt", help="Training file (dictionary baseline)"),
) -> None:
    """Entity-level P/R/F1 per type and IndoNLU type-macro F1: model, model + rules, dictionary baseline."""
    from nlp.pipeline import load_pipeline
    from nlp.training.evaluate import dictionary_baseline, gold_nergrit, run_pipeline, score

    nlp = load_pipeline(get_settings())
    words, gold = gold_nergrit(valid)
    runs = {
        "dictionary baseline (train-set entity strings)": dictionary_baseline(train, words),
        "NER model alone": run_pipeline(nlp, words, ["ner"]),
        "NER + actor rules": run_pipeline(nlp, words, ["ner", "waspada_actor_linker"]),
        "full pipeline (NER + actor rules + gazetteer)": run_pipeline(nlp, words),
    }
    for name, pred in runs.items():
        console.print(f"[bold]{name}[/bold]\n{score(gold, pred).table()}\n")


@app.command("places")
def places(
    gold: Path = typer.Option(None, help="JSONL with text + expected codes (default nlp/resources/places_eval.jsonl)"),
) -> None:
    """Place linking P/R/F1 per level and primary-location accuracy on a hand-annotated set."""
    from nlp.pipeline import load_pipeline
    from nlp.training.places_eval import DEFAULT_GOLD, evaluate_places

    result = evaluate_places(load_pipeline(get_settings()), gold or DEFAULT_GOLD)
    console.print(result.table())


from waspada.commands.conflict_models import register_evaluate  # noqa: E402  (conflict, sentiment)

register_evaluate(app)
