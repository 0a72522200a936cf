def test_default_first_page(client):
    r = client.get("/products")
    assert r.status_code == 200, f"expected 200, got {r.status_code}: {r.text}"
    body = r.json()
    assert body["total"] == 25 and body["page"] == 1 and body["size"] == 10 and body["pages"] == 3
    assert [p["name"] for p in body["items"]][:3] == ["Approach Shoes", "Backpack 40L", "Bivy Sack"], "default sort is by name"


def test_readme_example(client):
    r = client.get("/products", params=[("category", "sleep"), ("category", "shelter"),
                                        ("max_price", 130), ("sort", "-price"), ("size", 2)])
    assert r.status_code == 200, f"expected 200, got {r.status_code}: {r.text}"
    body = r.json()
    assert [p["id"] for p in body["items"]] == [12, 14]
    assert (body["total"], body["page"], body["size"], body["pages"]) == (5, 1, 2, 3)


def test_unknown_parameter_is_422(client):
    r = client.get("/products", params={"colour": "red"})
    assert r.status_code == 422, f"an unknown query parameter should give 422, got {r.status_code}"
