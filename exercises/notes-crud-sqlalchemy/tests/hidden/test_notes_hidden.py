import uuid


def new_notebook(client, name=None):
    r = client.post("/notebooks", json={"name": name or f"nb-{uuid.uuid4().hex[:8]}"})
    assert r.status_code == 201, f"POST /notebooks must answer 201, got {r.status_code}: {r.text}"
    return r.json()


def new_note(client, nb, **fields):
    r = client.post(f"/notebooks/{nb['id']}/notes", json={"title": "note", **fields})
    assert r.status_code == 201, f"creating a note must answer 201, got {r.status_code}: {r.text}"
    return r.json()


def page(client, **params):
    r = client.get("/notes", params=params)
    assert r.status_code == 200, f"GET /notes must answer 200, got {r.status_code}: {r.text}"
    body = r.json()
    assert isinstance(body, dict) and "items" in body, "GET /notes must answer {items, total, limit, offset}"
    return body


def test_notebook_name_rules(client):
    name = f"nb-{uuid.uuid4().hex[:8]}"
    nb = new_notebook(client, name=f"  {name}  ")
    assert nb["name"] == name, "the notebook name must be stripped"
    r = client.post("/notebooks", json={"name": name})
    assert r.status_code == 409, f"a duplicate notebook name must give 409, got {r.status_code}"
    assert r.json() == {"detail": "notebook name already exists"}, "wrong 409 body"
    assert client.post("/notebooks", json={"name": "   "}).status_code == 422, "a blank name must give 422"
    assert client.post("/notebooks", json={"name": "x" * 51}).status_code == 422, "a 51-character name must give 422"
    padded = f"  {uuid.uuid4().hex}{'y' * 18}  "
    r = client.post("/notebooks", json={"name": padded})
    assert r.status_code == 201, "a 50-character name with spaces around it is valid: strip first, then check the length"
    assert r.json()["name"] == padded.strip(), "the stored name must be stripped"


def test_note_counts(client):
    nb = new_notebook(client)
    new_note(client, nb)
    new_note(client, nb)
    listed = {n["id"]: n for n in client.get("/notebooks").json()}
    assert listed[nb["id"]]["note_count"] == 2, "note_count must count the notebook's notes"


def test_note_validation(client):
    nb = new_notebook(client)
    url = f"/notebooks/{nb['id']}/notes"
    assert client.post(url, json={"title": ""}).status_code == 422, "an empty title must give 422"
    assert client.post(url, json={"title": "x" * 101}).status_code == 422, "a 101-character title must give 422"
    assert client.post(url, json={"title": "x", "content": "y" * 10_001}).status_code == 422, "content over 10000 chars must give 422"
    assert client.post(url, json={"title": "x", "colour": "red"}).status_code == 422, "an unknown field must give 422"
    r = client.post("/notebooks/99999999/notes", json={"title": "x"})
    assert r.status_code == 404 and r.json() == {"detail": "notebook not found"}, "an unknown notebook must give 404"


def test_order_pinned_first_then_newest(client):
    nb = new_notebook(client)
    a = new_note(client, nb, title="a")
    b = new_note(client, nb, title="b", pinned=True)
    c = new_note(client, nb, title="c")
    d = new_note(client, nb, title="d")
    ids = [n["id"] for n in page(client, notebook_id=nb["id"])["items"]]
    assert ids == [b["id"], d["id"], c["id"], a["id"]], "order must be pinned first, then newest (highest id) first"


def test_pagination(client):
    nb = new_notebook(client)
    notes = [new_note(client, nb, title=f"n{i}") for i in range(7)]
    expected = [n["id"] for n in reversed(notes)]
    p = page(client, notebook_id=nb["id"], limit=3, offset=2)
    assert [n["id"] for n in p["items"]] == expected[2:5], "limit=3&offset=2 must return the 3rd to 5th notes"
    assert (p["total"], p["limit"], p["offset"]) == (7, 3, 2), f"total/limit/offset are wrong: {p['total']}, {p['limit']}, {p['offset']}"
    assert page(client, notebook_id=nb["id"], offset=10)["items"] == [], "an offset past the end gives no items"
    for bad in ({"limit": 0}, {"limit": 51}, {"offset": -1}):
        assert client.get("/notes", params=bad).status_code == 422, f"{bad} must give 422"


def test_filters(client):
    nb = new_notebook(client)
    word = uuid.uuid4().hex[:10]
    t = new_note(client, nb, title=f"Title {word.upper()}")
    c = new_note(client, nb, title="other", content=f"... {word} ...", pinned=True)
    new_note(client, nb, title="nothing here")
    found = page(client, q=word)
    assert {n["id"] for n in found["items"]} == {t["id"], c["id"]} and found["total"] == 2, \
        "q must match title or content, case-insensitively"
    pinned = page(client, notebook_id=nb["id"], pinned="true")
    assert [n["id"] for n in pinned["items"]] == [c["id"]], "pinned=true must return only pinned notes"
    unpinned = page(client, notebook_id=nb["id"], pinned="false")
    assert unpinned["total"] == 2, "pinned=false must return only unpinned notes"


def test_patch(client):
    nb = new_notebook(client)
    note = new_note(client, nb, title="before", content="keep me")
    r = client.patch(f"/notes/{note['id']}", json={"title": "after", "pinned": True})
    assert r.status_code == 200, f"PATCH must answer 200, got {r.status_code}: {r.text}"
    body = r.json()
    assert body["title"] == "after" and body["pinned"] is True and body["content"] == "keep me", \
        "PATCH must change only the fields sent"
    assert body["created_at"] == note["created_at"], "PATCH must keep created_at"
    assert body["updated_at"] != note["updated_at"], "PATCH must refresh updated_at"
    assert client.get(f"/notes/{note['id']}").json() == body, "the change must be saved in the database"
    assert client.patch(f"/notes/{note['id']}", json={"title": ""}).status_code == 422, "an empty title must give 422"


def test_move_note(client):
    src, dst = new_notebook(client), new_notebook(client)
    note = new_note(client, src)
    r = client.patch(f"/notes/{note['id']}", json={"notebook_id": dst["id"]})
    assert r.status_code == 200 and r.json()["notebook_id"] == dst["id"], "PATCH notebook_id must move the note"
    assert page(client, notebook_id=src["id"])["total"] == 0, "the moved note must leave its old notebook"
    r = client.patch(f"/notes/{note['id']}", json={"notebook_id": 99999999})
    assert r.status_code == 404 and r.json() == {"detail": "notebook not found"}, "moving to an unknown notebook must give 404"


def test_delete_note(client):
    nb = new_notebook(client)
    note = new_note(client, nb)
    r = client.delete(f"/notes/{note['id']}")
    assert r.status_code == 204 and r.content == b"", "DELETE /notes/{id} must answer 204 with no body"
    r = client.get(f"/notes/{note['id']}")
    assert r.status_code == 404 and r.json() == {"detail": "note not found"}, "a deleted note must give 404"
    assert client.delete(f"/notes/{note['id']}").status_code == 404, "deleting twice must give 404"
    assert client.patch("/notes/99999999", json={"title": "x"}).status_code == 404, "PATCH of an unknown note must give 404"


def test_delete_notebook_cascades(client):
    nb = new_notebook(client)
    notes = [new_note(client, nb) for _ in range(2)]
    r = client.delete(f"/notebooks/{nb['id']}")
    assert r.status_code == 204, f"DELETE /notebooks/{{id}} must answer 204, got {r.status_code}"
    for n in notes:
        assert client.get(f"/notes/{n['id']}").status_code == 404, "the notes of a deleted notebook must be deleted too"
    assert nb["id"] not in [x["id"] for x in client.get("/notebooks").json()], "a deleted notebook must not be listed"
    assert client.delete(f"/notebooks/{nb['id']}").status_code == 404, "deleting an unknown notebook must give 404"
