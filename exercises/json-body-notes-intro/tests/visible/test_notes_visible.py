def test_create_note(client):
    r = client.post("/notes", json={"title": "Shopping", "content": "milk eggs  bread", "tags": ["home"]})
    assert r.status_code == 201, f"expected 201, got {r.status_code}: {r.text}"
    body = r.json()
    assert body["title"] == "Shopping"
    assert body["tags"] == ["home"]
    assert body["pinned"] is False
    assert body["word_count"] == 3


def test_missing_title_is_422(client):
    r = client.post("/notes", json={"content": "no title"})
    assert r.status_code == 422, f"expected 422, got {r.status_code}"
