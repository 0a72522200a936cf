# Sanity checks of the reference app (app/main.py): they show how to call it.
import uuid


def test_register_and_login(client):
    name = f"u_{uuid.uuid4().hex[:8]}"
    r = client.post("/users", json={"username": name, "password": "secret-pass"})
    assert r.status_code == 201, f"expected 201, got {r.status_code}: {r.text}"
    r = client.post("/login", json={"username": name, "password": "secret-pass"})
    assert r.status_code == 200, f"expected 200, got {r.status_code}: {r.text}"
    assert "token" in r.json()


def test_create_task_example(client):
    name = f"u_{uuid.uuid4().hex[:8]}"
    client.post("/users", json={"username": name, "password": "secret-pass"})
    token = client.post("/login", json={"username": name, "password": "secret-pass"}).json()["token"]
    r = client.post("/tasks", json={"title": "Write tests"}, headers={"Authorization": f"Bearer {token}"})
    assert r.status_code == 201, f"expected 201, got {r.status_code}"
    assert r.json()["owner"] == name
