import calendar

_BASE = {"EGLL": 5.0, "KSEA": 6.0, "RJTT": 7.5}


def celsius(code, year, month):
    # same data as daily_readings() in the starter
    days = calendar.monthrange(year, month)[1]
    base = _BASE[code] + 1.5 * (6 - abs(month - 7)) + (year - 2000) * 0.05
    return [round(base + ((day * 7 + month * 3) % 11) * 0.6 - 3.0, 1) for day in range(1, days + 1)]


def url(code="EGLL", year=2023, month=7):
    return f"/stations/{code}/readings/{year}/{month}"


def test_bad_station_codes_are_422(client):
    for code in ["KSE", "KSEAX", "K5EA", "kSEA"]:
        r = client.get(f"/stations/{code}")
        assert r.status_code == 422, f"station code {code!r} is not 4 upper-case letters: expected 422, got {r.status_code}"
        r = client.get(url(code=code))
        assert r.status_code == 422, f"readings for station code {code!r} should give 422, got {r.status_code}"


def test_unknown_station_is_404(client):
    r = client.get("/stations/ABCD")
    assert r.status_code == 404, f"a well-formed unknown code should give 404, got {r.status_code}"
    assert r.json() == {"detail": "Station not found"}, 'the 404 body should be {"detail": "Station not found"}'
    r = client.get(url(code="ABCD"))
    assert r.status_code == 404, f"readings of an unknown station should give 404, got {r.status_code}"


def test_default_celsius_whole_month(client):
    r = client.get(url("EGLL", 2023, 7))
    assert r.status_code == 200, f"expected 200, got {r.status_code}"
    body = r.json()
    expected = [{"day": d, "temp": t} for d, t in enumerate(celsius("EGLL", 2023, 7), start=1)]
    assert body["unit"] == "c", "the default unit is 'c'"
    assert body["readings"] == expected, "without query parameters, every day of the month should be returned in °C"
    assert body["count"] == 31, "July has 31 readings"
    assert (body["station"], body["year"], body["month"]) == ("EGLL", 2023, 7), "station, year and month should be echoed"


def test_february_leap_year_has_29_days(client):
    r = client.get(url("RJTT", 2024, 2))
    assert r.json()["count"] == 29, "February 2024 should have 29 readings"


def test_fahrenheit_conversion(client):
    r = client.get(url("RJTT", 2010, 1), params={"unit": "f"})
    expected = [round(c * 9 / 5 + 32, 1) for c in celsius("RJTT", 2010, 1)]
    assert [x["temp"] for x in r.json()["readings"]] == expected, "unit=f should convert every reading with round(c * 9 / 5 + 32, 1)"
    assert r.json()["unit"] == "f", "the unit should be echoed"


def test_min_temp_filters_in_requested_unit(client):
    temps = celsius("KSEA", 2020, 3)
    r = client.get(url("KSEA", 2020, 3), params={"min_temp": 5.5})
    expected = [{"day": d, "temp": t} for d, t in enumerate(temps, start=1) if t >= 5.5]
    assert r.json()["readings"] == expected, "min_temp should keep only readings >= min_temp, keeping their day numbers"
    r = client.get(url("KSEA", 2020, 3), params={"min_temp": 42, "unit": "f"})
    f = [round(c * 9 / 5 + 32, 1) for c in temps]
    assert [x["day"] for x in r.json()["readings"]] == [d for d, t in enumerate(f, start=1) if t >= 42], (
        "with unit=f, min_temp is compared with the Fahrenheit values"
    )


def test_limit_applies_after_filter(client):
    temps = celsius("EGLL", 2023, 7)
    r = client.get(url("EGLL", 2023, 7), params={"min_temp": 15, "limit": 3})
    expected = [{"day": d, "temp": t} for d, t in enumerate(temps, start=1) if t >= 15][:3]
    body = r.json()
    assert body["readings"] == expected, "limit should keep the first readings after filtering by min_temp"
    assert body["count"] == 3, "count should equal the number of returned readings"


def test_no_reading_matches(client):
    r = client.get(url("EGLL", 2023, 1), params={"min_temp": 100})
    assert r.status_code == 200, "a filter that matches nothing is not an error"
    assert r.json()["readings"] == [] and r.json()["count"] == 0, "no reading >= 100 °C: readings [] and count 0"


def test_path_bounds(client):
    assert client.get(url(year=2000, month=1)).status_code == 200, "year 2000 and month 1 are allowed"
    assert client.get(url(year=2030, month=12)).status_code == 200, "year 2030 and month 12 are allowed"
    for year, month in [(1999, 5), (2031, 5), (2020, 0), (2020, 13), ("twenty", 5)]:
        r = client.get(url(year=year, month=month))
        assert r.status_code == 422, f"year={year}, month={month} should give 422, got {r.status_code}"


def test_query_validation(client):
    for params in [{"unit": "k"}, {"limit": 0}, {"limit": 32}, {"min_temp": "warm"}]:
        r = client.get(url(), params=params)
        assert r.status_code == 422, f"query {params} should give 422, got {r.status_code}"
    assert client.get(url(), params={"limit": 31}).status_code == 200, "limit=31 is allowed"
