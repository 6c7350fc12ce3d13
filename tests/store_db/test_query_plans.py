"""Every query on a path a user waits for is planned through an index.

Each read below runs on a real store with SQLite's trace callback on; every
statement it ran is then explained (EXPLAIN QUERY PLAN), and a plan that walks a
whole large table (`SCAN meetings`, `SCAN quotes USING COVERING INDEX ...`)
fails the test: such a query costs more with every meeting added. The store has
no planner statistics, as a new one has none; the queries must not depend on them.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest

from store.db import Store
from store.export import render
from store.models import Status

from .synthetic import draft, with_stances

# Tables that grow with the history. Topics, counts and speakers stay small.
LARGE = {
    "meetings", "m", "articles", "a", "article_texts", "t", "topic_entries", "e",
    "entry_overrides", "o", "quotes", "q", "board_cells", "b", "n",
    "positions", "p", "commitments", "c", "rendered_meetings", "rendered_entries",
}
# Ordered walks that stop at their LIMIT: the quote list with filters but no words walks
# meetings newest first and stops after `limit` quotes (rows.py, queries.search_quotes).
ALLOWED = {"SCAN m USING INDEX meetings_date", "SCAN m USING COVERING INDEX meetings_date"}

@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    path = tmp_path_factory.mktemp("plans") / "bilat.db"
    opened = Store.open(path)
    for i in range(60):
        opened.add_draft(with_stances(draft(i)), new_meeting=True)
    opened.set_status(3, "trade", Status.AGREEMENT, "set by hand")
    yield opened
    opened.close()


def statements(store: Store, call: Callable[[], object]) -> list[str]:
    ran: list[str] = []
    store.conn.set_trace_callback(ran.append)
    try:
        call()
    finally:
        store.conn.set_trace_callback(None)
    return [s for s in ran if s.lstrip().upper().startswith(("SELECT", "WITH"))]


def scans(conn: sqlite3.Connection, sql: str, allowed: set[str] = ALLOWED) -> list[str]:
    """The plan's steps that walk a whole large table or index (but `allowed`)."""
    out = []
    for row in conn.execute(f"EXPLAIN QUERY PLAN {sql}"):
        detail = str(row[3])
        words = detail.split()
        if words[:1] == ["SCAN"] and len(words) > 1 and words[1] in LARGE:
            if detail not in allowed:
                out.append(detail)
    return out


PATHS: dict[str, Callable[[Store], object]] = {
    "board": lambda s: s.board(),
    "board, another pair": lambda s: s.board(["Russia", "United States"]),
    "board, older page": lambda s: s.board(window=5, before=10),
    "topics (CLI)": lambda s: s.board(window=0),
    "changes at the latest meeting": lambda s: s.changes(),
    "changes at a meeting": lambda s: s.changes(21),
    "show (topic window)": lambda s: s.topic_window("trade", last=12),
    "topic window, older page": lambda s: s.topic_window("trade", last=4, before=41),
    "topic history page": lambda s: s.topic_history("taiwan", last=48),
    "meeting": lambda s: s.meeting(5),
    "quotes --search": lambda s: s.search_quotes("trade", limit=50),
    "quotes --speaker": lambda s: s.search_quotes(speaker="tang", limit=50),
    "quotes --topic --side": lambda s: s.search_quotes(topic="trade", side="China", limit=50),
    "articles search": lambda s: s.search_articles("officials"),
    "pairs": lambda s: s.dyads(),
    "positions TOPIC": lambda s: s.positions("trade"),
    "positions TOPIC --dyad --side": lambda s: s.positions(
        "trade", ["China", "United States"], side="China"),
    "commitments": lambda s: s.commitments(),
    "commitments --dyad --state": lambda s: s.commitments(
        ["China", "United States"], state="open"),
    "commitment ID": lambda s: s.commitment(1),
    "export md": lambda s: render(s, "md"),
    "export timelinejs, dated": lambda s: render(
        s, "timelinejs", since=date(2001, 2, 1), until=date(2001, 5, 1)),
    "export csv, one topic": lambda s: render(s, "csv", topics=["taiwan"]),
    "export json": lambda s: render(s, "json"),
    "export json, one topic, dated": lambda s: render(
        s, "json", topics=["taiwan"], since=date(2001, 2, 1), until=date(2001, 5, 1)),
    "export html": lambda s: render(s, "html"),
    "export html, one topic, dated": lambda s: render(
        s, "html", topics=["taiwan"], since=date(2001, 2, 1), until=date(2001, 5, 1)),
}


@pytest.mark.parametrize("name", list(PATHS))
def test_no_query_scans_a_large_table(store: Store, name: str) -> None:
    ran = statements(store, lambda: PATHS[name](store))
    assert ran, "the trace saw no query"
    bad = {sql: found for sql in ran if (found := scans(store.conn, sql))}
    assert not bad, "\n".join(f"{v}: {k}" for k, v in bad.items())


@pytest.mark.parametrize("meetings_grown", [1000, 50])
def test_batch_reads_of_a_full_batch_use_indexes(tmp_path: Path, meetings_grown: int) -> None:
    """An export reads 1,000 meetings at a time, and a store that has grown has planner
    statistics (`PRAGMA optimize` on close). With both, SQLite once walked the whole
    articles table in id order for each batch (quadratic: 7 s at 100,000 meetings). Here
    the statistics of a store a thousand times this one's size (or whose meetings' figures
    are older: `optimize` refreshes a table's only when it has grown tenfold), and full
    batches. (The dump's quotes were read the same way: every meeting walked per batch.)"""
    from store.db import batches, rendered
    from store.export import texts

    with Store.open(tmp_path / "grown.db") as grown:
        for i in range(20):
            grown.add_draft(with_stances(draft(i)), new_meeting=True)
        conn = grown.conn
        conn.execute("ANALYZE")
        for tbl, idx, stat in conn.execute("SELECT tbl, idx, stat FROM sqlite_stat1").fetchall():
            rows, *rest = stat.split()
            factor = meetings_grown if tbl == "meetings" else 1000
            conn.execute("UPDATE sqlite_stat1 SET stat = ? WHERE tbl = ? AND idx IS ?",
                         (" ".join([str(int(rows) * factor), *rest]), tbl, idx))
        conn.commit()
        conn.execute("ANALYZE sqlite_schema")  # load the statistics just written
        full = [(i, "", None, None, (), (), "") for i in range(1, batches.BATCH + 1)]
        reads: list[Callable[[], object]] = [
            lambda: batches.entry_rows(conn, full, ["trade", "taiwan"]),
            lambda: batches.entry_rows(conn, full, ["trade"], "trade"),
            lambda: batches.position_rows(conn, full),
            lambda: batches.commitment_rows(conn, full),
            lambda: batches.source_links(conn, full),
            *(lambda want=want: rendered.batch_texts(conn, full, want, texts.RENDERER,
                                                     texts.render)
              for want in ("md", "tjs", "positions")),
            *(lambda fmt=fmt: render(grown, fmt) for fmt in ("md", "csv", "timelinejs",
                                                            "html", "json")),
        ]
        for read in reads:
            ran = statements(grown, read)
            assert ran
            # No walk by date either: an export's batch reads stop at no limit.
            assert not {sql[:90]: found for sql in ran if (found := scans(conn, sql, set()))}


def test_common_word_search_walks_meetings_by_date(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    from store.db import queries

    monkeypatch.setattr(queries, "WALK_COST", 0.0)  # "trade" is then a common word
    ran = statements(store, lambda: store.search_quotes("trade", limit=1))
    assert any("+q.id IN" in sql for sql in ran)
    assert not {sql: found for sql in ran if (found := scans(store.conn, sql))}


def test_the_check_catches_a_scan(store: Store) -> None:
    # The test above can fail: a query without an index is reported.
    assert scans(store.conn, "SELECT * FROM quotes q WHERE q.text LIKE '%trade%'") == ["SCAN q"]
