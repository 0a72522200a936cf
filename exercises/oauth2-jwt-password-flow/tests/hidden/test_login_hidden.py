import time
import uuid

import jwt

SECRET_KEY = "fastapi-academy-secret"
ALGORITHM = "HS256"


def new_user(client, password="s3cret-pass", full_name=None):
    username = "h_" + uuid.uuid4().hex[:8]
    r = client.post("/users", json={"username": username, "password": password, "full_name": full_name})
    assert r.status_code == 201, f"registering a valid user should return 201, got {r.status_code}: {r.text}"
    return username, password


def login(client, username, password):
    return client.post("/token", data={"username": username, "password": password})


def me(client, token):
    return client.get("/users/me", headers={"Authorization": f"Bearer {token}"})


def assert_401_bearer(r, what):
    assert r.status_code == 401, f"{what} should return 401, got {r.status_code}: {r.text}"
    assert r.headers.get("www-authenticate") == "Bearer", f"{what}: the 401 should carry the header WWW-Authenticate: Bearer"


def test_token_payload_has_sub_and_30_minute_exp(client):
    username, password = new_user(client)
    r = login(client, username, password)
    assert r.status_code == 200, f"valid login should return 200, got {r.status_code}: {r.text}"
    token = r.json()["access_token"]
    try:
        payload = jwt.decode(token, SECRET_KEY, algorithms=[ALGORITHM])
    except jwt.InvalidTokenError as e:
        raise AssertionError(f"the token should be an HS256 JWT signed with SECRET_KEY: {e}")
    assert payload.get("sub") == username, "the token's 'sub' claim should be the username"
    assert "exp" in payload, "the token should have an 'exp' claim"
    remaining = payload["exp"] - time.time()
    assert 25 * 60 < remaining <= 31 * 60, f"the token should expire in 30 minutes, it expires in {remaining:.0f} s"


def test_register_response_has_no_password(client):
    username = "p_" + uuid.uuid4().hex[:8]
    r = client.post("/users", json={"username": username, "password": "hunter2-hunter2"})
    assert r.status_code == 201, f"registering should return 201, got {r.status_code}"
    assert r.json() == {"username": username, "full_name": None}, "the response should be exactly username and full_name"
    token = login(client, username, "hunter2-hunter2").json()["access_token"]
    body = me(client, token).json()
    assert "password" not in body and "hashed_password" not in body, "GET /users/me must not expose the password or its hash"


def test_duplicate_username_is_409(client):
    username, _ = new_user(client)
    r = client.post("/users", json={"username": username, "password": "another-pass"})
    assert r.status_code == 409, f"registering an existing username should return 409, got {r.status_code}"
    assert r.json() == {"detail": "Username already registered"}, "wrong 409 detail"


def test_register_validation(client):
    r = client.post("/users", json={"username": "short_pw_" + uuid.uuid4().hex[:6], "password": "1234567"})
    assert r.status_code == 422, "a password shorter than 8 characters should be rejected with 422"
    r = client.post("/users", json={"username": "Bad Name", "password": "long-enough"})
    assert r.status_code == 422, "a username with capitals or spaces should be rejected with 422"
    r = client.post("/users", json={"username": "ab", "password": "long-enough"})
    assert r.status_code == 422, "a username shorter than 3 characters should be rejected with 422"


def test_wrong_password_is_401(client):
    username, _ = new_user(client)
    r = login(client, username, "not-the-password")
    assert_401_bearer(r, "POST /token with a wrong password")
    assert r.json() == {"detail": "Incorrect username or password"}, "wrong 401 detail for a bad password"


def test_unknown_user_is_401(client):
    r = login(client, "nobody_" + uuid.uuid4().hex[:8], "whatever-pass")
    assert_401_bearer(r, "POST /token for an unknown user")
    assert r.json() == {"detail": "Incorrect username or password"}, "wrong 401 detail for an unknown user"


def test_token_endpoint_needs_form_data(client):
    username, password = new_user(client)
    r = client.post("/token", json={"username": username, "password": password})
    assert r.status_code == 422, f"POST /token with a JSON body (not a form) should return 422, got {r.status_code}"


def test_garbage_token_is_401(client):
    r = me(client, "not-a-jwt")
    assert_401_bearer(r, "GET /users/me with a malformed token")
    assert r.json() == {"detail": "Could not validate credentials"}, "wrong 401 detail for a malformed token"


def test_expired_token_is_401(client):
    username, _ = new_user(client)
    token = jwt.encode({"sub": username, "exp": int(time.time()) - 60}, SECRET_KEY, algorithm=ALGORITHM)
    r = me(client, token)
    assert_401_bearer(r, "GET /users/me with an expired token")
    assert r.json() == {"detail": "Could not validate credentials"}, "wrong 401 detail for an expired token"


def test_token_signed_with_other_key_is_401(client):
    username, _ = new_user(client)
    token = jwt.encode({"sub": username, "exp": int(time.time()) + 600}, "some-other-secret", algorithm=ALGORITHM)
    r = me(client, token)
    assert_401_bearer(r, "GET /users/me with a token signed with another key")


def test_token_for_unknown_user_or_without_sub_is_401(client):
    token = jwt.encode({"sub": "ghost_" + uuid.uuid4().hex[:8], "exp": int(time.time()) + 600}, SECRET_KEY, algorithm=ALGORITHM)
    assert_401_bearer(me(client, token), "GET /users/me with a token whose user does not exist")
    token = jwt.encode({"exp": int(time.time()) + 600}, SECRET_KEY, algorithm=ALGORITHM)
    assert_401_bearer(me(client, token), "GET /users/me with a token without 'sub'")


def test_users_me_returns_the_token_owner(client):
    a, pa = new_user(client, full_name="Ada")
    b, pb = new_user(client, full_name="Bob")
    ta = login(client, a, pa).json()["access_token"]
    tb = login(client, b, pb).json()["access_token"]
    assert me(client, ta).json() == {"username": a, "full_name": "Ada"}, "GET /users/me should return the token owner"
    assert me(client, tb).json() == {"username": b, "full_name": "Bob"}, "GET /users/me should return the token owner"
