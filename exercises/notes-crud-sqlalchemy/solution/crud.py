from sqlalchemy import func, or_, select
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


def list_notes(db: Session, *, notebook_id: int | None, pinned: bool | None, q: str | None,
               limit: int, offset: int) -> tuple[list[Note], int]:
    stmt = select(Note)
    if notebook_id is not None:
        stmt = stmt.where(Note.notebook_id == notebook_id)
    if pinned is not None:
        stmt = stmt.where(Note.pinned == pinned)
    if q:
        pattern = f"%{q.lower()}%"
        stmt = stmt.where(or_(func.lower(Note.title).like(pattern), func.lower(Note.content).like(pattern)))
    total = db.scalar(select(func.count()).select_from(stmt.subquery()))
    page = db.scalars(stmt.order_by(Note.pinned.desc(), Note.id.desc()).limit(limit).offset(offset)).all()
    return list(page), total


def update_note(db: Session, note: Note, changes: dict) -> Note:
    for field, value in changes.items():
        setattr(note, field, value)
    db.commit()
    db.refresh(note)
    return note


def delete_note(db: Session, note: Note) -> None:
    db.delete(note)
    db.commit()
