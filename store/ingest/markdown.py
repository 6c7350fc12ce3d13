"""Markdown -> plain text: headings become header lines, markup is dropped.

Only what articles use: `#` headings, emphasis, links and images, bullets and
numbered lists, block quotes, rules, inline code and YAML front matter.
"""

from __future__ import annotations

import re

from store.ingest.cueprefix import lead_guarded
from store.ingest.datetext import iso_date
from store.ingest.types import PlainDocument

_FRONT = re.compile(r"\A---[ \t]*\n(.{0,4000}?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
_HEADING = re.compile(r"^[ ]{0,3}(#{1,6})[ \t]+(.*?)[ \t]*#*[ \t]*$")
_SETEXT = re.compile(r"^[ ]{0,3}(=+|-+)[ \t]*$")
_RULE = re.compile(r"^[ ]{0,3}(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$")
_BULLET = re.compile(r"^[ \t]{0,8}[-*+][ \t]+")
_QUOTE = re.compile(r"^[ ]{0,3}>[ \t]?")
_LINKDEF = re.compile(r"^[ ]{0,3}\[[^\]\n]{1,200}\]:[ \t]*\S+.*$")
_IMAGE = re.compile(r"!\[([^\]\n]{0,300})\]\([^)\n]{0,500}\)")
_LINK = re.compile(r"\[([^\]\n]{1,500})\](?:\([^)\n]{0,500}\)|\[[^\]\n]{0,100}\])")
_AUTOLINK = re.compile(r"<(https?://[^>\s]{1,500})>")
_STRONG = re.compile(r"(\*\*|__)(?=\S)(.{1,500}?)(?<=\S)\1")
_EM_STAR = re.compile(r"(?<![\w*])\*(?=[^\s*])([^*\n]{1,500}?)(?<=\S)\*(?![\w*])")
_EM_UNDER = re.compile(lead_guarded(r"(?<![\w_])_(?=[^\s_])([^_\n]{1,500}?)(?<=\S)_(?![\w_])"))
_STRIKE = re.compile(r"~~(.{1,500}?)~~")
_CODE = re.compile(r"`([^`\n]{1,500})`")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!>\"'])")
_HTML_TAG = re.compile(r"</?[a-zA-Z][^<>\n]{0,200}>")

# Signs that a text is Markdown rather than plain prose.
_MD_SIGNS = re.compile(
    r"^[ ]{0,3}#{1,6}[ \t]+\S|\[[^\]\n]{1,300}\]\([^)\s]{1,500}\)|^\*\*[^*\n]{1,200}\*\*|"
    r"\A---[ \t]*\ntitle:",
    re.MULTILINE,
)


def looks_like_markdown(text: str) -> bool:
    """True when the text carries Markdown headings, links or a front matter block."""
    return _MD_SIGNS.search(text[:200_000]) is not None


def inline(text: str) -> str:
    """Drop inline markup: links keep their text, emphasis and code their content."""
    text = _IMAGE.sub("", text)
    text = _LINK.sub(r"\1", text)
    text = _AUTOLINK.sub(r"\1", text)
    text = _CODE.sub(r"\1", text)
    text = _STRONG.sub(r"\2", text)
    text = _EM_STAR.sub(r"\1", text)
    text = _EM_UNDER.sub(r"\1", text)
    text = _STRIKE.sub(r"\1", text)
    text = _HTML_TAG.sub("", text)
    return _ESCAPE.sub(r"\1", text)


def _front_matter(text: str) -> tuple[dict[str, str], str]:
    m = _FRONT.match(text)
    if not m:
        return {}, text
    meta: dict[str, str] = {}
    for line in m[1].split("\n"):
        key, sep, value = line.partition(":")
        if sep and key.strip().isidentifier():
            meta[key.strip().lower()] = value.strip().strip("\"'")
    return meta, text[m.end():]


_HEAD = "\x00H"  # marks a heading line while lines are collected
_BREAK = "\x00R"  # marks a horizontal rule (section break)


def _layout(lines: list[str]) -> str:
    """Join lines: one blank line between paragraphs, two before a heading or at a rule."""
    out: list[str] = []
    blank = 0
    for line in lines:
        if line == _BREAK:
            blank = max(blank, 2)
        elif not line.strip():
            blank = max(blank, 1)
        else:
            if line.startswith(_HEAD):
                # Two blank lines before a heading: a section boundary even if it is lost.
                blank, line = 2, line[len(_HEAD):]
                out.extend([""] * blank)
                out.append(line)
                blank = -1  # the heading's paragraph follows after exactly one blank line
                continue
            if out:
                out.extend([""] * (1 if blank == -1 else max(blank, 0)))
            out.append(line)
            blank = 0
    return "\n".join(out)


def markdown_to_plain(text: str) -> PlainDocument:
    """Markdown article -> plain text with blank lines between paragraphs."""
    meta, body = _front_matter(text)
    title: str | None = meta.get("title") or None
    out: list[str] = []
    if title:
        out.extend([title, ""])
    lines = body.split("\n")
    in_fence = False
    for i, raw in enumerate(lines):
        if raw.lstrip().startswith(("```", "~~~")):
            in_fence = not in_fence
            out.append("")
            continue
        if in_fence:
            out.append(raw)
            continue
        if _LINKDEF.match(raw):
            continue
        nxt = lines[i + 1] if i + 1 < len(lines) else ""
        if raw.strip() and _SETEXT.match(nxt) and not _BULLET.match(raw):
            # "Title\n=====" style heading: treat like '#'/'##'
            level = 1 if nxt.strip().startswith("=") else 2
            raw = "#" * level + " " + raw.strip()
        elif _SETEXT.match(raw) and i > 0 and lines[i - 1].strip():
            continue
        h = _HEADING.match(raw)
        if h:
            heading = inline(h[2]).strip()
            if len(h[1]) == 1 and title is None:
                title = heading
                out.extend(["", heading, ""])
            elif heading:
                out.append(_HEAD + heading)
            continue
        if _RULE.match(raw):
            out.append(_BREAK)
            continue
        line = _QUOTE.sub("", raw)
        if _BULLET.match(line):
            out.append("")
            line = _BULLET.sub("", line)
        elif re.match(r"^[ \t]{0,8}\d{1,3}[.)][ \t]+\S", line):
            out.append("")
            line = line.lstrip()
        out.append(line.rstrip())
    # Inline markup never spans lines, so one pass over the whole text does every line.
    plain = inline(_layout(out)).strip("\n")
    return PlainDocument(text=plain, format="markdown", title=title,
                         url=meta.get("url") or meta.get("canonical") or None,
                         published=iso_date(meta.get("date") or meta.get("published")),
                         source=meta.get("source") or meta.get("site") or None)
