import re
import uuid


def new_product(client, price=10.0):
    r = client.post("/products", json={"name": f"p-{uuid.uuid4().hex[:6]}", "price": price})
    assert r.status_code == 201, f"POST /products must answer 201, got {r.status_code}: {r.text}"
    return r


def test_primes_values_and_validation(client):
    r = client.get("/primes", params={"limit": 100, "full": "true"})
    body = r.json()
    assert body["count"] == 25 and body["largest"] == 97, "there are 25 primes up to 100, the largest 97"
    assert body["primes"][:5] == [2, 3, 5, 7, 11], "full=true must include the primes list"
    assert "primes" not in client.get("/primes", params={"limit": 100}).json(), "without full, no primes list"
    for bad in (1, 2_000_001):
        assert client.get("/primes", params={"limit": bad}).status_code == 422, f"limit={bad} must give 422"
    assert client.get("/primes").status_code == 422, "a missing limit must give 422"


# Each test uses limits no other test asks for (the app runs once for every test, visible and
# hidden, in any order), so a first call is always a MISS.
def test_full_flag_shares_the_cache(client):
    limit = 1_100_003
    assert client.get("/primes", params={"limit": limit}).headers.get("x-cache") == "MISS", "first call must be a MISS"
    r = client.get("/primes", params={"limit": limit, "full": "true"})
    assert r.headers.get("x-cache") == "HIT", "the same limit with full=true must be a HIT"


def test_stats_count_hits_and_misses(client):
    before = client.get("/cache/stats").json()
    limit = 1_200_007
    client.get("/primes", params={"limit": limit})
    client.get("/primes", params={"limit": limit})
    client.get("/primes", params={"limit": limit})
    after = client.get("/cache/stats").json()
    assert after["misses"] - before["misses"] == 1, "one new limit must add 1 miss"
    assert after["hits"] - before["hits"] == 2, "two repeated calls must add 2 hits"
    assert after["max_size"] == 32 and 1 <= after["size"] <= 32, f"size must stay within max_size 32, got {after}"


def test_least_recently_used_is_evicted(client):
    base = 200_000
    client.get("/primes", params={"limit": base})
    for i in range(1, 33):
        client.get("/primes", params={"limit": base + i})
    r = client.get("/primes", params={"limit": base})
    assert r.headers.get("x-cache") == "MISS", "after 32 newer limits, the oldest one must have been evicted (MISS)"
    assert client.get("/cache/stats").json()["size"] == 32, "the cache must hold at most 32 limits"


def test_etag_is_stable_and_content_based(client):
    created = new_product(client)
    pid = created.json()["id"]
    etag = created.headers.get("etag", "")
    assert re.fullmatch(r'"[0-9a-f]{16}"', etag), f"the ETag must be 16 hex characters in double quotes, got {etag!r}"
    r = client.get(f"/products/{pid}")
    assert r.headers.get("etag") == etag, "GET must send the same ETag as POST for unchanged content"
    assert r.headers.get("cache-control") == "no-cache", "GET /products/{id} must send Cache-Control: no-cache"


def test_304_has_no_body_and_list_matching(client):
    pid = new_product(client).json()["id"]
    etag = client.get(f"/products/{pid}").headers["etag"]
    r = client.get(f"/products/{pid}", headers={"If-None-Match": f'"0000000000000000", {etag}'})
    assert r.status_code == 304, "If-None-Match with a list containing the ETag must give 304"
    assert r.content == b"", "a 304 must have an empty body"
    assert client.get(f"/products/{pid}", headers={"If-None-Match": "*"}).status_code == 304, \
        "If-None-Match: * must give 304"
    r = client.get(f"/products/{pid}", headers={"If-None-Match": '"0000000000000000"'})
    assert r.status_code == 200 and r.json()["id"] == pid, "a non-matching If-None-Match must give 200 and the product"


def test_update_changes_etag(client):
    created = new_product(client)
    pid, old = created.json()["id"], created.headers["etag"]
    r = client.put(f"/products/{pid}", json={"name": "renamed", "price": 12.5})
    assert r.status_code == 200, f"PUT must answer 200, got {r.status_code}"
    new = r.headers.get("etag")
    assert new and new != old, "an update must produce a new ETag"
    assert client.get(f"/products/{pid}", headers={"If-None-Match": old}).status_code == 200, \
        "the old ETag must no longer give 304 after an update"


def test_if_match_mismatch_is_412(client):
    created = new_product(client, price=10.0)
    pid, etag = created.json()["id"], created.headers["etag"]
    r = client.put(f"/products/{pid}", json={"name": "x", "price": 1}, headers={"If-Match": '"0000000000000000"'})
    assert r.status_code == 412, f"a stale If-Match must give 412, got {r.status_code}"
    assert r.json() == {"detail": "precondition failed"}, "the 412 body must be {'detail': 'precondition failed'}"
    assert client.get(f"/products/{pid}").json()["price"] == 10.0, "a 412 must not change the product"
    ok = client.put(f"/products/{pid}", json={"name": "x", "price": 1}, headers={"If-Match": etag})
    assert ok.status_code == 200, "a matching If-Match must allow the update"


def test_unknown_product_404(client):
    assert client.get("/products/99999999").status_code == 404, "an unknown product must give 404"
    assert client.put("/products/99999999", json={"name": "x", "price": 1}).status_code == 404, \
        "PUT on an unknown product must give 404"


def test_large_responses_are_gzipped(client):
    big = client.get("/primes", params={"limit": 50_000, "full": "true"}, headers={"Accept-Encoding": "gzip"})
    assert big.headers.get("content-encoding") == "gzip", "a large response must be sent with Content-Encoding: gzip"
    assert big.json()["count"] == 5133, "the decompressed body must still be the right JSON"
    small = client.get("/primes", params={"limit": 10}, headers={"Accept-Encoding": "gzip"})
    assert small.headers.get("content-encoding") is None, "a small response must not be compressed"
