from fastapi import APIRouter, FastAPI, HTTPException

BOOKS = [
    {"id": 1, "title": "Dune", "year": 1965, "author": "frank-herbert"},
    {"id": 2, "title": "The Left Hand of Darkness", "year": 1969, "author": "ursula-le-guin"},
    {"id": 3, "title": "A Wizard of Earthsea", "year": 1968, "author": "ursula-le-guin"},
    {"id": 4, "title": "Kindred", "year": 1979, "author": "octavia-butler"},
    {"id": 5, "title": "Parable of the Sower", "year": 1993, "author": "octavia-butler"},
    {"id": 6, "title": "The Dispossessed", "year": 1974, "author": "ursula-le-guin"},
]

AUTHORS = [
    {"slug": "ursula-le-guin", "name": "Ursula K. Le Guin", "featured": True},
    {"slug": "frank-herbert", "name": "Frank Herbert", "featured": False},
    {"slug": "octavia-butler", "name": "Octavia E. Butler", "featured": False},
]


def find_author(slug: str) -> dict:
    for author in AUTHORS:
        if author["slug"] == slug:
            return author
    raise HTTPException(status_code=404, detail="Author not found")


# TODO: give this router its tag ["books"]
books_router = APIRouter(prefix="/books")


@books_router.get("")
def list_books():
    return sorted(BOOKS, key=lambda b: b["id"])


@books_router.get("/{book_id}")
def read_book(book_id: int):
    for book in BOOKS:
        if book["id"] == book_id:
            return book
    raise HTTPException(status_code=404, detail="Book not found")


@books_router.get("/latest")
def latest_book():
    return max(BOOKS, key=lambda b: b["year"])


# TODO: authors_router = APIRouter(prefix="/authors", tags=["authors"]) with
#   GET ""  GET "/featured"  GET "/{slug}"  GET "/{slug}/books"


app = FastAPI(title="Library")


@app.get("/health", tags=["meta"])
def health():
    return {"status": "ok"}


# TODO: mount the routers under /api/v1
app.include_router(books_router)
