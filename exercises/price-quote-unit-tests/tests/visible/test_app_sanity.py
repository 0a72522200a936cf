# Sanity checks of the reference app (app/main.py): they show how to call it.


def test_quote_example_from_readme(client):
    r = client.post("/quote", json={"unit_price": 2.5, "quantity": 10, "coupon": "SAVE10"})
    assert r.status_code == 200, f"expected 200, got {r.status_code}: {r.text}"
    assert r.json() == {"subtotal": 25.0, "discount": 11.25, "total": 13.75}


def test_slug_example_from_readme(client):
    r = client.get("/slug", params={"text": "Hello, FastAPI World!"})
    assert r.status_code == 200, f"expected 200, got {r.status_code}"
    assert r.json() == {"slug": "hello-fastapi-world"}
