"""HTML: check the visible text of the article body; positions map back to the source.

The page is tokenised by the standard library's HTML parser (`html.parser`), never by regular
expressions over the whole page: it knows where tags, comments and declarations end, and it
treats the content of <script>, <style> and the other raw-text elements as text, so a "<!--"
inside a script string cannot swallow the markup after it. Attribute values are never text.

The body is the first of <article>, <main> or <body> the page has as a real tag (all
<article>s when there are several; the whole input for a fragment); a tag inside a comment
or a script does not count. Comments, scripts, styles, code and hidden elements are never
checked. Block tags become paragraph breaks, runs of whitespace collapse to one space as a
browser shows them, and character references are decoded (each maps back to the whole
`&...;` in the source). Comments outside skipped elements are recorded for the inline
`cleaner-disable` directives.

Two weaknesses of the parser are worked around, both to keep the work linear: the input is
fed once and never `close()`d (closing re-scans an unterminated construct once per "<"), and
what is left unparsed at the end (an unclosed comment, tag or script) is markup to the end
of the file, as a browser treats it.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from html.parser import HTMLParser

from cleaner.inputs.extracted import Builder, Extracted

# The input-format registry (cleaner.inputs.registry) reads these and `extract` below.
FORMAT = "html"
EXTENSIONS = (".html", ".htm", ".xhtml")
COMMENT = ("<!--", "-->")  # where cleaner-disable directives are written

RAW_TEXT = ("script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript", "plaintext")
SKIPPED = frozenset(RAW_TEXT) | {"head", "template", "svg", "math", "pre", "code", "nav", "object"}
BLOCK = frozenset(
    "address article aside blockquote body br dd details dialog div dl dt figcaption figure footer form "
    "h1 h2 h3 h4 h5 h6 header hr li main ol p section summary table td th tr ul caption "
    "pre nav center fieldset legend hgroup menu search tbody thead tfoot option select".split()
)
VOID = frozenset("area base br col embed hr img input link meta source track wbr".split())
CONTAINERS = ("article", "main", "body")
_DISPLAY_NONE = re.compile(r"display\s*:\s*none", re.I)
_TEXT_TOKEN = re.compile(r"(?P<entity>&(?:[A-Za-z][A-Za-z0-9]*;?|#[0-9]+;?|#[xX][0-9A-Fa-f]+;?))|(?P<space>\s+)")


@dataclass(frozen=True)
class Event:
    """One parsed piece of the page, starting at `start` and running to the next event."""

    start: int
    kind: str  # text | start | end | comment | other
    name: str = ""
    hidden: bool = False  # a start tag whose element is not shown (hidden, aria-hidden, display:none)


def extract_html(source: str) -> Extracted:
    """Return the visible text of an HTML document's body with an offset map back to the source."""
    events = tokenize(source)
    ends = [e.start for e in events[1:]] + [len(source)]
    walker = _Walker(source, _container(events))
    for event, end in zip(events, ends):
        walker.handle(event, end)
    return walker.finish()


def tokenize(source: str) -> list[Event]:
    """Split the page into events with source offsets, in order."""
    parser = _Parser(source)
    try:
        parser.feed(source)
    except (AssertionError, ValueError):  # a construct the parser gives up on: markup from there on
        parser.events.append(Event(parser.here(), "other"))
        return parser.events
    rest = len(source) - len(parser.rawdata)
    if rest < len(source):
        unclosed = parser.cdata_elem is not None or parser.rawdata.startswith("<")
        parser.events.append(Event(rest, "other" if unclosed else "text"))
    return parser.events


def _container(events: list[Event]) -> str | None:
    names = {e.name for e in events if e.kind == "start"}
    return next((c for c in CONTAINERS if c in names), None)


class _Parser(HTMLParser):
    """Records each piece the standard parser reports, with its offset in the source."""

    CDATA_CONTENT_ELEMENTS = RAW_TEXT

    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=True)
        self.source = source
        self.events: list[Event] = []
        self._line_starts = [0] + [m.end() for m in re.finditer("\n", source)]

    def here(self) -> int:
        """The source offset of the construct being handled (the parser counts lines and columns)."""
        line, column = self.getpos()
        return self._line_starts[min(line, len(self._line_starts)) - 1] + column

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.events.append(Event(self.here(), "start", tag, _hides(attrs)))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        # HTML ignores "/>" on ordinary elements: <script/> still opens a script.
        self.handle_starttag(tag, attrs)
        if tag in RAW_TEXT:
            self.set_cdata_mode(tag)

    def handle_endtag(self, tag: str) -> None:
        self.events.append(Event(self.here(), "end", tag))

    def handle_data(self, data: str) -> None:
        start = self.here()
        # A tag the parser could not read comes back as data: it is still markup, never prose.
        kind = "other" if self.source.startswith("<", start) and len(data) > 1 else "text"
        self.events.append(Event(start, kind))

    def handle_comment(self, data: str) -> None:
        self.events.append(Event(self.here(), "comment"))

    def handle_decl(self, decl: str) -> None:
        self.events.append(Event(self.here(), "other"))

    handle_pi = unknown_decl = handle_decl

    def parse_html_declaration(self, i: int) -> int:
        # Outside SVG and MathML, "<![" opens a bogus comment; the base class would raise on it.
        if self.rawdata.startswith("<![", i) and not self.rawdata.startswith("<![CDATA[", i):
            return self.parse_bogus_comment(i)
        return super().parse_html_declaration(i)


def _hides(attrs: list[tuple[str, str | None]]) -> bool:
    for name, value in attrs:
        if name == "hidden" or (name == "aria-hidden" and (value or "").strip().lower() == "true"):
            return True
        if name == "style" and value and _DISPLAY_NONE.search(value):
            return True
    return False


class _Walker:
    """One pass over the events, keeping visible prose and standing in for everything else."""

    def __init__(self, source: str, container: str | None) -> None:
        self.source = source
        self.out = Builder(source)
        self.container = container
        self.inside = 0 if container else 1  # depth inside the body container(s)
        self.skip: list[str] = []  # names of open elements whose content is hidden
        self.pending_space: tuple[int, int] | None = None  # whitespace not yet emitted
        self.breaks = 2  # line breaks emitted since the last visible text (2: a paragraph break)

    def visible(self) -> bool:
        """True when text at this point is shown as part of the article body."""
        return self.inside > 0 and not self.skip

    def handle(self, event: Event, end: int) -> None:
        """Handle one event covering source[event.start:end]."""
        if event.kind == "text":
            self.text_run(event.start, end)
        elif event.kind in ("start", "end"):
            self.tag(event, end)
        else:
            if event.kind == "comment" and not self.skip:
                self.out.comment(event.start, end)
            self.flush_space()
            self.out.replace(end, "")

    def finish(self) -> Extracted:
        """Drop trailing whitespace and return the extraction."""
        self.flush_space(drop=True)
        return self.out.build()

    def text_run(self, start: int, end: int) -> None:
        """Keep visible text, collapsing whitespace and decoding character references."""
        if not self.visible():
            self.out.replace(end, "")
            return
        for match in _TEXT_TOKEN.finditer(self.source, start, end):
            self.text(match.start())
            if match.group("space"):
                self.pend(match.start(), match.end())
            else:
                self.entity(match)
        self.text(end)

    def text(self, end: int) -> None:
        """Keep the plain characters up to `end`."""
        consumed = self.pending_space[1] if self.pending_space else self.out.position
        if end <= consumed:
            return
        self.flush_space()
        self.out.keep(end)
        self.breaks = 0

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

    def entity(self, match: re.Match[str]) -> None:
        """Decode a character reference; an unknown one is text as written."""
        raw = match.group(0)
        decoded = html.unescape(raw).replace("\u00a0", " ")
        if decoded.isspace():
            self.pend(match.start(), match.end())
            return
        self.flush_space()
        if decoded == raw:
            self.out.keep(match.end())
        else:
            self.out.replace(match.end(), decoded)
        self.breaks = 0

    def tag(self, event: Event, end: int) -> None:
        """Stand in for a tag: a paragraph break for block tags, nothing for inline ones."""
        name, closing = event.name, event.kind == "end"
        if name in BLOCK and self.visible():
            self.flush_space(drop=True)
            # <br> breaks a line inside a paragraph; every other block tag ends a paragraph.
            wanted = 1 if name == "br" else 2
            self.out.replace(end, "\n" * max(wanted - self.breaks, 0))
            self.breaks = max(self.breaks, wanted)
        else:
            self.flush_space(drop=not self.visible())
            self.out.replace(end, "")
        if name not in VOID:
            self.track(name, closing, event.hidden)

    def track(self, name: str, closing: bool, hidden: bool) -> None:
        """Follow entering and leaving the body container and hidden elements."""
        if name == self.container:
            self.inside = max(self.inside + (-1 if closing else 1), 0)
        if self.skip:
            if name == self.skip[-1]:
                if closing:
                    self.skip.pop()
                else:
                    self.skip.append(name)
            return
        if not closing and (name in SKIPPED or hidden):
            self.skip.append(name)


extract = extract_html
