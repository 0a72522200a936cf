from fastapi import FastAPI, HTTPException
from pydantic import BaseModel, Field

app = FastAPI()
notes: dict[int, str] = {}


class NoteIn(BaseModel):
    text: str = Field()


@app.get("/hello")
def hello(name: str = "World"):
    return {"message": f"Hello, {name}!"}


@app.post("/notes", status_code=201)
def create_note(note: NoteIn):
    note_id = len(notes) + 1
    notes[note_id] = note.text
    return {"id": note_id, "text": note.text}


@app.get("/notes/{note_id}")
def read_note(note_id: int):
    if note_id not in notes:
        raise HTTPException(status_code=404, detail="note not found")
    return {"id": note_id, "text": notes[note_id]}
