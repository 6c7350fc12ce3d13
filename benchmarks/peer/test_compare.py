"""The scoring rules of the peer comparison (run: python -m pytest -q benchmarks/peer).

Only the pure scoring is tested here: it needs neither textacy nor spaCy.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from compare import Article, Found, norm_quote, score, speaker_exact, speaker_lenient  # noqa: E402

NAMES = {"Daniel Hart", "Tang Lei", "Tang Wenbo", "Chinese Foreign Ministry"}


def test_quote_text_is_compared_without_marks_space_or_trailing_comma() -> None:
    assert norm_quote("“We  will\nnot back down,”") == "We will not back down"
    assert norm_quote("red lines") == norm_quote("\"red lines.\"")


def test_surname_is_right_only_when_it_names_one_person() -> None:
    assert speaker_lenient("Hart", "Daniel Hart", NAMES)
    assert not speaker_exact("Hart", "Daniel Hart")
    assert not speaker_lenient("Tang", "Tang Lei", NAMES)  # two Tangs in the article
    assert not speaker_lenient("he", "Daniel Hart", NAMES)
    assert not speaker_lenient(None, "Daniel Hart", NAMES)
    assert speaker_exact("the Chinese foreign ministry", "Chinese Foreign Ministry")


def test_each_reported_quote_matches_one_expected_quote() -> None:
    art = Article("t", "a.txt", b"", [("red lines", "Tang Lei"), ("red lines", "Tang Lei"),
                                      ("never", "Daniel Hart")], NAMES)
    s = score(art, Found([("“red lines”", "Tang Lei"), ("“something else,”", "Hart")]))
    assert (s.expected, s.found, s.matched, s.speaker_exact) == (3, 2, 1, 1)
