"""``annotator suggest``: recognisers that propose spans."""

from __future__ import annotations

import json

import click

from annotator.cli import ACTOR, CONTEXT, errors_to_exit, open_project, progress_callback


@click.group(context_settings=CONTEXT)
def suggest() -> None:
    """Propose spans for a person to accept or reject.

    \b
    Example:
      annotator suggest figures projects/demo
    """


@suggest.command("figures", context_settings=CONTEXT)
@click.argument("project", type=click.Path(exists=True))
@click.option("--doc", "docs", type=int, multiple=True, help="Only this document id (repeatable).")
@click.option("--evaluate", "gold", type=click.Path(exists=True, dir_okay=False),
              help="Score the recogniser against a gold JSONL (precision, recall, value accuracy); stores nothing.")
@click.option("--json", "as_json", is_flag=True, help="Print the scores or counts as JSON.")
@ACTOR
def figures(project: str, docs: tuple[int, ...], gold: str | None, as_json: bool, actor: str | None) -> None:
    """Propose figures (counts, percentages, money, dates, ranges …) with normalised values,
    and document references, as suggested spans. Running it again never duplicates a span, and
    rejected suggestions are not proposed again.

    \b
    Example:
      annotator suggest figures projects/demo --doc 1
      annotator suggest figures projects/demo --evaluate tests/data/son-la.gold.jsonl
    """
    if gold:
        from annotator.figeval import evaluate_recogniser, load_gold

        with errors_to_exit():
            scores = evaluate_recogniser(load_gold(gold))
        if as_json:
            click.echo(json.dumps(scores.as_dict(), ensure_ascii=False, indent=2))
        else:
            click.echo(scores.report())
        return
    from annotator.suggest import suggest_figures

    with open_project(project, actor=actor) as p, errors_to_exit():
        update, finish = progress_callback("Suggesting")
        try:
            result = suggest_figures(p, list(docs) or None, progress=update)
        finally:
            finish()
    if as_json:
        click.echo(json.dumps({"documents": result.documents, "proposed": result.proposed, "added": result.added,
                               "by_label": result.by_label}))
    else:
        click.echo(f"{result.added} new suggestion(s) in {result.documents} document(s) "
                   f"({result.proposed - result.added} already there or rejected before)")
        for label, n in sorted(result.by_label.items()):
            click.echo(f"  {label:<10} {n}")


COMMANDS = [suggest]
