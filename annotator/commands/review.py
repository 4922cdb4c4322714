"""``annotator review``: the editors' review of claims from the command line.

The core enforces the roles: these commands cannot do anything the window could not. Editor
steps unlock with the passphrase from $ANNOTATOR_PASSPHRASE, else asked without echo.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from typing import Any

import click

from annotator import messages as M
from annotator.cli import ACTOR, CONTEXT, CLIError, errors_to_exit, open_project
from annotator.messages import say
from annotator.review import CHECKWORTHINESS, EDITOR_ACTIONS, STATES, VERDICTS, ClaimRecord, next_state

PASSPHRASE_ENV = "ANNOTATOR_PASSPHRASE"


def unlock_if_editor(p: Any) -> None:
    """Unlock editor actions when the acting person is an editor (others get the core's refusal)."""
    if not p.is_editor or p.editor_unlocked:
        return
    passphrase = os.environ.get(PASSPHRASE_ENV)
    if passphrase is None:
        passphrase = click.prompt(f"Passphrase of {p.actor}", hide_input=True, err=True)
    p.unlock(passphrase)


@click.group(context_settings=CONTEXT)
@click.argument("project", type=click.Path(exists=True))
@click.pass_context
def review(ctx: click.Context, project: str) -> None:
    """Review claims: list the queue, flag, take, return, dismiss, decide, publish, reopen.

    Anyone may flag a draft claim, unflag it, or revise a returned one; every other step needs an
    editor, who unlocks with the passphrase ($ANNOTATOR_PASSPHRASE, else asked). A step the
    review does not allow exits with status 1 and says why.

    \b
    Example:
      annotator review projects/demo list --state flagged
      annotator review projects/demo take 15 --as thu
    """
    ctx.obj = project


def _short(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


@review.command("list", context_settings=CONTEXT)
@click.option("--state", help=f"Only these states (comma-separated): {', '.join(STATES)}.")
@click.option("--verdict", help=f"Only these verdicts (comma-separated): {', '.join(VERDICTS)}.")
@click.option("--annotator", help="Only claims by these annotators (comma-separated).")
@click.option("--doc", "docs", type=int, multiple=True, help="Only this document id (repeatable).")
@click.option("--checkworthiness", help=f"Only these (comma-separated): {', '.join(CHECKWORTHINESS)}.")
@click.option("--text", help="Only claims (or article titles) containing this text; case and diacritics ignored.")
@click.option("--json", "as_json", is_flag=True, help="JSON lines: the full record of each claim with its history.")
@click.pass_obj
def list_(project: str, state: str | None, verdict: str | None, annotator: str | None, docs: tuple[int, ...],
          checkworthiness: str | None, text: str | None, as_json: bool) -> None:
    """List claims with their review state, in document order.

    \b
    Example:
      annotator review projects/demo list --state flagged,in_review
      annotator review projects/demo list --text "đảng bộ" --json
    """
    with open_project(project) as p, errors_to_exit():
        records = p.claims.list(state=state, verdict=verdict, annotator=annotator, doc_id=list(docs) or None,
                                checkworthiness=checkworthiness, text=text, history=as_json)
    for r in records:
        if as_json:
            click.echo(json.dumps(r.to_dict(), ensure_ascii=False))
        else:
            click.echo(f"{r.id:>6}  {r.state:<10} {r.verdict or '-':<20} doc {r.doc_id:<5} "
                       f"{r.checkworthiness or '-':<20} {r.annotator or '-':<10} {_short(r.text, 70)}")
    if not as_json:
        click.echo(f"{len(records)} claim(s)", err=True)


def _describe(r: ClaimRecord) -> list[str]:
    lines = [f"Claim {r.id} ({r.state.replace('_', ' ')}) in document {r.doc_id}: {r.doc_title}",
             f"  {r.text}", f"  Context: {r.context}"]
    if r.doc_url or r.doc_published:
        lines.append(f"  Article: {r.doc_url or '-'} ({r.doc_published or 'no date'})")
    if r.claimant:
        lines.append(f"  Claimant: {r.claimant.name}")
    for f in r.figures:
        lines.append(f"  Figure: {f.text} = {f.value or '?'} ({f.label})")
    for e in r.entities:
        lines.append(f"  Entity: {e.name} ({e.label})")
    lines.append(f"  Check-worthiness: {r.checkworthiness or '-'}  annotator: {r.annotator or '-'}")
    if r.verdict:
        lines.append(f"  Verdict: {r.verdict} — {r.rating_text} (by {r.reviewer}, {r.reviewed_at})")
    if r.rationale:
        lines.append(f"  Rationale: {r.rationale}")
    for ev in r.evidence:
        lines.append(f"  Evidence: {ev.url} {ev.publisher} {ev.stance}".rstrip())
    for h in r.history:
        s = h["summary"]
        step = f"{s['from']} → {s['to']}" if "from" in s and "to" in s else ""
        reason = f" ({s['reason']})" if s.get("reason") else ""
        lines.append(f"  {h['at']}  {h['actor'] or '-':<10} {h['op']:<16} {step}{reason}")
    return lines


@review.command("show", context_settings=CONTEXT)
@click.argument("claim_id", type=int)
@click.option("--json", "as_json", is_flag=True, help="The full record as JSON.")
@click.pass_obj
def show(project: str, claim_id: int, as_json: bool) -> None:
    """Show one claim: text, context, figures, claimant, review and history.

    \b
    Example:
      annotator review projects/demo show 15
    """
    with open_project(project) as p, errors_to_exit():
        r = p.claims.get(claim_id)
    if as_json:
        click.echo(json.dumps(r.to_dict(), ensure_ascii=False, indent=2))
    else:
        click.echo("\n".join(_describe(r)))


def _evidence(values: tuple[str, ...]) -> list[Any]:
    out: list[Any] = []
    for v in values:
        if v.lstrip().startswith("{"):
            try:
                out.append(json.loads(v))
            except json.JSONDecodeError as exc:
                raise CLIError(f"--evidence {v!r}: not valid JSON ({exc.msg})") from None
        else:
            out.append(v)
    return out


def _step(project: str, action: str, claim_id: int, actor: str | None, options: dict[str, Any]) -> None:
    with open_project(project, actor=actor) as p, errors_to_exit():
        before = p.claims.state(claim_id)
        if action in EDITOR_ACTIONS:
            p.claims.get(claim_id, history=False)
            next_state(before or "", action)  # a refused step fails before any passphrase is asked
            unlock_if_editor(p)
        p.claims.apply(action, claim_id, **options)
        after = p.claims.state(claim_id)
        who = p.actor
    click.echo(f"Claim {claim_id}: {before} → {after} (by {who})")


REASON = click.option("--reason", help="Why (kept in the event log; shown to the annotator).")
HELP: dict[str, tuple[str, str]] = {
    "flag": ("Flag a draft claim for the editors' review (anyone).", "flag 15 --as lan --reason 'numbers?'"),
    "unflag": ("Take a flagged claim back to draft before an editor takes it (anyone).", "unflag 15 --as lan"),
    "take": ("Take a flagged claim into review (editor).", "take 15 --as thu"),
    "return": ("Return a claim in review to its annotator, with a reason (editor).",
               "return 15 --as thu --reason 'link the 595 figure'"),
    "revise": ("Take a returned claim back to draft to work on it (anyone).", "revise 15 --as lan"),
    "dismiss": ("Dismiss a flagged claim as not worth checking (editor).", "dismiss 15 --as thu --reason opinion"),
    "decide": ("Decide a claim in review: verdict, rating text, rationale, evidence (editor).",
               "decide 15 --as thu --verdict refuted --rationale 'GSO: 85%' --evidence https://gso.gov.vn/x"),
    "publish": ("Publish a decided claim (editor).", "publish 15 --as thu"),
    "reopen": ("Reopen a published claim into review, or a dismissed one into the queue, with a reason (editor).",
               "reopen 15 --as thu --reason 'new figures'"),
}


def _make(action: str) -> click.Command:
    text, example = HELP[action]

    def run(project: str, claim_id: int, actor: str | None, **options: Any) -> None:
        if "evidence" in options:
            options["evidence"] = _evidence(options["evidence"]) or None
        _step(project, action, claim_id, actor, options)

    cmd: Callable[..., Any] = click.pass_obj(run)
    if action in {"flag", "return", "dismiss", "reopen"}:
        cmd = REASON(cmd)
    if action == "decide":
        cmd = click.option("--evidence", multiple=True, metavar="URL|JSON",
                           help='A source: a URL, or JSON {"url", "publisher", "quote", "stance"} (repeatable; '
                                "replaces the evidence given before).")(cmd)
        cmd = click.option("--rationale", help="Why this verdict.")(cmd)
        cmd = click.option("--rating-text", help="The rating readers see (default: the verdict's name).")(cmd)
        cmd = click.option("--verdict", required=True, type=click.Choice(VERDICTS))(cmd)
    cmd = ACTOR(cmd)
    cmd = click.argument("claim_id", type=int)(cmd)
    return click.command(action, context_settings=CONTEXT,
                         help=f"{text}\n\n\b\nExample:\n  annotator review projects/demo {example}")(cmd)


for _action in HELP:
    review.add_command(_make(_action))


@review.command("settings", context_settings=CONTEXT)
@click.option("--publisher", help="Name of the organisation publishing the fact checks.")
@click.option("--publisher-url", help="Its web site (https://…).")
@click.option("--url-template", help="URL of a claim's fact-check page; may use {id}, {uid}, {doc_id}.")
@ACTOR
@click.pass_obj
def settings(project: str, publisher: str | None, publisher_url: str | None, url_template: str | None,
             actor: str | None) -> None:
    """Show or set who publishes the fact checks (used by the claimreview export; editor to set).

    \b
    Example:
      annotator review projects/demo settings --publisher "Kiểm chứng" --publisher-url https://kc.example.vn \\
        --url-template "https://kc.example.vn/claims/{id}" --as thu
    """
    with open_project(project, actor=actor) as p, errors_to_exit():
        if publisher is not None or publisher_url is not None or url_template is not None:
            if not p.is_editor:
                p.require_editor(say(M.SET_PUBLISHER))
            unlock_if_editor(p)
            p.claims.set_publisher(name=publisher, url=publisher_url, url_template=url_template)
        current = p.claims.publisher()
    for key, value in current.items():
        click.echo(f"{key}: {value}")


COMMANDS = [review]
