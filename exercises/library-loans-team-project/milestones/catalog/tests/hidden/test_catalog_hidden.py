import uuid

FIELDS = {"id", "title", "author", "isbn", "year", "copies", "available"}


def unique_isbn():
    return str(uuid.uuid4().int)[:13].rjust(13, "7")


def new_book(client, **fields):
    body = {"title": f"Book {uuid.uuid4().hex[:8]}", "author": "Ursula K. Le Guin", "isbn": unique_isbn(), "year": 1969, **fields}
    r = client.post("/books", json=body)
    assert r.status_code == 201, f"POST /books with a valid book must answer 201, got {r.status_code}: {r.text}"
    return r.json()


def test_created_book_has_every_field(client):
    isbn = unique_isbn()
    r = client.post("/books", json={"title": "The Dispossessed", "author": "Ursula K. Le Guin", "isbn": isbn, "year": 1974, "copies": 3})
    assert r.status_code == 201, f"POST /books must answer 201, got {r.status_code}"
    book = r.json()
    assert set(book) == FIELDS, f"a book must have exactly the fields {sorted(FIELDS)}, got {sorted(book)}"
    assert isinstance(book["id"], int), "id must be an integer"
    assert (book["title"], book["author"], book["isbn"], book["year"], book["copies"]) == ("The Dispossessed", "Ursula K. Le Guin", isbn, 1974, 3), \
        "the book must hold the title, author, isbn, year and copies sent"
    assert book["available"] == 3, "a new book's available must equal its copies"


def test_copies_default_to_one(client):
    book = new_book(client)
    assert book["copies"] == 1, "copies must default to 1 when not sent"
    assert book["available"] == 1, "available must equal copies for a book nobody borrowed"


def test_invalid_books_are_rejected_with_422(client):
    valid = {"title": "Valid", "author": "Someone", "isbn": unique_isbn(), "year": 2001, "copies": 1}
    cases = [
        ({"isbn": "123456789012"}, "an isbn of 12 digits"),
        ({"isbn": "12345678901234"}, "an isbn of 14 digits"),
        ({"isbn": "97803064061X7"}, "an isbn with a letter"),
        ({"year": 1449}, "a year before 1450"),
        ({"year": 2101}, "a year after 2100"),
        ({"copies": 0}, "0 copies"),
        ({"copies": 51}, "51 copies"),
        ({"title": ""}, "an empty title"),
        ({"title": "x" * 201}, "a title of 201 characters"),
        ({"author": ""}, "an empty author"),
    ]
    for change, what in cases:
        r = client.post("/books", json={**valid, **change})
        assert r.status_code == 422, f"POST /books with {what} must answer 422, got {r.status_code}"
    missing = {k: v for k, v in valid.items() if k != "author"}
    assert client.post("/books", json=missing).status_code == 422, "POST /books without an author must answer 422"


def test_duplicate_isbn_is_409(client):
    book = new_book(client)
    r = client.post("/books", json={"title": "Another", "author": "Someone Else", "isbn": book["isbn"], "year": 2000})
    assert r.status_code == 409, f"a second book with the same isbn must answer 409, got {r.status_code}"
    assert r.json() == {"detail": "isbn already exists"}, 'the 409 body must be {"detail": "isbn already exists"}'


def test_unknown_book_is_404_everywhere(client):
    missing = 987654321
    for method, url, body in [("get", f"/books/{missing}", None), ("patch", f"/books/{missing}", {"title": "New"}), ("delete", f"/books/{missing}", None)]:
        r = client.request(method.upper(), url, json=body)
        assert r.status_code == 404, f"{method.upper()} {url} for a book that does not exist must answer 404, got {r.status_code}"
        assert r.json() == {"detail": "book not found"}, 'the 404 body must be {"detail": "book not found"}'


def test_patch_changes_only_the_fields_sent(client):
    book = new_book(client, copies=2)
    r = client.patch(f"/books/{book['id']}", json={"title": "Renamed", "year": None})
    assert r.status_code == 200, f"PATCH /books/{{id}} must answer 200, got {r.status_code}"
    changed = r.json()
    assert changed["title"] == "Renamed", "PATCH must change the title sent"
    assert changed["year"] == book["year"], "a field sent as null must stay unchanged"
    assert (changed["author"], changed["isbn"], changed["copies"]) == (book["author"], book["isbn"], 2), "fields not sent must stay unchanged"
    r = client.patch(f"/books/{book['id']}", json={"copies": 5})
    assert r.json()["copies"] == 5 and r.json()["available"] == 5, "PATCH of copies must change copies and available"
    assert client.get(f"/books/{book['id']}").json()["title"] == "Renamed", "a PATCH must be saved in the database"


def test_patch_checks_the_same_limits_with_422(client):
    book = new_book(client)
    for change, what in [({"copies": 0}, "0 copies"), ({"year": 3000}, "year 3000"), ({"title": ""}, "an empty title")]:
        r = client.patch(f"/books/{book['id']}", json=change)
        assert r.status_code == 422, f"PATCH with {what} must answer 422, got {r.status_code}"
    assert client.get(f"/books/{book['id']}").json() == book, "a rejected PATCH must change nothing"


def test_delete_answers_204_and_the_book_is_gone(client):
    book = new_book(client)
    r = client.delete(f"/books/{book['id']}")
    assert r.status_code == 204, f"DELETE /books/{{id}} must answer 204, got {r.status_code}"
    assert r.content == b"", "a 204 answer must have an empty body"
    assert client.get(f"/books/{book['id']}").status_code == 404, "a deleted book must answer 404"
    assert all(b["id"] != book["id"] for b in client.get("/books").json()), "a deleted book must leave GET /books"
    assert client.delete(f"/books/{book['id']}").status_code == 404, "deleting it again must answer 404"


def test_list_holds_every_book_sorted_by_id(client):
    created = [new_book(client) for _ in range(3)]
    r = client.get("/books")
    assert r.status_code == 200, f"GET /books must answer 200, got {r.status_code}"
    books = r.json()
    assert isinstance(books, list), "GET /books must answer a JSON list"
    ids = [b["id"] for b in books]
    assert ids == sorted(ids), "GET /books must be sorted by id"
    for book in created:
        assert book in books, "GET /books must list every book, with the same fields as POST returned"
