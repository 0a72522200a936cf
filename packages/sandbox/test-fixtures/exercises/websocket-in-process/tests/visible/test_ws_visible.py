def test_health(client):
    assert client.get("/health").json() == {"ok": True}


def test_welcome_first(client):
    # No time limit of its own: the run's default per-test limit stops it when the welcome never comes.
    with client.websocket_connect("/ws") as ws:
        assert ws.receive_json() == {"type": "welcome"}
