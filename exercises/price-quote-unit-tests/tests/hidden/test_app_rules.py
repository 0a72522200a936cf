# Sanity checks that the reference app keeps every promise of the README.


def test_bulk_thresholds(client):
    assert client.post("/quote", json={"unit_price": 10, "quantity": 9}).json()["discount"] == 0.0, \
        "9 units must get no bulk discount"
    assert client.post("/quote", json={"unit_price": 10, "quantity": 10}).json()["discount"] == 5.0, \
        "10 units must get 5%"
    assert client.post("/quote", json={"unit_price": 1, "quantity": 100}).json()["discount"] == 10.0, \
        "100 units must get 10%"


def test_unknown_coupon_400(client):
    r = client.post("/quote", json={"unit_price": 1, "quantity": 1, "coupon": "NOPE"})
    assert r.status_code == 400, "an unknown coupon must be rejected with 400"


def test_total_floor_zero(client):
    r = client.post("/quote", json={"unit_price": 2, "quantity": 3, "coupon": "SAVE10"})
    assert r.json() == {"subtotal": 6.0, "discount": 6.0, "total": 0.0}, "the total must not go below 0"


def test_quantity_limits(client):
    for q in (0, 1001):
        r = client.post("/quote", json={"unit_price": 1, "quantity": q})
        assert r.status_code == 422, f"quantity {q} must be rejected with 422"


def test_slug_limits(client):
    assert client.get("/slug", params={"text": "b" * 40}).json() == {"slug": "b" * 30}, \
        "slugs must be cut at 30 characters"
    assert client.get("/slug", params={"text": "?!"}).status_code == 400, \
        "a text without letters or digits must give 400"
    assert client.get("/slug").status_code == 422, "a missing text must give 422"
