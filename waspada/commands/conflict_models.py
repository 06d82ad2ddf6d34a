"""`waspada train|evaluate conflict|sentiment`: the conflict and sentiment models' commands.

Registered on the `train` and `evaluate` groups by waspada/commands/train.py and evaluate.py
(`register_train(app)`, `register_evaluate(app)`), so their logic stays in nlp/conflict and
nlp/sentiment and the group modules stay small.
"""

from __future__ import annotations

from pathlib import Path

import typer
from rich.console import Console

console = Console()


def _delta(before: dict | None, after: dict, keys: list[tuple[str, str]]) -> None:
    if before is None:
        return
    console.print("[bold]change on dev after retraining with feedback[/bold]")
    for label, path in keys:
        b, a = before, after
        for k in path.split("."):
            b, a = b[k], a[k]
        console.print(f"  {label:<22} {b:.3f} -> {a:.3f} ({a - b:+.3f})")


def train_conflict_cmd(
    output: Path = typer.Option(None, help="Model folder (default WASPADA_NLP_CONFLICT_MODEL)"),
    with_feedback: Path = typer.Option(None, "--with-feedback", help="JSONL of analysts' verdicts to add to training"),
    no_noncommercial: bool = typer.Option(False, "--no-noncommercial", help="Train without the CC BY-NC-SA hate-speech tweets"),
    data: Path = typer.Option(None, help="Staged data folder (default WASPADA_NLP_TRAINING_DATA or ../shared/data)"),
    variant: str = typer.Option("bow", help="bow (CPU default) | trf (transformer; needs the transformers extra)"),
    transformer: str = typer.Option(None, help="Transformer folder or name for --variant trf"),
    max_steps: int = typer.Option(0, "--max-steps", min=0,
                                  help="Stop each head after this many steps: a quick trial of the whole run "
                                       "(0 = the configs' steps, as the shipped model was trained)"),
    seeds: str = typer.Option("", help="Comma-separated seeds whose runs are averaged (default: 42,1,2,3)"),
) -> None:
    """Train the conflict classifiers (categories, stage, intensity) from nlp/configs/conflict_*.cfg."""
    from nlp.conflict.evaluate import format_report
    from nlp.conflict.train import HEADS, SEEDS, train_conflict

    try:
        seed_list = tuple(int(s) for s in seeds.split(",") if s.strip()) or SEEDS
    except ValueError:
        raise typer.BadParameter(f"--seeds takes comma-separated integers, not {seeds!r}") from None
    overrides = None
    if max_steps:
        steps = {"training.max_steps": max_steps, "training.eval_frequency": max(1, max_steps // 2)}
        overrides = dict.fromkeys(HEADS, steps)
    result = train_conflict(out_dir=output, no_noncommercial=no_noncommercial, feedback=with_feedback,
                            data_dir=data, variant=variant, transformer=transformer, overrides=overrides,
                            seeds=seed_list, log=console.print)
    console.print(format_report("dev", result["dev"]))
    _delta(result["before"], result["dev"], [("incident F1", "incident.f1"), ("stage accuracy", "stage_accuracy"),
                                             ("category macro-F1", "category_macro_f1"),
                                             ("intensity accuracy", "intensity_accuracy")])


def train_sentiment_cmd(
    output: Path = typer.Option(None, help="Model folder (default WASPADA_NLP_SENTIMENT_MODEL)"),
    with_feedback: Path = typer.Option(None, "--with-feedback", help="JSONL of analysts' verdicts with a sentiment label"),
    data: Path = typer.Option(None, help="Staged data folder (default WASPADA_NLP_TRAINING_DATA or ../shared/data)"),
) -> None:
    """Train the sentiment classifier on SmSA + news tone (nlp/configs/sentiment.cfg)."""
    from nlp.sentiment.train import format_sentiment, train_sentiment

    result = train_sentiment(out_dir=output, feedback=with_feedback, data_dir=data, log=console.print)
    console.print(format_sentiment("SmSA valid", result["dev"]))
    _delta(result["before"], result["dev"], [("macro-F1", "macro_f1"), ("accuracy", "accuracy")])


def evaluate_conflict_cmd(
    file: Path = typer.Option(None, help="Labelled JSONL (text, title, categories, stage, intensity); default: dev split"),
    split: str = typer.Option("dev", help="dev | dev_generated | dev_handwritten | holdout | holdout_b … holdout_e (when no --file)"),
    model: Path = typer.Option(None, help="Model folder (default WASPADA_NLP_CONFLICT_MODEL)"),
) -> None:
    """Per-class P/R/F1 and confusion matrices of the conflict model, next to the keyword baseline."""
    from nlp.conflict import data_sources as ds
    from nlp.conflict.cues import rule_decision
    from nlp.conflict.evaluate import format_report, score
    from nlp.conflict.model import classify_many

    records = ds.read_jsonl(file) if file else ds.corpus(split)
    name = str(file or split)
    console.print(format_report(f"model on {name}", score(records, classify_many(records, model_dir=model or ""))))
    console.print(format_report(f"keyword baseline on {name}",
                                score(records, [rule_decision(ds.doc_text(r)) for r in records])))


def evaluate_sentiment_cmd(
    file: Path = typer.Option(None, help="TSV text<TAB>label or JSONL with text + sentiment; default SmSA valid"),
    model: Path = typer.Option(None, help="Model folder (default WASPADA_NLP_SENTIMENT_MODEL)"),
    data: Path = typer.Option(None, help="Staged data folder (default WASPADA_NLP_TRAINING_DATA or ../shared/data)"),
) -> None:
    """Per-class P/R/F1, macro-F1 and confusion of the sentiment model (SmSA valid by default)."""
    from nlp.conflict import data_sources as ds
    from nlp.sentiment.data import read_smsa
    from nlp.sentiment.train import ROOT, evaluate_sentiment, format_sentiment, smsa
    from waspada.settings import get_settings

    settings = get_settings()
    if file is None:
        rows = smsa(Path(data or settings.nlp.training_data or ROOT.parent / "shared" / "data"), "valid")
    elif file.suffix == ".jsonl":
        rows = [(ds.doc_text(r), r["sentiment"]) for r in ds.read_jsonl(file) if r.get("sentiment")]
    else:
        rows = read_smsa(file)
    console.print(format_sentiment(str(file or "SmSA valid"),
                                   evaluate_sentiment(model or settings.nlp.sentiment_model, rows)))


def register_train(app: typer.Typer) -> None:
    app.command("conflict")(train_conflict_cmd)
    app.command("sentiment")(train_sentiment_cmd)


def register_evaluate(app: typer.Typer) -> None:
    app.command("conflict")(evaluate_conflict_cmd)
    app.command("sentiment")(evaluate_sentiment_cmd)
