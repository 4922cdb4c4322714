"""Team commands: work packages, merging copies, conflicts, agreement and adjudication."""

from __future__ import annotations

import json
import sys
from typing import Any

import click

from annotator.cli import ACTOR, CONTEXT, CLIError, errors_to_exit, open_project


def parse_ids(value: str | None) -> list[int] | None:
    """``"1,2,5-9"`` -> [1, 2, 5, 6, 7, 8, 9]."""
    if not value:
        return None
    out: list[int] = []
    for part in value.split(","):
        part = part.strip()
        if not part:
            continue
        try:
            if "-" in part:
                a, b = part.split("-", 1)
                out.extend(range(int(a), int(b) + 1))
            else:
                out.append(int(part))
        except ValueError:
            raise CLIError(f"not a document id or range: {part!r}") from None
    return out


def _csv(value: str | None) -> set[str] | None:
    return {v.strip() for v in value.split(",") if v.strip()} if value else None


def _stderr_progress(label: str) -> Any:
    """Progress on stderr: a line that updates itself (every call, so a pipe sees it too)."""
    state = {"last": -1}

    def update(done: int, total: int | None) -> None:
        pct = int(100 * done / total) if total else 0
        if pct != state["last"]:
            state["last"] = pct
            click.echo(f"\r{label}: {done}/{total or '?'} documents ({pct}%)", err=True, nl=False)

    def finish() -> None:
        if state["last"] >= 0:
            click.echo("", err=True)

    return update, finish


@click.command(context_settings=CONTEXT)
@click.argument("project", type=click.Path(exists=True))
@click.option("--annotator", required=True, metavar="NAME", help="Who the package is for.")
@click.option("--docs", metavar="IDS", help="Document ids and ranges, e.g. 1,4,10-20 (default: all).")
@click.option("--status", help="Only documents with these statuses (comma-separated), e.g. new,in_progress.")
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False), help="The FILE.annotator to write.")
@click.option("--force", is_flag=True, help="Replace the file if it exists.")
@ACTOR
def package(project: str, annotator: str, docs: str | None, status: str | None, output: str, force: bool,
            actor: str | None) -> None:
    """Write a work package: the documents for one person, as one file they open in the app.

    The file holds the documents (with their spans, links and claims), the label schema, the
    entities and the people (without passphrases but the person's own). They open it with
    'annotator gui FILE.annotator'; their work comes back with 'annotator merge'.

    \b
    Example:
      annotator package projects/demo --annotator lan --docs 1-50 -o lan.annotator
      annotator gui lan.annotator
    """
    from annotator.package import make_package

    with open_project(project, actor=actor) as p, errors_to_exit():
        ids = parse_ids(docs)
        if status:
            wanted = set(p.documents.ids(status=_csv(status)))
            ids = [i for i in (ids if ids is not None else p.documents.ids()) if i in wanted]
        update, finish = _stderr_progress("Packaging")
        try:
            result = make_package(p, output, annotator=annotator, doc_ids=ids, overwrite=force, progress=update)
        finally:
            finish()
    click.echo(f"Wrote {result.path} for {result.annotator}: {result.documents} document(s), {result.spans} span(s), "
               f"{result.links} link(s), {result.entities} entit{'y' if result.entities == 1 else 'ies'}")


@click.command(context_settings=CONTEXT)
@click.argument("project", type=click.Path(exists=True))
@click.argument("others", nargs=-1, type=click.Path(exists=True))
@click.option("--conflicts", "list_conflicts", is_flag=True,
              help="List the conflicts merges left, with their versions ('*': the one in use).")
@click.option("--resolve", "resolve_", metavar="KEY=N", multiple=True,
              help="Settle a conflict: keep version N (1-based) of conflict KEY.")
@click.option("--json", "as_json", is_flag=True, help="Print the result as JSON.")
@ACTOR
def merge(project: str, others: tuple[str, ...], list_conflicts: bool, resolve_: tuple[str, ...], as_json: bool,
          actor: str | None) -> None:
    """Bring in the work of other copies (work packages, colleagues' projects).

    Documents are matched by their text, everything else by uid. What only the copy changed
    comes in; what only this project changed stays; what both changed differently is a
    conflict, kept with both versions for a person to settle (--conflicts lists them,
    --resolve settles one). Merging a file twice changes nothing, and the order of the files
    does not matter. One step in the log.

    \b
    Example:
      annotator merge projects/demo lan.annotator minh.annotator
      annotator merge projects/demo --conflicts
      annotator merge projects/demo --resolve span.3fa2c1d09e8b000012=2
    """
    from annotator.merge import merge as merge_copies

    if not others and not list_conflicts and not resolve_:
        raise CLIError("give the copies to merge (or --conflicts, --resolve)")
    if not others:
        _conflicts(project, resolve_, as_json, actor)
        return
    with open_project(project, actor=actor) as p, errors_to_exit():
        update, finish = _stderr_progress("Merging")
        try:
            result = merge_copies(p, list(others), progress=update)
        finally:
            finish()
        if p.search.pending():
            p.search.index_pending()
    if as_json:
        click.echo(json.dumps({**result.counts(), "sources": result.sources,
                               "conflicts": [c.to_json() | {"key": c.key} for c in result.conflicts]},
                              ensure_ascii=False, indent=2))
        return
    if not result.changed:
        click.echo(f"Nothing new in {len(others)} file(s).")
    else:
        c = result.counts()
        click.echo(f"Merged {len(others)} file(s): {c['documents_added']} new document(s), "
                   f"{c['documents_updated']} updated; spans {c['spans_added']} added, {c['spans_updated']} changed, "
                   f"{c['spans_deleted']} deleted; links {c['links_added']} added, {c['links_deleted']} deleted; "
                   f"entities {c['entities_added']} added, {c['entities_updated']} changed, "
                   f"{c['entities_deleted']} deleted; claims {c['claims_added'] + c['claims_updated']} updated; "
                   f"{c['events_added']} event(s).")
        if result.people_added:
            click.echo(f"New people (as annotators): {', '.join(result.people_added)}")
        if result.labels_added:
            click.echo(f"New labels: {', '.join(result.labels_added)}")
        if result.links_skipped:
            click.echo(f"{result.links_skipped} link(s) not brought in: one of their spans was deleted here.")
    if result.conflicts:
        click.echo(f"{len(result.conflicts)} conflict(s) kept for a person to settle "
                   f"(annotator merge {project} --conflicts):")
        for conflict in result.conflicts:
            click.echo(f"  {conflict.describe()}")


def _conflicts(project: str, resolve_: tuple[str, ...], as_json: bool, actor: str | None) -> None:
    from annotator.conflicts import conflicts as list_conflicts
    from annotator.conflicts import resolve

    with open_project(project, actor=actor) as p, errors_to_exit():
        for item in resolve_:
            key, _, n = item.rpartition("=")
            if not key or not n.isdigit():
                raise CLIError(f"--resolve wants KEY=N, got {item!r}")
            resolve(p, key, int(n) - 1)
            click.echo(f"Settled {key}: version {n}")
        if resolve_:
            return
        found = list_conflicts(p)
    for c in found:
        if as_json:
            click.echo(json.dumps(c.to_json() | {"key": c.key}, ensure_ascii=False))
        else:
            click.echo(f"{c.key}\n  {c.describe()}")
    if not found and not as_json:
        click.echo("No conflicts.")


def _fmt(x: float | None) -> str:
    return "   -  " if x is None else f"{round(x, 3) + 0.0:6.3f}"  # + 0.0: never "-0.000"


@click.command(context_settings=CONTEXT)
@click.argument("project", type=click.Path(exists=True))
@click.option("--label", help="Only these labels (comma-separated).")
@click.option("--layer", help="Only these layers (comma-separated: entity,figure,claim).")
@click.option("--annotators", help="Only these annotators (comma-separated).")
@click.option("--docs", metavar="IDS", help="Only these documents (ids and ranges, e.g. 1-20).")
@click.option("--by-doc", is_flag=True, help="Also a table per document.")
@click.option("--json", "as_json", is_flag=True, help="Print everything as JSON.")
def agreement(project: str, label: str | None, layer: str | None, annotators: str | None, docs: str | None,
              by_doc: bool, as_json: bool) -> None:
    """How far annotators agree: span F1 (exact, partial), token kappa, Krippendorff's alpha.

    Compares each annotator's accepted spans on the documents at least two of them worked on:
    per label and overall, per pair of annotators and per document.

    \b
    Example:
      annotator agreement projects/demo
      annotator agreement projects/demo --label PER,ORG --json
    """
    from annotator.agreement import agreement as compute

    with open_project(project) as p, errors_to_exit():
        update, finish = _stderr_progress("Comparing") if sys.stderr.isatty() else (None, lambda: None)
        try:
            report = compute(p, labels=_csv(label), layers=_csv(layer), annotators=_csv(annotators),
                             doc_ids=parse_ids(docs), progress=update)
        finally:
            finish()
    if as_json:
        click.echo(json.dumps(report.to_dict(), ensure_ascii=False, indent=2))
        return
    if report.documents == 0:
        click.echo("No document has the work of two annotators yet.")
        return
    o = report.overall
    click.echo(f"{report.documents} document(s), annotators: {', '.join(report.annotators)}")
    click.echo(f"Overall: alpha {_fmt(o.alpha).strip()}, mean kappa {_fmt(o.mean_kappa).strip()}, "
               f"mean exact F1 {_fmt(o.mean_exact_f1).strip()}, mean partial F1 {_fmt(o.mean_partial_f1).strip()}")
    click.echo("")
    click.echo(f"{'label':<12} {'spans':>6} {'exact F1':>9} {'partial':>8} {'kappa':>7} {'alpha':>7}")
    for name, sc in [*report.by_label.items(), ("(all)", o)]:
        click.echo(f"{name:<12} {sum(sc.spans.values()):>6} {_fmt(sc.mean_exact_f1):>9} {_fmt(sc.mean_partial_f1):>8} "
                   f"{_fmt(sc.mean_kappa):>7} {_fmt(sc.alpha):>7}")
    click.echo("")
    click.echo(f"{'pair':<24} {'docs':>5} {'P':>7} {'R':>7} {'exact F1':>9} {'partial':>8} {'kappa':>7}")
    for (a, b), pr in sorted(o.pairs.items()):
        click.echo(f"{a + ' / ' + b:<24} {pr.documents:>5} {_fmt(pr.exact.precision):>7} {_fmt(pr.exact.recall):>7} "
                   f"{_fmt(pr.exact.f1):>9} {_fmt(pr.partial.f1):>8} {_fmt(pr.kappa):>7}")
    if by_doc:
        click.echo("")
        click.echo(f"{'doc':>6} {'exact F1':>9} {'partial':>8} {'kappa':>7} {'alpha':>7}  title")
        for doc_id, ds in report.by_doc.items():
            click.echo(f"{doc_id:>6} {_fmt(ds.mean_exact_f1):>9} {_fmt(ds.mean_partial_f1):>8} {_fmt(ds.mean_kappa):>7} "
                       f"{_fmt(ds.alpha):>7}  {report.titles.get(doc_id, '')[:50]}")


@click.command(context_settings=CONTEXT)
@click.argument("project", type=click.Path(exists=True))
@click.option("--doc", "doc_ids", metavar="IDS", help="Documents (ids and ranges); default: every document.")
@click.option("--prefer", metavar="NAME", help="Take NAME's version of every disagreement into the gold layer.")
@click.option("--take", "takes", metavar="REGION=NAME", multiple=True,
              help="Take NAME's version of one region (as listed), e.g. entity:21-27=lan; NAME '-' for none.")
@ACTOR
def adjudicate(project: str, doc_ids: str | None, prefer: str | None, takes: tuple[str, ...],
               actor: str | None) -> None:
    """List where annotators differ, or settle it into the gold layer that exports use.

    Without --prefer or --take, lists each disagreement: the region and every annotator's
    version. Taking a version also copies what everyone agreed on, so the gold layer is whole.

    \b
    Example:
      annotator adjudicate projects/demo --doc 3
      annotator adjudicate projects/demo --doc 3 --take entity:21-27=lan --as thu
      annotator adjudicate projects/demo --doc 1-20 --prefer minh --as thu
    """
    from annotator.adjudicate import Choice, regions, take, take_all

    with open_project(project, actor=actor) as p, errors_to_exit():
        ids = parse_ids(doc_ids) or p.documents.ids()
        if takes and len(ids) != 1:
            raise CLIError("--take needs exactly one document (--doc ID)")
        for doc_id in ids:
            doc = regions(p, doc_id)
            if len(doc.annotators) < 2:
                continue
            if prefer:
                if prefer in doc.annotators:
                    take_all(p, doc_id, prefer)
                    click.echo(f"Document {doc_id}: took {prefer}'s version of {len(doc.disagreements)} region(s)")
                continue
            if takes:
                choices = []
                for item in takes:
                    key, _, name = item.rpartition("=")
                    if not key:
                        raise CLIError(f"--take wants REGION=NAME, got {item!r}")
                    choices.append(Choice(key, None if name == "-" else name))
                take(p, doc_id, choices)
                click.echo(f"Document {doc_id}: took {len(choices)} region(s) into the gold layer")
                continue
            if not doc.disagreements:
                continue
            text = p.documents.text(doc_id)
            click.echo(f"Document {doc_id} ({len(doc.disagreements)} disagreement(s); annotators "
                       f"{', '.join(doc.annotators)}):")
            for r in doc.disagreements:
                gold = r.gold_matches()
                click.echo(f"  {r.key}  {text[r.start:r.end]!r}" + (f"  gold = {', '.join(gold)}" if gold else ""))
                for who in doc.annotators:
                    version = ", ".join(f"{s.label} {text[s.start:s.end]!r}" for s in r.versions.get(who, ())) or "-"
                    click.echo(f"    {who:<12} {version}")


COMMANDS = [package, merge, agreement, adjudicate]
