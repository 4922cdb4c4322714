"""``annotator entities PROJECT …``: list, curate and import canonical entities.

The project comes first (``annotator entities projects/demo list``); ``annotator entities list
projects/demo`` works too.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click

from annotator.cli import ACTOR, CONTEXT, CLIError, errors_to_exit, open_project


class ProjectFirstGroup(click.Group):
    """A group taking PROJECT before the subcommand, accepting it after the subcommand too."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if args and args[0] in self.commands and not Path(args[0]).exists():
            if len(args) >= 2 and not args[1].startswith("-") and args[1] not in self.commands:
                args = [args[1], args[0], *args[2:]]
            else:  # no project given ("entities list -h"): the current folder
                args = [".", *args]
        return super().parse_args(ctx, args)


def _project(ctx: click.Context) -> str:
    return str(ctx.obj["project"])


def _echo_json(data: Any) -> None:
    click.echo(json.dumps(data, ensure_ascii=False))


@click.group(cls=ProjectFirstGroup, context_settings=CONTEXT)
@click.argument("project", type=click.Path())
@click.pass_context
def entities(ctx: click.Context, project: str) -> None:
    """Canonical entities: list, clusters of name variants, merge, rename, split, link, gazetteers.

    \b
    Example:
      annotator entities projects/demo list
      annotator entities projects/demo clusters --untagged
      annotator entities projects/demo merge 1 7 12
      annotator entities projects/demo import places.csv
    """
    ctx.ensure_object(dict)
    ctx.obj["project"] = project


@entities.command("list", context_settings=CONTEXT)
@click.option("--type", "type_", metavar="LABEL", help="Only entities of this type (PER, ORG, LOC …).")
@click.option("--search", "text", help="Only entities whose name or alias looks like this (ranked).")
@click.option("--json", "as_json", is_flag=True, help="JSON lines.")
@click.pass_context
def list_(ctx: click.Context, type_: str | None, text: str | None, as_json: bool) -> None:
    """List entities: id, type, mentions, name, aliases, external id.

    \b
    Example:
      annotator entities projects/demo list --type PER
      annotator entities projects/demo list --search "Son La"
    """
    with open_project(_project(ctx)) as p, errors_to_exit():
        counts = p.entities.mention_counts()
        if text:
            ranked = p.entities.suggest(text, type=type_, limit=50, prefix=True)
            ents = p.entities.get_many([s.entity_id for s in ranked])
        else:
            ents = p.entities.list(type=type_)
    for e in ents:
        if as_json:
            _echo_json({"id": e.id, "name": e.name, "type": e.type, "aliases": list(e.aliases),
                        "external_id": e.external_id, "notes": e.notes, "mentions": counts.get(e.id, 0)})
        else:
            aliases = f"  (also: {'; '.join(e.aliases)})" if e.aliases else ""
            ext = f"  [{e.external_id}]" if e.external_id else ""
            click.echo(f"{e.id:>6}  {e.type:<7} {counts.get(e.id, 0):>5}  {e.name}{aliases}{ext}")


@entities.command(context_settings=CONTEXT)
@click.argument("entity_id", type=int)
@click.option("--json", "as_json", is_flag=True, help="JSON.")
@click.pass_context
def show(ctx: click.Context, entity_id: int, as_json: bool) -> None:
    """One entity with each of its mentions in context.

    \b
    Example:
      annotator entities projects/demo show 1
    """
    with open_project(_project(ctx)) as p, errors_to_exit():
        e = p.entities.get(entity_id)
        mentions = p.entities.mention_contexts(entity_id)
    if as_json:
        _echo_json({"id": e.id, "name": e.name, "type": e.type, "aliases": list(e.aliases),
                    "external_id": e.external_id, "notes": e.notes,
                    "mentions": [{"span_id": m.span.id, "doc_id": m.span.doc_id, "start": m.span.start,
                                  "end": m.span.end, "text": m.text, "state": str(m.span.state)} for m in mentions]})
        return
    click.echo(f"#{e.id} {e.name} ({e.type})" + (f" [{e.external_id}]" if e.external_id else ""))
    if e.aliases:
        click.echo(f"  also: {'; '.join(e.aliases)}")
    if e.notes:
        click.echo(f"  notes: {e.notes}")
    click.echo(f"  {len(mentions)} mention(s):")
    for m in mentions:
        click.echo(f"  span {m.span.id:>6}  doc {m.span.doc_id:>5} @{m.span.start}  …{m.before[-30:]}[{m.text}]"
                   f"{m.after[:30]}…" + ("  (suggested)" if m.span.state == "suggested" else ""))


@entities.command(context_settings=CONTEXT)
@click.option("--label", help="Only these labels (comma-separated, e.g. PER,LOC).")
@click.option("--unresolved", is_flag=True, help="Leave out clusters whose mentions all link to one entity.")
@click.option("--untagged", is_flag=True, help="Also list untagged places in the text that look like a cluster's names.")
@click.option("--threshold", type=click.FloatRange(0.5, 1.0), default=0.8, show_default=True,
              help="How alike two spellings must be (1.0: only case, diacritics and spacing differ).")
@click.option("--min-variants", type=int, default=2, show_default=True, help="Least distinct spellings per cluster.")
@click.option("--json", "as_json", is_flag=True, help="JSON lines, one cluster each.")
@click.pass_context
def clusters(ctx: click.Context, label: str | None, unresolved: bool, untagged: bool, threshold: float,
             min_variants: int, as_json: bool) -> None:
    """Propose clusters of mentions that spell one name differently, with their mentions.

    Nothing is changed: accept a cluster with 'unify SPAN…' or 'merge ID ID…'.

    \b
    Example:
      annotator entities projects/demo clusters --untagged
      annotator entities projects/demo clusters --label PER --json
    """
    from annotator.occurrences import find_variants

    labels = [x.strip() for x in label.split(",") if x.strip()] if label else None
    with open_project(_project(ctx)) as p, errors_to_exit():
        found = p.entities.clusters(labels=labels, threshold=threshold, min_variants=min_variants,
                                    unresolved_only=unresolved)
        names = {e.id: e.name for e in p.entities.get_many({e for c in found for e in c.entity_ids})}
        places = {k: find_variants(p, c.texts, label=c.label, threshold=threshold) if untagged else []
                  for k, c in enumerate(found)}
    if not found and not as_json:
        click.echo("No clusters of name variants.")
    for k, c in enumerate(found, 1):
        if as_json:
            _echo_json({"label": c.label, "name": c.name, "resolved": c.resolved, "entity_ids": list(c.entity_ids),
                        "unlinked": c.unlinked,
                        "variants": [{"text": v.text, "span_ids": list(v.span_ids), "entity_ids": list(v.entity_ids)}
                                     for v in c.variants],
                        "untagged": [{"doc_id": o.doc_id, "start": o.start, "end": o.end, "text": o.text}
                                     for o in places[k - 1]]})
            continue
        linked = ", ".join(f"#{e} {names.get(e, '?')}" for e in c.entity_ids) or "none"
        state = "resolved" if c.resolved else f"{c.unlinked} unlinked"
        click.echo(f"Cluster {k}: {c.label} \"{c.name}\" — {len(c.variants)} spellings, {len(c.span_ids)} "
                   f"mention(s), {state}; entities: {linked}")
        for v in c.variants:
            ents = " → " + ", ".join(f"#{e}" for e in v.entity_ids) if v.entity_ids else ""
            click.echo(f"    {v.text:<30} spans {' '.join(map(str, v.span_ids))}{ents}")
        if places[k - 1]:
            click.echo(f"    untagged ({len(places[k - 1])}): " + ", ".join(
                f"\"{o.text}\" doc {o.doc_id} @{o.start}" for o in places[k - 1][:20])
                + (" …" if len(places[k - 1]) > 20 else ""))


@entities.command(context_settings=CONTEXT)
@click.argument("keep", type=int)
@click.argument("others", type=int, nargs=-1, required=True)
@ACTOR
@click.pass_context
def merge(ctx: click.Context, keep: int, others: tuple[int, ...], actor: str | None) -> None:
    """Merge entities into the first one (mentions relinked, names kept as aliases); undoable.

    \b
    Example:
      annotator entities projects/demo merge 1 7 12
    """
    with open_project(_project(ctx), actor=actor) as p, errors_to_exit():
        before = p.entities.mention_counts()
        p.entities.merge(keep, list(others))
        e = p.entities.get(keep)
        n = p.entities.mention_counts().get(keep, 0)
    click.echo(f"Merged {len(set(others) - {keep})} entit(ies) into #{e.id} {e.name}: {n} mention(s) "
               f"({n - before.get(keep, 0)} relinked); aliases: {'; '.join(e.aliases) or 'none'}")


@entities.command(context_settings=CONTEXT)
@click.argument("entity_id", type=int)
@click.argument("name")
@click.option("--drop-old-name", is_flag=True, help="Do not keep the old name as an alias.")
@ACTOR
@click.pass_context
def rename(ctx: click.Context, entity_id: int, name: str, drop_old_name: bool, actor: str | None) -> None:
    """Rename an entity (the old name stays as an alias).

    \b
    Example:
      annotator entities projects/demo rename 3 "Sơn La"
    """
    with open_project(_project(ctx), actor=actor) as p, errors_to_exit():
        old = p.entities.get(entity_id).name
        p.entities.rename(entity_id, name, keep_alias=not drop_old_name)
    click.echo(f"Renamed #{entity_id}: {old} → {name}")


@entities.command(context_settings=CONTEXT)
@click.argument("entity_id", type=int)
@click.argument("span_ids", type=int, nargs=-1, required=True)
@click.option("--name", help="Name of the new entity (default: the first moved mention's text).")
@ACTOR
@click.pass_context
def split(ctx: click.Context, entity_id: int, span_ids: tuple[int, ...], name: str | None, actor: str | None) -> None:
    """Move some mentions of an entity to a new entity.

    \b
    Example:
      annotator entities projects/demo split 1 9 --name "Lữ Hồng Long"
    """
    with open_project(_project(ctx), actor=actor) as p, errors_to_exit():
        changes = p.entities.split(entity_id, list(span_ids), name=name)
        new_id = max(changes.entities - {entity_id})
        e = p.entities.get(new_id)
    click.echo(f"Moved {len(set(span_ids))} mention(s) to new entity #{e.id} {e.name}")


@entities.command(context_settings=CONTEXT)
@click.argument("entity_id", type=int)
@click.argument("span_ids", type=int, nargs=-1, required=True)
@ACTOR
@click.pass_context
def link(ctx: click.Context, entity_id: int, span_ids: tuple[int, ...], actor: str | None) -> None:
    """Link mention spans to an entity.

    \b
    Example:
      annotator entities projects/demo link 1 4 5
    """
    with open_project(_project(ctx), actor=actor) as p, errors_to_exit():
        p.entities.link(list(span_ids), entity_id)
        e = p.entities.get(entity_id)
    click.echo(f"Linked {len(set(span_ids))} mention(s) to #{e.id} {e.name}")


@entities.command(context_settings=CONTEXT)
@click.argument("span_ids", type=int, nargs=-1, required=True)
@ACTOR
@click.pass_context
def unlink(ctx: click.Context, span_ids: tuple[int, ...], actor: str | None) -> None:
    """Unlink mention spans from their entity.

    \b
    Example:
      annotator entities projects/demo unlink 4 5
    """
    with open_project(_project(ctx), actor=actor) as p, errors_to_exit():
        p.entities.unlink(list(span_ids))
    click.echo(f"Unlinked {len(set(span_ids))} mention(s)")


@entities.command(context_settings=CONTEXT)
@click.argument("span_ids", type=int, nargs=-1, required=True)
@click.option("--name", help="Name of the entity (default: the linked entity's, else the most frequent text).")
@ACTOR
@click.pass_context
def unify(ctx: click.Context, span_ids: tuple[int, ...], name: str | None, actor: str | None) -> None:
    """Make these mentions one entity (accept a proposed cluster): links, merges, aliases.

    \b
    Example:
      annotator entities projects/demo unify 3 4 5 6 --name "Lê Hồng Long"
    """
    with open_project(_project(ctx), actor=actor) as p, errors_to_exit():
        p.entities.unify(list(span_ids), name=name)
        eid = p.spans.get(span_ids[0]).entity_id
        if eid is None:
            raise CLIError("nothing was unified")
        e = p.entities.get(eid)
    click.echo(f"{len(set(span_ids))} mention(s) are now #{e.id} {e.name}")


@entities.command(context_settings=CONTEXT)
@click.argument("name")
@click.option("--type", "type_", required=True, metavar="LABEL", help="Entity type (PER, ORG, LOC, MISC …).")
@click.option("--alias", "aliases", multiple=True, help="Another name (repeatable).")
@click.option("--external-id", help="An external id such as a Wikidata QID.")
@click.option("--notes", default="", help="Notes.")
@ACTOR
@click.pass_context
def add(ctx: click.Context, name: str, type_: str, aliases: tuple[str, ...], external_id: str | None, notes: str,
        actor: str | None) -> None:
    """Add an entity.

    \b
    Example:
      annotator entities projects/demo add "Sơn La" --type LOC --alias "Sun La" --external-id Q36763
    """
    with open_project(_project(ctx), actor=actor) as p, errors_to_exit():
        if not p.schema.has_label(type_):
            raise CLIError(f"unknown type {type_!r}")
        changes = p.entities.add(name=name, type=type_, aliases=list(aliases), external_id=external_id, notes=notes)
    click.echo(f"Added #{min(changes.entities)} {name}")


@entities.command("import", context_settings=CONTEXT)
@click.argument("gazetteer", type=click.Path(exists=True, dir_okay=False))
@click.option("--type", "default_type", metavar="LABEL", help="Type for rows without one.")
@click.option("--suggest/--no-suggest", default=True, show_default=True,
              help="Propose linked mentions wherever the names occur in the project's documents.")
@ACTOR
@click.pass_context
def import_(ctx: click.Context, gazetteer: str, default_type: str | None, suggest: bool, actor: str | None) -> None:
    """Import a gazetteer (CSV or TSV: name, type, aliases separated by | or ;, external_id, notes).

    Existing entities (same external id, or same type and folded name) gain the new aliases.

    \b
    Example:
      annotator entities projects/demo import places.csv
      annotator entities projects/demo import people.tsv --type PER --no-suggest
    """
    from annotator.gazetteer import import_gazetteer, suggest_entities

    with open_project(_project(ctx), actor=actor) as p, errors_to_exit():
        report = import_gazetteer(p, gazetteer, default_type=default_type)
        proposed = suggest_entities(p, p.documents.ids()).spans if suggest else frozenset()
    click.echo(f"Gazetteer: {len(report.added)} entit(ies) added, {len(report.updated)} updated, "
               f"{len(report.unchanged)} unchanged" + (f"; {len(proposed)} mention(s) suggested" if suggest else ""))


@entities.command("suggest", context_settings=CONTEXT)
@click.argument("text")
@click.option("--type", "type_", metavar="LABEL", help="Only entities of this type.")
@click.option("--limit", type=int, default=10, show_default=True)
@click.option("--prefix", is_flag=True, help="Treat TEXT as the start of a name (as while typing).")
@click.pass_context
def suggest_(ctx: click.Context, text: str, type_: str | None, limit: int, prefix: bool) -> None:
    """Rank entities whose names or aliases look like TEXT (spelling variants), with a score.

    \b
    Example:
      annotator entities projects/demo suggest "Lu Honglong" --type PER
    """
    with open_project(_project(ctx)) as p, errors_to_exit():
        found = p.entities.suggest(text, type=type_, limit=limit, prefix=prefix)
    if not found:
        click.echo("No entity looks like this.")
    for s in found:
        via = f"  (via \"{s.matched}\")" if s.matched != s.name else ""
        click.echo(f"{s.score:.2f}  #{s.entity_id:<6} {s.type:<7} {s.name}{via}  [{s.how}]")


@entities.command("tag-all", context_settings=CONTEXT)
@click.argument("span_id", type=int)
@click.option("--project-wide", is_flag=True, help="Every document, not only the span's own.")
@click.option("--folded", is_flag=True, help="Also other case and diacritics (Sơn La, SON LA, Son La).")
@click.option("--accept", is_flag=True, help="Add accepted spans instead of suggestions.")
@click.option("--dry-run", is_flag=True, help="Only count them.")
@ACTOR
@click.pass_context
def tag_all(ctx: click.Context, span_id: int, project_wide: bool, folded: bool, accept: bool, dry_run: bool,
            actor: str | None) -> None:
    """Tag every other occurrence of a span's text with its label and entity (one undoable step).

    \b
    Example:
      annotator entities projects/demo tag-all 5 --project-wide --folded --dry-run
    """
    from annotator.occurrences import preview_occurrences, tag_occurrences

    with open_project(_project(ctx), actor=actor) as p, errors_to_exit():
        preview = preview_occurrences(p, span_id, scope="project" if project_wide else "document",
                                      match="folded" if folded else "exact")
        if not dry_run and preview.total:
            tag_occurrences(p, span_id, preview=preview, state="accepted" if accept else "suggested")
    verb = "Would tag" if dry_run else "Tagged"
    click.echo(f"{verb} {preview.total} more occurrence(s) of \"{preview.text}\" in {len(preview.by_doc)} "
               f"document(s); {preview.skipped} already tagged.")


COMMANDS = [entities]
