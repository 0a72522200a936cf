def test_root(client):
    r = client.get("/")
    assert r.status_code == 200
    assert r.json() == {"message": "Welcome to the Greeting API"}


def test_hello(client):
    r = client.get("/hello/Ada")
    assert r.status_code == 200
    assert r.json() == {"message": "Hello, Ada!"}


def test_add(client):
    r = client.get("/add", params={"a": 2, "b": 3})
    assert r.status_code == 200, f"GET /add should return 200, got {r.status_code}"
    assert r.json() == {"a": 2, "b": 3, "sum": 5}
