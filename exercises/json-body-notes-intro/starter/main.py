from itertools import count

from fastapi import FastAPI, HTTPException
from pydantic import BaseModel

app = FastAPI(title="Notes")


class NoteIn(BaseModel):
    title: str  # TODO: 1 to 100 characters
    content: str = ""
    # TODO: tags (list of strings, default []) and pinned (bool, default False)


NOTES: dict[int, dict] = {}
_ids = count(1)


# TODO: answer 201 and add "word_count"
@app.post("/notes")
def create_note(note: NoteIn):
    stored = {"id": next(_ids), **note.model_dump()}
    NOTES[stored["id"]] = stored
    return stored


# TODO: GET /notes/{note_id} (404 {"detail": "Note not found"})
