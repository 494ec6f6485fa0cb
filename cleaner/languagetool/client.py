"""Talk to a LanguageTool server through language-tool-python, one paragraph per request."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

from language_tool_python import LanguageTool
from language_tool_python.exceptions import LanguageToolError

from cleaner.errors import GrammarError
from cleaner.languagetool.raw import RawMatch
from cleaner.languagetool.transport import RequestFailed, request_json

# LanguageTool counts offsets in UTF-16 units and language-tool-python corrects them with
# class-level state that concurrent threads would race on. Replacing each astral character
# (emoji, rare CJK) by one BMP character keeps Python and Java offsets equal, no correction needed.
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")
_ASTRAL_STAND_IN = "\ufffd"


class _TimedLanguageTool(LanguageTool):
    """language-tool-python's client, its requests bounded by our timeout from connect to last byte.

    The library's own requests carry a fixed 300 s per-read timeout and retry once, so a silent
    or trickling server could hold a run for many minutes.
    """

    def __init__(self, timeout: float, **kwargs: Any) -> None:
        self._TIMEOUT = timeout  # type: ignore[assignment]
        super().__init__(**kwargs)

    def _query_server(self, url: str, params: dict[str, str] | None = None, num_tries: int = 1, method: str = "get") -> Any:
        """One request, answered within the timeout or failed with a LanguageToolError."""
        try:
            if method == "post":
                return request_json(url, params or {}, timeout=self._TIMEOUT)
            query = f"?{urlencode(params)}" if params else ""
            return request_json(url + query, timeout=self._TIMEOUT)
        except RequestFailed as e:
            raise LanguageToolError(f"{url}: {e}") from None


def normalize_url(url: str) -> str:
    """Return the server's base URL without a trailing /v2 or slash."""
    url = url.strip().rstrip("/")
    if not re.match(r"^https?://", url):
        url = "http://" + url
    return re.sub(r"/v2$", "", url)


@dataclass(frozen=True)
class ServerInfo:
    """What the server says about itself."""

    url: str
    version: str  # "6.8" for a local install; "6.8 <build date>" as a remote server reports it


def probe(url: str, variant: str, timeout: float, version: str | None = None) -> ServerInfo:
    """Check that a LanguageTool server answers and knows `variant`; learn its version if not given."""
    base = normalize_url(url)
    languages = _get_json(f"{base}/v2/languages", timeout, base)
    try:
        codes = {str(lang["longCode"]).lower() for lang in languages}
    except (TypeError, KeyError) as e:
        raise GrammarError(f"{base} is not a LanguageTool server (odd /v2/languages answer)") from e
    if variant.lower() not in codes:
        known = ", ".join(sorted(c for c in codes if c.startswith("en-"))) or "none"
        raise GrammarError(f"LanguageTool at {base} does not know {variant!r} (English variants: {known})")
    if version is None:  # a remote server: only a check answer names its version
        answer = _get_json(f"{base}/v2/check", timeout, base, data={"language": variant, "text": "OK."})
        try:
            software = answer["software"]
        except (TypeError, KeyError) as e:
            raise GrammarError(f"{base} is not a LanguageTool server (odd /v2/check answer)") from e
        version = f"{software.get('version')} {software.get('buildDate', '')}".strip()
    return ServerInfo(base, version)


def _get_json(url: str, timeout: float, base: str, data: dict[str, str] | None = None) -> Any:
    """GET (or POST `data`) and decode JSON; raise a one-line GrammarError on any failure."""
    try:
        return request_json(url, data, timeout=timeout)
    except RequestFailed as e:
        if e.status is not None:
            raise GrammarError(f"{base} is not a LanguageTool server (HTTP {e.status} from {url[len(base):]})") from e
        raise GrammarError(f"LanguageTool server at {base} does not answer: {e}") from e


class Client:
    """A configured language-tool-python client bound to one server, variant and rule set."""

    def __init__(
        self,
        info: ServerInfo,
        variant: str,
        disabled: frozenset[str],
        enabled: frozenset[str],
        timeout: float,
    ) -> None:
        self.info = info
        try:
            self._tool = _TimedLanguageTool(timeout, language=variant, remote_server=info.url)
        except (LanguageToolError, ValueError) as e:
            raise GrammarError(f"LanguageTool at {info.url}: {_first_line(e)}") from e
        self._tool.disabled_rules = set(disabled)
        self._tool.enabled_rules = set(enabled)

    def check(self, text: str) -> list[RawMatch]:
        """Return LanguageTool's matches for one paragraph; offsets index `text`."""
        sent = _ASTRAL.sub(_ASTRAL_STAND_IN, text)
        try:
            matches = self._tool.check(sent)
        except LanguageToolError as e:
            raise GrammarError(f"LanguageTool request failed: {_first_line(e)}") from e
        return [
            RawMatch(
                offset=int(m.offset),
                length=int(_field(m, "error_length", "errorLength")),
                rule_id=str(_field(m, "rule_id", "ruleId")),
                category=str(m.category),
                issue_type=str(_field(m, "rule_issue_type", "ruleIssueType")),
                message=str(m.message),
                replacements=tuple(str(r) for r in m.replacements),
            )
            for m in matches
        ]

    def close(self) -> None:
        """Release the client (the server belongs to whoever started it)."""
        self._tool.close()


def _field(match: Any, name: str, old_name: str) -> Any:
    """Read a Match attribute by its 3.x name, or its camelCase 2.x name."""
    value = match.__dict__.get(name)
    return value if value is not None else match.__dict__.get(old_name)


def _first_line(error: BaseException) -> str:
    """Return an exception's first line, trimmed, for one-line messages."""
    text = str(error).strip().splitlines()
    return (text[0] if text else type(error).__name__)[:300]
