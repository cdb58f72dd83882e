"""Sanctions: who imposes which measures on which named targets, under which authority."""

from __future__ import annotations

from ingest.extract.document import Document, SanctionDraft


def read_sanctions(doc: Document) -> list[SanctionDraft]:
    """Every sanction the document reports against a named target or a state."""
    return []
