import uuid


def test_create_and_get(client):
    email = f"v{uuid.uuid4().hex[:8]}@example.com"
    r = client.post("/contacts", json={"name": "Ana", "email": email})
    assert r.status_code == 201, f"POST /contacts should return 201, got {r.status_code}: {r.text}"
    contact = r.json()
    r = client.get(f"/contacts/{contact['id']}")
    assert r.status_code == 200, f"GET /contacts/{{id}} should return 200, got {r.status_code}"
    assert r.json() == {"id": contact["id"], "name": "Ana", "email": email, "phone": None}


def test_delete_then_404(client):
    email = f"v{uuid.uuid4().hex[:8]}@example.com"
    contact = client.post("/contacts", json={"name": "Tmp", "email": email}).json()
    assert client.delete(f"/contacts/{contact['id']}").status_code == 204
    assert client.get(f"/contacts/{contact['id']}").status_code == 404
