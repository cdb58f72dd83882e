"""The raw article, as read from the input topic."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class Article(BaseModel):
    """One news article to read.

    On the wire it is a JSON object where only `text` is required, or a plain
    UTF-8 body that is taken as the text.
    """

    model_config = ConfigDict(frozen=True, extra="ignore", str_strip_whitespace=False)

    id: str | None = Field(
        default=None,
        description="The article's id. When absent, the Kafka key is used, else a hash of the text.",
        max_length=512,
    )
    url: str | None = Field(default=None, description="Where the article was published.")
    title: str | None = Field(default=None, description="The headline.")
    source: str | None = Field(default=None, description="The publisher or feed.")
    published_at: str | None = Field(default=None, description="Publication time, ISO 8601 when known.")
    language: str | None = Field(default=None, description="BCP 47 language tag, e.g. `en`.")
    text: str = Field(
        min_length=1,
        description="The article body. Evidence offsets in events point into this string as received.",
    )
