from datetime import datetime
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints


class NotebookCreate(BaseModel):
    # Stripped before the length is checked: "  Work  " is the 4-character name "Work".
    name: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=50)]


class NotebookOut(BaseModel):
    id: int
    name: str
    note_count: int


class NoteCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    title: str = Field(min_length=1, max_length=100)
    content: str = Field(default="", max_length=10_000)
    pinned: bool = False


class NoteUpdate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    title: str | None = Field(default=None, min_length=1, max_length=100)
    content: str | None = Field(default=None, max_length=10_000)
    pinned: bool | None = None
    notebook_id: int | None = None


class NoteOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    notebook_id: int
    title: str
    content: str
    pinned: bool
    created_at: datetime
    updated_at: datetime


class NotePage(BaseModel):
    items: list[NoteOut]
    total: int
    limit: int
    offset: int
