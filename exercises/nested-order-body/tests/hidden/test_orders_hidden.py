import copy

import pytest

BASE = {
    "customer": {"name": "Grace Hopper", "email": "grace@example.com"},
    "shipping_address": {"street": "1 Navy Way", "city": "Arlington", "postal_code": "22201", "country": "US"},
    "items": [{"sku": "COBOL-101", "quantity": 1, "unit_price": 20.0}],
}


def order(**changes):
    o = copy.deepcopy(BASE)
    o.update(changes)
    return o


def locs(r):
    return [list(e["loc"]) for e in r.json().get("detail", [])]


def test_full_response_shape(client):
    r = client.post("/orders", json=order())
    assert r.status_code == 201, f"a valid order should give 201, got {r.status_code}: {r.text[:200]}"
    body = r.json()
    assert isinstance(body.get("id"), int), "the order needs an integer id"
    expected = {**BASE, "gift_message": None, "id": body["id"], "item_count": 1, "subtotal": 20.0, "shipping": 4.99, "total": 24.99}
    assert body == expected, "the 201 body should be the validated order (gift_message null by default) plus id and totals"


def test_free_shipping_from_50(client):
    items = [{"sku": "A-1", "quantity": 4, "unit_price": 10.0}, {"sku": "B-2", "quantity": 2, "unit_price": 5.0}]
    body = client.post("/orders", json=order(items=items)).json()
    assert body.get("subtotal") == pytest.approx(50.0), "subtotal should be 4*10 + 2*5 = 50"
    assert body.get("shipping") == 0.0, "shipping is 0.0 when subtotal >= 50"
    assert body.get("total") == pytest.approx(50.0) and body.get("item_count") == 6, "total 50.0 and item_count 6"


def test_rounding(client):
    items = [{"sku": "PEN-1", "quantity": 3, "unit_price": 0.1}, {"sku": "PEN-2", "quantity": 7, "unit_price": 1.99}]
    body = client.post("/orders", json=order(items=items)).json()
    assert body.get("subtotal") == 14.23, f"subtotal should be round(3*0.1 + 7*1.99, 2) = 14.23, got {body.get('subtotal')}"
    assert body.get("total") == 19.22, f"total should be round(14.23 + 4.99, 2) = 19.22, got {body.get('total')}"


def test_get_order_and_404(client):
    created = client.post("/orders", json=order(gift_message="Thanks!")).json()
    r = client.get(f"/orders/{created['id']}")
    assert r.status_code == 200 and r.json() == created, "GET /orders/{id} should return the created order"
    r = client.get("/orders/999999")
    assert r.status_code == 404, f"an unknown order should give 404, got {r.status_code}"
    assert r.json() == {"detail": "Order not found"}, 'the 404 body should be {"detail": "Order not found"}'


def test_nested_customer_and_address_errors(client):
    cases = [
        (order(customer={"name": "Grace", "email": "nope"}), ["body", "customer", "email"]),
        (order(customer={"name": "", "email": "g@example.com"}), ["body", "customer", "name"]),
        (order(shipping_address={**BASE["shipping_address"], "country": "usa"}), ["body", "shipping_address", "country"]),
        (order(shipping_address={**BASE["shipping_address"], "country": "us"}), ["body", "shipping_address", "country"]),
        (order(shipping_address={**BASE["shipping_address"], "postal_code": "12"}), ["body", "shipping_address", "postal_code"]),
        (order(shipping_address={"street": "x", "postal_code": "12345", "country": "US"}), ["body", "shipping_address", "city"]),
    ]
    for body, loc in cases:
        r = client.post("/orders", json=body)
        assert r.status_code == 422, f"an invalid {'.'.join(map(str, loc[1:]))} should give 422, got {r.status_code}"
        assert loc in locs(r), f"the error should be reported at loc {loc}, got {locs(r)}"


def test_item_errors_point_at_the_item(client):
    good = {"sku": "OK-1", "quantity": 1, "unit_price": 1.0}
    cases = [
        ({"sku": "ok-1", "quantity": 1, "unit_price": 1.0}, "sku"),
        ({"sku": "AB", "quantity": 1, "unit_price": 1.0}, "sku"),
        ({"sku": "ITEM-2", "quantity": 101, "unit_price": 1.0}, "quantity"),
        ({"sku": "ITEM-2", "quantity": 1, "unit_price": 0}, "unit_price"),
        ({"sku": "ITEM-2", "quantity": 1, "unit_price": 10000.01}, "unit_price"),
        ({"sku": "ITEM-2", "quantity": 1}, "unit_price"),
    ]
    for item, field in cases:
        r = client.post("/orders", json=order(items=[good, item]))
        assert r.status_code == 422, f"item {item} should be rejected with 422, got {r.status_code}"
        assert ["body", "items", 1, field] in locs(r), f"the error for item {item} should be at ['body', 'items', 1, '{field}']"


def test_items_count_limits(client):
    r = client.post("/orders", json=order(items=[]))
    assert r.status_code == 422, "an order without items should give 422"
    many = [{"sku": f"SKU-{i}", "quantity": 1, "unit_price": 1.0} for i in range(21)]
    r = client.post("/orders", json=order(items=many))
    assert r.status_code == 422, "an order with 21 items should give 422"
    r = client.post("/orders", json=order(items=many[:20]))
    assert r.status_code == 201, "an order with 20 items is allowed"


def test_duplicate_sku_is_422(client):
    items = [{"sku": "DUP-1", "quantity": 1, "unit_price": 2.0}, {"sku": "DUP-1", "quantity": 3, "unit_price": 2.0}]
    r = client.post("/orders", json=order(items=items))
    assert r.status_code == 422, f"the same sku twice in items should give 422, got {r.status_code}"


def test_items_must_be_a_list_and_gift_message_limit(client):
    r = client.post("/orders", json=order(items={"sku": "A-1", "quantity": 1, "unit_price": 1.0}))
    assert r.status_code == 422, "items must be a list, not an object"
    r = client.post("/orders", json=order(gift_message="x" * 201))
    assert r.status_code == 422, "a gift_message longer than 200 characters should give 422"
    r = client.post("/orders", json={"customer": BASE["customer"], "items": BASE["items"]})
    assert r.status_code == 422, "a missing shipping_address should give 422"
