# Sanity checks that the reference app keeps every promise of the README.
import uuid


def user(client):
    name = f"u_{uuid.uuid4().hex[:8]}"
    client.post("/users", json={"username": name, "password": "secret-pass"})
    token = client.post("/login", json={"username": name, "password": "secret-pass"}).json()["token"]
    return name, {"Authorization": f"Bearer {token}"}


def test_duplicate_username_409(client):
    name, _ = user(client)
    r = client.post("/users", json={"username": name, "password": "secret-pass"})
    assert r.status_code == 409, "a duplicate username must give 409"


def test_bad_registration_422(client):
    r = client.post("/users", json={"username": "AB", "password": "secret-pass"})
    assert r.status_code == 422, "a bad username must give 422"


def test_wrong_password_401(client):
    name, _ = user(client)
    r = client.post("/login", json={"username": name, "password": "not-it-at-all"})
    assert r.status_code == 401, "a wrong password must give 401"


def test_isolation_between_users(client):
    _, a = user(client)
    _, b = user(client)
    t = client.post("/tasks", json={"title": "mine"}, headers=a).json()
    assert t["id"] not in [x["id"] for x in client.get("/tasks", headers=b).json()], \
        "another user's task must not be listed"
    assert client.patch(f"/tasks/{t['id']}", json={"done": True}, headers=b).status_code == 404, \
        "another user's task must give 404"


def test_delete_then_404(client):
    _, a = user(client)
    t = client.post("/tasks", json={"title": "gone"}, headers=a).json()
    assert client.delete(f"/tasks/{t['id']}", headers=a).status_code == 204, "DELETE must give 204"
    assert client.get(f"/tasks/{t['id']}", headers=a).status_code == 404, "a deleted task must give 404"


def test_empty_title_422(client):
    _, a = user(client)
    assert client.post("/tasks", json={"title": ""}, headers=a).status_code == 422, \
        "an empty title must give 422"
