"""cleaner: find and fix the damage machine translation leaves in English articles."""

from cleaner.api import check
from cleaner.document import Document
from cleaner.model import Finding, Level, Rule, Safety

__all__ = ["check", "Document", "Finding", "Level", "Rule", "Safety"]
__version__ = "0.1.0"
