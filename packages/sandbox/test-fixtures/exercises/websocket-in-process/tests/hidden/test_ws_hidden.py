import pytest

SOURCE_ONLY_MARKER = "source-only-marker-91c2"  # appears in no message: finding it in a report means the source leaked


def test_health_hidden(client):
    assert client.get("/health").json() == {"ok": True}


@pytest.mark.timeout(2)
def test_echo_after_welcome(client):
    with client.websocket_connect("/ws") as ws:
        assert ws.receive_json() == {"type": "welcome"}, "the welcome comes first"
        ws.send_json({"n": 1})
        assert ws.receive_json() == {"type": "echo", "data": {"n": 1}}


def test_echo(client):
    with client.websocket_connect("/ws") as ws:
        ws.send_json({"n": 2})
        messages = [ws.receive_json()]
        if messages[0] == {"type": "welcome"}:
            messages.append(ws.receive_json())
        assert messages[-1] == {"type": "echo", "data": {"n": 2}}, "each message comes back as an echo"
