"""HTML: check the visible text of the article body; positions map back to the source.

The body is the first of <article>, <main> or <body> the page has (all <article>s when
there are several; the whole input for a fragment). Tags and their attributes, comments,
scripts, styles, code and hidden elements are never checked. Block tags become paragraph
breaks, runs of whitespace collapse to one space as a browser shows them, and character
references are decoded (each maps back to the whole `&...;` in the source).
"""

from __future__ import annotations

import html
import re

from cleaner.inputs.extracted import Builder, Extracted

# The input-format registry (cleaner.inputs.registry) reads these and `extract` below.
FORMAT = "html"
EXTENSIONS = (".html", ".htm", ".xhtml")
COMMENT = ("<!--", "-->")  # where cleaner-disable directives are written

_TOKEN = re.compile(
    r"(?P<comment><!--.*?(?:-->|\Z))"
    r"|(?P<decl><![^>]*>|<\?[^>]*>)"
    r"|(?P<tag></?(?P<name>[A-Za-z][A-Za-z0-9:-]*)(?P<attrs>(?:[^>\"']|\"[^\"]*\"|'[^']*')*)>)"
    r"|(?P<entity>&(?:[A-Za-z][A-Za-z0-9]*;?|\#[0-9]+;?|\#[xX][0-9A-Fa-f]+;?))"
    r"|(?P<space>\s+)",
    re.S,
)
RAW_TEXT = frozenset({"script", "style", "textarea", "title", "xmp"})  # content is never markup
SKIPPED = frozenset({"head", "noscript", "template", "svg", "math", "pre", "code", "nav", "iframe", "object"})
BLOCK = frozenset(
    "address article aside blockquote body br dd details dialog div dl dt figcaption figure footer form "
    "h1 h2 h3 h4 h5 h6 header hr li main ol p section summary table td th tr ul caption".split()
)
VOID = frozenset("area base br col embed hr img input link meta source track wbr".split())
CONTAINERS = ("article", "main", "body")
_HIDDEN = re.compile(r"""\shidden(?:\s|=|/|$)|aria-hidden\s*=\s*["']?true|display\s*:\s*none""", re.I)


def extract_html(source: str) -> Extracted:
    """Return the visible text of an HTML document's body with an offset map back to the source."""
    return _Walker(source).run()


class _Walker:
    """One pass over the tokens, keeping prose and standing in for everything else."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.out = Builder(source)
        lowered = source.lower()
        self.container = next((c for c in CONTAINERS if re.search(rf"<{c}[\s>]", lowered)), None)
        self.inside = 0 if self.container else 1  # depth inside the body container(s)
        self.skip: list[str] = []  # names of open elements whose content is hidden
        self.pending_space: tuple[int, int] | None = None  # whitespace not yet emitted
        self.breaks = 2  # line breaks emitted since the last visible text (2: a paragraph break)

    def visible(self) -> bool:
        """True when text at this point is shown as part of the article body."""
        return self.inside > 0 and not self.skip

    def run(self) -> Extracted:
        """Walk the whole source and return the extraction."""
        pos = 0
        for match in _TOKEN.finditer(self.source):
            if match.start() < pos:
                continue  # inside a raw-text element consumed below
            self.text(match.start())
            pos = self.token(match)
        self.text(len(self.source))
        self.flush_space(drop=True)
        return self.out.build()

    def text(self, end: int) -> None:
        """Handle plain characters up to `end`: keep them when visible."""
        consumed = self.pending_space[1] if self.pending_space else self.out.position
        if end <= consumed:
            return
        if self.visible():
            self.flush_space()
            self.out.keep(end)
            self.breaks = 0
        else:
            self.out.replace(end, "")

    def flush_space(self, drop: bool = False) -> None:
        """Emit the pending whitespace run as one space, or drop it at a paragraph edge."""
        if self.pending_space is None:
            return
        (start, end), self.pending_space = self.pending_space, None
        if drop or self.breaks:
            self.out.replace(end, "")
        elif self.source[start:end] == " ":
            self.out.keep(end)
        else:
            self.out.replace(end, " ")

    def pend(self, start: int, end: int) -> None:
        """Hold back whitespace (or a decoded &nbsp;) so a run collapses into one space."""
        if self.pending_space and self.pending_space[1] == start:
            start = self.pending_space[0]
        self.pending_space = (start, end)

    def token(self, match: re.Match[str]) -> int:
        """Handle one token; return where scanning resumes."""
        end = match.end()
        if match.group("space"):
            if self.visible():
                self.pend(match.start(), end)
            else:
                self.out.replace(end, "")
            return end
        if match.group("entity"):
            return self.entity(match)
        if match.group("tag"):
            return self.tag(match)
        self.flush_space()
        self.out.replace(end, "")  # comments and declarations
        return end

    def entity(self, match: re.Match[str]) -> int:
        """Decode a character reference; an unknown one is text as written."""
        raw = match.group(0)
        decoded = html.unescape(raw).replace("\u00a0", " ")
        if not self.visible():
            self.out.replace(match.end(), "")
            return match.end()
        if decoded.isspace():
            self.pend(match.start(), match.end())
            return match.end()
        self.flush_space()
        if decoded == raw:
            self.out.keep(match.end())
        else:
            self.out.replace(match.end(), decoded)
        self.breaks = 0
        return match.end()

    def tag(self, match: re.Match[str]) -> int:
        """Stand in for a tag: a paragraph break for block tags, nothing for inline ones."""
        name = match.group("name").lower()
        closing = match.group(0).startswith("</")
        self_closing = match.group(0).endswith("/>") or name in VOID
        end = match.end()
        if name in BLOCK and self.visible():
            self.flush_space(drop=True)
            # <br> breaks a line inside a paragraph; every other block tag ends a paragraph.
            wanted = 1 if name == "br" else 2
            self.out.replace(end, "\n" * max(wanted - self.breaks, 0))
            self.breaks = max(self.breaks, wanted)
        else:
            self.flush_space(drop=not self.visible())
            self.out.replace(end, "")
        self.track(name, closing, self_closing, match.group("attrs") or "")
        if name in RAW_TEXT and not closing and not self_closing:
            close = re.compile(rf"</{name}\s*>", re.I).search(self.source, end)
            stop = close.end() if close else len(self.source)
            self.out.replace(stop, "")  # script, style and the like: never prose
            return stop
        return end

    def track(self, name: str, closing: bool, self_closing: bool, attrs: str) -> None:
        """Follow entering and leaving the body container and hidden elements."""
        if self_closing:
            return
        if name == self.container:
            self.inside += -1 if closing else 1
            self.inside = max(self.inside, 0)
        if self.skip:
            if name == self.skip[-1]:
                if closing:
                    self.skip.pop()
                else:
                    self.skip.append(name)
            return
        if not closing and (name in SKIPPED or _HIDDEN.search(attrs)):
            self.skip.append(name)


extract = extract_html
