"""``annotator people``: the project's annotators and editors."""

from __future__ import annotations

import json
import os

import click

from annotator import messages as M
from annotator.cli import ACTOR, CONTEXT, CLIError, errors_to_exit, open_project
from annotator.messages import say

PASSPHRASE_ENV = "ANNOTATOR_PASSPHRASE"
UNLOCK_ENV = "ANNOTATOR_UNLOCK_PASSPHRASE"


def new_passphrase(name: str) -> str:
    """The new editor's passphrase: $ANNOTATOR_PASSPHRASE, else asked twice without echo."""
    value = os.environ.get(PASSPHRASE_ENV)
    if value is None:
        value = click.prompt(f"Passphrase for {name}", hide_input=True, confirmation_prompt=True, err=True)
    if not value.strip():
        raise CLIError("an editor needs a non-empty passphrase")
    return value


@click.group(context_settings=CONTEXT)
@click.argument("project", type=click.Path(exists=True))
@click.pass_context
def people(ctx: click.Context, project: str) -> None:
    """List the project's annotators and editors, or add one.

    \b
    Example:
      annotator people projects/demo list
      annotator people projects/demo add lan --role annotator
    """
    ctx.obj = project


@people.command("add", context_settings=CONTEXT)
@click.argument("name")
@click.option("--role", type=click.Choice(["annotator", "editor"]), default="annotator", show_default=True,
              help="An editor reviews claims; editor actions need the editor's passphrase.")
@ACTOR
@click.pass_obj
def add(project: str, name: str, role: str, actor: str | None) -> None:
    """Add a person (or make an annotator an editor).

    An editor's passphrase is read from $ANNOTATOR_PASSPHRASE, else asked twice without echo; it
    is kept in the project only as a salted scrypt hash. Once a project has an editor, adding
    another needs an editor (--as) to unlock: their passphrase comes from
    $ANNOTATOR_UNLOCK_PASSPHRASE, else it is asked for.

    \b
    Example:
      annotator people projects/demo add lan --role annotator
      ANNOTATOR_PASSPHRASE='…' annotator people projects/demo add thu --role editor
    """
    with open_project(project, actor=actor) as p, errors_to_exit():
        passphrase = None
        if role == "editor":
            if any(x.role == "editor" for x in p.people.list()):
                unlock = os.environ.get(UNLOCK_ENV)
                if unlock is None:
                    if not p.is_editor:
                        p.require_editor(say(M.ADD_EDITOR))  # says why, before asking anything
                    unlock = click.prompt(f"Passphrase of {p.actor} (to unlock editor actions)", hide_input=True,
                                          err=True)
                p.unlock(unlock)
            passphrase = new_passphrase(name)
        p.people.add(name, role=role, passphrase=passphrase)
    click.echo(f"{name} is now {'an editor' if role == 'editor' else 'an annotator'} of {project}")


@people.command("list", context_settings=CONTEXT)
@click.option("--json", "as_json", is_flag=True, help="JSON lines instead of a table.")
@click.pass_obj
def list_(project: str, as_json: bool) -> None:
    """List the people of the project: name and role.

    \b
    Example:
      annotator people projects/demo list --json
    """
    with open_project(project) as p:
        persons = p.people.list()
    for person in persons:
        if as_json:
            click.echo(json.dumps({"name": person.name, "role": str(person.role),
                                   "passphrase": person.has_passphrase}, ensure_ascii=False))
        else:
            click.echo(f"{person.name:<24} {person.role}")


COMMANDS = [people]
