def test_unprefixed_paths_are_gone(client):
    for path in ["/books", "/books/1", "/authors"]:
        r = client.get(path)
        assert r.status_code == 404, f"{path} must not exist without the /api/v1 prefix (expected 404, got {r.status_code})"


def test_latest_is_not_swallowed_by_book_id(client):
    r = client.get("/api/v1/books/latest")
    assert r.status_code == 200, (
        f"GET /api/v1/books/latest gave {r.status_code}; declare /latest before /{{book_id}}"
    )
    assert r.json() == {"id": 5, "title": "Parable of the Sower", "year": 1993, "author": "octavia-butler"}, (
        "the latest book is the one with the greatest year"
    )


def test_book_by_id_404_and_422(client):
    r = client.get("/api/v1/books/3")
    assert r.status_code == 200 and r.json()["title"] == "A Wizard of Earthsea", "GET /api/v1/books/3 should return book 3"
    r = client.get("/api/v1/books/99")
    assert r.status_code == 404, f"an unknown book id should give 404, got {r.status_code}"
    assert r.json() == {"detail": "Book not found"}, 'the 404 body should be {"detail": "Book not found"}'
    r = client.get("/api/v1/books/abc")
    assert r.status_code == 422, f"a non-integer book id should give 422, got {r.status_code}"


def test_authors_list_sorted_by_slug(client):
    r = client.get("/api/v1/authors")
    assert r.status_code == 200, f"GET /api/v1/authors should return 200, got {r.status_code}"
    assert [a["slug"] for a in r.json()] == ["frank-herbert", "octavia-butler", "ursula-le-guin"], (
        "authors should be ordered by slug"
    )


def test_featured_is_not_swallowed_by_slug(client):
    r = client.get("/api/v1/authors/featured")
    assert r.status_code == 200, (
        f"GET /api/v1/authors/featured gave {r.status_code}; declare /featured before /{{slug}}"
    )
    assert r.json() == {"slug": "ursula-le-guin", "name": "Ursula K. Le Guin", "featured": True}, (
        "the featured author is Ursula K. Le Guin"
    )


def test_author_by_slug_and_404(client):
    r = client.get("/api/v1/authors/octavia-butler")
    assert r.status_code == 200 and r.json()["name"] == "Octavia E. Butler", "GET /api/v1/authors/octavia-butler should return her"
    r = client.get("/api/v1/authors/nobody")
    assert r.status_code == 404, f"an unknown slug should give 404, got {r.status_code}"
    assert r.json() == {"detail": "Author not found"}, 'the 404 body should be {"detail": "Author not found"}'


def test_author_books_sorted_by_year(client):
    r = client.get("/api/v1/authors/ursula-le-guin/books")
    assert r.status_code == 200, f"GET /api/v1/authors/{{slug}}/books should return 200, got {r.status_code}"
    assert [b["id"] for b in r.json()] == [3, 2, 6], "an author's books should be ordered by year"
    r = client.get("/api/v1/authors/nobody/books")
    assert r.status_code == 404, f"books of an unknown author should give 404, got {r.status_code}"


def test_openapi_tags(client):
    paths = client.get("/openapi.json").json()["paths"]
    expected = {
        "/api/v1/books": "books",
        "/api/v1/books/latest": "books",
        "/api/v1/books/{book_id}": "books",
        "/api/v1/authors": "authors",
        "/api/v1/authors/featured": "authors",
        "/api/v1/authors/{slug}": "authors",
        "/api/v1/authors/{slug}/books": "authors",
        "/health": "meta",
    }
    for path, tag in expected.items():
        if path not in paths and path + "/" in paths:
            path += "/"  # a router path of "/" instead of "" is fine too
        assert path in paths, f"the OpenAPI document should contain the path {path}"
        assert paths[path]["get"].get("tags") == [tag], f"GET {path} should have exactly the tags ['{tag}']"
