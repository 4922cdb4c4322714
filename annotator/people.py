"""People who work on a project, their roles, and editors' passphrases (scrypt, salted)."""

from __future__ import annotations

import hashlib
import hmac
import os
from typing import TYPE_CHECKING, Any

from annotator import messages as M
from annotator.errors import NotFoundError, PermissionDenied, ValidationError
from annotator.messages import say
from annotator.model import Changes, Person, PersonId, Role

if TYPE_CHECKING:
    from annotator.project import Project
    from annotator.store import Operation

_N, _R, _P = 2**14, 8, 1


def hash_passphrase(passphrase: str, *, salt: bytes | None = None) -> str:
    """``scrypt$N$r$p$salt$hash`` (hex); the passphrase itself is never stored."""
    salt = salt or os.urandom(16)
    digest = hashlib.scrypt(passphrase.encode("utf-8"), salt=salt, n=_N, r=_R, p=_P, dklen=32)
    return f"scrypt${_N}${_R}${_P}${salt.hex()}${digest.hex()}"


def check_passphrase(passphrase: str, stored: str) -> bool:
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
    except ValueError:
        return False
    if scheme != "scrypt":
        return False
    got = hashlib.scrypt(passphrase.encode("utf-8"), salt=bytes.fromhex(salt), n=int(n), r=int(r), p=int(p),
                         dklen=len(bytes.fromhex(digest)))
    return hmac.compare_digest(got.hex(), digest)


def _person(r: Any) -> Person:
    return Person(id=PersonId(r["id"]), name=r["name"], role=Role(r["role"]), has_passphrase=bool(r["pass_hash"]))


class People:
    def __init__(self, project: Project) -> None:
        self.project = project
        self.store = project.store

    def list(self) -> list[Person]:
        return [_person(r) for r in self.store.query("SELECT * FROM people ORDER BY name COLLATE NOCASE")]

    def find(self, name: str) -> Person | None:
        r = self.store.one("SELECT * FROM people WHERE name = ?", (name,))
        return None if r is None else _person(r)

    def get(self, name: str) -> Person:
        p = self.find(name)
        if p is None:
            raise NotFoundError(f"no person named {name!r} in this project")
        return p

    def add(self, name: str, *, role: Role | str = Role.ANNOTATOR, passphrase: str | None = None) -> Changes:
        """Add a person. An editor needs a passphrase (kept only as a salted scrypt hash).

        Adding an editor to a project that already has one needs an unlocked editor.
        """
        name = name.strip()
        rl = Role(role)
        if not name:
            raise ValidationError("a person needs a name")
        existing = self.find(name)
        if existing is not None and existing.role == rl == Role.ANNOTATOR and not passphrase:
            return Changes()  # already an annotator: nothing to do
        has_editor = bool(self.store.scalar("SELECT COUNT(*) FROM people WHERE role = 'editor'"))
        if rl == Role.EDITOR and not passphrase:
            raise ValidationError("an editor needs a passphrase")
        # Once a project has an editor, only an unlocked editor adds editors or changes anyone's
        # role or passphrase; the first editor of a project bootstraps the roles.
        if has_editor and (rl == Role.EDITOR or existing is not None):
            self.project.require_editor(say(M.CHANGE_ROLES))
        if rl == Role.ANNOTATOR and passphrase:
            raise ValidationError("only editors have a passphrase")
        with self.project.operation("people.add", summary={"name": name, "role": str(rl)}, undoable=False) as op:
            row = {"role": str(rl), "pass_hash": hash_passphrase(passphrase) if passphrase else None}
            if existing is None:
                op.insert("people", {"name": name, "created_at": op.time, **row})
            else:
                op.update("people", existing.id, row)
        return op.result

    def verify(self, name: str, passphrase: str) -> Person:
        r = self.store.one("SELECT * FROM people WHERE name = ?", (name,))
        if r is None:
            raise PermissionDenied(say(M.NOT_A_PERSON, person=name))
        if r["role"] != Role.EDITOR:
            raise PermissionDenied(say(M.NOT_EDITOR_ROLE, person=name))
        if not r["pass_hash"] or not check_passphrase(passphrase, r["pass_hash"]):
            raise PermissionDenied(say(M.WRONG_PASSPHRASE, person=name))
        return _person(r)

    def ensure_actor(self, op: Operation) -> None:
        """The acting person is listed as an annotator the first time they change anything."""
        actor = self.project.actor
        if actor and self.store.conn.execute("SELECT 1 FROM people WHERE name = ?", (actor,)).fetchone() is None:
            from annotator.store import new_uid

            self.store.conn.execute(
                "INSERT INTO people (uid, name, role, created_at) VALUES (?, ?, 'annotator', ?)",
                (new_uid(), actor, op.time))
