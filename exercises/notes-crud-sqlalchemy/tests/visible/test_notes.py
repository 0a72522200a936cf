import uuid


def new_notebook(client):
    r = client.post("/notebooks", json={"name": f"nb-{uuid.uuid4().hex[:8]}"})
    assert r.status_code == 201, f"POST /notebooks must answer 201, got {r.status_code}: {r.text}"
    return r.json()


def test_create_notebook_and_note(client):
    nb = new_notebook(client)
    assert nb["note_count"] == 0, "a new notebook has note_count 0"
    r = client.post(f"/notebooks/{nb['id']}/notes", json={"title": "Groceries"})
    assert r.status_code == 201, f"POST /notebooks/{{id}}/notes must answer 201, got {r.status_code}: {r.text}"
    note = r.json()
    assert note["notebook_id"] == nb["id"] and note["content"] == "" and note["pinned"] is False, f"unexpected note {note}"
    assert client.get(f"/notes/{note['id']}").json() == note, "GET /notes/{id} must return the note"


def test_list_page_shape(client):
    nb = new_notebook(client)
    client.post(f"/notebooks/{nb['id']}/notes", json={"title": "one"})
    r = client.get("/notes", params={"notebook_id": nb["id"]})
    assert r.status_code == 200, f"GET /notes must answer 200, got {r.status_code}"
    body = r.json()
    assert isinstance(body, dict) and set(body) == {"items", "total", "limit", "offset"}, \
        "GET /notes must answer {items, total, limit, offset}"
    assert body["total"] == 1 and body["limit"] == 10 and body["offset"] == 0, f"unexpected page {body}"
