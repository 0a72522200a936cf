import uuid

PASSWORD = "secret-pass"


def unique_name() -> str:
    return f"u_{uuid.uuid4().hex[:8]}"


def new_user(client):
    name = unique_name()
    r = client.post("/users", json={"username": name, "password": PASSWORD})
    assert r.status_code == 201
    token = client.post("/login", json={"username": name, "password": PASSWORD}).json()["token"]
    return name, {"Authorization": f"Bearer {token}"}


def test_register_returns_201_without_password(client):
    name = unique_name()
    r = client.post("/users", json={"username": name, "password": PASSWORD})
    assert r.status_code == 201
    body = r.json()
    assert body["username"] == name
    assert "password" not in body


def test_duplicate_username_is_409(client):
    name = unique_name()
    client.post("/users", json={"username": name, "password": PASSWORD})
    r = client.post("/users", json={"username": name, "password": "another-pass"})
    assert r.status_code == 409


def test_short_password_is_422(client):
    r = client.post("/users", json={"username": unique_name(), "password": "short"})
    assert r.status_code == 422


def test_wrong_password_is_401(client):
    name = unique_name()
    client.post("/users", json={"username": name, "password": PASSWORD})
    r = client.post("/login", json={"username": name, "password": "wrong-password"})
    assert r.status_code == 401


def test_me_with_and_without_token(client):
    name, headers = new_user(client)
    r = client.get("/me", headers=headers)
    assert r.status_code == 200
    assert r.json()["username"] == name
    assert client.get("/me").status_code == 401
    assert client.get("/me", headers={"Authorization": "Bearer nope"}).status_code == 401


def test_create_task_returns_201(client):
    name, headers = new_user(client)
    r = client.post("/tasks", json={"title": "Write tests"}, headers=headers)
    assert r.status_code == 201
    body = r.json()
    assert body["title"] == "Write tests"
    assert body["done"] is False
    assert body["owner"] == name


def test_empty_title_is_422(client):
    _, headers = new_user(client)
    assert client.post("/tasks", json={"title": ""}, headers=headers).status_code == 422


def test_tasks_need_a_token(client):
    assert client.post("/tasks", json={"title": "x"}).status_code == 401
    assert client.get("/tasks").status_code == 401


def test_users_only_see_their_own_tasks(client):
    _, alice = new_user(client)
    _, bob = new_user(client)
    task = client.post("/tasks", json={"title": "alice only"}, headers=alice).json()
    bob_ids = [t["id"] for t in client.get("/tasks", headers=bob).json()]
    assert task["id"] not in bob_ids
    alice_ids = [t["id"] for t in client.get("/tasks", headers=alice).json()]
    assert task["id"] in alice_ids
    assert client.get(f"/tasks/{task['id']}", headers=bob).status_code == 404


def test_patch_marks_done(client):
    _, headers = new_user(client)
    task = client.post("/tasks", json={"title": "finish"}, headers=headers).json()
    r = client.patch(f"/tasks/{task['id']}", json={"done": True}, headers=headers)
    assert r.status_code == 200
    assert r.json()["done"] is True


def test_delete_removes_the_task(client):
    _, headers = new_user(client)
    task = client.post("/tasks", json={"title": "temporary"}, headers=headers).json()
    r = client.delete(f"/tasks/{task['id']}", headers=headers)
    assert r.status_code == 204
    assert client.get(f"/tasks/{task['id']}", headers=headers).status_code == 404
    assert task["id"] not in [t["id"] for t in client.get("/tasks", headers=headers).json()]
