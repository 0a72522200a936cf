import time
import uuid

import pytest
from starlette.websockets import WebSocketDisconnect

pytestmark = pytest.mark.timeout(8)


def new_room():
    return "r-" + uuid.uuid4().hex[:10]


def sync(ws):
    """Send a ping and return every message received before the pong."""
    ws.send_json({"type": "ping"})
    received = []
    while True:
        m = ws.receive_json()
        if m == {"type": "pong"}:
            return received
        received.append(m)


def connect(client, room, username):
    ws = client.websocket_connect(f"/ws/rooms/{room}?username={username}")
    return ws


def assert_refused(client, url, why):
    try:
        with client.websocket_connect(url):
            pass
    except WebSocketDisconnect as e:
        assert e.code == 1008, f"{why}: the connection should be closed with code 1008, got {e.code}"
    else:
        raise AssertionError(f"{why}: the connection should be refused with close(code=1008), but it was accepted")


def test_bad_connections_are_refused_with_1008(client):
    room = new_room()
    assert_refused(client, f"/ws/rooms/{room}", "no username")
    assert_refused(client, f"/ws/rooms/{room}?username=", "empty username")
    assert_refused(client, f"/ws/rooms/{room}?username=bad%20name", "username with a space")
    assert_refused(client, f"/ws/rooms/{room}?username={'a' * 21}", "username longer than 20 characters")
    assert_refused(client, "/ws/rooms/Upper-Case?username=ana", "room name with capitals")
    assert_refused(client, f"/ws/rooms/{'r' * 21}?username=ana", "room name longer than 20 characters")


def test_duplicate_username_in_same_room_is_refused(client):
    room, other = new_room(), new_room()
    with connect(client, room, "ana") as a:
        a.receive_json()
        assert_refused(client, f"/ws/rooms/{room}?username=ana", "a username already connected to the room")
        with connect(client, other, "ana") as a2:
            welcome = a2.receive_json()
            assert welcome == {"type": "welcome", "room": other, "username": "ana", "members": ["ana"]}, \
                "the same username may join a different room"
        assert sync(a) == [], "the refused duplicate must not produce join/leave messages for the room"


def test_join_is_announced_and_members_are_sorted(client):
    room = new_room()
    with connect(client, room, "zoe") as z:
        z.receive_json()
        with connect(client, room, "Bob") as b:
            welcome = b.receive_json()
            assert welcome == {"type": "welcome", "room": room, "username": "Bob", "members": ["Bob", "zoe"]}, \
                f"the welcome should list the sorted members, newcomer included; got {welcome}"
            sync(b)
            assert sync(z) == [{"type": "join", "username": "Bob"}], "existing members should get a join message"
            r = client.get(f"/rooms/{room}")
            assert r.json() == {"room": room, "members": ["Bob", "zoe"]}, "GET /rooms/{room} should list the members"


def test_messages_are_broadcast_in_the_room_only(client):
    room, elsewhere = new_room(), new_room()
    with connect(client, room, "ana") as a, connect(client, elsewhere, "eve") as e:
        a.receive_json()
        e.receive_json()
        with connect(client, room, "bob") as b:
            b.receive_json()
            sync(a)
            b.send_json({"type": "message", "text": "hi all"})
            expected = {"type": "message", "username": "bob", "text": "hi all"}
            assert sync(b) == [expected], "the sender should get its own message back"
            assert sync(a) == [expected], "every other member of the room should get the message"
            assert sync(e) == [], "a message must not reach another room"


def test_invalid_json_gives_error_and_keeps_connection(client):
    room = new_room()
    with connect(client, room, "ana") as a:
        a.receive_json()
        a.send_text("this is not json")
        assert a.receive_json() == {"type": "error", "detail": "invalid JSON"}, "a non-JSON frame should get an 'invalid JSON' error"
        a.send_json({"type": "message", "text": "still here"})
        assert a.receive_json() == {"type": "message", "username": "ana", "text": "still here"}, \
            "the connection should keep working after an error"


@pytest.mark.parametrize("bad", [
    {"type": "message", "text": ""},
    {"type": "message", "text": "x" * 501},
    {"type": "message"},
    {"type": "message", "text": 42},
    {"type": "shout", "text": "hi"},
    {"text": "no type"},
    [1, 2, 3],
])
def test_invalid_messages_give_error(client, bad):
    room = new_room()
    with connect(client, room, "ana") as a, connect(client, room, "bob") as b:
        a.receive_json()
        b.receive_json()
        sync(a)
        b.send_json(bad)
        assert sync(b) == [{"type": "error", "detail": "invalid message"}], f"{bad!r} should get an 'invalid message' error"
        assert sync(a) == [], "an error goes to the sender only, nothing should be broadcast"


def test_longest_message_is_accepted(client):
    room = new_room()
    with connect(client, room, "ana") as a:
        a.receive_json()
        a.send_json({"type": "message", "text": "y" * 500, "extra": "ignored"})
        assert a.receive_json() == {"type": "message", "username": "ana", "text": "y" * 500}, \
            "a 500-character message is valid (and extra fields are ignored)"


def test_leave_is_announced_and_member_removed(client):
    room = new_room()
    with connect(client, room, "ana") as a:
        a.receive_json()
        with connect(client, room, "bob") as b:
            b.receive_json()
            sync(b)
            sync(a)
            b.close()
            got = []
            deadline = time.monotonic() + 3  # the server handles the close on its own schedule
            while not got and time.monotonic() < deadline:
                got += sync(a)
                if not got:
                    time.sleep(0.025)
            assert got == [{"type": "leave", "username": "bob"}], f"remaining members should get a leave message, got {got}"
        assert client.get(f"/rooms/{room}").json() == {"room": room, "members": ["ana"]}, \
            "a member who disconnected should be removed from the room"
    deadline = time.monotonic() + 3
    while client.get(f"/rooms/{room}").json()["members"] != [] and time.monotonic() < deadline:
        time.sleep(0.025)
    assert client.get(f"/rooms/{room}").json() == {"room": room, "members": []}, "an empty room should list no members"
    with connect(client, room, "bob") as b:
        assert b.receive_json()["members"] == ["bob"], "after leaving, the username can join again"
