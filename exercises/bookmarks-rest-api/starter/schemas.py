import re
from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field, HttpUrl

TAG = re.compile(r"^[a-z0-9-]{1,20}$")


class BookmarkIn(BaseModel):
    """Body of POST and PUT: every field is required (PUT replaces the whole bookmark)."""

    model_config = ConfigDict(extra="forbid")

    url: HttpUrl
    title: str = Field(min_length=1, max_length=200)
    tags: list[str]
    # TODO: normalize the tags (strip, lower-case, drop duplicates), 422 on invalid tags


# TODO: BookmarkPatch for PATCH (every field optional)


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
