from itertools import count

from fastapi import FastAPI, HTTPException, Response
from pydantic import BaseModel, Field

# The endpoints already work. Your job is the documentation: see the README.
# TODO: title, version, description, contact, license_info, openapi_tags
app = FastAPI()


class ErrorMessage(BaseModel):
    detail: str


class BookCreate(BaseModel):
    # TODO: an example, and a description for each field
    title: str = Field(min_length=1, max_length=200)
    author_id: int
    year: int = Field(ge=0, le=2100)


class Book(BookCreate):
    id: int


class Author(BaseModel):
    id: int
    name: str


authors = {1: {"id": 1, "name": "Frank Herbert"}, 2: {"id": 2, "name": "Ursula K. Le Guin"}}
books: dict[int, dict] = {}
book_ids = count(1)


@app.get("/books", response_model=list[Book])
def list_books(q: str | None = None, limit: int = 20):   # TODO: limits and descriptions
    found = [b for b in books.values() if q is None or q.lower() in b["title"].lower()]
    return found[:limit]


@app.get("/books/{book_id}", response_model=Book)
def get_book(book_id: int):
    if book_id not in books:
        raise HTTPException(status_code=404, detail="book not found")
    return books[book_id]


@app.post("/books", response_model=Book, status_code=201)
def create_book(body: BookCreate):
    if body.author_id not in authors:
        raise HTTPException(status_code=400, detail="unknown author")
    book = {"id": next(book_ids), **body.model_dump()}
    books[book["id"]] = book
    return book


@app.delete("/books/{book_id}", status_code=204)
def delete_book(book_id: int):
    if books.pop(book_id, None) is None:
        raise HTTPException(status_code=404, detail="book not found")
    return Response(status_code=204)


@app.get("/authors", response_model=list[Author])
def list_authors():
    return list(authors.values())


@app.post("/internal/reindex")
def reindex():
    return {"reindexed": len(books)}
