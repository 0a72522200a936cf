from fastapi import FastAPI, WebSocket, WebSocketDisconnect

app = FastAPI()


@app.get("/health")
def health():
    return {"ok": True}


@app.websocket("/ws")
async def echo(websocket: WebSocket):
    await websocket.accept()
    await websocket.send_json({"type": "welcome"})
    try:
        while True:
            message = await websocket.receive_json()
            await websocket.send_json({"type": "echo", "data": message})
    except WebSocketDisconnect:
        pass
