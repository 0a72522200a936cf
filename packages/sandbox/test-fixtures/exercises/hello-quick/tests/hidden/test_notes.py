from uuid import uuid4

SECRET_MARKER = "hidden-test-secret-7f3a"
SOURCE_ONLY_MARKER = "source-only-marker-91c2"  # appears in no message: finding it in a report means the source leaked


def test_create_note(client):
    text = f"note {uuid4().hex[:8]}"
    r = client.post("/notes", json={"text": text})
    assert r.status_code == 201, "creating a note must answer 201"
    assert r.json()["text"] == text, "the created note must echo its text"


def test_read_note(client):
    text = f"note {uuid4().hex[:8]}"
    created = client.post("/notes", json={"text": text}).json()
    r = client.get(f"/notes/{created['id']}")
    assert r.status_code == 200, "a stored note must be readable"
    assert r.json()["text"] == text


def test_missing_note_is_404(client):
    r = client.get("/notes/999999")
    assert r.status_code == 404, "an unknown note id must answer 404"
    assert r.json() == {"detail": "note not found"}, 'the 404 must say {"detail": "note not found"}'


def test_empty_text_is_422(client):
    r = client.post("/notes", json={"text": ""})
    assert r.status_code == 422, f"an empty text must be rejected with 422 ({SECRET_MARKER})"
