from itertools import count
from typing import Annotated

from fastapi import FastAPI, HTTPException, Query, Response
from pydantic import BaseModel, Field

app = FastAPI(title="Fast catalogue")
# TODO: compress responses of 1000 bytes or more (GZipMiddleware)


# ---------- 1. caching an expensive computation ----------

# TODO: cache the 32 most recently used limits
def primes_up_to(limit: int) -> tuple[int, ...]:
    sieve = bytearray([1]) * (limit + 1)
    sieve[0:2] = b"\x00\x00"
    for i in range(2, int(limit ** 0.5) + 1):
        if sieve[i]:
            sieve[i * i :: i] = bytes(len(range(i * i, limit + 1, i)))
    return tuple(i for i, is_prime in enumerate(sieve) if is_prime)


@app.get("/primes")
def primes(response: Response,
           limit: Annotated[int, Query(ge=2, le=2_000_000)],
           full: bool = False):
    found = primes_up_to(limit)
    # TODO: X-Cache: HIT or MISS
    body = {"limit": limit, "count": len(found), "largest": found[-1]}
    if full:
        body["primes"] = list(found)
    return body


@app.get("/cache/stats")
def cache_stats():
    # TODO
    return {"hits": 0, "misses": 0, "size": 0, "max_size": 32}


# ---------- 2. ETags and conditional requests ----------

class ProductIn(BaseModel):
    name: str = Field(min_length=1, max_length=100)
    price: float = Field(gt=0)


products: dict[int, dict] = {}
product_ids = count(1)


def find(product_id: int) -> dict:
    if product_id not in products:
        raise HTTPException(status_code=404, detail="product not found")
    return products[product_id]


@app.post("/products", status_code=201)
def create_product(body: ProductIn):
    product = {"id": next(product_ids), **body.model_dump()}
    products[product["id"]] = product
    return product   # TODO: ETag header


@app.get("/products/{product_id}")
def read_product(product_id: int):
    # TODO: ETag and Cache-Control headers; 304 when If-None-Match matches
    return find(product_id)


@app.put("/products/{product_id}")
def replace_product(product_id: int, body: ProductIn):
    # TODO: 412 when If-Match is sent and does not match; new ETag header
    product = find(product_id)
    product.update(body.model_dump())
    return product
