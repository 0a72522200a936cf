import uuid


def isbn():
    return str(uuid.uuid4().int)[:13].rjust(13, "1")


def create(client, **over):
    body = {"title": "T", "author": "A", "isbn": isbn()} | over
    r = client.post("/books", json=body)
    assert r.status_code == 201, f"POST /books with {body} should return 201, got {r.status_code}: {r.text}"
    return r.json()


def test_response_has_exactly_the_book_read_fields(client):
    code = isbn()
    book = create(client, title="Dune", author="Frank Herbert", year=1965, isbn=code)
    assert isinstance(book["id"], int), "the book should get an integer id"
    assert book == {"id": book["id"], "title": "Dune", "author": "Frank Herbert", "year": 1965, "isbn": code,
                    "in_stock": True, "label": "Dune by Frank Herbert (1965)"}, f"unexpected BookRead: {book}"


def test_label_without_year(client):
    book = create(client, title="Beowulf", author="Unknown")
    assert book["year"] is None, "year should default to null"
    assert book["label"] == "Beowulf by Unknown", f"without a year the label is '<title> by <author>', got {book['label']!r}"


def test_duplicate_isbn_is_409_and_session_recovers(client):
    code = isbn()
    create(client, isbn=code)
    r = client.post("/books", json={"title": "Copy", "author": "B", "isbn": code})
    assert r.status_code == 409, f"a duplicate ISBN should be 409, got {r.status_code}"
    assert r.json() == {"detail": "ISBN already exists"}, "wrong 409 detail"
    create(client, title="After the conflict")  # the app must still work after the failed insert


def test_missing_book_is_404(client):
    r = client.get("/books/99999999")
    assert r.status_code == 404, f"an unknown book should be 404, got {r.status_code}"
    assert r.json() == {"detail": "Book not found"}, "wrong 404 detail"


def test_invalid_books_are_422(client):
    for bad in (
        {"title": "", "author": "A", "isbn": isbn()},
        {"title": "T", "author": "", "isbn": isbn()},
        {"title": "T", "author": "A", "isbn": "12345"},
        {"title": "T", "author": "A", "isbn": "97804411727AB"},
        {"title": "T", "author": "A", "isbn": isbn(), "year": 1200},
        {"title": "x" * 201, "author": "A", "isbn": isbn()},
        {"author": "A", "isbn": isbn()},
    ):
        r = client.post("/books", json=bad)
        assert r.status_code == 422, f"POST /books with {bad} should be rejected with 422, got {r.status_code}"


def test_list_filters_by_author_in_id_order(client):
    author = "Author " + uuid.uuid4().hex[:8]
    first = create(client, title="First", author=author, year=2001)
    create(client, title="Someone else", author="Other " + uuid.uuid4().hex[:6])
    second = create(client, title="Second", author=author)
    r = client.get("/books", params={"author": author})
    assert r.status_code == 200, f"GET /books?author=... should return 200, got {r.status_code}"
    assert r.json() == [first, second], f"GET /books?author= should list only that author's books by id, got {r.json()}"
    everything = client.get("/books").json()
    assert first in everything and second in everything, "GET /books without a filter should list every book"
    ids = [b["id"] for b in everything]
    assert ids == sorted(ids), "GET /books should be ordered by id"


def test_stored_values_round_trip(client):
    title = "Ünïcødé " + uuid.uuid4().hex[:4]
    book = create(client, title=title, author="Zoë", year=2100)
    got = client.get(f"/books/{book['id']}").json()
    assert got == book, "GET /books/{id} should return what was stored"
    assert got["label"] == f"{title} by Zoë (2100)", "label should be computed from the stored attributes"
