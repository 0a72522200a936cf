import uuid

import pytest

pytestmark = pytest.mark.timeout(5)


def test_welcome_on_connect(client):
    room = "room-" + uuid.uuid4().hex[:8]
    with client.websocket_connect(f"/ws/rooms/{room}?username=ana") as ws:
        assert ws.receive_json() == {"type": "welcome", "room": room, "username": "ana", "members": ["ana"]}


def test_ping_pong(client):
    room = "room-" + uuid.uuid4().hex[:8]
    with client.websocket_connect(f"/ws/rooms/{room}?username=ana") as ws:
        ws.receive_json()
        ws.send_json({"type": "ping"})
        assert ws.receive_json() == {"type": "pong"}


def test_message_comes_back_to_sender(client):
    room = "room-" + uuid.uuid4().hex[:8]
    with client.websocket_connect(f"/ws/rooms/{room}?username=ana") as ws:
        ws.receive_json()
        ws.send_json({"type": "message", "text": "hello"})
        assert ws.receive_json() == {"type": "message", "username": "ana", "text": "hello"}
