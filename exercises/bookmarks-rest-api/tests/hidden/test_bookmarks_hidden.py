import uuid


def unique_url():
    return f"https://example.com/{uuid.uuid4().hex}"


def create(client, tags=None, title="Some page", url=None):
    r = client.post("/bookmarks", json={"url": url or unique_url(), "title": title, "tags": tags or []})
    assert r.status_code == 201, f"POST /bookmarks must answer 201, got {r.status_code}: {r.text}"
    return r.json()


def test_duplicate_url_is_409_with_location(client):
    first = create(client)
    r = client.post("/bookmarks", json={"url": first["url"], "title": "again", "tags": []})
    assert r.status_code == 409, f"a duplicate url must give 409, got {r.status_code}"
    assert r.json() == {"detail": "a bookmark with this url already exists"}, "wrong 409 body"
    assert r.headers.get("location") == f"/bookmarks/{first['id']}", "the 409 must point to the existing bookmark"


def test_url_is_normalized_and_validated(client):
    host = f"https://{uuid.uuid4().hex[:10]}.example.org"
    b = create(client, url=host)
    assert b["url"] == host + "/", f"the url must be stored normalized ({host}/), got {b['url']}"
    r = client.post("/bookmarks", json={"url": host + "/", "title": "x", "tags": []})
    assert r.status_code == 409, "the same url after normalization must give 409"
    for bad in ("not a url", "ftp://example.com/file"):
        r = client.post("/bookmarks", json={"url": bad, "title": "x", "tags": []})
        assert r.status_code == 422, f"url {bad!r} must be rejected with 422"


def test_tags_are_normalized(client):
    t = f"t{uuid.uuid4().hex[:8]}"
    b = create(client, tags=[f" {t.upper()}", "web", t])
    assert b["tags"] == [t, "web"], f"tags must be stripped, lower-cased and de-duplicated, got {b['tags']}"
    r = client.post("/bookmarks", json={"url": unique_url(), "title": "x", "tags": ["c++"]})
    assert r.status_code == 422, "a tag with other characters than a-z 0-9 - must give 422"
    r = client.post("/bookmarks", json={"url": unique_url(), "title": "x", "tags": [f"t{i}" for i in range(11)]})
    assert r.status_code == 422, "more than 10 tags must give 422"


def test_body_validation(client):
    assert client.post("/bookmarks", json={"url": unique_url(), "title": "", "tags": []}).status_code == 422, \
        "an empty title must give 422"
    assert client.post("/bookmarks", json={"url": unique_url(), "title": "x"}).status_code == 422, \
        "POST without tags must give 422 (all fields are required)"
    assert client.post("/bookmarks", json={"url": unique_url(), "title": "x", "tags": [], "id": 5}).status_code == 422, \
        "an unknown field must give 422"


def test_filter_and_pagination(client):
    tag = f"t{uuid.uuid4().hex[:8]}"
    ids = [create(client, tags=[tag])["id"] for _ in range(5)]
    create(client, tags=["other"])
    r = client.get("/bookmarks", params={"tag": tag.upper(), "limit": 2, "offset": 1})
    assert r.status_code == 200, f"GET /bookmarks must answer 200, got {r.status_code}"
    assert [b["id"] for b in r.json()] == ids[1:3], "limit=2&offset=1 must return the 2nd and 3rd matching bookmarks"
    assert r.headers.get("x-total-count") == "5", f"X-Total-Count must be 5, got {r.headers.get('x-total-count')}"
    assert client.get("/bookmarks", params={"limit": 0}).status_code == 422, "limit=0 must give 422"
    assert client.get("/bookmarks", params={"limit": 101}).status_code == 422, "limit=101 must give 422"
    assert client.get("/bookmarks", params={"offset": -1}).status_code == 422, "offset=-1 must give 422"


def test_search_q(client):
    word = uuid.uuid4().hex[:10]
    a = create(client, title=f"About {word.upper()} things")
    b = create(client, url=f"https://example.com/{word}/page")
    create(client)
    r = client.get("/bookmarks", params={"q": word, "limit": 100})
    assert [x["id"] for x in r.json()] == [a["id"], b["id"]], "q must match title or url, case-insensitively"


def test_put_replaces(client):
    b = create(client, tags=["old"])
    new_url = unique_url()
    r = client.put(f"/bookmarks/{b['id']}", json={"url": new_url, "title": "New", "tags": ["new"]})
    assert r.status_code == 200, f"PUT must answer 200, got {r.status_code}: {r.text}"
    body = r.json()
    assert (body["id"], body["url"], body["title"], body["tags"]) == (b["id"], new_url, "New", ["new"]), "PUT must replace the fields"
    assert body["created_at"] == b["created_at"], "PUT must keep created_at"
    assert body["updated_at"] != b["updated_at"], "PUT must refresh updated_at"
    r = client.put(f"/bookmarks/{b['id']}", json={"url": new_url, "title": "Same url", "tags": []})
    assert r.status_code == 200, "a PUT keeping its own url must not give 409"
    assert client.put(f"/bookmarks/{b['id']}", json={"title": "no url"}).status_code == 422, \
        "a PUT missing fields must give 422"


def test_put_and_patch_conflicts(client):
    a = create(client)
    b = create(client)
    r = client.put(f"/bookmarks/{b['id']}", json={"url": a["url"], "title": "x", "tags": []})
    assert r.status_code == 409, "PUT with another bookmark's url must give 409"
    r = client.patch(f"/bookmarks/{b['id']}", json={"url": a["url"]})
    assert r.status_code == 409, "PATCH with another bookmark's url must give 409"


def test_patch_changes_only_sent_fields(client):
    b = create(client, tags=["keep"], title="Before")
    r = client.patch(f"/bookmarks/{b['id']}", json={"title": "After"})
    assert r.status_code == 200, f"PATCH must answer 200, got {r.status_code}"
    body = r.json()
    assert body["title"] == "After" and body["url"] == b["url"] and body["tags"] == ["keep"], \
        "PATCH must change only the title"
    assert body["updated_at"] != b["updated_at"], "PATCH must refresh updated_at"
    assert client.patch(f"/bookmarks/{b['id']}", json={"tags": ["bad tag!"]}).status_code == 422, \
        "PATCH with an invalid tag must give 422"


def test_delete_and_404s(client):
    b = create(client)
    r = client.delete(f"/bookmarks/{b['id']}")
    assert r.status_code == 204 and r.content == b"", "DELETE must answer 204 with an empty body"
    for method, kwargs in (("get", {}), ("delete", {}), ("patch", {"json": {"title": "x"}}),
                           ("put", {"json": {"url": unique_url(), "title": "x", "tags": []}})):
        r = getattr(client, method)(f"/bookmarks/{b['id']}", **kwargs)
        assert r.status_code == 404, f"{method.upper()} of a deleted bookmark must give 404, got {r.status_code}"
        assert r.json() == {"detail": "bookmark not found"}, "the 404 body must be {'detail': 'bookmark not found'}"


def test_collection_delete_is_405(client):
    assert client.delete("/bookmarks").status_code == 405, "DELETE /bookmarks must give 405"


def test_tag_counts(client):
    hot, cold = f"a{uuid.uuid4().hex[:8]}", f"a{uuid.uuid4().hex[:8]}"
    create(client, tags=[hot, cold])
    create(client, tags=[hot])
    r = client.get("/tags")
    assert r.status_code == 200, "GET /tags must answer 200"
    tags = r.json()
    mine = [t for t in tags if t["name"] in (hot, cold)]
    assert mine == [{"name": hot, "count": 2}, {"name": cold, "count": 1}], f"unexpected tag counts {mine}"
    keys = [(-t["count"], t["name"]) for t in tags]
    assert keys == sorted(keys), "tags must be sorted by count descending, then name"
