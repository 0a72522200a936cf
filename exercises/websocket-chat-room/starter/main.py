import json
import re
from typing import Annotated, Literal

from fastapi import FastAPI, WebSocket, WebSocketDisconnect
from pydantic import BaseModel, Field, TypeAdapter, ValidationError

app = FastAPI(title="Chat rooms")

ROOM_RE = re.compile(r"^[a-z0-9-]{1,20}$")
USERNAME_RE = re.compile(r"^[A-Za-z0-9_]{1,20}$")


class RoomManager:
    def __init__(self) -> None:
        self.rooms: dict[str, dict[str, WebSocket]] = {}

    def members(self, room: str) -> list[str]:
        return sorted(self.rooms.get(room, {}))

    # TODO: join(), leave() and broadcast() helpers


manager = RoomManager()


@app.get("/rooms/{room}")
def room_members(room: str):
    return {"room": room, "members": manager.members(room)}


@app.websocket("/ws/rooms/{room}")
async def chat(websocket: WebSocket, room: str, username: str | None = None):
    # TODO: refuse bad rooms/usernames and taken usernames with close(code=1008)
    # before accepting; register the member; tell the others who joined
    await websocket.accept()
    await websocket.send_json({"type": "welcome", "room": room, "username": username, "members": [username]})
    while True:
        # TODO: invalid JSON / invalid messages -> {"type": "error", ...};
        # broadcast chat messages to the whole room; on disconnect, leave + notify
        data = await websocket.receive_json()
        if data.get("type") == "ping":
            await websocket.send_json({"type": "pong"})
        elif data.get("type") == "message":
            await websocket.send_json({"type": "message", "username": username, "text": data["text"]})
