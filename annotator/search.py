"""Full-text search over the project, diacritic-insensitive ("Son La" finds "Sơn La")."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from annotator.folding import fold

if TYPE_CHECKING:
    from annotator.project import Project


@dataclass(frozen=True, slots=True)
class Hit:
    doc_id: int
    title: str
    start: int
    end: int
    before: str
    match: str
    after: str


def _fts_query(query: str) -> str:
    words = [w for w in re.findall(r"\w+", fold(query)) if w]
    return " ".join(f'"{w}"' for w in words)


class Search:
    def __init__(self, project: Project) -> None:
        self.project = project
        self.store = project.store

    def _texts(self, doc_ids: list[int], batch: int = 50) -> Iterator[tuple[int, str, str]]:
        """(id, title, text) of the documents, in the given order, read a batch at a time."""
        for k in range(0, len(doc_ids), batch):
            chunk = doc_ids[k:k + batch]
            marks = ",".join("?" * len(chunk))
            rows = {r[0]: r for r in self.store.conn.execute(
                f"SELECT id, title, text FROM documents WHERE id IN ({marks})", chunk)}
            for doc_id in chunk:
                if doc_id in rows:
                    yield rows[doc_id]

    def pending(self) -> int:
        return int(self.store.scalar("SELECT COUNT(*) FROM documents WHERE indexed = 0"))

    def index_pending(self, progress: Callable[[int, int], bool | None] | None = None, batch: int = 500) -> int:
        """Index documents not yet in the search index; returns how many. Safe to cancel."""
        total = self.pending()
        done = 0
        while True:
            rows = self.store.query("SELECT id, title, text FROM documents WHERE indexed = 0 LIMIT ?", (batch,))
            if not rows:
                break
            with self.store.transaction() as conn:
                conn.executemany("INSERT INTO docs_fts (rowid, title, body) VALUES (?, ?, ?)",
                                 [(r["id"], fold(r["title"]), fold(r["text"])) for r in rows])
                conn.executemany("UPDATE documents SET indexed = 1 WHERE id = ?", [(r["id"],) for r in rows])
            done += len(rows)
            if progress is not None and progress(done, total) is False:
                break
        return done

    def unindex(self, doc_id: int) -> None:
        r = self.store.one("SELECT title, text, indexed FROM documents WHERE id = ?", (doc_id,))
        if r is not None and r["indexed"]:
            self.store.conn.execute("INSERT INTO docs_fts (docs_fts, rowid, title, body) VALUES ('delete', ?, ?, ?)",
                                    (doc_id, fold(r["title"]), fold(r["text"])))

    def documents(self, query: str, *, limit: int = 1000, ranked: bool = True) -> list[int]:
        """Ids of documents that contain every word of ``query``, best first (BM25).

        ``ranked=False`` gives them in document order instead, without ranking every match:
        that stays fast when a query matches most of a large project (ranking 100,000 matches
        takes about 0.1 s).
        """
        q = _fts_query(query)
        if not q:
            return []
        if self.pending():
            self.index_pending()
        order = " ORDER BY rank" if ranked else ""
        return [r[0] for r in self.store.conn.execute(
            f"SELECT rowid FROM docs_fts WHERE docs_fts MATCH ?{order} LIMIT ?", (q, limit))]

    def find(self, query: str, *, label: str | None = None, limit: int = 200, context: int = 40) -> list[Hit]:
        """Keyword-in-context hits of the phrase ``query`` (folded), optionally inside spans of ``label``.

        Hits come in document order (then text order), like grep: stable, and fast however many
        documents match.
        """
        needle = fold(query).strip()
        if not needle:
            return []
        hits: list[Hit] = []
        pattern = re.compile(r"\s+".join(re.escape(w) for w in needle.split()))
        for doc_id, title, text in self._texts(self.documents(query, limit=max(limit, 200), ranked=False)):
            folded = fold(text)
            spans: list[tuple[int, int]] | None = None  # of ``label``: read at the first match only
            for m in pattern.finditer(folded):
                a, b = m.start(), m.end()
                if label and spans is None:
                    spans = [(s.start, s.end) for s in self.project.spans.for_doc(doc_id) if s.label == label
                             and s.state != "rejected"]
                if spans is not None and not any(s <= a and b <= e for s, e in spans):
                    continue
                hits.append(Hit(doc_id, title, a, b, text[max(0, a - context):a].replace("\n", " "), text[a:b],
                                text[b:b + context].replace("\n", " ")))
                if len(hits) >= limit:
                    return hits
        return hits
