from fastapi import FastAPI, HTTPException, Response
from fastapi.middleware.cors import CORSMiddleware
from pydantic import BaseModel, Field

app = FastAPI(title="Items for the front end")

app.add_middleware(
    CORSMiddleware,
    allow_origins=["https://app.example.com", "https://admin.example.com"],
    allow_credentials=True,
    allow_methods=["GET", "POST", "PUT"],
    allow_headers=["Authorization", "Content-Type", "X-Client-Version"],
    expose_headers=["X-Total-Count"],
    max_age=600,
)

items: dict[int, dict] = {}
next_id = 1


class ItemIn(BaseModel):
    name: str = Field(min_length=1, max_length=50)


@app.get("/items")
def list_items(response: Response):
    response.headers["X-Total-Count"] = str(len(items))
    return list(items.values())


@app.post("/items", status_code=201)
def create_item(item: ItemIn):
    global next_id
    new = {"id": next_id, "name": item.name}
    items[next_id] = new
    next_id += 1
    return new


@app.delete("/items/{item_id}", status_code=204)
def delete_item(item_id: int):
    if items.pop(item_id, None) is None:
        raise HTTPException(status_code=404, detail="Item not found")
    return Response(status_code=204)
