import calendar
from typing import Annotated, Literal

from fastapi import FastAPI, HTTPException, Path, Query

app = FastAPI(title="Weather stations")

STATIONS = {"EGLL": "London Heathrow", "KSEA": "Seattle-Tacoma", "RJTT": "Tokyo Haneda"}
_BASE = {"EGLL": 5.0, "KSEA": 6.0, "RJTT": 7.5}


def daily_readings(code: str, year: int, month: int) -> list[float]:
    """Daily temperatures in °C for one month (day 1 first). Deterministic fake data."""
    days = calendar.monthrange(year, month)[1]
    base = _BASE[code] + 1.5 * (6 - abs(month - 7)) + (year - 2000) * 0.05
    return [round(base + ((day * 7 + month * 3) % 11) * 0.6 - 3.0, 1) for day in range(1, days + 1)]


@app.get("/stations/{code}")
def read_station(code: str):
    # TODO: code must be exactly 4 upper-case letters (422 otherwise)
    if code not in STATIONS:
        raise HTTPException(status_code=404, detail="Station not found")
    return {"code": code, "name": STATIONS[code]}


@app.get("/stations/{code}/readings/{year}/{month}")
def read_readings(code: str, year: int, month: int):
    # TODO: validate code / year (2000-2030) / month (1-12),
    #       query parameters unit ("c"|"f"), min_temp and limit (1-31)
    readings = [{"day": day, "temp": t} for day, t in enumerate(daily_readings(code, year, month), start=1)]
    return {
        "station": code,
        "year": year,
        "month": month,
        "unit": "c",
        "count": len(readings),
        "readings": readings,
    }
