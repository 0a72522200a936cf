def get(client, params):
    r = client.get("/products", params=params)
    assert r.status_code == 200, f"GET /products with {params} should give 200, got {r.status_code}: {r.text[:200]}"
    return r.json()


def ids(body):
    return [p["id"] for p in body["items"]]


def test_search_ignores_case(client):
    body = get(client, {"q": "JACKET", "size": 50})
    assert sorted(ids(body)) == [4, 5, 17], "q=JACKET should match the three jackets, ignoring case"
    assert body["total"] == 3, "total should count the matching products"


def test_multiple_categories_and_case(client):
    body = get(client, [("category", "Cooking"), ("category", "SLEEP"), ("size", 50)])
    assert sorted(ids(body)) == [13, 14, 15, 18, 19, 20], "repeated category parameters should match any of them, ignoring case"


def test_price_range_is_inclusive(client):
    body = get(client, {"min_price": 39.5, "max_price": 59, "sort": "price", "size": 50})
    assert ids(body) == [3, 9, 19, 7, 24], "min_price/max_price are inclusive; equal prices stay in ascending id order"


def test_in_stock_filter(client):
    body = get(client, {"in_stock": "false", "size": 50})
    assert sorted(ids(body)) == [3, 5, 9, 12, 16, 19], "in_stock=false should keep only out-of-stock products"


def test_filters_combine(client):
    body = get(client, {"q": "camp", "in_stock": "true", "max_price": 60, "sort": "-price", "size": 50})
    assert ids(body) == [24, 15, 20], "q, in_stock and max_price combine with AND, then sort by -price"


def test_sort_by_rating_descending_ties_by_id(client):
    body = get(client, {"sort": "-rating", "size": 6})
    assert ids(body) == [2, 22, 4, 13, 25, 1], "sort=-rating: highest rating first, ties in ascending id order"


def test_sort_by_name_descending(client):
    body = get(client, {"sort": "-name", "size": 3})
    assert [p["name"] for p in body["items"]] == ["Water Filter", "Ultralight Tarp", "Two-Person Tent"], "sort=-name is reverse alphabetical"


def test_sort_by_price_ascending_ties_by_id(client):
    body = get(client, {"sort": "price", "size": 5})
    assert ids(body) == [21, 20, 22, 15, 8], "sort=price: cheapest first, equal prices in ascending id order"


def test_pagination_pages(client):
    p1 = get(client, {"sort": "price", "size": 4, "page": 1})
    p2 = get(client, {"sort": "price", "size": 4, "page": 2})
    p7 = get(client, {"sort": "price", "size": 4, "page": 7})
    assert ids(p2) == [8, 16, 3, 9], "page 2 of size 4 should hold the 5th to 8th products"
    assert not set(ids(p1)) & set(ids(p2)), "pages must not overlap"
    assert ids(p7) == [10], "the last page holds the remaining product"
    assert (p7["total"], p7["page"], p7["size"], p7["pages"]) == (25, 7, 4, 7), "total, page, size and pages should be reported"


def test_page_beyond_last_is_empty(client):
    body = get(client, {"page": 99})
    assert body["items"] == [] and body["total"] == 25 and body["pages"] == 3, "a page beyond the last one gives items [] (not an error)"


def test_no_match_has_zero_pages(client):
    body = get(client, {"q": "kayak"})
    assert body["items"] == [] and body["total"] == 0 and body["pages"] == 0, "nothing matching: items [], total 0, pages 0"


def test_invalid_values_are_422(client):
    bad = [
        {"q": "a"}, {"q": "x" * 51}, {"size": 0}, {"size": 51}, {"page": 0},
        {"min_price": -1}, {"max_price": -0.5}, {"sort": "popularity"}, {"in_stock": "perhaps"},
        {"page": "two"},
    ]
    for params in bad:
        r = client.get("/products", params=params)
        assert r.status_code == 422, f"GET /products with {params} should give 422, got {r.status_code}"


def test_min_price_above_max_price_is_422(client):
    r = client.get("/products", params={"min_price": 100, "max_price": 50})
    assert r.status_code == 422, f"min_price greater than max_price should give 422, got {r.status_code}"
    r = client.get("/products", params={"min_price": 50, "max_price": 50})
    assert r.status_code == 200, "min_price equal to max_price is allowed"


def test_typo_parameter_is_422(client):
    r = client.get("/products", params={"min_prise": 10})
    assert r.status_code == 422, f"a misspelt parameter (min_prise) should give 422, got {r.status_code}"


def test_size_50_is_allowed(client):
    body = get(client, {"size": 50})
    assert len(body["items"]) == 25 and body["pages"] == 1, "size=50 should return all 25 products on one page"
