import uuid


def test_defaults_are_filled_in(client):
    title = f"note {uuid.uuid4().hex[:6]}"
    r = client.post("/notes", json={"title": title})
    assert r.status_code == 201, f"a note with only a title should give 201, got {r.status_code}"
    body = r.json()
    assert isinstance(body.get("id"), int), "the note needs an integer id"
    assert body == {"id": body["id"], "title": title, "content": "", "tags": [], "pinned": False, "word_count": 0}, (
        "defaults: content \"\", tags [], pinned false, and word_count 0 for empty content"
    )


def test_word_count_uses_whitespace(client):
    r = client.post("/notes", json={"title": "w", "content": "  one\ttwo\nthree   four  "})
    assert r.json().get("word_count") == 4, "word_count should count words separated by any whitespace (len(content.split()))"


def test_all_fields_are_stored_and_readable(client):
    body = {"title": "Plan", "content": "ship it", "tags": ["work", "urgent"], "pinned": True}
    created = client.post("/notes", json=body).json()
    assert {k: created.get(k) for k in body} == body, "every field from the body should be returned"
    r = client.get(f"/notes/{created['id']}")
    assert r.status_code == 200, f"GET /notes/{{id}} should return 200, got {r.status_code}"
    assert r.json() == created, "GET should return the same note as the 201 response"


def test_unknown_note_is_404(client):
    r = client.get("/notes/999999")
    assert r.status_code == 404, f"an unknown note should give 404, got {r.status_code}"
    assert r.json() == {"detail": "Note not found"}, 'the 404 body should be {"detail": "Note not found"}'


def test_title_rules(client):
    for bad in [{"title": ""}, {"title": "x" * 101}, {"title": 123}, {"title": None}]:
        r = client.post("/notes", json=bad)
        assert r.status_code == 422, f"title {str(bad['title'])[:20]!r} should be rejected with 422, got {r.status_code}"
    assert client.post("/notes", json={"title": "x" * 100}).status_code == 201, "a 100-character title is allowed"


def test_wrong_types_are_422(client):
    for bad in [
        {"title": "t", "tags": "work"},
        {"title": "t", "tags": [1, 2]},
        {"title": "t", "pinned": "sometimes"},
    ]:
        r = client.post("/notes", json=bad)
        assert r.status_code == 422, f"body {bad} has a wrong type and should give 422, got {r.status_code}"


def test_invalid_json_is_422(client):
    r = client.post("/notes", content=b'{"title": "broken"', headers={"Content-Type": "application/json"})
    assert r.status_code == 422, f"a body that is not valid JSON should give 422, got {r.status_code}"


def test_non_object_body_is_422(client):
    r = client.post("/notes", json=["title", "x"])
    assert r.status_code == 422, f"a JSON list instead of an object should give 422, got {r.status_code}"
