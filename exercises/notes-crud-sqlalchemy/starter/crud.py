from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models import Note, Notebook


# ---------- notebooks ----------

def list_notebooks(db: Session) -> list[tuple[Notebook, int]]:
    stmt = (
        select(Notebook, func.count(Note.id))
        .outerjoin(Note, Note.notebook_id == Notebook.id)
        .group_by(Notebook.id)
        .order_by(Notebook.id)
    )
    return [(nb, n) for nb, n in db.execute(stmt).all()]


def get_notebook(db: Session, notebook_id: int) -> Notebook | None:
    return db.get(Notebook, notebook_id)


def get_notebook_by_name(db: Session, name: str) -> Notebook | None:
    return db.scalar(select(Notebook).where(Notebook.name == name))


def create_notebook(db: Session, name: str) -> Notebook:
    notebook = Notebook(name=name)
    db.add(notebook)
    db.commit()
    db.refresh(notebook)
    return notebook


def delete_notebook(db: Session, notebook: Notebook) -> None:
    db.delete(notebook)
    db.commit()


# ---------- notes ----------

def create_note(db: Session, notebook: Notebook, data: dict) -> Note:
    note = Note(notebook_id=notebook.id, **data)
    db.add(note)
    db.commit()
    db.refresh(note)
    return note


def get_note(db: Session, note_id: int) -> Note | None:
    return db.get(Note, note_id)


def list_notes(db: Session) -> list[Note]:
    # TODO: filters (notebook_id, pinned, q), ordering, limit/offset, and the total count
    return list(db.scalars(select(Note)).all())


# TODO: update_note, delete_note
