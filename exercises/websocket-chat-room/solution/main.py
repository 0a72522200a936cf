import json
import re
from typing import Annotated, Literal

from fastapi import FastAPI, WebSocket, WebSocketDisconnect
from pydantic import BaseModel, Field, TypeAdapter, ValidationError

app = FastAPI(title="Chat rooms")

ROOM_RE = re.compile(r"^[a-z0-9-]{1,20}$")
USERNAME_RE = re.compile(r"^[A-Za-z0-9_]{1,20}$")


class ChatMessage(BaseModel):
    type: Literal["message"]
    text: str = Field(min_length=1, max_length=500)


class Ping(BaseModel):
    type: Literal["ping"]


incoming_adapter = TypeAdapter(Annotated[ChatMessage | Ping, Field(discriminator="type")])


class RoomManager:
    def __init__(self) -> None:
        self.rooms: dict[str, dict[str, WebSocket]] = {}

    def members(self, room: str) -> list[str]:
        return sorted(self.rooms.get(room, {}))

    def is_taken(self, room: str, username: str) -> bool:
        return username in self.rooms.get(room, {})

    async def join(self, room: str, username: str, websocket: WebSocket) -> None:
        await websocket.accept()
        self.rooms.setdefault(room, {})[username] = websocket
        await websocket.send_json(
            {"type": "welcome", "room": room, "username": username, "members": self.members(room)}
        )
        await self.broadcast(room, {"type": "join", "username": username}, exclude=username)

    def leave(self, room: str, username: str) -> None:
        members = self.rooms.get(room, {})
        members.pop(username, None)
        if not members:
            self.rooms.pop(room, None)

    async def broadcast(self, room: str, message: dict, exclude: str | None = None) -> None:
        for name, ws in list(self.rooms.get(room, {}).items()):
            if name == exclude:
                continue
            try:
                await ws.send_json(message)
            except Exception:
                pass  # that member is already gone; its own handler cleans up


manager = RoomManager()


@app.get("/rooms/{room}")
def room_members(room: str):
    return {"room": room, "members": manager.members(room)}


@app.websocket("/ws/rooms/{room}")
async def chat(websocket: WebSocket, room: str, username: str | None = None):
    if (
        not ROOM_RE.fullmatch(room)
        or username is None
        or not USERNAME_RE.fullmatch(username)
        or manager.is_taken(room, username)
    ):
        await websocket.close(code=1008)
        return
    await manager.join(room, username, websocket)
    try:
        while True:
            raw = await websocket.receive_text()
            try:
                data = json.loads(raw)
            except json.JSONDecodeError:
                await websocket.send_json({"type": "error", "detail": "invalid JSON"})
                continue
            try:
                message = incoming_adapter.validate_python(data)
            except ValidationError:
                await websocket.send_json({"type": "error", "detail": "invalid message"})
                continue
            if isinstance(message, Ping):
                await websocket.send_json({"type": "pong"})
            else:
                await manager.broadcast(room, {"type": "message", "username": username, "text": message.text})
    except WebSocketDisconnect:
        manager.leave(room, username)
        await manager.broadcast(room, {"type": "leave", "username": username})
