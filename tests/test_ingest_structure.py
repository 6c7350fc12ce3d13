"""Stage 3: paragraphs, sections and sentences."""

from __future__ import annotations

import pytest

from store.ingest.sentences import split_sentences
from store.ingest.structure import split_paragraphs
from store.ingest.types import Para


def paras_of(text: str) -> list[Para]:
    return split_paragraphs(text, 0, len(text))


def texts(text: str) -> list[str]:
    return [text[p.start:p.end] for p in paras_of(text)]


def test_blank_lines_separate_paragraphs_and_wrapped_lines_join() -> None:
    text = (
        "The two sides met for more than five hours\nin a guesthouse, officials said,\n"
        "and agreed to talk again.\n\nA second paragraph."
    )
    ps = paras_of(text)
    assert len(ps) == 2
    assert text[ps[0].start:ps[0].end].endswith("agreed to talk again.")
    assert [p.index for p in ps] == [0, 1]


def test_one_paragraph_per_line_copy() -> None:
    text = (
        "Secretary of State Daniel Hart met Foreign Minister Tang Lei on Saturday in the Laotian"
        " capital.\n"
        "The two discussed the South China Sea, where tensions have risen sharply this year.\n"
        "\"We had a candid conversation,\" Hart told reporters afterwards in Vientiane.\n"
    )
    assert len(paras_of(text)) == 3


def test_upper_case_headers_make_sections_and_are_not_paragraphs() -> None:
    text = (
        "Intro about the visit.\n\nRUSSIA\n\nThe U.S. warned China.\n\nMore on Russia.\n\n"
        "TAIWAN, SOUTH CHINA SEA\nBlinken raised Taiwan.\n\nTRADE\n\nTariffs came up."
    )
    ps = paras_of(text)
    got = [(text[p.start:p.end], p.section, p.heading) for p in ps]
    assert got == [
        ("Intro about the visit.", 0, None),
        ("The U.S. warned China.", 1, "RUSSIA"),
        ("More on Russia.", 1, "RUSSIA"),
        ("Blinken raised Taiwan.", 2, "TAIWAN, SOUTH CHINA SEA"),
        ("Tariffs came up.", 3, "TRADE"),
    ]


def test_factbox_without_headers_uses_double_blank_lines() -> None:
    text = "Intro.\n\n\nOn Russia, the U.S. said a lot.\n\nAnd more.\n\n\nOn Taiwan, China warned."
    assert [p.section for p in paras_of(text)] == [0, 1, 1, 2]
    assert all(p.heading is None for p in paras_of(text))


def test_double_blank_lines_everywhere_are_plain_flow() -> None:
    text = "One.\n\n\nTwo.\n\n\nThree.\n\n\nFour."
    assert [p.section for p in paras_of(text)] == [0, 0, 0, 0]


def test_title_case_heading_from_markdown() -> None:
    text = "Intro.\n\n\nTaiwan and the South China Sea\n\nBlinken raised concerns."
    ps = paras_of(text)
    want = [(0, None), (1, "Taiwan and the South China Sea")]
    assert [(p.section, p.heading) for p in ps] == want


def test_numbered_takeaways_are_sections() -> None:
    text = (
        "Five takeaways from the summit.\n\n1. Military talks resume\nThe two sides restored"
        " military channels.\n\n2. Fentanyl. China agreed to curb precursor exports.\n\n"
        "3. AI talks. They agreed to meet in the spring."
    )
    ps = paras_of(text)
    assert [(p.section, p.heading) for p in ps] == [
        (0, None), (1, "Military talks resume"), (2, None), (3, None),
    ]
    assert text[ps[2].start:ps[2].end].startswith("2. Fentanyl.")


def test_stray_furniture_lines_are_not_paragraphs() -> None:
    text = "The leaders met.\n\nAdvertisement\n\nRead more: China's economy\n\nThey agreed."
    assert texts(text) == ["The leaders met.", "They agreed."]
    assert [p.section for p in paras_of(text)] == [0, 0]


def test_short_sentence_paragraph_is_not_a_heading() -> None:
    text = "Intro.\n\nHe declined to comment.\n\n\"It was frank,\" she said"
    assert [p.heading for p in paras_of(text)] == [None, None, None]
    assert len(paras_of(text)) == 3


def sents(text: str) -> list[str]:
    return [text[s.start:s.end] for s in split_sentences(text, 0, len(text))]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("U.S. Secretary of State Antony J. Blinken met Mr. Wang at 10 a.m. on Jan. 26. "
         "They talked.",
         ["U.S. Secretary of State Antony J. Blinken met Mr. Wang at 10 a.m. on Jan. 26.",
          "They talked."]),
        ("He spoke at the U.N. Security Council. Gen. Brown and Dr. Lee agreed.",
         ["He spoke at the U.N. Security Council.", "Gen. Brown and Dr. Lee agreed."]),
        ("Tensions rose with the U.S. The two sides met anyway.",
         ["Tensions rose with the U.S.", "The two sides met anyway."]),
        ('"We are concerned. We will act," Hart said. China denied it.',
         ['"We are concerned. We will act," Hart said.', "China denied it."]),
        ("Is this progress? Yes! It is.", ["Is this progress?", "Yes!", "It is."]),
        ("He met the No. 2 official at 123 Main St. in the capital. Then he left.",
         ["He met the No. 2 official at 123 Main St. in the capital.", "Then he left."]),
        ('"An unfinished quotation. It runs on.', ['"An unfinished quotation.', "It runs on."]),
    ],
)
def test_sentences(text: str, want: list[str]) -> None:
    assert sents(text) == want


def test_paragraph_sentences_point_into_the_text() -> None:
    text = "Intro one. Intro two.\n\nSecond para here. And more."
    for p in paras_of(text):
        assert p.sentences[0].start == p.start
        assert p.sentences[-1].end == p.end


def test_wrapped_title_case_first_line_is_not_a_heading() -> None:
    text = (
        "Intro.\n\nU.S. Secretary of State Antony Blinken and Chinese Foreign Minister Wang\n"
        "met for five hours on Friday in the Diaoyutai guesthouse."
    )
    ps = paras_of(text)
    assert len(ps) == 2 and ps[1].heading is None
    assert text[ps[1].start:ps[1].end].startswith("U.S. Secretary")


def test_hard_wrapped_lede_after_dateline_is_not_a_heading() -> None:
    text = (
        "SAN FRANCISCO - Japanese Prime Minister Fumio Kishida and Chinese\n"
        "President Xi Jinping agreed Thursday to pursue a mutually beneficial\n"
        "relationship, in their first face-to-face talks in a year.\n\n"
        "The leaders also agreed to hold consultations among experts."
    )
    start = text.index("Japanese")
    ps = split_paragraphs(text, start, len(text))
    assert [p.heading for p in ps] == [None, None]
    assert ps[0].start == start
    assert text[ps[0].start:ps[0].end].endswith("in a year.")


def test_title_case_header_glued_to_a_wrapped_paragraph() -> None:
    text = (
        "Intro.\n\nMilitary Channels\nThe two sides agreed to restore the defence hotline and to\n"
        "hold theatre-level talks before the end of the year, officials said."
    )
    ps = paras_of(text)
    assert [(p.section, p.heading) for p in ps] == [(0, None), (1, "Military Channels")]


@pytest.mark.parametrize(
    "junk",
    ["Facebook Tweet Email Link", "Link Copied!", "Ad Feedback", "Item 2 of 4 Leaders shake hands",
     "Advertisement \u00b7 Scroll to continue", "FILE PHOTO: Leaders meet in Beijing"],
)
def test_share_bars_and_captions_in_the_body_are_dropped(junk: str) -> None:
    text = f"The leaders met.\n\n{junk}\n\nEmail addresses of officials were hacked, he said."
    assert texts(text) == ["The leaders met.", "Email addresses of officials were hacked, he said."]


def test_a_paragraph_printed_twice_is_kept_once() -> None:
    # A page printed its lede and quote again, the copy opened by a dateline and cut short.
    text = (
        "LAGOS - Foreign Minister Lena Varga of Hungary met Tunde Okafor on Friday in Lagos,"
        " the ministry said.\n\n"
        "\"We hope the two countries will work together closely on trade,\" Varga said.\n\n"
        "The talks lasted two hours.\n\n"
        "LAGOS (Agency) - Foreign Minister Lena Varga of Hungary met Tunde Okafor on Friday in"
        " Lagos, the ministry said.\n\n"
        "\"We hope the two countries will work together closely"
    )
    paras = split_paragraphs(text, 0, len(text))
    assert [text[p.start:p.start + 12] for p in paras] == [
        "LAGOS - Fore", "\"We hope the", "The talks la"]
    assert [p.index for p in paras] == [0, 1, 2]


def test_short_lines_may_repeat() -> None:
    text = "He agreed.\n\nThe second round followed.\n\nHe agreed."
    assert len(split_paragraphs(text, 0, len(text))) == 3


@pytest.mark.parametrize(
    "appeal",
    [
        "Your support helps us to tell the story Read more Support Now From climate change to"
        " big tech, our reporters are on the ground when the story is developing. Your"
        " donation allows us to keep sending journalists to both sides of the story.",
        "We have a small favour to ask. Millions turn to us for news on climate and trade"
        " every day; please consider a gift.",
    ],
)
def test_an_outlets_appeal_to_its_readers_is_no_paragraph(appeal: str) -> None:
    """However long, a plea for donations is the page's, and its words (climate, trade) are
    no topic of the meeting."""
    text = f"{appeal}\n\nThe leaders met in Lagos on Friday to discuss farm tariffs."
    assert texts(text) == ["The leaders met in Lagos on Friday to discuss farm tariffs."]



def test_a_run_of_links_to_other_stories_inside_the_body_is_dropped() -> None:
    lede = ("Foreign Minister Lena Varga of Hungary met President Tunde Okafor of Nigeria in"
            " Abuja on Friday for talks on farm tariffs and flights.")
    then = ("The two sides agreed to hold trade talks in May, and Okafor said the talks had"
            " been frank, constructive and long overdue.")
    links = ["Varga returns to strike a sombre tone on farm subsidies",
             "Ministers jockey to be the next envoy to the Baltic states",
             "Ukraine and its neighbours turn to flattery to handle a new leader"]
    text = "\n".join([lede, *links, then]) + "\n"
    assert texts(text) == [lede, then]
    # Two such lines are not yet a block of links.
    text = "\n".join([lede, *links[:2], then]) + "\n"
    assert len(texts(text)) == 4
