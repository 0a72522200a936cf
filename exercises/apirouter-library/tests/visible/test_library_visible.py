def test_books_are_under_api_v1(client):
    r = client.get("/api/v1/books")
    assert r.status_code == 200, f"GET /api/v1/books should return 200, got {r.status_code}"
    assert [b["id"] for b in r.json()] == [1, 2, 3, 4, 5, 6]


def test_latest_book(client):
    r = client.get("/api/v1/books/latest")
    assert r.status_code == 200, f"GET /api/v1/books/latest should return 200, got {r.status_code}"
    assert r.json()["title"] == "Parable of the Sower"


def test_health(client):
    assert client.get("/health").json() == {"status": "ok"}
