def ids(r):
    return [p["id"] for p in r.json()]


def test_filter_by_category_ignores_case(client):
    r = client.get("/products", params={"category": "Books"})
    assert r.status_code == 200, f"GET /products?category=Books should return 200, got {r.status_code}"
    assert ids(r) == [2, 6], "category=Books should match the 'books' products (ignoring case), ordered by id"


def test_filter_by_in_stock(client):
    assert ids(client.get("/products", params={"in_stock": "true"})) == [1, 2, 5, 7], "in_stock=true should keep only products in stock"
    assert ids(client.get("/products", params={"in_stock": "false"})) == [3, 4, 6], "in_stock=false should keep only products out of stock"


def test_filters_combine(client):
    r = client.get("/products", params={"category": "home", "in_stock": "true"})
    assert r.json() == [{"id": 5, "name": "Throw Pillow", "category": "home", "price": 15.0, "in_stock": True}], (
        "category=home&in_stock=true should return only the Throw Pillow"
    )


def test_unknown_category_gives_empty_list(client):
    r = client.get("/products", params={"category": "toys"})
    assert r.status_code == 200 and r.json() == [], "a category with no products should give 200 and []"


def test_bad_in_stock_is_422(client):
    r = client.get("/products", params={"in_stock": "perhaps"})
    assert r.status_code == 422, f"in_stock=perhaps is not a boolean and should give 422, got {r.status_code}"


def test_product_by_id(client):
    r = client.get("/products/7")
    assert r.status_code == 200, f"GET /products/7 should return 200, got {r.status_code}"
    assert r.json() == {"id": 7, "name": "Noise-Cancelling Headphones", "category": "electronics", "price": 199.0, "in_stock": True}, (
        "GET /products/7 should return the whole product"
    )


def test_unknown_product_is_404(client):
    r = client.get("/products/42")
    assert r.status_code == 404, f"an unknown product id should give 404, got {r.status_code}"
    assert r.json() == {"detail": "Product not found"}, 'the 404 body should be {"detail": "Product not found"}'


def test_non_integer_id_is_422(client):
    r = client.get("/products/lamp")
    assert r.status_code == 422, f"a non-integer product id should give 422, got {r.status_code}"


def test_categories(client):
    r = client.get("/categories")
    assert r.status_code == 200, f"GET /categories should return 200, got {r.status_code}"
    assert r.json() == ["books", "electronics", "home"], "categories should be distinct and sorted alphabetically"
