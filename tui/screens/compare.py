"""Compare: any two meetings, every topic side by side, differences marked."""

from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import DataTable, Footer, Header, Select

from store.models import EntryView, MeetingDetail, MeetingRef
from tui.screens.base import BilatScreen
from tui.widgets.styling import status_badge


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


def meeting_label(m: MeetingRef) -> str:
    return f"{m.meeting_date or '?'}  {m.title}"[:70]


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

    def compose(self) -> ComposeResult:
        yield Header()
        # The pickers offer every meeting; the defaults are the pair on view's latest two.
        options = [(meeting_label(m), m.id) for m in reversed(self.store.meetings())]
        meetings = self.store.meetings(self.dyad)
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
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        # Fixed widths: DataTable sizes columns from their labels otherwise.
        for label, width in [("Topic", 26), ("Meeting A", 14), ("Meeting B", 14),
                             ("Change", 10), ("B's evidence", 60)]:
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
        table = self.query_one(DataTable)
        table.clear()
        for topic_id, mark, ea, eb in compare_rows(left, right):
            entry = ea or eb
            assert entry is not None
            table.add_row(
                Content(entry.topic_name),
                status_badge(ea.status if ea else None),
                status_badge(eb.status if eb else None),
                Content.styled(mark, "bold" if not mark.startswith("=") else "$text-muted"),
                Content(eb.evidence if eb else ""),
                key=topic_id,
            )
        table.focus()

    def action_open_topic(self) -> None:
        table = self.query_one(DataTable)
        if table.row_count:
            key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
            if key:
                self.bilat.open_topic(key, self.right_id, None)

    @on(DataTable.RowSelected)
    def row_selected(self) -> None:
        self.action_open_topic()
