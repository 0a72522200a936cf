import uuid


def uname():
    return f"u_{uuid.uuid4().hex[:10]}"


def valid_body(**changes):
    body = {
        "username": uname(),
        "email": "someone@example.com",
        "age": 30,
        "password": "secret123",
        "password_confirm": "secret123",
    }
    body.update(changes)
    return body


def error_locs(r):
    return [tuple(e["loc"]) for e in r.json().get("detail", [])]


def test_username_and_email_are_normalised(client):
    name = uname()
    r = client.post("/signups", json=valid_body(username=f"  {name.upper()} ", email="Ada@Example.COM"))
    assert r.status_code == 201, f"a padded, upper-case username should be normalised and accepted, got {r.status_code}"
    data = r.json()
    assert data["username"] == name, "the username must be stripped and lower-cased"
    assert data["email"] == "ada@example.com", "the email must be stored lower-cased"
    assert isinstance(data.get("id"), int), "the response needs an integer id"


def test_username_rules(client):
    for bad in ["ab", "a" * 21, "has space", "dash-name", "émile"]:
        r = client.post("/signups", json=valid_body(username=bad))
        assert r.status_code == 422, f"username {bad!r} should be rejected with 422, got {r.status_code}"
        assert ("body", "username") in error_locs(r), f"the error for username {bad!r} should be at loc ['body', 'username']"


def test_username_length_counted_after_stripping(client):
    r = client.post("/signups", json=valid_body(username="  ab  "))
    assert r.status_code == 422, "'  ab  ' is only 2 characters after stripping and must be rejected with 422"


def test_invalid_email_is_rejected(client):
    for bad in ["not-an-email", "a@", "@example.com"]:
        r = client.post("/signups", json=valid_body(email=bad))
        assert r.status_code == 422, f"email {bad!r} should be rejected with 422, got {r.status_code}"
        assert ("body", "email") in error_locs(r), "an invalid email should be reported at loc ['body', 'email']"


def test_age_bounds(client):
    for ok in [13, 120]:
        r = client.post("/signups", json=valid_body(age=ok))
        assert r.status_code == 201, f"age {ok} is within 13..120 and should be accepted, got {r.status_code}"
    for bad in [12, 121, -1]:
        r = client.post("/signups", json=valid_body(age=bad))
        assert r.status_code == 422, f"age {bad} should be rejected with 422, got {r.status_code}"


def test_password_rules(client):
    for bad in ["short1", "onlyletters", "12345678", "a1" * 33]:
        r = client.post("/signups", json=valid_body(password=bad, password_confirm=bad))
        assert r.status_code == 422, f"password {bad!r} should be rejected with 422, got {r.status_code}"
        assert ("body", "password") in error_locs(r), "a bad password should be reported at loc ['body', 'password']"


def test_password_mismatch(client):
    r = client.post("/signups", json=valid_body(password="secret123", password_confirm="secret124"))
    assert r.status_code == 422, f"different passwords should be rejected with 422, got {r.status_code}"
    messages = " ".join(e.get("msg", "") for e in r.json()["detail"])
    assert "passwords do not match" in messages, "the error message should contain 'passwords do not match'"


def test_interests_are_normalised_and_deduplicated(client):
    r = client.post("/signups", json=valid_body(interests=[" Math", "poetry", "math ", "POETRY", "Chess"]))
    assert r.status_code == 201, f"expected 201, got {r.status_code}"
    assert r.json()["interests"] == ["math", "poetry", "chess"], (
        "interests should be stripped, lower-cased and de-duplicated, keeping first positions"
    )


def test_interests_limits(client):
    r = client.post("/signups", json=valid_body(interests=["a", "b", "c", "d", "e", "f"]))
    assert r.status_code == 422, "6 different interests should be rejected with 422"
    r = client.post("/signups", json=valid_body(interests=["a", "b", "c", "d", "e", "A", " b "]))
    assert r.status_code == 201, "7 interests that are only 5 after de-duplication should be accepted"
    r = client.post("/signups", json=valid_body(interests=["   "]))
    assert r.status_code == 422, "an interest that is empty after stripping should be rejected with 422"
    r = client.post("/signups", json=valid_body(interests=["x" * 31]))
    assert r.status_code == 422, "an interest longer than 30 characters should be rejected with 422"


def test_unknown_field_is_rejected(client):
    r = client.post("/signups", json=valid_body(is_admin=True))
    assert r.status_code == 422, f"an unknown field like is_admin should be rejected with 422, got {r.status_code}"


def test_missing_field_is_rejected(client):
    body = valid_body()
    del body["password_confirm"]
    r = client.post("/signups", json=body)
    assert r.status_code == 422, "a missing password_confirm should give 422"


def test_duplicate_username_is_409(client):
    name = uname()
    assert client.post("/signups", json=valid_body(username=name)).status_code == 201, "a valid sign-up should give 201"
    r = client.post("/signups", json=valid_body(username=f" {name.upper()}"))
    assert r.status_code == 409, f"the same username (after normalising) should give 409, got {r.status_code}"
    assert r.json() == {"detail": "Username already taken"}, 'the 409 body should be {"detail": "Username already taken"}'


def test_get_signup_and_404(client):
    name = uname()
    created = client.post("/signups", json=valid_body(username=name, interests=["Go"])).json()
    r = client.get(f"/signups/{name}")
    assert r.status_code == 200, f"GET /signups/{{username}} should return 200, got {r.status_code}"
    assert r.json() == created, "GET should return the same data as the 201 response"
    assert set(created) == {"id", "username", "email", "age", "interests"}, (
        "the response should have exactly id, username, email, age and interests"
    )
    r = client.get(f"/signups/nobody_{uuid.uuid4().hex[:6]}")
    assert r.status_code == 404, "an unknown username should give 404"
