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


def pagination(
    skip: Annotated[int, Query(ge=0)] = 0,
    limit: Annotated[int, Query(ge=1, le=50)] = 10,
) -> Pagination:
    return Pagination(skip=skip, limit=limit)


def get_current_owner(
    keys: Annotated[dict[str, str], Depends(get_api_keys)],
    x_api_key: Annotated[str | None, Header()] = None,
) -> str:
    if x_api_key is None:
        raise HTTPException(status_code=401, detail="Missing API key")
    owner = keys.get(x_api_key)
    if owner is None:
        raise HTTPException(status_code=403, detail="Invalid API key")
    return owner


Owner = Annotated[str, Depends(get_current_owner)]
NotesDb = Annotated[list[dict], Depends(get_notes_db)]


class NoteIn(BaseModel):
    text: str = Field(min_length=1, max_length=200)


@app.post("/notes", status_code=201)
def create_note(
    data: NoteIn,
    owner: Owner,
    notes: NotesDb,
    now: Annotated[datetime, Depends(get_clock)],
):
    note = {"id": len(notes) + 1, "owner": owner, "text": data.text, "created_at": now.isoformat()}
    notes.append(note)
    return note


@app.get("/notes")
def list_notes(
    owner: Owner,
    notes: NotesDb,
    page: Annotated[Pagination, Depends(pagination)],
):
    mine = [n for n in notes if n["owner"] == owner]
    return {
        "items": mine[page.skip : page.skip + page.limit],
        "total": len(mine),
        "skip": page.skip,
        "limit": page.limit,
    }
