import random


def isbn():
    return "978" + "".join(random.choices("0123456789", k=10))


def test_create_book_returns_book_read(client):
    code = isbn()
    r = client.post("/books", json={"title": "Dune", "author": "Frank Herbert", "year": 1965, "isbn": code})
    assert r.status_code == 201, f"POST /books should return 201, got {r.status_code}: {r.text}"
    body = r.json()
    assert body["label"] == "Dune by Frank Herbert (1965)"
    assert body["in_stock"] is True and body["isbn"] == code


def test_read_book_back(client):
    book = client.post("/books", json={"title": "Emma", "author": "Jane Austen", "isbn": isbn()}).json()
    r = client.get(f"/books/{book['id']}")
    assert r.status_code == 200
    assert r.json() == book
