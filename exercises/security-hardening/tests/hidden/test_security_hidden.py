import uuid

PASSWORD = "correct-horse-1"
HEADERS = {
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "referrer-policy": "no-referrer",
    "content-security-policy": "default-src 'none'; frame-ancestors 'none'",
    "strict-transport-security": "max-age=63072000; includeSubDomains",
}


def register(client):
    name = f"u{uuid.uuid4().hex[:8]}"
    r = client.post("/users", json={"username": name, "email": f"{name}@example.com", "password": PASSWORD})
    assert r.status_code == 201, f"POST /users must answer 201, got {r.status_code}: {r.text}"
    return name


def login(client, name, password):
    return client.post("/login", json={"username": name, "password": password})


def test_me_never_exposes_the_hash(client):
    name = register(client)
    token = login(client, name, PASSWORD).json()["access_token"]
    r = client.get("/me", headers={"Authorization": f"Bearer {token}"})
    assert r.status_code == 200, f"GET /me must answer 200, got {r.status_code}"
    assert r.json() == {"username": name, "email": f"{name}@example.com"}, \
        f"GET /me must answer exactly username and email, got {r.json()}"
    assert "$2" not in r.text and PASSWORD not in r.text, "GET /me must not contain the password or its hash"


def test_unknown_user_and_wrong_password_look_the_same(client):
    name = register(client)
    wrong = login(client, name, "not-the-password")
    unknown = login(client, f"ghost{uuid.uuid4().hex[:8]}", "not-the-password")
    assert wrong.status_code == 401 and unknown.status_code == 401, \
        f"both a wrong password and an unknown user must give 401, got {wrong.status_code} and {unknown.status_code}"
    assert wrong.json() == unknown.json() == {"detail": "invalid credentials"}, \
        "both must answer {'detail': 'invalid credentials'}"


def test_sixth_attempt_is_429_with_retry_after(client):
    name = register(client)
    for i in range(5):
        r = login(client, name, f"wrong-password-{i}")
        assert r.status_code == 401, f"failed attempt {i + 1} must still give 401, got {r.status_code}"
    r = login(client, name, PASSWORD)
    assert r.status_code == 429, f"after 5 failures even the right password must give 429, got {r.status_code}"
    assert r.json() == {"detail": "too many failed attempts"}, "the 429 body must be {'detail': 'too many failed attempts'}"
    retry = r.headers.get("retry-after", "")
    assert retry.isdigit() and 1 <= int(retry) <= 60, f"Retry-After must be a whole number of seconds 1-60, got {retry!r}"


def test_limit_is_per_username(client):
    blocked = register(client)
    other = register(client)
    for i in range(5):
        login(client, blocked, f"wrong-password-{i}")
    assert login(client, other, PASSWORD).status_code == 200, "failures of one username must not block another"


def test_success_clears_failures(client):
    name = register(client)
    for i in range(4):
        login(client, name, f"wrong-password-{i}")
    assert login(client, name, PASSWORD).status_code == 200, "4 failures must not block the right password"
    for i in range(4):
        assert login(client, name, f"wrong-again-{i}").status_code == 401, \
            "after a successful login the failure count must start again from zero"
    assert login(client, name, PASSWORD).status_code == 200, "a successful login must clear earlier failures"


def test_admin_key(client):
    assert client.get("/admin/stats").status_code == 401, "no X-API-Key must give 401"
    assert client.get("/admin/stats", headers={"X-API-Key": "guess"}).status_code == 401, "a wrong key must give 401"
    r = client.get("/admin/stats", headers={"X-API-Key": "s3cr3t-admin-key"})
    assert r.status_code == 200, f"the right key must give 200, got {r.status_code}"
    users = r.json().get("users")
    assert isinstance(users, int) and users >= 0, f"/admin/stats must answer {{'users': <count>}}, got {r.json()}"


def test_headers_on_every_response(client):
    responses = {
        "200": client.get("/admin/stats", headers={"X-API-Key": "s3cr3t-admin-key"}),
        "401": client.get("/me"),
        "404": client.get("/no-such-page"),
        "422": client.post("/users", json={"username": "x"}),
    }
    for code, r in responses.items():
        for name, value in HEADERS.items():
            assert r.headers.get(name) == value, f"the {code} response must carry {name}: {value}"


def test_large_body_is_413(client):
    name = f"u{uuid.uuid4().hex[:8]}"
    big = {"username": name, "email": f"{name}@example.com", "password": PASSWORD, "padding": "x" * 5000}
    r = client.post("/users", json=big)
    assert r.status_code == 413, f"a body over 4096 bytes must give 413, got {r.status_code}"
    assert r.json() == {"detail": "request body too large"}, "the 413 body must be {'detail': 'request body too large'}"
    assert r.headers.get("x-frame-options") == "DENY", "the 413 response must carry the security headers"


def test_weak_input_is_422(client):
    name = f"u{uuid.uuid4().hex[:8]}"
    assert client.post("/users", json={"username": name, "email": "a@example.com", "password": "short"}).status_code == 422, \
        "a password under 10 characters must give 422"
    assert client.post("/users", json={"username": name, "email": "not-an-email", "password": PASSWORD}).status_code == 422, \
        "an invalid e-mail must give 422"


def test_no_docs(client):
    assert client.get("/docs").status_code == 404, "/docs must be disabled (404)"
    assert client.get("/redoc").status_code == 404, "/redoc must be disabled (404)"
