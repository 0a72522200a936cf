from itertools import count
from typing import Annotated

from fastapi import FastAPI, HTTPException, Query, Response
from pydantic import BaseModel, ConfigDict, Field

tags_metadata = [
    {"name": "books", "description": "Create, search and remove books."},
    {"name": "authors", "description": "The authors known to the library."},
]

app = FastAPI(
    title="Library API",
    version="2.1.0",
    description="A small library catalogue: **books** and their **authors**.",
    contact={"name": "Library Team", "email": "team@library.example"},
    license_info={"name": "MIT", "identifier": "MIT"},
    openapi_tags=tags_metadata,
)


class ErrorMessage(BaseModel):
    detail: str = Field(description="What went wrong.")


class BookCreate(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={"examples": [{"title": "Dune", "author_id": 1, "year": 1965}]}
    )

    title: str = Field(min_length=1, max_length=200, description="The book's title.")
    author_id: int = Field(description="Id of an existing author.")
    year: int = Field(ge=0, le=2100, description="Year of first publication.")


class Book(BookCreate):
    id: int


class Author(BaseModel):
    id: int
    name: str


authors = {1: {"id": 1, "name": "Frank Herbert"}, 2: {"id": 2, "name": "Ursula K. Le Guin"}}
books: dict[int, dict] = {}
book_ids = count(1)

NOT_FOUND = {404: {"model": ErrorMessage, "description": "Book not found"}}


@app.get("/books", tags=["books"], summary="List books", operation_id="listBooks",
         response_model=list[Book])
def list_books(
    q: Annotated[str | None, Query(description="Case-insensitive search in titles.")] = None,
    limit: Annotated[int, Query(ge=1, le=100, description="Maximum number of books to return.")] = 20,
):
    found = [b for b in books.values() if q is None or q.lower() in b["title"].lower()]
    return found[:limit]


@app.get("/books/{book_id}", tags=["books"], summary="Get a book", operation_id="getBook",
         response_model=Book, responses=NOT_FOUND)
def get_book(book_id: int):
    if book_id not in books:
        raise HTTPException(status_code=404, detail="book not found")
    return books[book_id]


@app.post("/books", tags=["books"], summary="Create a book", operation_id="createBook",
          response_model=Book, status_code=201, response_description="The created book",
          responses={400: {"model": ErrorMessage, "description": "Unknown author"}})
def create_book(body: BookCreate):
    """Adds a book to the catalogue. The author must already exist."""
    if body.author_id not in authors:
        raise HTTPException(status_code=400, detail="unknown author")
    book = {"id": next(book_ids), **body.model_dump()}
    books[book["id"]] = book
    return book


@app.delete("/books/{book_id}", tags=["books"], summary="Delete a book", operation_id="deleteBook",
            status_code=204, deprecated=True, responses=NOT_FOUND)
def delete_book(book_id: int):
    if books.pop(book_id, None) is None:
        raise HTTPException(status_code=404, detail="book not found")
    return Response(status_code=204)


@app.get("/authors", tags=["authors"], summary="List authors", operation_id="listAuthors",
         response_model=list[Author])
def list_authors():
    return list(authors.values())


@app.post("/internal/reindex", include_in_schema=False)
def reindex():
    return {"reindexed": len(books)}
