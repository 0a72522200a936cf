from itertools import count

from fastapi import FastAPI, HTTPException
from pydantic import BaseModel, EmailStr, Field, field_validator

app = FastAPI(title="Orders")


class Customer(BaseModel):
    name: str = Field(min_length=1, max_length=100)
    email: EmailStr


class Address(BaseModel):
    street: str = Field(min_length=1, max_length=200)
    city: str = Field(min_length=1, max_length=100)
    postal_code: str = Field(min_length=3, max_length=10)
    country: str = Field(pattern=r"^[A-Z]{2}$")


class OrderItem(BaseModel):
    sku: str = Field(pattern=r"^[A-Z0-9-]{3,20}$")
    quantity: int = Field(ge=1, le=100)
    unit_price: float = Field(gt=0, le=10000)


class OrderIn(BaseModel):
    customer: Customer
    shipping_address: Address
    items: list[OrderItem] = Field(min_length=1, max_length=20)
    gift_message: str | None = Field(default=None, max_length=200)

    @field_validator("items")
    @classmethod
    def unique_skus(cls, items: list[OrderItem]) -> list[OrderItem]:
        skus = [item.sku for item in items]
        if len(skus) != len(set(skus)):
            raise ValueError("each sku may appear only once")
        return items


class OrderOut(OrderIn):
    id: int
    item_count: int
    subtotal: float
    shipping: float
    total: float


ORDERS: dict[int, OrderOut] = {}
_ids = count(1)


@app.post("/orders", status_code=201, response_model=OrderOut)
def create_order(order: OrderIn):
    subtotal = round(sum(i.quantity * i.unit_price for i in order.items), 2)
    shipping = 0.0 if subtotal >= 50 else 4.99
    stored = OrderOut(
        **order.model_dump(),
        id=next(_ids),
        item_count=sum(i.quantity for i in order.items),
        subtotal=subtotal,
        shipping=shipping,
        total=round(subtotal + shipping, 2),
    )
    ORDERS[stored.id] = stored
    return stored


@app.get("/orders/{order_id}", response_model=OrderOut)
def read_order(order_id: int):
    if order_id not in ORDERS:
        raise HTTPException(status_code=404, detail="Order not found")
    return ORDERS[order_id]
