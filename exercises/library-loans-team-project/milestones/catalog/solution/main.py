from typing import Annotated

from fastapi import Depends, FastAPI, HTTPException, Response, status
from sqlalchemy.orm import Session

import crud
from database import Base, engine, get_db
from models import Book
from schemas import BookCreate, BookOut, BookUpdate

Base.metadata.create_all(engine)

app = FastAPI(title="Library loans")

Db = Annotated[Session, Depends(get_db)]


def find_book(db: Session, book_id: int) -> Book:
    book = db.get(Book, book_id)
    if book is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, "book not found")
    return book


# Milestone 1: the catalogue

@app.post("/books", status_code=status.HTTP_201_CREATED, response_model=BookOut)
def create_book(data: BookCreate, db: Db):
    book = crud.create_book(db, data)
    if book is None:
        raise HTTPException(status.HTTP_409_CONFLICT, "isbn already exists")
    return crud.book_out(book)


@app.get("/books", response_model=list[BookOut])
def list_books(db: Db):
    return [crud.book_out(book) for book in crud.list_books(db)]


@app.get("/books/{book_id}", response_model=BookOut)
def read_book(book_id: int, db: Db):
    return crud.book_out(find_book(db, book_id))


@app.patch("/books/{book_id}", response_model=BookOut)
def update_book(book_id: int, data: BookUpdate, db: Db):
    book = find_book(db, book_id)
    crud.update_book(db, book, data)
    return crud.book_out(book)


@app.delete("/books/{book_id}", status_code=status.HTTP_204_NO_CONTENT)
def delete_book(book_id: int, db: Db):
    book = find_book(db, book_id)
    crud.delete_book(db, book)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
