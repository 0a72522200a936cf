import uuid


def new_tag():
    return "t" + uuid.uuid4().hex[:12]


def create(client, **body):
    r = client.post("/tasks", json=body)
    assert r.status_code == 201, f"POST /tasks with {body} should return 201, got {r.status_code}: {r.text}"
    return r.json()


def listing(client, **params):
    r = client.get("/tasks", params=params)
    assert r.status_code == 200, f"GET /tasks with {params} should return 200, got {r.status_code}: {r.text}"
    return r.json()


def seed(client):
    tag = new_tag()
    tasks = [
        create(client, title=f"{tag} alpha", priority=1),
        create(client, title=f"{tag.upper()} beta", priority=5, done=True),
        create(client, title=f"{tag} gamma", priority=3),
        create(client, title=f"{tag} delta", priority=5),
        create(client, title=f"{tag} epsilon", priority=2, done=True),
    ]
    return tag, tasks


def test_page_envelope_and_pagination(client):
    tag, tasks = seed(client)
    page1 = listing(client, q=tag, limit=2, offset=0)
    assert set(page1) == {"items", "total", "limit", "offset"}, "the list should be {items, total, limit, offset}"
    assert page1["total"] == 5 and page1["limit"] == 2 and page1["offset"] == 0, f"wrong page metadata: {page1}"
    page2 = listing(client, q=tag, limit=2, offset=2)
    page3 = listing(client, q=tag, limit=2, offset=4)
    assert page1["items"] + page2["items"] + page3["items"] == tasks, "pages of 2 should walk through the matches in id order"
    empty = listing(client, q=tag, offset=50)
    assert empty["items"] == [] and empty["total"] == 5, "an offset past the end gives no items but the right total"
    default = listing(client, q=tag)
    assert default["limit"] == 10 and default["offset"] == 0, "limit defaults to 10 and offset to 0"


def test_q_is_case_insensitive(client):
    tag, tasks = seed(client)
    got = listing(client, q=tag.upper())["items"]
    assert got == tasks, "q should match titles case-insensitively"


def test_q_treats_wildcards_literally(client):
    tag = new_tag()
    literal = create(client, title=f"{tag} a_b%c")
    create(client, title=f"{tag} axbyc")
    got = listing(client, q="a_b%c")["items"]
    assert literal in got, "q='a_b%c' should find the title containing 'a_b%c'"
    assert all("a_b%c" in t["title"] for t in got), "'%' and '_' in q must match literally, not as LIKE wildcards"


def test_done_and_priority_filters(client):
    tag, tasks = seed(client)
    done = listing(client, q=tag, done="true")
    assert done["items"] == [tasks[1], tasks[4]] and done["total"] == 2, "done=true should keep only done tasks"
    not_done = listing(client, q=tag, done="false")
    assert not_done["items"] == [tasks[0], tasks[2], tasks[3]], "done=false should keep only open tasks"
    mid = listing(client, q=tag, min_priority=2, max_priority=3)
    assert mid["items"] == [tasks[2], tasks[4]], "2 <= priority <= 3 should keep gamma and epsilon"
    combo = listing(client, q=tag, done="false", min_priority=5)
    assert combo["items"] == [tasks[3]] and combo["total"] == 1, "filters should combine with AND"


def test_sorting(client):
    tag, t = seed(client)
    ids = lambda page: [x["id"] for x in page["items"]]
    assert ids(listing(client, q=tag, sort="-id")) == [x["id"] for x in reversed(t)], "sort=-id should be newest first"
    assert ids(listing(client, q=tag, sort="priority")) == [t[0]["id"], t[4]["id"], t[2]["id"], t[1]["id"], t[3]["id"]], \
        "sort=priority should be ascending priority, ties by id"
    assert ids(listing(client, q=tag, sort="-priority")) == [t[1]["id"], t[3]["id"], t[2]["id"], t[4]["id"], t[0]["id"]], \
        "sort=-priority should be descending priority, ties by id ascending"
    assert ids(listing(client, q=tag, sort="-priority", limit=2, offset=1)) == [t[3]["id"], t[2]["id"]], \
        "sorting should apply before pagination"


def test_bad_query_parameters_are_422(client):
    for params in ({"limit": 0}, {"limit": 101}, {"offset": -1}, {"min_priority": 0}, {"max_priority": 6},
                   {"sort": "title"}, {"done": "maybe"}, {"limit": "ten"}):
        r = client.get("/tasks", params=params)
        assert r.status_code == 422, f"GET /tasks with {params} should be 422, got {r.status_code}"
    r = client.get("/tasks", params={"min_priority": 4, "max_priority": 2})
    assert r.status_code == 422, f"min_priority > max_priority should be 422, got {r.status_code}"
    assert r.json() == {"detail": "min_priority cannot be greater than max_priority"}, "wrong detail for min > max"


def test_patch_only_changes_sent_fields(client):
    t = create(client, title=new_tag(), description="keep", priority=4)
    r = client.patch(f"/tasks/{t['id']}", json={"priority": 1})
    assert r.status_code == 200, f"PATCH should return 200, got {r.status_code}: {r.text}"
    assert r.json() == {**t, "priority": 1}, f"only priority should change, got {r.json()}"
    assert client.get(f"/tasks/{t['id']}").json() == {**t, "priority": 1}, "the change should be stored"
    r = client.patch(f"/tasks/{t['id']}", json={})
    assert r.status_code == 200 and r.json() == {**t, "priority": 1}, "an empty PATCH should change nothing"


def test_patch_null_description_clears_it(client):
    t = create(client, title=new_tag(), description="to clear")
    r = client.patch(f"/tasks/{t['id']}", json={"description": None, "title": "renamed"})
    assert r.status_code == 200, f"PATCH with description null should return 200, got {r.status_code}: {r.text}"
    assert r.json() == {**t, "description": None, "title": "renamed"}, "description: null should clear it"


def test_patch_rejects_null_required_fields_and_unknown_fields(client):
    t = create(client, title=new_tag())
    for body in ({"title": None}, {"priority": None}, {"done": None}, {"title": ""}, {"priority": 9},
                 {"id": 12345}, {"owner": "me"}):
        r = client.patch(f"/tasks/{t['id']}", json=body)
        assert r.status_code == 422, f"PATCH with {body} should be 422, got {r.status_code}"
    assert client.get(f"/tasks/{t['id']}").json() == t, "rejected PATCHes must not change the task"


def test_patch_unknown_task_is_404(client):
    r = client.patch("/tasks/99999999", json={"done": True})
    assert r.status_code == 404, f"PATCH on an unknown task should be 404, got {r.status_code}"
    assert r.json() == {"detail": "Task not found"}, "wrong 404 detail"
