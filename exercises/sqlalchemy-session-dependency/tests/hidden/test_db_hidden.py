import uuid


def test_health_details(client):
    r = client.get("/health/db")
    assert r.status_code == 200, f"GET /health/db should return 200, got {r.status_code}: {r.text}"
    assert r.json() == {"database": "ok", "dialect": "sqlite", "tables": ["notes"]}, \
        f"expected {{'database': 'ok', 'dialect': 'sqlite', 'tables': ['notes']}}, got {r.json()}"


def test_note_is_persisted(client):
    text = "note " + uuid.uuid4().hex
    r = client.post("/notes", json={"text": text})
    assert r.status_code == 201, f"POST /notes should return 201, got {r.status_code}: {r.text}"
    note = r.json()
    assert note["text"] == text and isinstance(note["id"], int), "POST /notes should return the new note with its id"
    r = client.get(f"/notes/{note['id']}")
    assert r.status_code == 200 and r.json() == {"id": note["id"], "text": text}, "the note should be read back from the database"


def test_count_grows_with_each_note(client):
    r = client.get("/notes/count")
    assert r.status_code == 200, f"GET /notes/count should return 200 (declare it before /notes/{{note_id}}), got {r.status_code}"
    before = r.json()["count"]
    for i in range(3):
        assert client.post("/notes", json={"text": f"n{i}"}).status_code == 201
    after = client.get("/notes/count").json()
    assert after == {"count": before + 3}, f"after adding 3 notes the count should be {before + 3}, got {after}"


def test_missing_note_is_404(client):
    r = client.get("/notes/99999999")
    assert r.status_code == 404, f"an unknown note should be 404, got {r.status_code}"
    assert r.json() == {"detail": "Note not found"}, "wrong 404 detail"


def test_invalid_note_is_422(client):
    assert client.post("/notes", json={"text": ""}).status_code == 422, "an empty text should be rejected with 422"
    assert client.post("/notes", json={"text": "x" * 201}).status_code == 422, "a text over 200 characters should be rejected with 422"
    assert client.post("/notes", json={}).status_code == 422, "a missing text should be rejected with 422"


def test_health_survives_many_requests(client):
    # sessions that are never closed can exhaust the connection pool
    for _ in range(40):
        assert client.get("/health/db").status_code == 200, "GET /health/db should keep working (close the session in get_db)"


def test_longest_text_is_stored_whole(client):
    text = "y" * 200
    note = client.post("/notes", json={"text": text}).json()
    assert client.get(f"/notes/{note['id']}").json()["text"] == text, "a 200-character text should be stored whole"
