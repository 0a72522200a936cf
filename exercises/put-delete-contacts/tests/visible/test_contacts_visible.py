import uuid


def make_contact(client, **changes):
    tag = uuid.uuid4().hex[:8]
    body = {"name": f"Person {tag}", "email": f"{tag}@example.com", "phone": "+1 555-0100"}
    body.update(changes)
    r = client.post("/contacts", json=body)
    assert r.status_code == 201, f"setup: POST /contacts failed with {r.status_code}: {r.text}"
    return r.json()


def test_put_replaces_contact(client):
    c = make_contact(client)
    new = {"name": "Ada King", "email": f"{uuid.uuid4().hex[:8]}@example.com", "phone": "020 7946 0018"}
    r = client.put(f"/contacts/{c['id']}", json=new)
    assert r.status_code == 200, f"expected 200, got {r.status_code}: {r.text}"
    assert r.json() == {"id": c["id"], **new}


def test_delete_contact(client):
    c = make_contact(client)
    r = client.delete(f"/contacts/{c['id']}")
    assert r.status_code == 204, f"expected 204, got {r.status_code}"
    assert client.get(f"/contacts/{c['id']}").status_code == 404
