def example():
    return {
        "customer": {"name": "Ada Lovelace", "email": "ada@example.com"},
        "shipping_address": {"street": "12 St James's Square", "city": "London", "postal_code": "SW1Y 4JH", "country": "GB"},
        "items": [
            {"sku": "BOOK-001", "quantity": 2, "unit_price": 12.5},
            {"sku": "PEN-7", "quantity": 1, "unit_price": 3.0},
        ],
        "gift_message": "Happy birthday!",
    }


def test_create_order_computes_totals(client):
    r = client.post("/orders", json=example())
    assert r.status_code == 201, f"expected 201, got {r.status_code}: {r.text}"
    body = r.json()
    assert body["item_count"] == 3
    assert body["subtotal"] == 28.0
    assert body["shipping"] == 4.99
    assert body["total"] == 32.99


def test_bad_quantity_location(client):
    order = example()
    order["items"][1]["quantity"] = 0
    r = client.post("/orders", json=order)
    assert r.status_code == 422
    assert ["body", "items", 1, "quantity"] in [e["loc"] for e in r.json()["detail"]]
