def test_list_all_products(client):
    r = client.get("/products")
    assert r.status_code == 200
    assert [p["id"] for p in r.json()] == [1, 2, 3, 4, 5, 6, 7]


def test_read_one_product(client):
    r = client.get("/products/3")
    assert r.status_code == 200, f"GET /products/3 should return 200, got {r.status_code}"
    assert r.json()["name"] == "Desk Lamp"
