import re
from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field, HttpUrl, field_validator

TAG = re.compile(r"^[a-z0-9-]{1,20}$")


def normalize_tags(tags: list[str]) -> list[str]:
    result: list[str] = []
    for raw in tags:
        tag = raw.strip().lower()
        if not TAG.match(tag):
            raise ValueError(f"invalid tag {raw!r}: 1-20 characters from a-z, 0-9 and '-'")
        if tag not in result:
            result.append(tag)
    if len(result) > 10:
        raise ValueError("at most 10 tags")
    return result


class BookmarkIn(BaseModel):
    """Body of POST and PUT: every field is required (PUT replaces the whole bookmark)."""

    model_config = ConfigDict(extra="forbid")

    url: HttpUrl
    title: str = Field(min_length=1, max_length=200)
    tags: list[str]

    @field_validator("tags")
    @classmethod
    def check_tags(cls, tags: list[str]) -> list[str]:
        return normalize_tags(tags)


class BookmarkPatch(BaseModel):
    model_config = ConfigDict(extra="forbid")

    url: HttpUrl | None = None
    title: str | None = Field(default=None, min_length=1, max_length=200)
    tags: list[str] | None = None

    @field_validator("tags")
    @classmethod
    def check_tags(cls, tags: list[str] | None) -> list[str] | None:
        return None if tags is None else normalize_tags(tags)


class Bookmark(BaseModel):
    id: int
    url: str
    title: str
    tags: list[str]
    created_at: datetime
    updated_at: datetime


class TagCount(BaseModel):
    name: str
    count: int
