"""Arms transfers: who supplies which weapons to whom, and how far it has got."""

from __future__ import annotations

from ingest.extract.document import ArmsDraft, Document


def read_arms(doc: Document) -> list[ArmsDraft]:
    """Every arms transfer the document reports; none for denials, tests or domestic production."""
    return []
