import time


def test_hello_after_a_pause(client):
    # Long enough for the durability test to kill the worker while this runs.
    time.sleep(4)
    assert client.get("/hello").json() == {"message": "hello"}, "GET /hello must answer the greeting"


def test_unknown_path_is_404(client):
    assert client.get("/nope").status_code == 404, "unknown paths answer 404"
