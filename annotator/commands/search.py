"""``annotator search``: full-text search from the command line, as the window's search does."""

from __future__ import annotations

import json
import sys

import click

from annotator.cli import CONTEXT, open_project, progress_callback


@click.command(context_settings=CONTEXT)
@click.argument("project", type=click.Path(exists=True))
@click.argument("query")
@click.option("--label", help="Only hits inside spans of this label (e.g. PER, CLAIM).")
@click.option("--limit", type=click.IntRange(min=1), default=200, show_default=True, help="At most this many.")
@click.option("--documents", "docs_only", is_flag=True,
              help="List the matching documents, best first (BM25), instead of the hits in context.")
@click.option("--context", "width", type=click.IntRange(min=0), default=40, show_default=True,
              help="Characters of context on each side of a hit.")
@click.option("--json", "as_json", is_flag=True, help="JSON lines (offsets in code points, end exclusive).")
def search(project: str, query: str, label: str | None, limit: int, docs_only: bool, width: int,
           as_json: bool) -> None:
    """Find a phrase in every document, ignoring diacritics and case ("Son La" finds "Sơn La"),
    and print each hit in its context: document id, offsets, text around it, title. Documents not
    yet in the search index (just imported by another program) are indexed first. Exits with 1
    when nothing is found, as grep does.

    \b
    Example:
      annotator search projects/demo "Son La"
      annotator search projects/demo "Lu Honglong" --label PER --json
      annotator search projects/demo "dai hoi" --documents
    """
    with open_project(project) as p:
        pending = p.search.pending()
        if pending:
            update, finish = progress_callback("Indexing", pending)
            try:
                p.search.index_pending(progress=update)
            finally:
                finish()
        if label is not None and label not in p.schema.label_names():
            raise click.BadParameter(f"{label!r} is not a label of this project "
                                     f"({', '.join(p.schema.label_names())})", param_hint="--label")
        if docs_only:
            if label is not None:
                raise click.UsageError("--label finds hits inside spans; it does not go with --documents")
            ids = p.search.documents(query, limit=limit)
            infos = {d.id: d for d in p.documents.infos(ids)}
            for doc_id in ids:
                d = infos[doc_id]
                if as_json:
                    click.echo(json.dumps({"id": d.id, "title": d.title, "status": str(d.status)}, ensure_ascii=False))
                else:
                    click.echo(f"{d.id:>6}  {str(d.status):<11} {d.title}")
            found = len(ids)
        else:
            hits = p.search.find(query, label=label, limit=limit, context=width)
            for h in hits:
                if as_json:
                    click.echo(json.dumps({"doc_id": h.doc_id, "title": h.title, "start": h.start, "end": h.end,
                                           "before": h.before, "match": h.match, "after": h.after},
                                          ensure_ascii=False))
                else:
                    click.echo(f"{h.doc_id:>6}  {h.start}-{h.end}  …{h.before}[{h.match}]{h.after}…  ({h.title})")
            found = len(hits)
    if not found:
        click.echo(f"No match for {query!r}.", err=True)
        sys.exit(1)
COMMANDS = [search]
