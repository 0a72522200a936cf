import hashlib
import json
from functools import lru_cache
from itertools import count
from typing import Annotated

from fastapi import FastAPI, Header, HTTPException, Query, Response
from fastapi.middleware.gzip import GZipMiddleware
from pydantic import BaseModel, Field

app = FastAPI(title="Fast catalogue")
app.add_middleware(GZipMiddleware, minimum_size=1000)


# ---------- 1. caching an expensive computation ----------

@lru_cache(maxsize=32)
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
    hits_before = primes_up_to.cache_info().hits
    found = primes_up_to(limit)
    response.headers["X-Cache"] = "HIT" if primes_up_to.cache_info().hits > hits_before else "MISS"
    body = {"limit": limit, "count": len(found), "largest": found[-1]}
    if full:
        body["primes"] = list(found)
    return body


@app.get("/cache/stats")
def cache_stats():
    info = primes_up_to.cache_info()
    return {"hits": info.hits, "misses": info.misses, "size": info.currsize, "max_size": info.maxsize}


# ---------- 2. ETags and conditional requests ----------

class ProductIn(BaseModel):
    name: str = Field(min_length=1, max_length=100)
    price: float = Field(gt=0)


products: dict[int, dict] = {}
product_ids = count(1)


def etag_of(product: dict) -> str:
    canonical = json.dumps(product, sort_keys=True, separators=(",", ":"))
    return '"' + hashlib.sha256(canonical.encode()).hexdigest()[:16] + '"'


def matches(header: str | None, etag: str) -> bool:
    if header is None:
        return False
    candidates = [c.strip() for c in header.split(",")]
    return "*" in candidates or etag in candidates


def find(product_id: int) -> dict:
    if product_id not in products:
        raise HTTPException(status_code=404, detail="product not found")
    return products[product_id]


@app.post("/products", status_code=201)
def create_product(body: ProductIn, response: Response):
    product = {"id": next(product_ids), **body.model_dump()}
    products[product["id"]] = product
    response.headers["ETag"] = etag_of(product)
    return product


@app.get("/products/{product_id}")
def read_product(product_id: int, response: Response,
                 if_none_match: Annotated[str | None, Header()] = None):
    product = find(product_id)
    etag = etag_of(product)
    if matches(if_none_match, etag):
        return Response(status_code=304, headers={"ETag": etag, "Cache-Control": "no-cache"})
    response.headers["ETag"] = etag
    response.headers["Cache-Control"] = "no-cache"
    return product


@app.put("/products/{product_id}")
def replace_product(product_id: int, body: ProductIn, response: Response,
                    if_match: Annotated[str | None, Header()] = None):
    product = find(product_id)
    if if_match is not None and not matches(if_match, etag_of(product)):
        raise HTTPException(status_code=412, detail="precondition failed")
    product.update(body.model_dump())
    response.headers["ETag"] = etag_of(product)
    return product
