from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Annotated

from fastapi import Depends, FastAPI, Header, HTTPException, Query
from pydantic import BaseModel, Field

app = FastAPI(title="Notes with dependencies")

NOTES: list[dict] = []


def get_api_keys() -> dict[str, str]:
    return {"dev-key-alice": "alice", "dev-key-bob": "bob"}


def get_clock() -> datetime:
    return datetime.now(UTC)


def get_notes_db() -> list[dict]:
    return NOTES


@dataclass
class Pagination:
    skip: int
    limit: int


def pagination(skip: int = 0, limit: int = 10) -> Pagination:
    # TODO: skip >= 0, limit 1..50 (422 otherwise)
    return Pagination(skip=skip, limit=limit)


def get_current_owner(x_api_key: Annotated[str | None, Header()] = None) -> str:
    # TODO: use Depends(get_api_keys); 401 "Missing API key" / 403 "Invalid API key"
    return "alice"


class NoteIn(BaseModel):
    text: str = Field(min_length=1, max_length=200)


@app.post("/notes", status_code=201)
def create_note(data: NoteIn, owner: Annotated[str, Depends(get_current_owner)]):
    # TODO: take the notes list and the time from get_notes_db / get_clock dependencies
    note = {
        "id": len(NOTES) + 1,
        "owner": owner,
        "text": data.text,
        "created_at": datetime.now(UTC).isoformat(),
    }
    NOTES.append(note)
    return note


@app.get("/notes")
def list_notes(owner: Annotated[str, Depends(get_current_owner)]):
    # TODO: only the caller's notes, paginated with Depends(pagination)
    return {"items": NOTES, "total": len(NOTES), "skip": 0, "limit": 10}
