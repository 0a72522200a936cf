import uuid


def unique_isbn():
    return str(uuid.uuid4().int)[:13].rjust(13, "7")


def test_creates_a_book_and_reads_it_back(client):
    r = client.post("/books", json={"title": "Dune", "author": "Frank Herbert", "isbn": unique_isbn(), "year": 1965, "copies": 2})
    assert r.status_code == 201, f"POST /books must answer 201, got {r.status_code}: {r.text}"
    book = r.json()
    assert book["title"] == "Dune" and book["copies"] == 2 and book["available"] == 2
    r = client.get(f"/books/{book['id']}")
    assert r.status_code == 200
    assert r.json() == book


def test_unknown_book_is_404(client):
    r = client.get("/books/987654321")
    assert r.status_code == 404
    assert r.json() == {"detail": "book not found"}
