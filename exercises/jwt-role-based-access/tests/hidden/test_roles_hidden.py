import time
import uuid

import jwt

SECRET_KEY = "academy-rbac-secret"


def token_for(client, username, password):
    r = client.post("/token", data={"username": username, "password": password})
    assert r.status_code == 200, f"login as {username} should succeed, got {r.status_code}: {r.text}"
    return {"Authorization": f"Bearer {r.json()['access_token']}"}


def admin(client):
    return token_for(client, "admin", "admin-pass-123")


def new_user(client, role="viewer"):
    username = "r_" + uuid.uuid4().hex[:8]
    r = client.post("/users", json={"username": username, "password": "member-pass"})
    assert r.status_code == 201, f"registration should return 201, got {r.status_code}: {r.text}"
    headers = token_for(client, username, "member-pass")
    if role != "viewer":
        r = client.put(f"/admin/users/{username}/role", json={"role": role}, headers=admin(client))
        assert r.status_code == 200, f"an admin changing a role should get 200, got {r.status_code}: {r.text}"
    return username, headers


def test_editor_can_create_article_with_own_name(client):
    username, headers = new_user(client, "editor")
    title = "Post " + uuid.uuid4().hex[:6]
    r = client.post("/articles", json={"title": title}, headers=headers)
    assert r.status_code == 201, f"an editor creating an article should get 201, got {r.status_code}: {r.text}"
    body = r.json()
    assert body["title"] == title and body["author"] == username, "the article's author should be the editor"
    assert isinstance(body["id"], int), "the article should have an integer id"
    listed = client.get("/articles", headers=headers).json()
    assert body in listed, "a created article should appear in GET /articles"


def test_viewer_can_read_articles_but_not_write(client):
    _, headers = new_user(client)
    r = client.get("/articles", headers=headers)
    assert r.status_code == 200, f"a viewer should be able to GET /articles, got {r.status_code}"
    assert isinstance(r.json(), list), "GET /articles should return a list"
    r = client.post("/articles", json={"title": "x"}, headers=headers)
    assert r.status_code == 403, f"a viewer creating an article should get 403, got {r.status_code}"
    assert r.json() == {"detail": "Not enough permissions"}, "wrong 403 detail"


def test_only_admin_can_delete(client):
    _, editor = new_user(client, "editor")
    _, viewer = new_user(client)
    art = client.post("/articles", json={"title": "to delete"}, headers=editor).json()
    for who, headers in (("editor", editor), ("viewer", viewer)):
        r = client.delete(f"/articles/{art['id']}", headers=headers)
        assert r.status_code == 403, f"a {who} deleting an article should get 403, got {r.status_code}"
    r = client.delete(f"/articles/{art['id']}", headers=admin(client))
    assert r.status_code == 204, f"an admin deleting an article should get 204, got {r.status_code}: {r.text}"
    r = client.delete(f"/articles/{art['id']}", headers=admin(client))
    assert r.status_code == 404, f"deleting an already deleted article should give 404, got {r.status_code}"
    assert r.json() == {"detail": "Article not found"}, "wrong 404 detail"
    ids = [a["id"] for a in client.get("/articles", headers=viewer).json()]
    assert art["id"] not in ids, "a deleted article should not be listed any more"


def test_role_check_comes_before_lookup(client):
    _, viewer = new_user(client)
    r = client.delete("/articles/999999", headers=viewer)
    assert r.status_code == 403, f"a viewer deleting a missing article should get 403 (role first), got {r.status_code}"


def test_missing_or_bad_token_is_401_not_403(client):
    for method, url, kw in (
        ("post", "/articles", {"json": {"title": "x"}}),
        ("delete", "/articles/1", {}),
        ("put", "/admin/users/admin/role", {"json": {"role": "admin"}}),
        ("get", "/articles", {}),
    ):
        r = getattr(client, method)(url, **kw)
        assert r.status_code == 401, f"{method.upper()} {url} without a token should be 401, got {r.status_code}"
        assert r.headers.get("www-authenticate") == "Bearer", f"{method.upper()} {url}: 401 should carry WWW-Authenticate: Bearer"
        r = getattr(client, method)(url, headers={"Authorization": "Bearer garbage"}, **kw)
        assert r.status_code == 401, f"{method.upper()} {url} with a malformed token should be 401, got {r.status_code}"


def test_forged_admin_token_is_401(client):
    forged = jwt.encode({"sub": "admin", "exp": int(time.time()) + 600}, "not-the-secret", algorithm="HS256")
    r = client.put("/admin/users/admin/role", json={"role": "admin"}, headers={"Authorization": f"Bearer {forged}"})
    assert r.status_code == 401, f"a token signed with another key should be 401, got {r.status_code}"
    expired = jwt.encode({"sub": "admin", "exp": int(time.time()) - 60}, SECRET_KEY, algorithm="HS256")
    r = client.post("/articles", json={"title": "x"}, headers={"Authorization": f"Bearer {expired}"})
    assert r.status_code == 401, f"an expired token should be 401, got {r.status_code}"


def test_non_admin_cannot_change_roles(client):
    username, viewer = new_user(client)
    _, editor = new_user(client, "editor")
    for who, headers in (("viewer", viewer), ("editor", editor)):
        r = client.put(f"/admin/users/{username}/role", json={"role": "admin"}, headers=headers)
        assert r.status_code == 403, f"a {who} changing roles should get 403, got {r.status_code}"
    me = client.get("/users/me", headers=viewer).json()
    assert me == {"username": username, "role": "viewer"}, "a refused role change must not change the role"


def test_admin_role_change_errors(client):
    r = client.put(f"/admin/users/ghost_{uuid.uuid4().hex[:8]}/role", json={"role": "editor"}, headers=admin(client))
    assert r.status_code == 404, f"changing the role of an unknown user should be 404, got {r.status_code}"
    assert r.json() == {"detail": "User not found"}, "wrong 404 detail"
    username, _ = new_user(client)
    r = client.put(f"/admin/users/{username}/role", json={"role": "superuser"}, headers=admin(client))
    assert r.status_code == 422, f"an unknown role should be rejected with 422, got {r.status_code}"


def test_role_changes_apply_to_existing_tokens(client):
    username, headers = new_user(client)
    r = client.put(f"/admin/users/{username}/role", json={"role": "editor"}, headers=admin(client))
    assert r.json() == {"username": username, "role": "editor"}, "PUT role should return the user with the new role"
    assert client.get("/users/me", headers=headers).json()["role"] == "editor", "GET /users/me should show the new role"
    r = client.post("/articles", json={"title": "now allowed"}, headers=headers)
    assert r.status_code == 201, f"after promotion to editor the same token should create articles, got {r.status_code}"
    client.put(f"/admin/users/{username}/role", json={"role": "viewer"}, headers=admin(client))
    r = client.post("/articles", json={"title": "no longer"}, headers=headers)
    assert r.status_code == 403, f"after demotion to viewer the same token should get 403, got {r.status_code}"


def test_promoted_admin_can_delete(client):
    _, new_admin = new_user(client, "admin")
    art = client.post("/articles", json={"title": "bye"}, headers=new_admin)
    assert art.status_code == 201, f"an admin should create articles, got {art.status_code}"
    r = client.delete(f"/articles/{art.json()['id']}", headers=new_admin)
    assert r.status_code == 204, f"a promoted admin should delete articles, got {r.status_code}"
