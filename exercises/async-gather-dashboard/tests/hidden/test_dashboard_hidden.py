import time

KNOWN = {"paris": 18.5, "oslo": 7.0, "cairo": 31.2, "lima": 19.0, "tokyo": 22.4, "sydney": 16.8}


# Awaited one after another, the four dashboard calls take 1.0 s and six cities 1.5 s; awaited
# concurrently, about 0.25 s. A busy machine can only make a request slower, so the fastest of
# up to three tries is measured against a limit that no one-by-one version can meet.
LIMIT_SECONDS = 0.9


def timed_get(client, url, **kwargs):
    best = None
    for _ in range(3):
        start = time.perf_counter()
        r = client.get(url, **kwargs)
        elapsed = time.perf_counter() - start
        if best is None or elapsed < best[1]:
            best = (r, elapsed)
        if elapsed < LIMIT_SECONDS:
            break
    return best


def test_dashboard_runs_the_four_calls_concurrently(client):
    r, elapsed = timed_get(client, "/users/2/dashboard")
    assert r.status_code == 200, f"GET /users/2/dashboard should return 200, got {r.status_code}"
    assert elapsed < LIMIT_SECONDS, (
        f"GET /users/2/dashboard took {elapsed:.2f}s; the four service calls must be awaited "
        "concurrently (asyncio.gather), not one after another"
    )


def test_dashboard_full_body_for_user_3(client):
    r = client.get("/users/3/dashboard")
    assert r.status_code == 200, f"GET /users/3/dashboard should return 200, got {r.status_code}"
    assert r.json() == {
        "user": {"id": 3, "name": "Grace Hopper"},
        "orders": [{"id": 301, "total": 99.99}],
        "order_count": 1,
        "notifications": ["Welcome back!", "A bug was found in your code"],
        "recommendations": ["COBOL in 21 Days"],
    }, "the dashboard body for user 3 does not match the README's shape"


def test_dashboard_user_without_orders_has_count_zero(client):
    r = client.get("/users/2/dashboard")
    body = r.json()
    assert body.get("orders") == [] and body.get("order_count") == 0, (
        "a user without orders should get \"orders\": [] and \"order_count\": 0"
    )


def test_dashboard_unknown_user_is_404_and_fast(client):
    r, elapsed = timed_get(client, "/users/999/dashboard")
    assert r.status_code == 404, f"an unknown user should give 404, got {r.status_code}"
    assert r.json() == {"detail": "User not found"}, 'the 404 body should be {"detail": "User not found"}'
    assert elapsed < LIMIT_SECONDS, f"the 404 took {elapsed:.2f}s; the calls should still run concurrently"


def test_dashboard_non_integer_id_is_422(client):
    r = client.get("/users/abc/dashboard")
    assert r.status_code == 422, f"a non-integer user_id should give 422, got {r.status_code}"


def test_weather_six_cities_concurrently_in_order(client):
    cities = ["sydney", "Tokyo", "lima", "CAIRO", "oslo", "paris"]
    r, elapsed = timed_get(client, "/weather", params=[("city", c) for c in cities])
    assert r.status_code == 200, f"6 cities should be accepted with 200, got {r.status_code}"
    assert elapsed < LIMIT_SECONDS, (
        f"6 cities took {elapsed:.2f}s; fetch the temperatures concurrently with asyncio.gather"
    )
    body = r.json()
    assert [x.get("city") for x in body["results"]] == cities, (
        "results must be in the requested order, with each city spelled as it was given"
    )
    assert [x.get("temperature") for x in body["results"]] == [KNOWN[c.lower()] for c in cities], (
        "each result should carry the temperature returned by fetch_temperature"
    )
    assert body["succeeded"] == 6 and body["failed"] == 0, "succeeded should be 6 and failed 0"


def test_weather_unknown_city_does_not_fail_the_request(client):
    r = client.get("/weather", params=[("city", "Paris"), ("city", "atlantis"), ("city", "oslo")])
    assert r.status_code == 200, f"an unknown city must not fail the request: expected 200, got {r.status_code}"
    assert r.json() == {
        "results": [
            {"city": "Paris", "temperature": 18.5},
            {"city": "atlantis", "error": "unknown city"},
            {"city": "oslo", "temperature": 7.0},
        ],
        "succeeded": 2,
        "failed": 1,
    }, "an unknown city should appear as {\"city\": ..., \"error\": \"unknown city\"} and be counted in failed"


def test_weather_only_unknown_cities(client):
    r = client.get("/weather", params=[("city", "gotham"), ("city", "metropolis")])
    assert r.status_code == 200, f"expected 200 even when every city is unknown, got {r.status_code}"
    body = r.json()
    assert body.get("succeeded") == 0 and body.get("failed") == 2, "two unknown cities: succeeded 0, failed 2"


def test_weather_requires_at_least_one_city(client):
    r = client.get("/weather")
    assert r.status_code == 422, f"GET /weather without any city should give 422, got {r.status_code}"


def test_weather_rejects_more_than_six_cities(client):
    r = client.get("/weather", params=[("city", "paris")] * 7)
    assert r.status_code == 422, f"7 cities should be rejected with 422, got {r.status_code}"
