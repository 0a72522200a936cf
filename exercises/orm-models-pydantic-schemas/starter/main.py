from collections.abc import Iterator
from contextlib import asynccontextmanager
from typing import Annotated

from fastapi import Depends, FastAPI, HTTPException, Query
from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import String, create_engine, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, sessionmaker

engine = create_engine("sqlite:///./books.db", connect_args={"check_same_thread": False})
SessionLocal = sessionmaker(bind=engine, autoflush=False, expire_on_commit=False)


class Base(DeclarativeBase):
    pass


class Book(Base):
    __tablename__ = "books"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    # TODO: author (String(100)), year (optional int), isbn (String(13), unique),
    # in_stock (bool, default True), and a read-only `label` property


class BookCreate(BaseModel):
    title: str = Field(min_length=1, max_length=200)
    author: str = Field(min_length=1, max_length=100)
    year: int | None = Field(default=None, ge=1450, le=2100)
    isbn: str = Field(pattern=r"^\d{13}$")


class BookRead(BaseModel):
    # TODO: let this schema read attributes of ORM objects (ConfigDict)
    # and add the missing fields (see the README)
    id: int
    title: str


def get_db() -> Iterator[Session]:
    db = SessionLocal()
    try:
        yield db
    finally:
        db.close()


DbSession = Annotated[Session, Depends(get_db)]


@asynccontextmanager
async def lifespan(app: FastAPI):
    Base.metadata.create_all(engine)
    yield


app = FastAPI(title="Books", lifespan=lifespan)


@app.post("/books", response_model=BookRead, status_code=201)
def create_book(data: BookCreate, db: DbSession):
    book = Book(**data.model_dump())
    db.add(book)
    db.commit()  # TODO: a duplicate ISBN must give 409 {"detail": "ISBN already exists"}
    db.refresh(book)
    return BookRead.model_validate(book)


@app.get("/books", response_model=list[BookRead])
def list_books(db: DbSession, author: Annotated[str | None, Query(max_length=100)] = None):
    stmt = select(Book).order_by(Book.id)
    if author is not None:
        stmt = stmt.where(Book.author == author)
    return [BookRead.model_validate(b) for b in db.scalars(stmt)]


@app.get("/books/{book_id}", response_model=BookRead)
def read_book(book_id: int, db: DbSession):
    book = db.get(Book, book_id)
    if book is None:
        raise HTTPException(status_code=404, detail="Book not found")
    return BookRead.model_validate(book)
