import asyncio
from typing import Annotated

from fastapi import FastAPI, HTTPException, Query

app = FastAPI(title="Dashboard")

# --- Fake back-end services: do not change them ---------------------------------

SERVICE_DELAY = 0.25  # seconds each service call takes

USERS = {
    1: {"id": 1, "name": "Ada Lovelace"},
    2: {"id": 2, "name": "Alan Turing"},
    3: {"id": 3, "name": "Grace Hopper"},
}
ORDERS = {
    1: [{"id": 101, "total": 25.5}, {"id": 102, "total": 14.0}],
    2: [],
    3: [{"id": 301, "total": 99.99}],
}
NOTIFICATIONS = {
    1: ["Your order 102 has shipped"],
    2: [],
    3: ["Welcome back!", "A bug was found in your code"],
}
RECOMMENDATIONS = {
    1: ["Analytical Engine Manual", "Punch Cards (pack of 100)"],
    2: ["Enigma Replica"],
    3: ["COBOL in 21 Days"],
}
CITY_TEMPERATURES = {
    "paris": 18.5,
    "oslo": 7.0,
    "cairo": 31.2,
    "lima": 19.0,
    "tokyo": 22.4,
    "sydney": 16.8,
}


async def fetch_profile(user_id: int) -> dict:
    await asyncio.sleep(SERVICE_DELAY)
    if user_id not in USERS:
        raise LookupError(f"no user {user_id}")
    return dict(USERS[user_id])


async def fetch_orders(user_id: int) -> list[dict]:
    await asyncio.sleep(SERVICE_DELAY)
    return [dict(o) for o in ORDERS.get(user_id, [])]


async def fetch_notifications(user_id: int) -> list[str]:
    await asyncio.sleep(SERVICE_DELAY)
    return list(NOTIFICATIONS.get(user_id, []))


async def fetch_recommendations(user_id: int) -> list[str]:
    await asyncio.sleep(SERVICE_DELAY)
    return list(RECOMMENDATIONS.get(user_id, []))


async def fetch_temperature(city: str) -> float:
    await asyncio.sleep(SERVICE_DELAY)
    key = city.lower()
    if key not in CITY_TEMPERATURES:
        raise LookupError(f"unknown city: {city}")
    return CITY_TEMPERATURES[key]


# --- Your endpoints ----------------------------------------------------------------


@app.get("/users/{user_id}/dashboard")
async def dashboard(user_id: int):
    # TODO: this works but is slow: the four calls run one after another (~1 s).
    # Run them concurrently with asyncio.gather, and answer 404 {"detail": "User not found"}
    # when fetch_profile raises LookupError.
    profile = await fetch_profile(user_id)
    orders = await fetch_orders(user_id)
    notifications = await fetch_notifications(user_id)
    recommendations = await fetch_recommendations(user_id)
    return {
        "user": profile,
        "orders": orders,
        "order_count": len(orders),
        "notifications": notifications,
        "recommendations": recommendations,
    }


@app.get("/weather")
async def weather(city: Annotated[list[str], Query()]):
    # TODO: accept 1 to 6 cities, fetch all temperatures concurrently, and report an
    # unknown city as {"city": ..., "error": "unknown city"} instead of failing.
    raise HTTPException(status_code=501, detail="Not implemented yet")
