import uuid

EXPECTED = {
    ("/books", "get"): ("books", "List books", "listBooks"),
    ("/books/{book_id}", "get"): ("books", "Get a book", "getBook"),
    ("/books", "post"): ("books", "Create a book", "createBook"),
    ("/books/{book_id}", "delete"): ("books", "Delete a book", "deleteBook"),
    ("/authors", "get"): ("authors", "List authors", "listAuthors"),
}
ERROR_REF = "#/components/schemas/ErrorMessage"


def openapi(client):
    return client.get("/openapi.json").json()


def test_info_metadata(client):
    info = openapi(client)["info"]
    assert info.get("description"), "info.description must not be empty"
    assert info.get("contact") == {"name": "Library Team", "email": "team@library.example"}, \
        f"info.contact is wrong: {info.get('contact')}"
    assert info.get("license") == {"name": "MIT", "identifier": "MIT"}, f"info.license is wrong: {info.get('license')}"


def test_tag_metadata(client):
    tags = openapi(client).get("tags", [])
    assert [t.get("name") for t in tags] == ["books", "authors"], \
        f"top-level tags must be books then authors, got {[t.get('name') for t in tags]}"
    assert all(t.get("description") for t in tags), "each top-level tag needs a description"


def test_tags_summaries_operation_ids(client):
    paths = openapi(client)["paths"]
    for (path, method), (tag, summary, op_id) in EXPECTED.items():
        op = paths.get(path, {}).get(method)
        assert op is not None, f"{method.upper()} {path} is missing from the schema"
        assert op.get("tags") == [tag], f"{method.upper()} {path} must be tagged [{tag!r}], got {op.get('tags')}"
        assert op.get("summary") == summary, f"{method.upper()} {path} must have summary {summary!r}, got {op.get('summary')!r}"
        assert op.get("operationId") == op_id, f"{method.upper()} {path} must have operationId {op_id!r}, got {op.get('operationId')!r}"


def test_documented_error_responses(client):
    paths = openapi(client)["paths"]
    cases = [("/books/{book_id}", "get", "404", "Book not found"),
             ("/books/{book_id}", "delete", "404", "Book not found"),
             ("/books", "post", "400", "Unknown author")]
    for path, method, code, description in cases:
        resp = paths[path][method]["responses"].get(code)
        assert resp is not None, f"{method.upper()} {path} must document a {code} response"
        assert resp.get("description") == description, \
            f"the {code} of {method.upper()} {path} must be described {description!r}, got {resp.get('description')!r}"
        ref = resp.get("content", {}).get("application/json", {}).get("schema", {}).get("$ref")
        assert ref == ERROR_REF, f"the {code} of {method.upper()} {path} must use the ErrorMessage model"


def test_create_book_docs(client):
    op = openapi(client)["paths"]["/books"]["post"]
    assert op["responses"].get("201", {}).get("description") == "The created book", \
        "the 201 response of POST /books must be described 'The created book'"
    assert op.get("description"), "POST /books needs a description (a docstring)"


def test_delete_is_deprecated(client):
    paths = openapi(client)["paths"]
    assert paths["/books/{book_id}"]["delete"].get("deprecated") is True, "DELETE /books/{book_id} must be deprecated"
    assert not paths["/books/{book_id}"]["get"].get("deprecated"), "GET /books/{book_id} must not be deprecated"


def test_internal_route_hidden_but_working(client):
    assert "/internal/reindex" not in openapi(client)["paths"], "/internal/reindex must not appear in the schema"
    r = client.post("/internal/reindex")
    assert r.status_code == 200 and "reindexed" in r.json(), "POST /internal/reindex must still work"


def test_query_parameter_docs_and_limits(client):
    params = {p["name"]: p for p in openapi(client)["paths"]["/books"]["get"].get("parameters", [])}
    assert params.get("q", {}).get("description") == "Case-insensitive search in titles.", "q needs its description"
    limit = params.get("limit", {})
    assert limit.get("description") == "Maximum number of books to return.", "limit needs its description"
    schema = limit.get("schema", {})
    assert schema.get("minimum") == 1 and schema.get("maximum") == 100 and schema.get("default") == 20, \
        f"limit must be 1..100 with default 20, got {schema}"
    assert client.get("/books", params={"limit": 0}).status_code == 422, "limit=0 must be rejected with 422"
    assert client.get("/books", params={"limit": 101}).status_code == 422, "limit=101 must be rejected with 422"


def test_book_create_schema(client):
    schema = openapi(client)["components"]["schemas"]["BookCreate"]
    assert schema.get("examples") == [{"title": "Dune", "author_id": 1, "year": 1965}], \
        f"BookCreate must have the Dune example, got {schema.get('examples')}"
    for prop in ("title", "author_id", "year"):
        assert schema["properties"][prop].get("description"), f"BookCreate.{prop} needs a description"


def test_behaviour_unchanged(client):
    title = f"Book {uuid.uuid4().hex[:6]}"
    r = client.post("/books", json={"title": title, "author_id": 1, "year": 1965})
    assert r.status_code == 201, f"POST /books must still answer 201, got {r.status_code}"
    book = r.json()
    assert client.get(f"/books/{book['id']}").json() == book, "GET /books/{id} must return the book"
    assert client.post("/books", json={"title": "x", "author_id": 99, "year": 2000}).status_code == 400, \
        "an unknown author must still give 400"
    assert client.delete(f"/books/{book['id']}").status_code == 204, "DELETE must still answer 204"
    assert client.get(f"/books/{book['id']}").status_code == 404, "a deleted book must give 404"
