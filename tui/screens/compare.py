"""Compare: two meetings of one pair, every topic side by side, differences marked."""

from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import DataTable, Header, Select, Static

from store.models import EntryView, MeetingDetail, MeetingRef
from tui.screens.base import BilatScreen
from tui.widgets.key_bar import KeyBar
from tui.widgets.styling import status_badge, status_text

PICKABLE = 60
TOPIC_WIDTH = 24  # cells of the topic column (a longer name ends in …)


def compare_rows(
    left: MeetingDetail, right: MeetingDetail
) -> list[tuple[str, str, EntryView | None, EntryView | None]]:
    """(topic id, mark, left entry, right entry) for every topic raised at either."""
    a = {e.topic_id: e for e in left.entries}
    b = {e.topic_id: e for e in right.entries}
    rows = []
    for topic_id in sorted(a.keys() | b.keys(), key=lambda t: (a.get(t) or b[t]).topic_name):
        ea, eb = a.get(topic_id), b.get(topic_id)
        if ea is None:
            mark = "+ new"
        elif eb is None:
            mark = "− gone"
        elif ea.status != eb.status:
            mark = "↑ better" if eb.status.score > ea.status.score else "↓ worse"
        else:
            mark = "= same"
        rows.append((topic_id, mark, ea, eb))
    return rows


def meeting_label(m: MeetingRef) -> Content:
    """The picker's label: data, so a title holding "[/]" stays literal."""
    place = f" {m.location}" if m.location else ""
    label = f"{m.meeting_date or '?'}{place} · {m.title}"
    return Content(label if len(label) <= 40 else label[:39] + "…")


def evidence_content(name: str, detail: MeetingDetail | None, entry: EntryView | None) -> Content:
    """'A 2024-04-26: evidence…' as data, wrapped by the Static that shows it."""
    when = f"{detail.meeting.meeting_date or '?'}" if detail else "?"
    head = (f"{name} {when}  ", "bold")
    if entry is None:
        return Content.assemble(head, ("not raised at this meeting", "italic"))
    return Content.assemble(
        head, status_badge(entry.status), "  ", entry.evidence or entry.summary or "(no excerpt)"
    )


class CompareScreen(BilatScreen[None]):
    BINDINGS = [
        Binding("escape", "app.pop_screen", "Back"),
        Binding("x", "swap", "Swap", tooltip="Swap the two meetings"),
    ]

    def __init__(
        self, left: int | None = None, right: int | None = None, *, dyad: list[str] | None = None
    ) -> None:
        super().__init__()
        self.left_id = left
        self.right_id = right
        self.dyad = dyad
        self.details: tuple[MeetingDetail, MeetingDetail] | None = None
        self.entries: dict[str, tuple[EntryView | None, EntryView | None]] = {}

    def compose(self) -> ComposeResult:
        yield Header()
        # Only meetings of the pair on view: comparing India–China with US–China says nothing.
        dyads = self.bilat.known_dyads
        dyad = self.dyad or (dyads[0] if dyads else None)
        board = self.bilat.board_meetings()  # already in memory when the board shows the pair
        meetings = (list(board.values()) if board and self.dyad
                    else self.store.meetings(dyad))
        # The newest PICKABLE meetings: a list of thousands cannot be scrolled by hand, and
        # building it costs a second at 10,000 meetings. Older pairs: open from the board.
        picked = {self.left_id, self.right_id}
        offered = meetings[-PICKABLE:] + [m for m in meetings[:-PICKABLE] if m.id in picked]
        options = [(meeting_label(m), m.id) for m in reversed(offered)]
        if self.right_id is None and meetings:
            self.right_id = meetings[-1].id
        if self.left_id is None and len(meetings) > 1:
            self.left_id = meetings[-2].id
        with Horizontal(id="compare-pickers"):
            yield Select(options, value=self.left_id or Select.NULL, id="left", prompt="Meeting A")
            yield Select(
                options, value=self.right_id or Select.NULL, id="right", prompt="Meeting B"
            )
        yield DataTable(id="compare-table", cursor_type="row", zebra_stripes=True)
        yield Static("", id="compare-evidence")
        yield KeyBar()

    def _offered(self) -> set[int]:
        options = self.query_one("#left", Select)._options  # Select has no public getter
        return {v for _, v in options if isinstance(v, int)}

    def can_show(self, left: int | None, right: int | None) -> bool:
        """Both meetings are in the pickers (this kept screen can show them)."""
        return self.is_attached and {left, right} - {None} <= self._offered()

    def show_pair(self, left: int | None, right: int | None) -> None:
        """Compare another two meetings on this (kept) screen."""
        if (left, right) == (self.left_id, self.right_id):
            return
        self.left_id, self.right_id = left, right
        # Not the last pair's rows for a frame while the new ones are read.
        self.details, self.entries = None, {}
        self.query_one(DataTable).clear()
        self.query_one("#compare-evidence", Static).update("")
        with self.prevent(Select.Changed):
            self.query_one("#left", Select).value = left if left is not None else Select.NULL
            self.query_one("#right", Select).value = right if right is not None else Select.NULL
        self.compare()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        # Fixed widths: DataTable sizes columns from their labels otherwise. The
        # evidence of both meetings is shown in full, wrapped, under the table.
        for label, width in [("Topic", TOPIC_WIDTH), ("Meeting A", 16), ("Meeting B", 16),
                             ("Change", 10)]:
            table.add_column(label, width=width)
        self.compare()

    @on(Select.Changed)
    def picked(self, event: Select.Changed) -> None:
        value = event.value if isinstance(event.value, int) else None
        if event.select.id == "left":
            self.left_id = value
        else:
            self.right_id = value
        self.compare()

    def action_swap(self) -> None:
        left, right = self.query_one("#left", Select), self.query_one("#right", Select)
        left_value, right_value = left.value, right.value
        left.value, right.value = right_value, left_value

    @work(thread=True, exclusive=True, group="compare", exit_on_error=False)
    def compare(self) -> None:
        if self.left_id is None or self.right_id is None:
            return
        left = self.store.meeting(self.left_id)
        right = self.store.meeting(self.right_id)
        self.app.call_from_thread(self.show, left, right)

    def show(self, left: MeetingDetail, right: MeetingDetail) -> None:
        self.details = (left, right)
        table = self.query_one(DataTable)
        table.clear()
        self.entries = {}
        for topic_id, mark, ea, eb in compare_rows(left, right):
            entry = ea or eb
            assert entry is not None
            self.entries[topic_id] = (ea, eb)
            table.add_row(
                # A long name ends in "…" (as on the board), not cut mid-word.
                Content(entry.topic_name).truncate(TOPIC_WIDTH, ellipsis=True),
                status_text(ea.status if ea else None),
                status_text(eb.status if eb else None),
                Content.styled(mark, "bold" if not mark.startswith("=") else ""),
                key=topic_id,
            )
        table.focus()
        self._show_evidence(self._highlighted_topic())

    def _highlighted_topic(self) -> str | None:
        table = self.query_one(DataTable)
        if not table.row_count:
            return None
        return table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value

    @on(DataTable.RowHighlighted)
    def highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._show_evidence(event.row_key.value)

    def _show_evidence(self, topic_id: str | None) -> None:
        box = self.query_one("#compare-evidence", Static)
        if topic_id is None or self.details is None or topic_id not in self.entries:
            box.update("")
            return
        ea, eb = self.entries[topic_id]
        left, right = self.details
        either = ea or eb
        name = Content.styled(either.topic_name if either else topic_id, "bold")
        box.update(Content("\n").join(
            [name, evidence_content("A", left, ea), evidence_content("B", right, eb)]
        ))

    def action_open_topic(self) -> None:
        key = self._highlighted_topic()
        if key:
            self.bilat.open_topic(key, self.right_id, self.dyad)

    @on(DataTable.RowSelected)
    def row_selected(self) -> None:
        self.action_open_topic()
