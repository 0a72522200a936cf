from itertools import count
from typing import Annotated

from fastapi import APIRouter, Depends, FastAPI, Header, HTTPException, Response
from pydantic import BaseModel, EmailStr, Field

app = FastAPI(title="Customers", version="2.0.0")

SUNSET = "Thu, 31 Dec 2026 23:59:59 GMT"

# ---------- storage and service layer (version independent) ----------

customers: dict[int, dict] = {
    1: {"id": 1, "first_name": "Ada", "last_name": "Lovelace", "email": "ada@example.com"},
    2: {"id": 2, "first_name": "Alan", "last_name": "Turing", "email": "alan@example.com"},
}
customer_ids = count(3)


def get_customer(customer_id: int) -> dict:
    if customer_id not in customers:
        raise HTTPException(status_code=404, detail="customer not found")
    return customers[customer_id]


# ---------- representations ----------

class CustomerV1(BaseModel):
    id: int
    name: str


class CustomerV2(BaseModel):
    id: int
    first_name: str
    last_name: str
    email: EmailStr


class CustomerCreate(BaseModel):
    first_name: str = Field(min_length=1, max_length=50)
    last_name: str = Field(min_length=1, max_length=50)
    email: EmailStr


class CustomerPageV2(BaseModel):
    items: list[CustomerV2]
    total: int


def to_v1(c: dict) -> dict:
    return {"id": c["id"], "name": f"{c['first_name']} {c['last_name']}"}


# ---------- /v1 (deprecated) ----------

def deprecation_headers(response: Response) -> None:
    response.headers["Deprecation"] = "true"
    response.headers["Sunset"] = SUNSET
    response.headers["Link"] = '</v2/customers>; rel="successor-version"'


v1 = APIRouter(prefix="/v1", tags=["v1"], deprecated=True, dependencies=[Depends(deprecation_headers)])


@v1.get("/customers", response_model=list[CustomerV1])
def list_customers_v1():
    return [to_v1(c) for c in customers.values()]


@v1.get("/customers/{customer_id}", response_model=CustomerV1)
def read_customer_v1(customer_id: int):
    return to_v1(get_customer(customer_id))


# ---------- /v2 ----------

v2 = APIRouter(prefix="/v2", tags=["v2"])


@v2.get("/customers", response_model=CustomerPageV2)
def list_customers_v2():
    return {"items": list(customers.values()), "total": len(customers)}


@v2.get("/customers/{customer_id}", response_model=CustomerV2)
def read_customer_v2(customer_id: int):
    return get_customer(customer_id)


@v2.post("/customers", response_model=CustomerV2, status_code=201)
def create_customer_v2(body: CustomerCreate):
    customer = {"id": next(customer_ids), **body.model_dump()}
    customers[customer["id"]] = customer
    return customer


app.include_router(v1)
app.include_router(v2)


# ---------- header-based versioning ----------

def api_version(x_api_version: Annotated[str, Header()] = "2") -> int:
    if x_api_version not in ("1", "2"):
        raise HTTPException(status_code=400, detail=f"unsupported API version: {x_api_version}")
    return int(x_api_version)


@app.get("/customers/{customer_id}", response_model=CustomerV1 | CustomerV2)
def read_customer(customer_id: int, response: Response, version: Annotated[int, Depends(api_version)]):
    customer = get_customer(customer_id)
    response.headers["X-API-Version"] = str(version)
    if version == 1:
        deprecation_headers(response)
        return CustomerV1(**to_v1(customer))
    return CustomerV2(**customer)
