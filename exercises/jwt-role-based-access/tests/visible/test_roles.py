import uuid


def token_for(client, username, password):
    r = client.post("/token", data={"username": username, "password": password})
    assert r.status_code == 200, f"login should succeed, got {r.status_code}: {r.text}"
    return {"Authorization": f"Bearer {r.json()['access_token']}"}


def new_viewer(client):
    username = "v_" + uuid.uuid4().hex[:8]
    r = client.post("/users", json={"username": username, "password": "viewer-pass"})
    assert r.status_code == 201, f"registration should return 201, got {r.status_code}: {r.text}"
    assert r.json() == {"username": username, "role": "viewer"}
    return username, token_for(client, username, "viewer-pass")


def test_viewer_cannot_create_article(client):
    _, headers = new_viewer(client)
    r = client.post("/articles", json={"title": "Nope"}, headers=headers)
    assert r.status_code == 403, f"a viewer creating an article should get 403, got {r.status_code}"
    assert r.json() == {"detail": "Not enough permissions"}


def test_admin_can_create_article(client):
    headers = token_for(client, "admin", "admin-pass-123")
    r = client.post("/articles", json={"title": "By the admin"}, headers=headers)
    assert r.status_code == 201, f"an admin creating an article should get 201, got {r.status_code}: {r.text}"
    assert r.json()["author"] == "admin"
