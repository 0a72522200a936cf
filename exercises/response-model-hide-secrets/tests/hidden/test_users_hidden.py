import uuid

SECRETS = {"password", "hashed_password", "api_token"}


def new_user(client, **extra):
    name = f"u{uuid.uuid4().hex[:8]}"
    body = {"username": name, "email": f"{name}@example.com", "password": "longenough1", **extra}
    r = client.post("/users", json=body)
    assert r.status_code == 201, f"POST /users with a valid body should give 201, got {r.status_code}: {r.text[:200]}"
    return r.json()


def test_create_filters_secrets(client):
    body = new_user(client, full_name="Grace Hopper")
    assert not SECRETS & set(body), f"POST /users leaked {sorted(SECRETS & set(body))}"
    assert set(body) == {"id", "username", "email", "full_name"}, "the response must have exactly id, username, email, full_name"
    assert body["full_name"] == "Grace Hopper" and isinstance(body["id"], int), "full_name and an integer id should be returned"


def test_read_and_list_filter_secrets(client):
    user = new_user(client)
    r = client.get(f"/users/{user['id']}")
    assert r.status_code == 200, f"GET /users/{{id}} should return 200, got {r.status_code}"
    assert r.json() == user, "GET /users/{id} should return the same public user as POST"
    r = client.get("/users")
    assert r.status_code == 200, "GET /users should return 200"
    users = r.json()
    assert user in users, "GET /users should contain the created user"
    for u in users:
        assert not SECRETS & set(u), f"GET /users leaked {sorted(SECRETS & set(u))}"
    ids = [u["id"] for u in users]
    assert ids == sorted(ids), "GET /users should be ordered by id"


def test_duplicate_username_is_409(client):
    user = new_user(client)
    r = client.post("/users", json={"username": user["username"], "email": "other@example.com", "password": "longenough"})
    assert r.status_code == 409, f"a taken username should give 409, got {r.status_code}"
    assert r.json() == {"detail": "Username already taken"}, 'the 409 body should be {"detail": "Username already taken"}'


def test_invalid_bodies_are_422(client):
    name = f"u{uuid.uuid4().hex[:8]}"
    bad = [
        {"username": "ab", "email": "a@example.com", "password": "longenough"},
        {"username": name, "email": "not-an-email", "password": "longenough"},
        {"username": name, "email": "a@example.com", "password": "short"},
        {"username": name, "email": "a@example.com"},
    ]
    for body in bad:
        r = client.post("/users", json=body)
        assert r.status_code == 422, f"body {body} should be rejected with 422, got {r.status_code}"


def test_summary_excludes_null_full_name(client):
    user = new_user(client)
    r = client.get(f"/users/{user['id']}/summary")
    assert r.status_code == 200, f"GET /users/{{id}}/summary should return 200, got {r.status_code}"
    assert r.json() == {"username": user["username"]}, (
        "with full_name null, the summary should be just {\"username\": ...} (response_model_exclude_none)"
    )


def test_summary_with_full_name(client):
    user = new_user(client, full_name="Ada Lovelace")
    r = client.get(f"/users/{user['id']}/summary")
    assert r.json() == {"username": user["username"], "full_name": "Ada Lovelace"}, (
        "the summary should contain exactly username and full_name"
    )
    assert client.get("/users/987654/summary").status_code == 404, "summary of an unknown user should give 404"


def test_delete_is_204_then_404(client):
    user = new_user(client)
    r = client.delete(f"/users/{user['id']}")
    assert r.status_code == 204, f"DELETE should give 204, got {r.status_code}"
    assert r.content == b"", "a 204 response must have an empty body"
    assert client.get(f"/users/{user['id']}").status_code == 404, "a deleted user should give 404 afterwards"
    assert client.delete(f"/users/{user['id']}").status_code == 404, "deleting twice should give 404"


def test_non_integer_id_is_422(client):
    assert client.get("/users/abc").status_code == 422, "a non-integer user id should give 422"


def test_openapi_documents_status_codes(client):
    paths = client.get("/openapi.json").json()["paths"]
    post = paths["/users"]["post"]["responses"]
    assert "201" in post, "POST /users should document a 201 response (status_code=201)"
    delete = paths.get("/users/{user_id}", {}).get("delete", {}).get("responses", {})
    assert "204" in delete, "DELETE /users/{user_id} should document a 204 response (status_code=204)"
    schema = str(post["201"])
    assert "UserPublic" in schema, "the 201 response of POST /users should use the UserPublic model (response_model)"
