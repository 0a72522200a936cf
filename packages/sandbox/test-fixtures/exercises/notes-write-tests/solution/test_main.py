def test_create_returns_201(client):
    r = client.post("/notes", json={"text": "a"})
    assert r.status_code == 201
    assert r.json()["text"] == "a"


def test_unknown_note_is_404(client):
    assert client.get("/notes/424242").status_code == 404


def test_empty_text_is_422(client):
    assert client.post("/notes", json={"text": ""}).status_code == 422
