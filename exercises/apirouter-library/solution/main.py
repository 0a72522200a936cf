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


books_router = APIRouter(prefix="/books", tags=["books"])


@books_router.get("")  # "" so the path is exactly /api/v1/books
def list_books():
    return sorted(BOOKS, key=lambda b: b["id"])


@books_router.get("/latest")
def latest_book():
    return max(BOOKS, key=lambda b: b["year"])


@books_router.get("/{book_id}")
def read_book(book_id: int):
    for book in BOOKS:
        if book["id"] == book_id:
            return book
    raise HTTPException(status_code=404, detail="Book not found")


authors_router = APIRouter(prefix="/authors", tags=["authors"])


@authors_router.get("")
def list_authors():
    return sorted(AUTHORS, key=lambda a: a["slug"])


@authors_router.get("/featured")
def featured_author():
    return next(a for a in AUTHORS if a["featured"])


@authors_router.get("/{slug}")
def read_author(slug: str):
    return find_author(slug)


@authors_router.get("/{slug}/books")
def author_books(slug: str):
    find_author(slug)
    return sorted((b for b in BOOKS if b["author"] == slug), key=lambda b: b["year"])


app = FastAPI(title="Library")


@app.get("/health", tags=["meta"])
def health():
    return {"status": "ok"}


app.include_router(books_router, prefix="/api/v1")
app.include_router(authors_router, prefix="/api/v1")
