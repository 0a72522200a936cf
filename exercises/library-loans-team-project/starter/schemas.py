from datetime import date  # noqa: F401

from pydantic import BaseModel

# Pydantic models for every request and response body: see README.md for each field and its limits.


class BookCreate(BaseModel):
    """Milestone 1: title, author, isbn, year, copies (default 1)."""


class BookOut(BaseModel):
    """Milestone 1: id, title, author, isbn, year, copies, available."""

    id: int
