"""Downloading SCB's and Kolada's tables with the standard library (no extra
to install, no TLS stack in the wheel): a PxWeb table with a query, Kolada's
values of KPIs over their pages — with a timeout, retries with a growing
pause after a lost connection, a timeout, 429 or 5xx, and a ``FetchError``
naming the URL when the network or the server cannot be reached. The answer
can be saved as the file the readers read again (``save=``)."""

from __future__ import annotations

import json
import os
import time
import urllib.error
import urllib.request
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, Optional, Union

import polars as pl

from . import _indikator as _rs
from ._indikator import ArgumentError, IndikatorError

if TYPE_CHECKING:
    from .io import StatTable

KOLADA_API = "https://api.kolada.se/v2"
_MAX_BYTES = 512 * 1024 * 1024
_MAX_PAGES = 1000
_USER_AGENT = f"indikator/{_rs.__version__}"

PathLike = Union[str, "os.PathLike[str]"]


class FetchError(IndikatorError):
    """A download that failed: no network, no answer in time, or an HTTP error."""


def _retry_after(value: Optional[str]) -> Optional[float]:
    try:
        return None if value is None else min(float(value.strip()), 60.0)
    except ValueError:
        return None


def _download(url: str, body: Optional[bytes], timeout: float, retries: int, backoff: float) -> bytes:
    """The answer's bytes, after retries."""
    if not url.lower().startswith(("http://", "https://")):
        raise ArgumentError(f"argument `url`: must be an http:// or https:// address; got {url!r}")
    if retries < 0 or timeout <= 0 or backoff < 0:
        raise ArgumentError(
            f"argument `retries`/`timeout`/`backoff`: retries >= 0, timeout > 0, backoff >= 0; "
            f"got {retries!r}, {timeout!r}, {backoff!r}"
        )
    headers = {"User-Agent": _USER_AGENT}
    if body is not None:
        headers["Content-Type"] = "application/json"
    pause = backoff
    for attempt in range(retries + 1):
        after: Optional[float] = None
        request = urllib.request.Request(url, data=body, headers=headers, method="GET" if body is None else "POST")
        try:
            with urllib.request.urlopen(request, timeout=timeout) as answer:
                data = answer.read(_MAX_BYTES + 1)
                if len(data) > _MAX_BYTES:
                    raise FetchError(f"could not fetch {url}: the answer is larger than {_MAX_BYTES} bytes")
                return bytes(data)
        except urllib.error.HTTPError as e:
            text = e.read(300).decode("utf-8", "replace").strip()
            problem = f"the server answered {e.code}: {text}"
            if e.code != 429 and e.code < 500:
                raise FetchError(f"could not fetch {url}: {problem}") from None
            after = _retry_after(e.headers.get("Retry-After"))
        except (TimeoutError, urllib.error.URLError, OSError) as e:
            reason = getattr(e, "reason", e)
            if isinstance(reason, TimeoutError) or isinstance(e, TimeoutError):
                problem = f"no answer in time ({reason})"
            else:
                problem = f"the network or the server cannot be reached ({reason})"
        if attempt == retries:
            raise FetchError(f"could not fetch {url}: {problem}; gave up after {retries + 1} tries")
        time.sleep(pause if after is None else after)
        pause *= 2
    raise AssertionError("the last try returns or raises")


def _save(save: Optional[PathLike], data: bytes) -> None:
    if save is not None:
        path = os.fspath(save)
        tmp = f"{path}.{os.getpid()}.tmp"
        with open(tmp, "wb") as f:
            f.write(data)
        os.replace(tmp, path)


def fetch_pxweb(
    url: str,
    query: Optional[Any] = None,
    *,
    save: Optional[PathLike] = None,
    timeout: float = 60.0,
    retries: int = 3,
    backoff: float = 1.0,
) -> StatTable:
    """Fetch a table from a PxWeb API: ``url`` is the table's address (v1,
    with ``query`` posted as JSON; v2, the selection in the URL or posted).
    The answer is read as JSON-stat (``{"response": {"format": "json-stat2"}}``
    in a v1 query; v2's default) or, when it is not JSON, as a PC-Axis file,
    and returned as a ``StatTable``; ``save`` keeps the answer as a file.
    """
    from .io import StatTable

    body = None if query is None else json.dumps(query).encode("utf-8")
    data = _download(url, body, timeout, retries, backoff)
    _save(save, data)
    if data.lstrip()[:1] == b"{":
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as e:
            raise FetchError(f"could not fetch {url}: the answer is not UTF-8 ({e})") from None
        frame, meta = _rs.io_read_jsonstat_str(text, url)
    else:
        frame, meta = _rs.io_read_px_bytes(data, url)
    return StatTable(frame, json.loads(meta))


def fetch_kolada(
    kpis: Union[str, Sequence[str]],
    years: Union[int, Sequence[int]],
    *,
    municipalities: Union[str, Sequence[str]] = (),
    api: str = KOLADA_API,
    save: Optional[PathLike] = None,
    timeout: float = 60.0,
    retries: int = 3,
    backoff: float = 1.0,
) -> pl.DataFrame:
    """Fetch Kolada's values of ``kpis`` for ``years`` (and
    ``municipalities``, Kolada ids; all when empty), following
    ``next_page`` (v2) or ``next_url`` (v3) to the last page; the frame of
    ``read_kolada``. ``save`` keeps the pages as one JSON array, which
    ``read_kolada`` reads again."""
    kpi_list = [kpis] if isinstance(kpis, str) else list(kpis)
    year_list = [years] if isinstance(years, int) else list(years)
    places = [municipalities] if isinstance(municipalities, str) else list(municipalities)
    if not kpi_list or not year_list:
        raise ArgumentError(f"argument `kpis`: at least one KPI and one year; got {kpi_list!r}, {year_list!r}")
    url: Optional[str] = f"{api.rstrip('/')}/data/kpi/{','.join(kpi_list)}"
    if places:
        url = f"{url}/municipality/{','.join(places)}"
    url = f"{url}/year/{','.join(str(y) for y in year_list)}"
    first = url
    pages: list[str] = []
    seen: set[str] = set()
    while url:
        if len(pages) == _MAX_PAGES or url in seen:
            raise FetchError(f"could not fetch {url}: the pages do not end (a page links back)")
        seen.add(url)
        data = _download(url, None, timeout, retries, backoff)
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as e:
            raise FetchError(f"could not fetch {url}: the answer is not UTF-8 ({e})") from None
        pages.append(text)
        try:
            answer = json.loads(text)
        except ValueError:
            break  # the reader names the line of the fault
        link = answer.get("next_page") or answer.get("next_url") if isinstance(answer, dict) else None
        url = link if isinstance(link, str) and link else None
    text = pages[0] if len(pages) == 1 else "[\n" + ",\n".join(pages) + "\n]\n"
    _save(save, text.encode("utf-8"))
    return _rs.io_read_kolada_str(text, first)
