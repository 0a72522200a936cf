import uuid


def new_user(client):
    name = f"u_{uuid.uuid4().hex[:8]}"
    r = client.post("/auth/register", json={"username": name, "password": "password123"})
    assert r.status_code == 201, f"POST /auth/register must answer 201, got {r.status_code}: {r.text}"
    r = client.post("/auth/token", data={"username": name, "password": "password123"})
    assert r.status_code == 200, f"POST /auth/token must answer 200, got {r.status_code}: {r.text}"
    return name, {"Authorization": f"Bearer {r.json()['access_token']}"}


def test_register_login_me(client):
    name, headers = new_user(client)
    r = client.get("/users/me", headers=headers)
    assert r.status_code == 200 and r.json()["username"] == name, "GET /users/me must return the caller"


def test_create_issue(client):
    name, headers = new_user(client)
    r = client.post("/issues", json={"title": "Login button misaligned"}, headers=headers)
    assert r.status_code == 201, f"POST /issues must answer 201, got {r.status_code}: {r.text}"
    issue = r.json()
    assert (issue["status"], issue["priority"], issue["reporter"], issue["assignee"]) == ("open", "medium", name, None), \
        f"unexpected new issue {issue}"
