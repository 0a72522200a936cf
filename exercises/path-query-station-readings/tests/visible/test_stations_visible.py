def test_read_station(client):
    r = client.get("/stations/KSEA")
    assert r.status_code == 200
    assert r.json() == {"code": "KSEA", "name": "Seattle-Tacoma"}


def test_lowercase_code_is_422(client):
    r = client.get("/stations/ksea")
    assert r.status_code == 422, f"a lower-case station code should give 422, got {r.status_code}"


def test_readme_example(client):
    r = client.get("/stations/KSEA/readings/2024/2", params={"unit": "f", "min_temp": 45, "limit": 2})
    assert r.status_code == 200, f"expected 200, got {r.status_code}: {r.text}"
    assert r.json() == {
        "station": "KSEA", "year": 2024, "month": 2, "unit": "f", "count": 2,
        "readings": [{"day": 2, "temp": 52.0}, {"day": 3, "temp": 47.7}],
    }
