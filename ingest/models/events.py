"""The typed events the service publishes (see the event contract).

Field names and meanings are a contract with downstream consumers: fields may
be added, never renamed or dropped.
"""

from __future__ import annotations

import hashlib
import json
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, model_validator
from pydantic_core import PydanticSerializationError, to_json

SCHEMA_VERSION = "1.0"

ActorKind = Literal["state", "organization", "company", "armed_group", "person", "intergovernmental"]
ItemCategory = Literal[
    "aircraft",
    "helicopter",
    "uav",
    "air_defence",
    "missile",
    "artillery",
    "ammunition",
    "armoured_vehicle",
    "ship",
    "sensor",
    "engine",
    "small_arms",
    "components",
    "other",
]
ArmsStatus = Literal["delivered", "agreed", "planned", "considered", "unknown"]
SanctionStatus = Literal["imposed", "planned", "threatened", "lifted"]
Measure = Literal[
    "designation",
    "asset_freeze",
    "export_control",
    "travel_ban",
    "arms_embargo",
    "trade_restriction",
    "other",
]

_FROZEN = ConfigDict(frozen=True, extra="forbid")


class Evidence(BaseModel):
    """A passage the event was read from."""

    model_config = _FROZEN

    text: str = Field(description="The passage, exactly as it stands in the article text.")
    start: int = Field(ge=0, description="Offset of the first character in the article text as received.")
    end: int = Field(ge=0, description="Offset one past the last character; `text == article[start:end]`.")


class Codes(BaseModel):
    """The event in the codes political-event datasets use (GDELT, POLECAT)."""

    model_config = _FROZEN

    cameo: str = Field(
        description="CAMEO event code, e.g. `072` provide military aid, `163` impose sanctions."
    )
    plover: str = Field(description="PLOVER event type: `AID`, `AGREE` or `SANCTION`.")


class Actor(BaseModel):
    """A supplier, recipient, sanction imposer or sanction target."""

    model_config = _FROZEN

    name: str = Field(
        description='Canonical name, e.g. "Iran", "Russian Aerospace Forces", "European Union".'
    )
    country: str | None = Field(
        default=None,
        pattern=r"^[A-Z]{3}$",
        description="ISO 3166-1 alpha-3 of the state the actor is or belongs to; null for intergovernmental "
        "bodies and actors of unknown nationality.",
    )
    kind: ActorKind = Field(description="What sort of actor this is.")
    aliases: list[str] = Field(
        default_factory=list, description='Other names and acronyms seen in the text, e.g. "VKS".'
    )


class Quantity(BaseModel):
    """How many, as an interval; estimates follow the contract's conventions."""

    model_config = _FROZEN

    min: int | None = Field(description='Lower bound, or null ("up to 50").')
    max: int | None = Field(description='Upper bound, or null ("more than 400").')
    text: str = Field(description="The words the quantity was read from, verbatim.")


class Item(BaseModel):
    """One kind of weapon or equipment in a transfer."""

    model_config = _FROZEN

    category: ItemCategory = Field(description="Weapon class; `uav` covers drones and loitering munitions.")
    designation: str | None = Field(
        default=None, description='The named system, canonically written ("Shahed-136", "HIMARS"), or null.'
    )
    quantity: Quantity | None = Field(default=None, description="How many, or null when not stated.")


def _codes(event_type: str, status: str) -> dict[str, str]:
    if event_type == "arms_transfer":
        if status in ("delivered", "agreed"):
            return {"cameo": "072", "plover": "AID"}
        return {"cameo": "0332", "plover": "AGREE"}
    cameo = {"threatened": "1312", "lifted": "085"}.get(status, "163")
    return {"cameo": cameo, "plover": "SANCTION"}


class _EventBase(BaseModel):
    model_config = _FROZEN

    schema_version: str = Field(default=SCHEMA_VERSION, description="Semantic version of the event schema.")
    event_id: str = Field(
        description="Deterministic id: the same article text and the same event give the same id on every "
        "run, for idempotent publishing and deduplication downstream."
    )
    article_id: str = Field(
        description="The source article: the message's `id`, else its Kafka key, else a content hash; "
        "for a file, its name without extension."
    )
    evidence: list[Evidence] = Field(min_length=1, description="The sentence(s) the event was read from.")
    confidence: float = Field(ge=0.0, le=1.0, description="The extractor's own belief in the event.")
    codes: Codes = Field(description="CAMEO and PLOVER codes derived from the type and status.")

    @model_validator(mode="before")
    @classmethod
    def _fill_codes(cls, data: Any) -> Any:
        if isinstance(data, dict) and "codes" not in data:
            data = dict(data)
            kind = data["type"] if "type" in data else cls.model_fields["type"].default
            data["codes"] = _codes(str(kind), str(data.get("status")))
        return data


def _amount(quantity: Quantity | None) -> str:
    if quantity is None:
        return ""
    low, high = quantity.min, quantity.max
    if low is not None and high is None:
        return f"{low}+ "
    if low is None and high is not None:
        return f"up to {high} "
    return f"{low} " if low == high else f"{low}-{high} "


class ArmsTransfer(_EventBase):
    """Who supplies which weapons to whom, how many, and how far the transfer has got."""

    type: Literal["arms_transfer"] = Field(default="arms_transfer", description="The event type.")
    supplier: Actor = Field(description="Who gives, sells or sends.")
    recipient: Actor = Field(description="Who receives or buys.")
    items: list[Item] = Field(min_length=1, description="What is transferred.")
    status: ArmsStatus = Field(
        description="delivered: handed over or in use; agreed: a deal is signed; planned: stated to happen; "
        "considered: sought, requested or discussed."
    )

    def headline(self) -> str:
        """One line for people reading logs: "Iran -> Russia: 400+ uav Shahed (delivered)"."""
        items = ", ".join(
            f"{_amount(item.quantity)}{item.category}{f' {item.designation}' if item.designation else ''}"
            for item in self.items
        )
        return f"{self.supplier.name} -> {self.recipient.name}: {items} ({self.status})"


class Sanction(_EventBase):
    """Who imposes which measures on which named targets, under which authority."""

    type: Literal["sanction"] = Field(default="sanction", description="The event type.")
    imposers: list[Actor] = Field(min_length=1, description="Who imposes the measures.")
    authority: str | None = Field(
        default=None, description='The issuing body ("OFAC", "Council of the EU"), or null.'
    )
    targets: list[Actor] = Field(min_length=1, description="Who is sanctioned.")
    measures: list[Measure] = Field(min_length=1, description="What is imposed.")
    legal_basis: list[str] = Field(
        default_factory=list, description='The cited authority, normalised: "E.O. 14024", "UNSCR 2231".'
    )
    status: SanctionStatus = Field(
        description="imposed: done today; planned: announced for the future; threatened: conditional or "
        "warned of; lifted: removed."
    )

    def headline(self) -> str:
        """One line for people reading logs: "United States -> Foo LLC: designation, asset_freeze (imposed)"."""
        imposers = ", ".join(actor.name for actor in self.imposers)
        targets = ", ".join(actor.name for actor in self.targets)
        return f"{imposers} -> {targets}: {', '.join(self.measures)} ({self.status})"


Event = Annotated[ArmsTransfer | Sanction, Field(discriminator="type")]
EVENT_ADAPTER: TypeAdapter[ArmsTransfer | Sanction] = TypeAdapter(Event)


def text_digest(text: str) -> str:
    """The content hash of an article text, used for ids."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def event_id(text_sha: str, payload: dict[str, Any]) -> str:
    """A stable id for an event read from a text with digest `text_sha`.

    `payload` is the event's content without `event_id`, `article_id` and
    `confidence`: the id changes when the text or what was read changes, and
    never with the run, the machine or the article's id.
    """
    return _hashed(text_sha, _CANONICAL.encode(payload).encode())


def sorted_event_id(text_sha: str, payload: dict[str, Any]) -> str:
    """`event_id(text_sha, payload)` for a payload whose dicts already list their keys in sorted order, at
    every level, and whose other values are strings, integers, None and lists of these.

    Such a payload written as compact JSON is the canonical body itself, so it is
    written in one call into pydantic's serializer, which escapes strings as
    `json.dumps(..., ensure_ascii=False)` does (quote, backslash and control
    characters, lower-case hex). A string it cannot write (a lone surrogate) goes
    the general way, which fails as it always has.
    """
    try:
        body = to_json(payload)
    except PydanticSerializationError:
        return event_id(text_sha, payload)
    return _hashed(text_sha, body)


_CANONICAL = json.JSONEncoder(sort_keys=True, separators=(",", ":"), ensure_ascii=False)  # as json.dumps


def _hashed(text_sha: str, body: bytes) -> str:
    return hashlib.sha256(text_sha.encode() + b"\n" + body).hexdigest()[:32]
