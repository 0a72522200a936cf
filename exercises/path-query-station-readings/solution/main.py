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


StationCode = Annotated[str, Path(pattern=r"^[A-Z]{4}$")]


def check_station(code: str) -> str:
    if code not in STATIONS:
        raise HTTPException(status_code=404, detail="Station not found")
    return STATIONS[code]


@app.get("/stations/{code}")
def read_station(code: StationCode):
    return {"code": code, "name": check_station(code)}


@app.get("/stations/{code}/readings/{year}/{month}")
def read_readings(
    code: StationCode,
    year: Annotated[int, Path(ge=2000, le=2030)],
    month: Annotated[int, Path(ge=1, le=12)],
    unit: Annotated[Literal["c", "f"], Query()] = "c",
    min_temp: Annotated[float | None, Query()] = None,
    limit: Annotated[int, Query(ge=1, le=31)] = 31,
):
    check_station(code)
    readings = []
    for day, celsius in enumerate(daily_readings(code, year, month), start=1):
        temp = celsius if unit == "c" else round(celsius * 9 / 5 + 32, 1)
        if min_temp is None or temp >= min_temp:
            readings.append({"day": day, "temp": temp})
    readings = readings[:limit]
    return {
        "station": code,
        "year": year,
        "month": month,
        "unit": unit,
        "count": len(readings),
        "readings": readings,
    }
