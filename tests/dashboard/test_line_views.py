"""The article and the topic cards drawn with the line API (tui/widgets/content_view.py):
what they draw, at every width, and how they scroll."""

from __future__ import annotations

from pathlib import Path

from dashboard.helpers import settle
from store.db import Store
from store.ingest import extract
from tui.app import BilatApp
from tui.screens.meeting import MeetingScreen
from tui.screens.topic import TopicScreen
from tui.widgets.article_view import ArticleView
from tui.widgets.entry_column import EntryColumn

PAIR = ["China", "United States"]


def drawn(view: ArticleView | EntryColumn) -> list[str]:
    """The lines as painted now: what is on screen, top to bottom."""
    return [view.render_line(y).text for y in range(view.scrollable_content_region.height)]


async def test_article_wraps_every_word_within_the_width(demo_store: Store) -> None:
    meeting = demo_store.meetings(PAIR)[-1]
    article = demo_store.meeting(meeting.id).articles[0]
    words = " ".join(article.text[p.start:p.end] for p in article.paragraph_spans).split()
    for size in [(80, 24), (200, 50), (44, 24)]:
        demo_app = BilatApp(demo_store)
        async with demo_app.run_test(size=size) as pilot:
            await settle(pilot)
            demo_app.open_meeting(meeting.id)
            await settle(pilot)
            view = demo_app.screen.query_one(ArticleView)
            width = view.scrollable_content_region.width
            lines = view.lines
            assert all(strip.cell_length == width for strip in lines), size
            shown = " ".join(line.text for line in lines).split()
            # Every word of the article is drawn, in order (margins interleave labels).
            position = 0
            for word in words:
                position = shown.index(word, position) + 1


async def test_quote_opened_from_quotes_is_on_screen_and_marked(demo_app: BilatApp) -> None:
    details = [demo_app.store.meeting(m.id) for m in demo_app.store.meetings(PAIR)]
    detail = max(details, key=lambda d: max((q.start for q in d.quotes), default=0))
    meeting_id = detail.meeting.id
    quote = max(detail.quotes, key=lambda q: q.start)  # the last one: far down the article
    async with demo_app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        demo_app.open_meeting(meeting_id, quote.id)
        await settle(pilot)
        view = demo_app.screen.query_one(ArticleView)
        assert view.scroll_offset.y > 0, "scrolled down to the quote"
        on_screen = " ".join(" ".join(drawn(view)).split())
        assert " ".join(quote.text.split()[:3]) in on_screen
        marked = [seg.text for y in range(view.size.height)
                  for seg in view.render_line(y) if seg.style and seg.style.reverse]
        assert marked and quote.text.startswith(marked[0].strip())


async def test_article_scrolls_by_keys_and_the_kept_screen_shows_another_meeting(
    demo_app: BilatApp,
) -> None:
    older, newest = demo_app.store.meetings(PAIR)[-2:]
    async with demo_app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        demo_app.open_meeting(newest.id)
        await settle(pilot)
        screen = demo_app.screen
        view = screen.query_one(ArticleView)
        view.focus()
        await pilot.press("pagedown")
        await settle(pilot)
        assert view.scroll_offset.y > 0
        await pilot.press("escape")
        await settle(pilot)
        demo_app.open_meeting(older.id)
        await settle(pilot)
        assert demo_app.screen is screen, "the meeting screen was kept"
        assert isinstance(screen, MeetingScreen) and screen.meeting_id == older.id
        assert view.scroll_offset.y == 0, "another meeting opens at its top"
        article = demo_app.store.meeting(older.id).articles[0]
        first = article.paragraph_spans[0]
        words = article.text[first.start:first.end].split()[:4]
        assert " ".join(words) in " ".join(" ".join(drawn(view)).split())


async def test_markup_in_article_text_is_drawn_literally(tmp_path: Path) -> None:
    hostile = (
        "Envoys trade [bold]barbs[/bold] in Tokyo\n\n"
        "By Staff Reporter May 5, 2025 | 9:00 AM\n\n"
        "TOKYO (Reuters) - Japanese Prime Minister Ryota Minase met Chinese Premier Li Hua "
        "in Tokyo on Monday and raised concerns about trade [link=https://x.test]tariffs[/link].\n\n"
        '"We reject [/] and [bold red]all of it[/]," Li told reporters about trade.\n'
    )
    with Store.open(tmp_path / "b.db") as store:
        result = store.add_draft(extract(hostile.encode()))
        app = BilatApp(store)
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(pilot)
            app.open_meeting(result.meeting_id)
            await settle(pilot)
            painted = "\n".join(drawn(app.screen.query_one(ArticleView)))
            assert "[link=https://x.test]tariffs[/link]" in painted
            assert "[/] and [bold red]all of it[/]" in painted


async def test_a_tall_card_scrolls_by_keys_and_wraps(demo_app: BilatApp) -> None:
    async with demo_app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        demo_app.open_topic("taiwan", None, PAIR)
        await settle(pilot)
        screen = demo_app.screen
        assert isinstance(screen, TopicScreen)
        card = screen.focused
        assert isinstance(card, EntryColumn) and card.max_scroll_y > 0
        top = drawn(card)
        await pilot.press("down", "down")
        await settle(pilot)
        assert card.scroll_offset.y == 2 and drawn(card) != top
        await pilot.press("up")
        await settle(pilot)
        assert card.scroll_offset.y == 1
        # Every line of the card fits its width: nothing is cut, it wraps.
        width = card.scrollable_content_region.width
        assert all(strip.cell_length == width for strip in card.lines)
        assert card.entry.evidence.split()[-1] in " ".join(s.text for s in card.lines)
