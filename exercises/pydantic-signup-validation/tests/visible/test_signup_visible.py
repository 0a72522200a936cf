import uuid


def valid_body(**changes):
    body = {
        "username": f"user_{uuid.uuid4().hex[:8]}",
        "email": "someone@example.com",
        "age": 30,
        "password": "secret123",
        "password_confirm": "secret123",
    }
    body.update(changes)
    return body


def test_valid_signup_is_created(client):
    body = valid_body()
    r = client.post("/signups", json=body)
    assert r.status_code == 201, f"expected 201, got {r.status_code}: {r.text}"
    data = r.json()
    assert data["username"] == body["username"]
    assert data["interests"] == []
    assert "password" not in data and "password_confirm" not in data, "never return the password"


def test_too_young_is_rejected(client):
    r = client.post("/signups", json=valid_body(age=12))
    assert r.status_code == 422, f"age 12 should be rejected with 422, got {r.status_code}"
    assert r.json()["detail"][0]["loc"] == ["body", "age"]
