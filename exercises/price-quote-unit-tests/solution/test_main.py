import pytest


def quote(client, **body):
    return client.post("/quote", json=body)


def test_single_item_has_no_discount(client):
    r = quote(client, unit_price=5, quantity=1)
    assert r.status_code == 200
    assert r.json() == {"subtotal": 5.0, "discount": 0.0, "total": 5.0}


def test_nine_items_get_no_bulk_discount(client):
    r = quote(client, unit_price=10, quantity=9)
    assert r.json() == {"subtotal": 90.0, "discount": 0.0, "total": 90.0}


def test_ten_items_get_five_percent(client):
    r = quote(client, unit_price=10, quantity=10)
    assert r.status_code == 200
    assert r.json() == {"subtotal": 100.0, "discount": 5.0, "total": 95.0}


def test_hundred_items_get_ten_percent(client):
    r = quote(client, unit_price=1, quantity=100)
    assert r.json() == {"subtotal": 100.0, "discount": 10.0, "total": 90.0}


def test_save10_adds_ten_to_discount(client):
    r = quote(client, unit_price=2.5, quantity=10, coupon="SAVE10")
    assert r.status_code == 200
    assert r.json() == {"subtotal": 25.0, "discount": 11.25, "total": 13.75}


def test_unknown_coupon_is_rejected_with_400(client):
    r = quote(client, unit_price=20, quantity=1, coupon="FREE")
    assert r.status_code == 400
    assert r.json() == {"detail": "unknown coupon"}


def test_total_never_goes_below_zero(client):
    r = quote(client, unit_price=2, quantity=3, coupon="SAVE10")
    assert r.status_code == 200
    assert r.json() == {"subtotal": 6.0, "discount": 6.0, "total": 0.0}


@pytest.mark.parametrize("quantity", [0, -1, 1001])
def test_quantity_outside_limits_is_422(client, quantity):
    r = quote(client, unit_price=5, quantity=quantity)
    assert r.status_code == 422


def test_quantity_limits_are_inclusive(client):
    assert quote(client, unit_price=1, quantity=1).status_code == 200
    assert quote(client, unit_price=1, quantity=1000).status_code == 200


def test_non_positive_price_is_422(client):
    assert quote(client, unit_price=0, quantity=1).status_code == 422


def test_slug_format(client):
    r = client.get("/slug", params={"text": "  Hello, FastAPI World!  "})
    assert r.status_code == 200
    assert r.json() == {"slug": "hello-fastapi-world"}


def test_slug_is_cut_at_30_characters(client):
    r = client.get("/slug", params={"text": "a" * 40})
    assert r.json() == {"slug": "a" * 30}


def test_slug_cut_does_not_leave_trailing_dash(client):
    r = client.get("/slug", params={"text": "a" * 29 + " bcd"})
    assert r.json() == {"slug": "a" * 29}


def test_slug_of_punctuation_only_is_400(client):
    assert client.get("/slug", params={"text": "!!!"}).status_code == 400


def test_slug_without_text_is_422(client):
    assert client.get("/slug").status_code == 422
