from itertools import count

from fastapi import FastAPI, HTTPException
from pydantic import BaseModel, Field

app = FastAPI(title="Notes")


class NoteIn(BaseModel):
    title: str = Field(min_length=1, max_length=100)
    content: str = ""
    tags: list[str] = []
    pinned: bool = False


class Note(NoteIn):
    id: int
    word_count: int


NOTES: dict[int, Note] = {}
_ids = count(1)


@app.post("/notes", status_code=201, response_model=Note)
def create_note(note: NoteIn):
    stored = Note(**note.model_dump(), id=next(_ids), word_count=len(note.content.split()))
    NOTES[stored.id] = stored
    return stored


@app.get("/notes/{note_id}", response_model=Note)
def read_note(note_id: int):
    if note_id not in NOTES:
        raise HTTPException(status_code=404, detail="Note not found")
    return NOTES[note_id]
