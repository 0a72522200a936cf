def openapi(client):
    r = client.get("/openapi.json")
    assert r.status_code == 200, "GET /openapi.json must answer 200"
    return r.json()


def test_info_title_and_version(client):
    info = openapi(client)["info"]
    assert info.get("title") == "Library API", f"info.title must be 'Library API', got {info.get('title')!r}"
    assert info.get("version") == "2.1.0", f"info.version must be '2.1.0', got {info.get('version')!r}"


def test_list_books_summary(client):
    op = openapi(client)["paths"]["/books"]["get"]
    assert op.get("summary") == "List books", f"GET /books must have summary 'List books', got {op.get('summary')!r}"
    assert op.get("tags") == ["books"], f"GET /books must be tagged ['books'], got {op.get('tags')}"
