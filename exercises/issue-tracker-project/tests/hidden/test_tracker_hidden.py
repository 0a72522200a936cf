import uuid
from datetime import UTC, datetime, timedelta

import jwt

PASSWORD = "password123"


def new_user(client):
    name = f"u_{uuid.uuid4().hex[:8]}"
    r = client.post("/auth/register", json={"username": name, "password": PASSWORD})
    assert r.status_code == 201, f"POST /auth/register must answer 201, got {r.status_code}: {r.text}"
    r = client.post("/auth/token", data={"username": name, "password": PASSWORD})
    assert r.status_code == 200, f"POST /auth/token must answer 200, got {r.status_code}: {r.text}"
    return name, {"Authorization": f"Bearer {r.json()['access_token']}"}


def new_issue(client, headers, **fields):
    r = client.post("/issues", json={"title": "Something broke", **fields}, headers=headers)
    assert r.status_code == 201, f"POST /issues must answer 201, got {r.status_code}: {r.text}"
    return r.json()


def test_register_rules(client):
    name, _ = new_user(client)
    r = client.post("/auth/register", json={"username": name, "password": PASSWORD})
    assert r.status_code == 409 and r.json() == {"detail": "username already taken"}, "a taken username must give 409"
    assert client.post("/auth/register", json={"username": "Bad Name", "password": PASSWORD}).status_code == 422, \
        "an invalid username must give 422"
    assert client.post("/auth/register", json={"username": f"u_{uuid.uuid4().hex[:8]}", "password": "short"}).status_code == 422, \
        "a password under 8 characters must give 422"
    body = client.post("/auth/register", json={"username": f"u_{uuid.uuid4().hex[:8]}", "password": PASSWORD}).json()
    assert set(body) == {"id", "username"}, "registration must answer only id and username"


def test_token_is_a_jwt_with_sub_and_exp(client):
    name = f"u_{uuid.uuid4().hex[:8]}"
    client.post("/auth/register", json={"username": name, "password": PASSWORD})
    r = client.post("/auth/token", data={"username": name, "password": PASSWORD})
    assert r.json().get("token_type") == "bearer", "token_type must be 'bearer'"
    claims = jwt.decode(r.json()["access_token"], options={"verify_signature": False})
    assert claims.get("sub") == name, "the JWT 'sub' claim must be the username"
    exp = datetime.fromtimestamp(claims["exp"], UTC)
    assert timedelta(minutes=25) < exp - datetime.now(UTC) <= timedelta(minutes=31), "the token must expire in 30 minutes"


def test_wrong_password_is_401(client):
    name, _ = new_user(client)
    r = client.post("/auth/token", data={"username": name, "password": "wrong-password"})
    assert r.status_code == 401, f"a wrong password must give 401, got {r.status_code}"
    assert r.json() == {"detail": "incorrect username or password"}, "wrong 401 body"
    assert r.headers.get("www-authenticate") == "Bearer", "the 401 must carry WWW-Authenticate: Bearer"


def test_bad_tokens_are_401(client):
    name, _ = new_user(client)
    forged = jwt.encode({"sub": name, "exp": datetime.now(UTC) + timedelta(minutes=5)}, "not-the-secret", algorithm="HS256")
    for headers in ({}, {"Authorization": "Bearer garbage"}, {"Authorization": f"Bearer {forged}"}):
        r = client.get("/issues", headers=headers)
        assert r.status_code == 401, f"GET /issues with {headers or 'no token'} must give 401, got {r.status_code}"
        assert r.headers.get("www-authenticate") == "Bearer", "a 401 must carry WWW-Authenticate: Bearer"


def test_expired_token_is_401(client):
    name, _ = new_user(client)
    expired = jwt.encode({"sub": name, "exp": datetime.now(UTC) - timedelta(minutes=1)}, "any-key", algorithm="HS256")
    r = client.get("/users/me", headers={"Authorization": f"Bearer {expired}"})
    assert r.status_code == 401, f"an expired token must give 401, got {r.status_code}"


def test_only_reporter_can_edit_and_delete(client):
    _, alice = new_user(client)
    _, bob = new_user(client)
    issue = new_issue(client, alice)
    r = client.patch(f"/issues/{issue['id']}", json={"title": "Taken over"}, headers=bob)
    assert r.status_code == 403, f"another user's PATCH must give 403, got {r.status_code}"
    assert r.json() == {"detail": "only the reporter can edit this issue"}, "wrong 403 body for PATCH"
    r = client.delete(f"/issues/{issue['id']}", headers=bob)
    assert r.status_code == 403 and r.json() == {"detail": "only the reporter can delete this issue"}, \
        "another user's DELETE must give 403"
    r = client.patch(f"/issues/{issue['id']}", json={"priority": "high"}, headers=alice)
    assert r.status_code == 200 and r.json()["priority"] == "high" and r.json()["title"] == issue["title"], \
        "the reporter's PATCH must change only the fields sent"
    assert client.patch(f"/issues/{issue['id']}", json={"priority": "urgent"}, headers=alice).status_code == 422, \
        "an invalid priority must give 422"


def test_404_before_403(client):
    _, bob = new_user(client)
    for method, url, kwargs in (("patch", "/issues/99999999", {"json": {"title": "abc"}}),
                                ("delete", "/issues/99999999", {}),
                                ("get", "/issues/99999999", {}),
                                ("put", "/issues/99999999/status", {"json": {"status": "closed"}})):
        r = getattr(client, method)(url, headers=bob, **kwargs)
        assert r.status_code == 404 and r.json() == {"detail": "issue not found"}, \
            f"{method.upper()} {url} must give 404 'issue not found', got {r.status_code}"


def test_assign_rules(client):
    _, alice = new_user(client)
    bob_name, bob = new_user(client)
    issue = new_issue(client, alice)
    url = f"/issues/{issue['id']}/assignee"
    r = client.put(url, json={"assignee": bob_name}, headers=bob)
    assert r.status_code == 403 and r.json() == {"detail": "only the reporter can assign this issue"}, \
        "only the reporter may assign"
    r = client.put(url, json={"assignee": "no_such_user_xyz"}, headers=alice)
    assert r.status_code == 404 and r.json() == {"detail": "user not found"}, "an unknown assignee must give 404"
    r = client.put(url, json={"assignee": bob_name}, headers=alice)
    assert r.status_code == 200 and r.json()["assignee"] == bob_name, "the reporter must be able to assign"
    r = client.put(url, json={"assignee": None}, headers=alice)
    assert r.status_code == 200 and r.json()["assignee"] is None, "assignee null must unassign"


def test_workflow(client):
    _, alice = new_user(client)
    bob_name, bob = new_user(client)
    _, carol = new_user(client)
    issue = new_issue(client, alice)
    status_url, assign_url = f"/issues/{issue['id']}/status", f"/issues/{issue['id']}/assignee"
    r = client.put(status_url, json={"status": "in_progress"}, headers=alice)
    assert r.status_code == 409 and r.json() == {"detail": "assign the issue before starting it"}, \
        "starting an unassigned issue must give 409"
    client.put(assign_url, json={"assignee": bob_name}, headers=alice)
    r = client.put(status_url, json={"status": "in_progress"}, headers=carol)
    assert r.status_code == 403 and r.json() == {"detail": "only the reporter or the assignee can change the status"}, \
        "a third user must not change the status"
    r = client.put(status_url, json={"status": "in_progress"}, headers=bob)
    assert r.status_code == 200 and r.json()["status"] == "in_progress", "the assignee must be able to start the issue"
    r = client.put(assign_url, json={"assignee": None}, headers=alice)
    assert r.status_code == 409 and r.json() == {"detail": "an issue in progress needs an assignee"}, \
        "unassigning an issue in progress must give 409"
    r = client.put(status_url, json={"status": "in_progress"}, headers=bob)
    assert r.status_code == 409 and r.json() == {"detail": "cannot go from in_progress to in_progress"}, \
        "the same status must give 409"
    assert client.put(status_url, json={"status": "closed"}, headers=alice).json()["status"] == "closed", \
        "the reporter must be able to close"
    r = client.put(status_url, json={"status": "in_progress"}, headers=alice)
    assert r.status_code == 409 and r.json() == {"detail": "cannot go from closed to in_progress"}, \
        "closed -> in_progress must give 409"
    assert client.put(status_url, json={"status": "open"}, headers=bob).status_code == 200, "closed -> open must be allowed"
    assert client.put(status_url, json={"status": "done"}, headers=bob).status_code == 422, "an unknown status must give 422"


def test_filters(client):
    alice_name, alice = new_user(client)
    bob_name, _ = new_user(client)
    a = new_issue(client, alice, priority="high")
    b = new_issue(client, alice, priority="low")
    client.put(f"/issues/{b['id']}/assignee", json={"assignee": bob_name}, headers=alice)
    ids = lambda **p: [i["id"] for i in client.get("/issues", params=p, headers=alice).json()]
    assert ids(reporter=alice_name) == [a["id"], b["id"]], "reporter= must filter by reporter, sorted by id"
    assert ids(reporter=alice_name, priority="high") == [a["id"]], "filters must combine"
    assert ids(assignee=bob_name) == [b["id"]], "assignee= must filter by assignee"
    assert ids(reporter=alice_name, status="closed") == [], "status= must filter by status"
    assert client.get("/issues", params={"priority": "urgent"}, headers=alice).status_code == 422, \
        "an invalid priority filter must give 422"


def test_comments(client):
    _, alice = new_user(client)
    bob_name, bob = new_user(client)
    issue = new_issue(client, alice)
    url = f"/issues/{issue['id']}/comments"
    r = client.post(url, json={"body": "I can reproduce it"}, headers=bob)
    assert r.status_code == 201, f"any logged-in user may comment (201), got {r.status_code}"
    assert r.json()["author"] == bob_name and r.json()["body"] == "I can reproduce it", "wrong comment body"
    client.post(url, json={"body": "second"}, headers=alice)
    bodies = [c["body"] for c in client.get(url, headers=alice).json()]
    assert bodies == ["I can reproduce it", "second"], "comments must be listed oldest first"
    assert client.post(url, json={"body": ""}, headers=bob).status_code == 422, "an empty comment must give 422"
    assert client.get("/issues/99999999/comments", headers=bob).status_code == 404, "comments of an unknown issue: 404"


def test_delete_issue(client):
    _, alice = new_user(client)
    issue = new_issue(client, alice)
    client.post(f"/issues/{issue['id']}/comments", json={"body": "bye"}, headers=alice)
    r = client.delete(f"/issues/{issue['id']}", headers=alice)
    assert r.status_code == 204 and r.content == b"", "the reporter's DELETE must answer 204 with no body"
    assert client.get(f"/issues/{issue['id']}", headers=alice).status_code == 404, "a deleted issue must give 404"
