import uuid


def test_create_returns_201_public_user(client):
    name = f"u{uuid.uuid4().hex[:8]}"
    r = client.post("/users", json={"username": name, "email": f"{name}@example.com", "password": "longenough"})
    assert r.status_code == 201, f"expected 201, got {r.status_code}: {r.text}"
    body = r.json()
    assert set(body) == {"id", "username", "email", "full_name"}, f"unexpected keys: {sorted(body)}"
    assert body["full_name"] is None


def test_missing_user_is_404(client):
    r = client.get("/users/987654")
    assert r.status_code == 404
    assert r.json() == {"detail": "User not found"}
