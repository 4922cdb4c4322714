"""What the core says to people when it refuses something, as templates a UI can translate.

    raise PermissionDenied(say(CLAIM_HELD, claim=3, state="in review"))

:func:`say` returns a :class:`Said`: a ``str`` holding the English sentence (what the CLI prints
and what ``str(exc)`` gives) that also keeps its template and values, so the window can show it in
the person's language (``ui.i18n.core_text`` translates the template in the ``core`` context and
fills in the values; a value that is itself a :class:`Said` is translated too). The core stays
free of Qt: the templates are plain strings here, listed for pyside6-lupdate in ``ui/i18n.py``
(a test holds that every template of this module is listed there).

Values named ``state`` (a claim's review state) and ``action`` (a review step) are translated by
the UI with its own names for them.
"""

from __future__ import annotations

from typing import Any

__all__ = ["Said", "say", "TEMPLATES"]


class Said(str):
    """An English sentence made from a template and values; both kept for translation."""

    template: str
    values: dict[str, Any]

    def __new__(cls, template: str, values: dict[str, Any]) -> Said:
        self = super().__new__(cls, template.format(**{k: _english(k, v) for k, v in values.items()}))
        self.template = template
        self.values = values
        return self

    def __reduce__(self) -> tuple[Any, ...]:  # pickled and copied whole (an exception crossing processes)
        return (Said, (self.template, self.values))


def _english(key: str, value: Any) -> Any:
    if key == "state" and isinstance(value, str):
        return value.replace("_", " ")
    if key == "person":
        return repr(value)
    return value


def say(template: str, **values: Any) -> Said:
    """The sentence ``template`` (one of this module's) with ``values`` filled in."""
    return Said(template, values)


# ---- review: claims held by their review state ---------------------------------------------------

CLAIM_HELD = "claim {claim} is {state}: only an unlocked editor may change it"
LINKED_CLAIM_HELD = ("span {span} is linked from claim {claim}, which is {state}: only an unlocked editor may "
                     "change it")
CLAIM_HELD_UNDO = "claim {claim} is {state}: this cannot be undone by an annotator"
CANNOT_STEP = "cannot {action} a claim that is {state}; from {state} one can: {allowed}"
CANNOT_STEP_PUBLISHED = ("cannot {action} a claim that is {state} (a published claim goes back into review only by "
                         "reopening it with a reason); from {state} one can: {allowed}")
NOTHING = "nothing"
ACCEPT_BEFORE_FLAG = "claim {claim} is {span_state}: accept it before flagging it"
NO_VERDICT_TO_PUBLISH = "claim {claim} has no verdict to publish"
REOPEN_NEEDS_REASON = "reopening claim {claim} needs a reason"
DECIDE_NEEDS_VERDICT = "deciding a claim needs a verdict: {verdicts}"

# ---- people and editors -----------------------------------------------------------------------------

NOT_AN_EDITOR = "{what}: only an editor may do this, and {person} is not an editor"
MUST_UNLOCK = "{what}: {person} must unlock editor actions with the passphrase first"
STEP_ON_CLAIM = "{action} claim {claim}"
SET_PUBLISHER = "setting the fact-check publisher"
CHANGE_ROLES = "changing people's roles"
ADD_EDITOR = "adding an editor"
NOT_A_PERSON = "{person} is not a person of this project"
NOT_EDITOR_ROLE = "{person} is not an editor"
WRONG_PASSPHRASE = "wrong passphrase for {person}"

# ---- undo and redo ----------------------------------------------------------------------------------

NOTHING_TO_UNDO = "nothing to undo"
NOTHING_TO_REDO = "nothing to redo"
CHANGED_SINCE = "cannot undo: {row} {id} was changed since ({columns})"
GONE_SINCE = "cannot replay: {row} {id} is gone"

# ---- spans and links ----------------------------------------------------------------------------------

SPAN_NEGATIVE = "span {start}-{end}: start is negative"
SPAN_EMPTY = "span {start}-{end}: empty span (end must be after start)"
SPAN_PAST_END = "span {start}-{end}: past the end of the text (length {length})"
LINK_ACROSS_DOCUMENTS = "a link joins two spans of the same document"
LINK_TO_ITSELF = "a span cannot link to itself"
LINK_NEEDS_ROLE = "a link needs a role"
LINK_EXISTS = "span {source} already links to span {target} as {role}"

TEMPLATES: tuple[str, ...] = tuple(v for k, v in list(globals().items()) if k.isupper() and isinstance(v, str))
"""Every template of this module (for the translation check)."""
