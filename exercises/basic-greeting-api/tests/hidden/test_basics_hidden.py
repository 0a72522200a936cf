def test_health(client):
    r = client.get("/health")
    assert r.status_code == 200, f"GET /health should return 200, got {r.status_code}"
    assert r.json() == {"status": "ok"}, 'GET /health should return {"status": "ok"}'


def test_title_and_version_in_openapi(client):
    info = client.get("/openapi.json").json()["info"]
    assert info.get("title") == "Greeting API", f"the app title should be 'Greeting API', got {info.get('title')!r}"
    assert info.get("version") == "1.0.0", f"the app version should be '1.0.0', got {info.get('version')!r}"


def test_hello_shout(client):
    r = client.get("/hello/Ada", params={"shout": "true"})
    assert r.json() == {"message": "HELLO, ADA!"}, "with shout=true the message should be upper-case"
    r = client.get("/hello/Ada", params={"shout": "false"})
    assert r.json() == {"message": "Hello, Ada!"}, "with shout=false the message should be unchanged"


def test_hello_other_names(client):
    r = client.get("/hello/Grace%20Hopper")
    assert r.json() == {"message": "Hello, Grace Hopper!"}, "the name from the path should be used as given"


def test_hello_bad_shout_is_422(client):
    r = client.get("/hello/Ada", params={"shout": "maybe"})
    assert r.status_code == 422, f"shout=maybe is not a boolean and should give 422, got {r.status_code}"


def test_add_negative_numbers(client):
    r = client.get("/add", params={"a": 2, "b": -7})
    assert r.status_code == 200, f"GET /add?a=2&b=-7 should return 200, got {r.status_code}"
    assert r.json() == {"a": 2, "b": -7, "sum": -5}, "2 + -7 should be -5"


def test_add_bad_input_is_422(client):
    for params in [{"a": "two", "b": 3}, {"a": 1.5, "b": 3}, {"a": 1}, {}]:
        r = client.get("/add", params=params)
        assert r.status_code == 422, f"GET /add with {params} should give 422, got {r.status_code}"
