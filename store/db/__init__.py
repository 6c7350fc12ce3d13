"""bilat's SQLite store: one file, stdlib sqlite3, WAL, foreign keys, a 5 s busy timeout.

Schema (version in `PRAGMA user_version`; ordered forward migrations in
`schema.py`; before migrating an existing file a copy is left beside it as
`<name>.bak-v<old version>`):

- `topics(id, name, keywords, description)`: seeded from the taxonomy (defaults
  and the user's topics file) while the table is empty, then `add_topic`;
  row order is display order.
- `actors(name UNIQUE, role, country, aliases, kind)`: learned from articles.
- `meetings(id, title, dyad, dyad_key, meeting_date, location, participants, cells,
  sources)`: participants and sources (outlets) are the union over the
  meeting's articles, kept on the row so lists need no join.
- `articles(id, meeting_id, title, published, meeting_date, location, source,
  url, sha256 UNIQUE, paragraph_spans, participants, added_at)` and
  `article_texts(article_id, original, text)`: the full original text is kept
  (apart, so metadata rows stay small) so a better extractor can re-read it.
- `topic_entries(meeting_id, topic_id, article_id, status, evidence, summary,
  paragraphs, figures)`: extracted values only, one row per article x topic.
- `entry_overrides(meeting_id, topic_id, status, note)`: the user's status and
  note per meeting x topic, apart from extraction, so re-extraction cannot touch it.
- `quotes(id, article_id, meeting_id, text, speaker, speaker_country, topic,
  paragraph, start, end, partial | speaker_override, speaker_country_override,
  topic_override, topic_overridden, dropped | duplicate_of)`: extracted values,
  then the user's fixes, then de-duplication; `eff_*` generated columns give
  what views show (the fix when there is one).
- Schema v6 (v5 is another branch's): `positions(id, article_id, meeting_id, side, speaker,
  topic, kind, text, paragraph, start, end, quote)` and `commitments(id, article_id,
  meeting_id, parties, topic, text, due, paragraph, start, end | manual_state, note)`,
  written with their article and deleted with it; a commitment's extracted state is
  computed from the pair's later meetings when asked (`stances.py`).
- `quotes_fts` (quote text), `articles_fts` (article plain text): external-content
  FTS5 tables kept in sync by triggers, i.e. inside the same transaction as the write.
- Schema v4, for reads that cost the same at any size: `meetings.seq` (generated:
  the view order as one sortable text, indexed with the pair); `board_cells(meeting_id,
  topic_id, status, dyad_key, meeting_date, seq)`, one row per board cell, copied
  from `meetings.cells`; `dyad_counts`, `topic_counts` and `speakers` (quote counts
  per shown speaker). All kept by triggers, so no write path has to know them.
- Schema v10, for exports: `rendered_meetings(meeting_id, renderer, md_head, tjs_title,
  positions_md)` and `rendered_entries(meeting_id, topic_id, status, md, tjs)`, the
  finished text Markdown and TimelineJS write (`rendered.py`), made by the first export
  that needs it; triggers drop a meeting's whenever what it was made from changes.

Rules:
- One article = one transaction (BEGIN IMMEDIATE ... COMMIT): all of it or none.
  The same sha256 twice raises `DuplicateArticle` naming the meeting it is in.
- Joining: an article whose dyad equals a meeting's, whose meeting date is
  within a day of it and whose participants share a name or alias joins that
  meeting (nearest date first) unless `new_meeting=True`.
- Quote de-duplication (per meeting, recomputed on every change): two quotes
  are one when their normalized texts (casefold, no punctuation) are equal or
  one contains the other (3+ words), and their speakers agree (equal or one
  unknown). The longest copy is shown (ties: the first stored); the others keep
  their source article and come back when the meeting is split.
- One entry per meeting x topic in views: the user's override status if set;
  else the entry of the article with an evidence sentence, then the latest
  published, then the latest added. Figures are the union over the articles.
- `reindex` re-runs ingest on every article (see `reindex.py`): extracted values
  are replaced, every manual edit is kept.
"""

from store.db.errors import (
    DuplicateArticle,
    StoreBusy,
    StoreCorrupt,
    StoreError,
    StoreUnwritable,
)
from store.db.store import Store

__all__ = [
    "DuplicateArticle",
    "Store",
    "StoreBusy",
    "StoreCorrupt",
    "StoreError",
    "StoreUnwritable",
]
