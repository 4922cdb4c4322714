"""The ``annotator`` command line: a thin click layer over the core.

Each command opens the project, calls one core function and turns core errors into a clear
message and a non-zero exit. Importing this module loads no Qt.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import click

from annotator import __version__
from annotator.errors import AnnotatorError, UnknownLabelError

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


class CLIError(click.ClickException):
    exit_code = 1


@contextmanager
def errors_to_exit() -> Iterator[None]:
    """Core errors become a one-line message and exit code 1."""
    try:
        yield
    except AnnotatorError as exc:
        raise CLIError(str(exc)) from None


@contextmanager
def open_project(path: str, *, actor: str | None = None) -> Iterator[Any]:
    from annotator.project import Project

    with errors_to_exit():
        project = Project.open(path, actor=actor)
        try:
            yield project
        finally:
            project.close()


def progress_callback(label: str, total: int | None = None) -> tuple[Callable[[int, int | None], None], Callable[[], None]]:
    """A progress bar on stderr (shown only on a terminal); returns (update, finish)."""
    bar = click.progressbar(length=total or 0, label=label, file=sys.stderr, show_pos=True) if total else None
    last = [0]
    if bar is not None:
        bar.__enter__()

    def update(done: int, total_: int | None = None) -> None:
        if bar is not None:
            bar.update(done - last[0])
            last[0] = done
        elif sys.stderr.isatty() and done % 100 == 0:
            click.echo(f"\r{label} {done}", err=True, nl=False)

    def finish() -> None:
        if bar is not None:
            bar.__exit__(None, None, None)
        elif sys.stderr.isatty():
            click.echo("", err=True)

    return update, finish


ACTOR = click.option("--as", "actor", metavar="PERSON", envvar="ANNOTATOR_USER",
                     help="Who is working (default: $ANNOTATOR_USER or the login name).")


@click.group(context_settings=CONTEXT, invoke_without_command=True)
@click.version_option(__version__, "--version", prog_name="annotator")
@click.pass_context
def main(ctx: click.Context) -> None:
    """Annotate news text offline: entities, figures and claims, with review and exact exports.

    With no command, starts the app on the demo project (created on first start).

    \b
    Example:
      annotator init projects/mine && annotator import projects/mine articles/
    """
    if ctx.invoked_subcommand is None:
        from annotator.demo import ensure_demo

        with errors_to_exit():
            demo = str(ensure_demo())
        ctx.invoke(gui, project=demo, screenshot=None)


@main.command(context_settings=CONTEXT)
@click.argument("project", type=click.Path())
@click.option("--schema", type=click.Path(exists=True, dir_okay=False), help="A label schema file (TOML or JSON).")
def init(project: str, schema: str | None) -> None:
    """Create a new project (a folder holding project.db, or a FILE.annotator).

    \b
    Example:
      annotator init projects/factcheck --schema my-labels.toml
    """
    from annotator.project import Project

    with errors_to_exit():
        Project.create(project, schema=schema).close()
    click.echo(f"Created {project}")


@main.command("import", context_settings=CONTEXT)
@click.argument("project", type=click.Path(exists=True))
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True))
@click.option("--format", "-f", "fmt", help="Input format (default: guessed from the file).")
@click.option("--skip-bad", is_flag=True, help="Skip bad records and list them, instead of importing nothing.")
@click.option("--add-labels", is_flag=True, help="Add labels the schema lacks (as entity labels).")
@click.option("--suggested", is_flag=True, help="Import the spans as suggestions to accept or reject.")
@ACTOR
def import_(project: str, paths: tuple[str, ...], fmt: str | None, skip_bad: bool, add_labels: bool,
            suggested: bool, actor: str | None) -> None:
    """Import documents (text, Markdown, HTML, DOCX, JSONL, Prodigy, doccano, Label Studio, brat,
    CoNLL, spaCy). All or nothing: a bad record stops the import and nothing is written, unless
    --skip-bad.

    \b
    Example:
      annotator import projects/demo articles/ --format text
      annotator import projects/demo data.jsonl --skip-bad
    """
    from annotator.importing import import_paths

    with open_project(project, actor=actor) as p, errors_to_exit():
        update, finish = progress_callback("Importing")
        try:
            result = import_paths(p, list(paths), fmt=fmt, skip_bad=skip_bad, add_labels=add_labels,
                                  progress=update, suggested=suggested)
        except UnknownLabelError as exc:
            raise CLIError(f"{exc} (add them to the project's schema with --add-labels)\nNothing was imported.") from None
        except AnnotatorError as exc:
            raise CLIError(f"{exc}\nNothing was imported.") from None
        finally:
            finish()
        if p.search.pending():
            p.search.index_pending()
    click.echo(f"Imported {len(result.documents_added)} new document(s), {len(result.documents_matched)} "
               f"already present; {result.spans_added} span(s), {result.links_added} link(s).")
    if result.suggestions is not None and result.suggestions.spans:
        click.echo(f"Proposed {len(result.suggestions.spans)} mention(s) of known entities as suggestions.")
    if result.skipped:
        click.echo(f"Skipped {len(result.skipped)} bad record(s):", err=True)
        for s in result.skipped:
            click.echo(f"  {s}", err=True)


def _key_values(items: tuple[str, ...]) -> dict[str, Any]:
    """KEY=VALUE options; whole numbers become ints, true/false booleans."""
    out: dict[str, Any] = {}
    for item in items:
        key, sep, value = item.partition("=")
        if not sep or not key.strip():
            raise click.BadParameter(f"{item!r} is not KEY=VALUE", param_hint="--option")
        v: Any = value
        if value.lstrip("-").isdigit():
            v = int(value)
        elif value.lower() in {"true", "false"}:
            v = value.lower() == "true"
        out[key.strip()] = v
    return out


def _csv(value: str | None) -> set[str] | None:
    return {v.strip() for v in value.split(",") if v.strip()} if value else None


def _split_ratios(_ctx: click.Context, _param: click.Parameter, value: str | None) -> list[float] | None:
    if not value:
        return None
    try:
        return [float(x) for x in value.split(",")]
    except ValueError:
        raise click.BadParameter(f"{value!r}: expected numbers separated by commas, e.g. 0.8,0.1,0.1") from None


def _tokenizer_name(_ctx: click.Context, _param: click.Parameter, value: str | None) -> str | None:
    from annotator.formats.tokens import check_tokenizer_name

    try:
        return None if value is None else check_tokenizer_name(value)
    except ValueError as exc:
        raise click.BadParameter(str(exc)) from None


@main.command(context_settings=CONTEXT)
@click.argument("project", type=click.Path(exists=True))
@click.option("--format", "-f", "fmt", default="jsonl", show_default=True,
              help="jsonl, prodigy, doccano, labelstudio, brat, conll, iob2, bilou, spacy, hf, hf-parquet, "
                   "or a review format (review-csv, review-xlsx, review-jsonl, claimreview, review-html).")
@click.option("-o", "--output", required=True, type=click.Path(), help="Output file (or folder for brat/splits).")
@click.option("--layer", help="Only these layers (comma-separated: entity,figure,claim).")
@click.option("--label", help="Only these labels (comma-separated).")
@click.option("--include-suggested", is_flag=True, help="Also export suggested spans (default: accepted only).")
@click.option("--status", help="Only documents with these statuses (new,in_progress,annotated,reviewed).")
@click.option("--annotator", help="Only spans by these annotators (comma-separated).")
@click.option("--source", type=click.Choice(["auto", "gold", "all"]), default="auto", show_default=True,
              help="auto: the adjudicated gold layer where there is one, else every accepted span.")
@click.option("--split", callback=_split_ratios,
              help="Train/dev/test split by document, e.g. 0.8,0.1,0.1 (writes OUTPUT/train.EXT …).")
@click.option("--seed", type=int, default=0, show_default=True, help="Seed of the split.")
@click.option("--option", "-O", "writer_options", multiple=True, metavar="KEY=VALUE",
              help="An option of the format's writer, e.g. -O offsets=utf16 (a Label Studio from before its 2022 offsets fix), "
                   "-O levels=2 (CoNLL nesting columns), -O scheme=IOB1.")
@click.option("--tokenizer", default=None, callback=_tokenizer_name,
              help="Token formats: simple (the default), vi (syllables), vi-words, vi-pyvi, spacy:LANG.")
def export(project: str, fmt: str, output: str, layer: str | None, label: str | None, include_suggested: bool,
           status: str | None, annotator: str | None, source: str, split: list[float] | None, seed: int,
           writer_options: tuple[str, ...], tokenizer: str | None) -> None:
    """Export the project. Never leaves a half-written file: output appears only when complete.

    \b
    Example:
      annotator export projects/demo -f conll -o train.conll --layer entity
      annotator export projects/demo -f spacy -o corpus/ --split 0.8,0.1,0.1 --seed 7
    """
    from annotator.exporting import Selection

    sel = Selection(layers=_csv(layer), labels=_csv(label),
                    states={"accepted", "suggested"} if include_suggested else {"accepted"},
                    statuses=_csv(status), annotators=_csv(annotator), source=source)
    with open_project(project) as p, errors_to_exit():
        from annotator.export_run import run_export

        update, finish = progress_callback("Exporting")
        try:
            reports = run_export(p, fmt, Path(output), sel, split=split, seed=seed, tokenizer=tokenizer,
                                 writer_options=_key_values(writer_options), progress=update)
        finally:
            finish()
    for name, rep in reports.items():
        where = f" ({name})" if name else ""
        click.echo(f"Wrote {rep.documents} document(s), {rep.spans} span(s){where} to {rep.path}")
        for problem in rep.problems:
            click.echo(f"  not representable: {problem}", err=True)


@main.command(context_settings=CONTEXT)
@click.argument("project", type=click.Path(exists=True))
@click.option("--set", "new_schema", type=click.Path(exists=True, dir_okay=False),
              help="Replace the project's schema by this TOML or JSON file (labels in use must stay).")
@click.option("--json", "as_json", is_flag=True, help="Print the schema as JSON.")
@ACTOR
def schema(project: str, new_schema: str | None, as_json: bool, actor: str | None) -> None:
    """Show the project's label schema, or replace it from a file (validated; errors name the place).

    \b
    Example:
      annotator schema projects/demo
      annotator schema projects/demo --set my-labels.toml
    """
    from annotator.schema import load_schema

    with open_project(project, actor=actor) as p, errors_to_exit():
        if new_schema:
            p.set_schema(load_schema(new_schema))
            click.echo(f"Schema of {project} is now {p.schema.name} ({len(p.schema.labels)} labels)")
            return
        sch = p.schema
    if as_json:
        click.echo(json.dumps(sch.to_dict(), ensure_ascii=False, indent=2))
        return
    click.echo(f"{sch.name} (version {sch.version})")
    for layer in ("entity", "figure", "claim"):
        labels = [lab for lab in sch.labels if lab.layer == layer]
        if not labels:
            continue
        names = ", ".join(a.name for a in sch.attributes_of(labels[0].name))
        click.echo(f"{layer}: attributes {names or '-'}")
        for lab in labels:
            click.echo(f"  {lab.key or ' '}  {lab.name:<10} {lab.color}  {lab.description}")


@main.command("ls", context_settings=CONTEXT)
@click.argument("project", type=click.Path(exists=True))
@click.option("--status", help="Only these statuses (comma-separated).")
@click.option("--search", "text", help="Only titles containing this text.")
@click.option("--json", "as_json", is_flag=True, help="JSON lines instead of a table.")
def ls(project: str, status: str | None, text: str | None, as_json: bool) -> None:
    """List documents: id, status, spans, length, title.

    \b
    Example:
      annotator ls projects/demo --status new,in_progress
    """
    with open_project(project) as p:
        infos = p.documents.list(status=_csv(status), text=text)
    for d in infos:
        if as_json:
            click.echo(json.dumps({"id": d.id, "title": d.title, "status": str(d.status), "spans": d.span_count,
                                   "length": d.length, "language": d.language}, ensure_ascii=False))
        else:
            click.echo(f"{d.id:>6}  {str(d.status):<11} {d.span_count:>5}  {d.length:>8}  {d.title}")


@main.command(context_settings=CONTEXT)
@click.argument("project", type=click.Path(exists=True))
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def stats(project: str, as_json: bool) -> None:
    """Counts of documents, spans, entities, claims and people.

    \b
    Example:
      annotator stats projects/demo --json
    """
    from annotator.stats import project_stats

    with open_project(project) as p:
        data = project_stats(p)
    if as_json:
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    click.echo(f"Project {data['name']} (schema {data['schema']}, version {data['schema_version']})")
    click.echo(f"Documents: {data['documents']['total']}  " +
               "  ".join(f"{k}: {v}" for k, v in data["documents"]["by_status"].items()))
    click.echo(f"Spans: {data['spans']['total']}  " + "  ".join(f"{k}: {v}" for k, v in data["spans"]["by_state"].items()))
    for lab, n in data["spans"]["by_label"].items():
        click.echo(f"  {lab:<10} {n}")
    click.echo(f"Entities: {data['entities']}  Links: {data['links']}")
    click.echo("Claims: " + ("  ".join(f"{k}: {v}" for k, v in data["claims"].items()) or "none"))
    click.echo("People: " + (", ".join(f"{n} ({r})" for n, r in data["people"].items()) or "none"))


@main.command(context_settings=CONTEXT)
@click.argument("project", type=click.Path(exists=True))
@click.option("--limit", default=30, show_default=True, help="How many events.")
@click.option("--json", "as_json", is_flag=True, help="JSON lines.")
def log(project: str, limit: int, as_json: bool) -> None:
    """The project's event log (append-only audit trail), newest first.

    \b
    Example:
      annotator log projects/demo --limit 10
    """
    with open_project(project) as p:
        events = p.history.events(limit=limit)
    for e in events:
        if as_json:
            click.echo(json.dumps(e, ensure_ascii=False))
        else:
            click.echo(f"{e['id']:>6}  {e['at']}  {e['actor'] or '-':<12} {e['op']:<24} "
                       f"{json.dumps(e['summary'], ensure_ascii=False)[:100]}")


@main.command(context_settings=CONTEXT)
@click.argument("project", type=click.Path(exists=True))
@ACTOR
def undo(project: str, actor: str | None) -> None:
    """Undo your latest change (recorded in the log like any change).

    \b
    Example:
      annotator undo projects/demo --as lan
    """
    with open_project(project, actor=actor) as p, errors_to_exit():
        changes = p.undo()
    click.echo(f"Undid event {changes.event_id}: {changes.op}")


@main.command(context_settings=CONTEXT)
@click.argument("project", type=click.Path(exists=True))
@ACTOR
def redo(project: str, actor: str | None) -> None:
    """Redo the change you undid last.

    \b
    Example:
      annotator redo projects/demo --as lan
    """
    with open_project(project, actor=actor) as p, errors_to_exit():
        changes = p.redo()
    click.echo(f"Redid: {changes.op}")


@main.command(context_settings=CONTEXT)
@click.argument("project", required=False, type=click.Path())
@click.option("--screenshot", type=click.Path(dir_okay=False), help="Render the main window to this PNG and exit.")
def gui(project: str | None, screenshot: str | None) -> None:
    """Start the app on PROJECT; with none, on the last project opened (the demo project the
    first time, created from the shipped samples).

    \b
    Example:
      annotator gui projects/demo
      annotator gui projects/demo --screenshot window.png
    """
    try:
        from ui.app import run_app
    except ImportError as exc:
        raise CLIError(f"the desktop app cannot start: {exc}") from None
    sys.exit(run_app(project, screenshot=screenshot))


def _register() -> None:
    """Commands that live in their own modules."""
    import importlib

    for module in ("annotator.commands.suggest", "annotator.commands.entities", "annotator.commands.people",
                   "annotator.commands.review", "annotator.commands.team", "annotator.commands.search"):
        try:
            mod = importlib.import_module(module)
        except ModuleNotFoundError as exc:
            if exc.name == module:  # not written yet
                continue
            raise
        for command in getattr(mod, "COMMANDS", []):
            main.add_command(command)


_register()

if __name__ == "__main__":
    main()
