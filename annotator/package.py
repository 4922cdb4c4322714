"""Work packages: the documents assigned to one person, as one project file they open in the app.

    result = make_package(project, "lan.annotator", annotator="lan", doc_ids=[1, 2, 3])

A package is a project in a single SQLite file (``NAME.annotator``). It holds the assigned
documents (with their uids, text and status), the label schema, every entity, the people (without
passphrases, except the annotator's own when they are an editor, so nobody can unlock editor
actions in someone else's package) and the existing spans, links and claims of those documents,
with the same uids as here. It also records its *base*: a fingerprint of every row as it was when
the package was made (settings ``team.base.*``), which is what lets :func:`annotator.merge.merge`
tell what the annotator changed from what changed here since. The package starts with an empty
event log of its own (its first event is ``team.package``).

The project records the assignment (settings ``team.assignment.<name>``: document uids) in a
logged ``team.package`` event, so agreement knows who was given which document even when they
tagged nothing in it.
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from annotator.errors import NotFoundError, ProjectError, ValidationError
from annotator.merge import (
    BASE_DOC_PREFIX,
    BASE_ENTITIES_PREFIX,
    PACKAGE_KEY,
    _chunks,
    _marks,
    content_columns,
    fingerprint,
)
from annotator.store import new_uid, resolve_path

if TYPE_CHECKING:
    from annotator.project import Project

Progress = Callable[[int, int | None], bool | None]
ASSIGNMENT_PREFIX = "team.assignment."
_TABLES = ("documents", "spans", "entities", "claims", "links")


@dataclass
class PackageResult:
    path: Path
    package_id: str
    annotator: str
    documents: int = 0
    spans: int = 0
    links: int = 0
    claims: int = 0
    entities: int = 0


def package_info(project: Project) -> dict[str, Any] | None:
    """What a package records about itself (``None`` for a project that is not a package)."""
    raw = project.store.get_setting(PACKAGE_KEY)
    return json.loads(raw) if raw else None


def assignments(project: Project) -> dict[str, set[str]]:
    """Who was given which documents (document uids), from the packages made here."""
    out: dict[str, set[str]] = {}
    for key, value in project.store.conn.execute(
            "SELECT key, value FROM settings WHERE key LIKE 'team.assignment.%'"):
        out[key[len(ASSIGNMENT_PREFIX):]] = set(json.loads(value))
    return out


def make_package(project: Project, out: str | os.PathLike[str], *, annotator: str,
                 doc_ids: Sequence[int] | None = None, overwrite: bool = False,
                 progress: Progress | None = None) -> PackageResult:
    """Write the documents ``doc_ids`` (default: all) for ``annotator`` into the file ``out``.

    The file appears only when complete (written beside it, then renamed). Raises
    ValidationError for an empty annotator name, NotFoundError for an unknown document id,
    ProjectError when ``out`` exists and ``overwrite`` is not set.
    """
    from annotator.project import Project

    name = annotator.strip()
    if not name:
        raise ValidationError("a work package needs the name of the person it is for")
    target = Path(out)
    if target.suffix.lower() != ".annotator":
        raise ValidationError(f"{out}: a work package is a .annotator file")
    if target.exists() and not overwrite:
        raise ProjectError(f"{out}: exists already (use overwrite to replace it)")
    if resolve_path(target).resolve() == project.path.resolve():
        raise ProjectError(f"{out}: this is the project itself")
    src = project.store.conn
    if doc_ids is None:
        ids = [int(r[0]) for r in src.execute("SELECT id FROM documents ORDER BY id")]
    else:
        ids = sorted(set(int(i) for i in doc_ids))
        found: set[int] = set()
        for chunk in _chunks(ids):
            found.update(r[0] for r in src.execute(f"SELECT id FROM documents WHERE id IN ({_marks(len(chunk))})", list(chunk)))
        missing = sorted(set(ids) - found)
        if missing:
            raise NotFoundError(f"no document with id {', '.join(map(str, missing[:20]))}")
    partial = target.with_name(f".{target.stem}.partial.annotator")  # a file, like the package
    for p in (partial, Path(str(partial) + "-wal"), Path(str(partial) + "-shm")):
        p.unlink(missing_ok=True)
    pkg_id = new_uid()
    result = PackageResult(path=target, package_id=pkg_id, annotator=name)
    pkg = Project.create(partial, schema=project.schema, actor=name)
    try:
        _fill(project, pkg, ids, name, pkg_id, result, progress)
    except BaseException:
        pkg.close()
        partial.unlink(missing_ok=True)
        raise
    pkg.close()
    if target.is_dir():
        raise ProjectError(f"{out}: is a folder")
    os.replace(partial, target)
    with project.operation("team.package", undoable=False,
                           summary={"annotator": name, "package": pkg_id, "file": target.name,
                                    "documents": len(ids)}) as op:
        key = ASSIGNMENT_PREFIX + name
        have = set(json.loads(project.store.get_setting(key) or "[]"))
        uids: set[str] = set()
        for chunk in _chunks(ids):
            uids.update(r[0] for r in src.execute(f"SELECT uid FROM documents WHERE id IN ({_marks(len(chunk))})", list(chunk)))
        project.store.set_setting(key, json.dumps(sorted(have | uids)))
        op.touch("documents", *ids[:10000])
    return result


def _copy_rows(src: sqlite3.Connection, dst: sqlite3.Connection, table: str, where: str,
               params: Sequence[Any], override: dict[str, Any] | None = None) -> list[sqlite3.Row]:
    cur = src.execute(f"SELECT * FROM {table} WHERE {where}", list(params))
    cur.row_factory = sqlite3.Row  # type: ignore[assignment]
    rows = cur.fetchall()
    if rows:
        cols = list(rows[0].keys())
        values = [[(override or {}).get(c, r[c]) for c in cols] for r in rows]
        names = ", ".join(f'"{c}"' for c in cols)
        dst.executemany(f"INSERT INTO {table} ({names}) VALUES ({_marks(len(cols))})", values)
    return rows


def _fill(project: Project, pkg: Project, ids: list[int], annotator: str, pkg_id: str,
          result: PackageResult, progress: Progress | None) -> None:
    src = project.store.conn
    dst = pkg.store.conn
    cols = {t: content_columns(src, t) for t in _TABLES}
    with pkg.operation("team.package", undoable=False,
                       summary={"package": pkg_id, "annotator": annotator, "documents": len(ids)}) as op:
        # people: every name, no passphrase except the annotator's own
        dst.execute("DELETE FROM people")
        for r in src.execute("SELECT uid, name, role, pass_hash, created_at FROM people ORDER BY id"):
            dst.execute("INSERT INTO people (uid, name, role, pass_hash, created_at) VALUES (?, ?, ?, ?, ?)",
                        (r[0], r[1], r[2], r[3] if r[1] == annotator else None, r[4]))
        if dst.execute("SELECT 1 FROM people WHERE name = ?", (annotator,)).fetchone() is None:
            dst.execute("INSERT INTO people (uid, name, role, created_at) VALUES (?, ?, 'annotator', ?)",
                        (new_uid(), annotator, op.time))
        # entities, with their base fingerprints
        entity_uid: dict[int, str] = {}
        ent_ids = [int(r[0]) for r in src.execute("SELECT id FROM entities ORDER BY id")]
        for k, chunk in enumerate(_chunks(ent_ids, 5000)):
            rows = _copy_rows(src, dst, "entities", f"id IN ({_marks(len(chunk))})", chunk)
            ent_base: dict[str, str] = {}
            for r in rows:
                entity_uid[r["id"]] = r["uid"]
                ent_base[r["uid"]] = fingerprint(cols["entities"], r)
            pkg.store.set_setting(f"{BASE_ENTITIES_PREFIX}{k:06d}", json.dumps(ent_base, sort_keys=True))
            result.entities += len(rows)
        # documents with their spans, claims and links, and each document's base
        done = 0
        for chunk in _chunks(ids, 200):
            marks = _marks(len(chunk))
            docs = _copy_rows(src, dst, "documents", f"id IN ({marks})", chunk, {"indexed": 0})
            spans = _copy_rows(src, dst, "spans", f"doc_id IN ({marks})", chunk)
            claims = _copy_rows(src, dst, "claims", f"span_id IN (SELECT id FROM spans WHERE doc_id IN ({marks}))", chunk)
            links = _copy_rows(src, dst, "links", f"doc_id IN ({marks})", chunk)
            span_uid = {r["id"]: r["uid"] for r in spans}
            base: dict[int, dict[str, Any]] = {
                r["id"]: {"doc": fingerprint(cols["documents"], r), "spans": {}, "claims": {}, "links": []}
                for r in docs}
            doc_of_span = {r["id"]: r["doc_id"] for r in spans}
            for r in spans:
                euid = entity_uid.get(r["entity_id"]) if r["entity_id"] is not None else None
                base[r["doc_id"]]["spans"][r["uid"]] = fingerprint(cols["spans"], r, (euid,))
            for r in claims:
                base[doc_of_span[r["span_id"]]]["claims"][span_uid[r["span_id"]]] = fingerprint(cols["claims"], r)
            for r in links:
                base[r["doc_id"]]["links"].append(r["uid"])
            for r in docs:
                pkg.store.set_setting(BASE_DOC_PREFIX + r["text_hash"], json.dumps(base[r["id"]], sort_keys=True))
            result.documents += len(docs)
            result.spans += len(spans)
            result.claims += len(claims)
            result.links += len(links)
            done += len(chunk)
            if progress is not None and progress(done, len(ids)) is False:
                from annotator.documents import Cancelled

                raise Cancelled("packaging cancelled; no file was written")
        info = {"id": pkg_id, "annotator": annotator, "made_at": op.time, "source": project.name,
                "documents": result.documents, "columns": cols}
        pkg.store.set_setting(PACKAGE_KEY, json.dumps(info, sort_keys=True))
        op.touch("documents", *ids[:10000])
        op.summary.update(spans=result.spans, entities=result.entities)
