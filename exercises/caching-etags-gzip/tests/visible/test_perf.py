def test_second_call_is_a_cache_hit(client):
    limit = 1_300_021  # no other test asks for this limit, so the first call is a MISS
    first = client.get("/primes", params={"limit": limit})
    second = client.get("/primes", params={"limit": limit})
    assert first.status_code == 200, f"GET /primes must answer 200, got {first.status_code}"
    assert first.headers.get("x-cache") == "MISS", "the first call for a limit must be X-Cache: MISS"
    assert second.headers.get("x-cache") == "HIT", "the second call for the same limit must be X-Cache: HIT"
    assert first.json() == second.json(), "a cached answer must equal the computed one"


def test_if_none_match_gives_304(client):
    product = client.post("/products", json={"name": "Desk", "price": 120}).json()
    r = client.get(f"/products/{product['id']}")
    etag = r.headers.get("etag")
    assert etag, "GET /products/{id} must send an ETag header"
    again = client.get(f"/products/{product['id']}", headers={"If-None-Match": etag})
    assert again.status_code == 304, f"a matching If-None-Match must give 304, got {again.status_code}"
