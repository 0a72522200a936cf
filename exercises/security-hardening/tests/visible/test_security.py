import uuid


def test_register_does_not_return_the_password(client):
    name = f"u{uuid.uuid4().hex[:8]}"
    r = client.post("/users", json={"username": name, "email": f"{name}@example.com", "password": "correct-horse-1"})
    assert r.status_code == 201, f"POST /users must answer 201, got {r.status_code}: {r.text}"
    assert r.json() == {"username": name, "email": f"{name}@example.com"}, \
        f"POST /users must answer exactly username and email, got {r.json()}"


def test_security_headers_present(client):
    r = client.get("/admin/stats")
    assert r.headers.get("x-content-type-options") == "nosniff", "X-Content-Type-Options: nosniff is missing"
    assert r.headers.get("x-frame-options") == "DENY", "X-Frame-Options: DENY is missing"
