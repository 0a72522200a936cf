from contextlib import asynccontextmanager
from typing import Annotated

from fastapi import Depends, FastAPI, HTTPException, status
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

import crud
from database import Base, engine, get_db
from schemas import NotebookCreate, NotebookOut, NoteCreate, NoteOut


@asynccontextmanager
async def lifespan(app: FastAPI):
    Base.metadata.create_all(engine)
    yield


app = FastAPI(title="Notes", lifespan=lifespan)
DB = Annotated[Session, Depends(get_db)]


def notebook_or_404(db: Session, notebook_id: int):
    notebook = crud.get_notebook(db, notebook_id)
    if notebook is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, "notebook not found")
    return notebook


def note_or_404(db: Session, note_id: int):
    note = crud.get_note(db, note_id)
    if note is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, "note not found")
    return note


# ---------- notebooks ----------

@app.post("/notebooks", response_model=NotebookOut, status_code=status.HTTP_201_CREATED)
def create_notebook(body: NotebookCreate, db: DB):
    if crud.get_notebook_by_name(db, body.name) is not None:
        raise HTTPException(status.HTTP_409_CONFLICT, "notebook name already exists")
    try:
        notebook = crud.create_notebook(db, body.name)
    except IntegrityError:
        db.rollback()
        raise HTTPException(status.HTTP_409_CONFLICT, "notebook name already exists")
    return {"id": notebook.id, "name": notebook.name, "note_count": 0}


@app.get("/notebooks", response_model=list[NotebookOut])
def list_notebooks(db: DB):
    return [{"id": nb.id, "name": nb.name, "note_count": n} for nb, n in crud.list_notebooks(db)]


# TODO: DELETE /notebooks/{notebook_id} (its notes go with it)


# ---------- notes ----------

@app.post("/notebooks/{notebook_id}/notes", response_model=NoteOut, status_code=status.HTTP_201_CREATED)
def create_note(notebook_id: int, body: NoteCreate, db: DB):
    return crud.create_note(db, notebook_or_404(db, notebook_id), body.model_dump())


@app.get("/notes", response_model=list[NoteOut])
def list_notes(db: DB):
    # TODO: the page {items, total, limit, offset} with filters -- see the README
    return crud.list_notes(db)


@app.get("/notes/{note_id}", response_model=NoteOut)
def read_note(note_id: int, db: DB):
    return note_or_404(db, note_id)


# TODO: PATCH /notes/{note_id} and DELETE /notes/{note_id}
