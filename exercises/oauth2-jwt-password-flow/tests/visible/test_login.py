import uuid


def new_user(client, password="s3cret-pass"):
    username = "u_" + uuid.uuid4().hex[:8]
    r = client.post("/users", json={"username": username, "password": password, "full_name": "Test User"})
    assert r.status_code == 201, f"registering a user should return 201, got {r.status_code}: {r.text}"
    return username, password


def test_login_returns_bearer_token(client):
    username, password = new_user(client)
    r = client.post("/token", data={"username": username, "password": password})
    assert r.status_code == 200, f"POST /token with valid credentials should return 200, got {r.status_code}: {r.text}"
    body = r.json()
    assert body["token_type"] == "bearer", "token_type should be 'bearer'"
    assert isinstance(body["access_token"], str) and body["access_token"].count(".") == 2, "access_token should be a JWT"


def test_users_me_with_token(client):
    username, password = new_user(client)
    token = client.post("/token", data={"username": username, "password": password}).json()["access_token"]
    r = client.get("/users/me", headers={"Authorization": f"Bearer {token}"})
    assert r.status_code == 200, f"GET /users/me with a valid token should return 200, got {r.status_code}: {r.text}"
    assert r.json() == {"username": username, "full_name": "Test User"}


def test_users_me_without_token_is_401(client):
    r = client.get("/users/me")
    assert r.status_code == 401, f"GET /users/me without a token should return 401, got {r.status_code}"
    assert r.headers.get("www-authenticate") == "Bearer", "a 401 should carry the header WWW-Authenticate: Bearer"
