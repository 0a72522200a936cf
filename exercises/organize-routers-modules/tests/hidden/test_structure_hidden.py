import uuid

KEY = {"X-API-Key": "dev-key"}


def create(client, **fields):
    body = {"name": f"item-{uuid.uuid4().hex[:6]}", "price": 5.0, **fields}
    r = client.post("/items", json=body, headers=KEY)
    assert r.status_code == 201, f"POST /items must answer 201, got {r.status_code}: {r.text}"
    return r.json()


def test_every_items_route_needs_the_key(client):
    item = create(client)
    calls = [
        ("get", "/items", {}), ("post", "/items", {"json": {"name": "x", "price": 1}}),
        ("get", f"/items/{item['id']}", {}), ("patch", f"/items/{item['id']}", {"json": {"price": 2}}),
        ("delete", f"/items/{item['id']}", {}), ("get", "/items/999999", {}),
    ]
    for method, url, kwargs in calls:
        r = getattr(client, method)(url, **kwargs)
        assert r.status_code == 401, f"{method.upper()} {url} without X-API-Key must answer 401, got {r.status_code}"
        r = getattr(client, method)(url, headers={"X-API-Key": "wrong"}, **kwargs)
        assert r.status_code == 401, f"{method.upper()} {url} with a wrong key must answer 401, got {r.status_code}"


def test_items_operations_are_tagged(client):
    paths = client.get("/openapi.json").json()["paths"]
    # A router path of "/" (the collection at "/items/") is as correct as "" ("/items").
    collection = "/items" if "/items" in paths else "/items/"
    assert collection in paths and "/items/{item_id}" in paths, \
        f"the router must be included with prefix /items, paths are {sorted(paths)}"
    for path in (collection, "/items/{item_id}"):
        for method, op in paths[path].items():
            assert op.get("tags") == ["items"], f"{method.upper()} {path} must have tags ['items'], got {op.get('tags')}"
    assert set(paths[collection]) == {"get", "post"}, "/items must offer GET and POST"
    assert set(paths["/items/{item_id}"]) == {"get", "patch", "delete"}, "/items/{item_id} must offer GET, PATCH and DELETE"


def test_filter_by_tag(client):
    tag = f"t{uuid.uuid4().hex[:6]}"
    a = create(client, tags=[tag, "x"])
    create(client, tags=["other"])
    r = client.get("/items", params={"tag": tag}, headers=KEY)
    assert r.status_code == 200, "GET /items?tag= must answer 200"
    assert [i["id"] for i in r.json()] == [a["id"]], "?tag= must return only the items having that tag"


def test_patch_changes_only_sent_fields(client):
    item = create(client, tags=["keep"])
    r = client.patch(f"/items/{item['id']}", json={"price": 7.5}, headers=KEY)
    assert r.status_code == 200, f"PATCH must answer 200, got {r.status_code}"
    assert r.json() == {**item, "price": 7.5}, "PATCH must change only the fields sent"


def test_validation_errors(client):
    assert client.post("/items", json={"name": "", "price": 1}, headers=KEY).status_code == 422, \
        "an empty name must be rejected with 422"
    assert client.post("/items", json={"name": "x", "price": 0}, headers=KEY).status_code == 422, \
        "a price of 0 must be rejected with 422"
    assert client.post("/items", json={"name": "x", "price": 1, "colour": "red"}, headers=KEY).status_code == 422, \
        "an unknown field must be rejected with 422"


def test_unknown_item_is_404(client):
    for method in ("get", "patch", "delete"):
        kwargs = {"json": {"price": 1}} if method == "patch" else {}
        r = getattr(client, method)("/items/987654", headers=KEY, **kwargs)
        assert r.status_code == 404, f"{method.upper()} of an unknown item must answer 404, got {r.status_code}"


def test_delete_then_gone(client):
    item = create(client)
    r = client.delete(f"/items/{item['id']}", headers=KEY)
    assert r.status_code == 204 and r.content == b"", "DELETE must answer 204 with an empty body"
    assert client.get(f"/items/{item['id']}", headers=KEY).status_code == 404, "a deleted item must answer 404"
