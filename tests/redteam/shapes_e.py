"""Red-team extracts, part E (issue 11 follow-up): ZIP codes of one region under
procedure-code headers late in a claims file, beside real procedure codes; names of
non-English origin repeated per visit in a short-list column and typed into a
category column's last rows; infant ages in weeks; day counts under date words."""

from __future__ import annotations

import numpy as np
import polars as pl

from tests.redteam.kit import Attack, Cell, CleanRows, cells, plant, repeat, sprinkle, tools
from tests.shapes import fakes
from tests.shapes.model import Category, Extract, Match, Utility

BILLED = ("99213", "99214", "99232", "36415", "85025", "80053", "93000", "71046", "97110",
          "90686", "G0439", "J1100")


def claims_regional_zips(rows: int, seed: int) -> Attack:
    """A claims line file: 'svc_px' holds real procedure codes (HCPCS letters among them);
    'rendering_px' holds, from 60% of the file on, the patient's five-digit ZIP code of one
    region (Texas 75x-79x, all inside the CPT ranges); 'rx_days' and 'time_in_room' are
    counts under date words; 'age_wk' is an infant's age in weeks."""
    _fake, rng = tools(seed, "claims-e")
    owner = repeat(rng, rows, 3, 9)
    n = int(owner.max()) + 1
    pool = [f"{p}{int(s):02d}" for p, s in zip(rng.choice(np.arange(750, 800), n),
                                                rng.integers(0, 100, n), strict=True)]
    late = np.arange(rows) >= int(rows * 0.6)
    zips: list[Cell] = [pool[o] if late[i] else None for i, o in enumerate(owner)]
    frame = pl.DataFrame({
        "line": [str(i % 5 + 1) for i in range(rows)],
        "svc_px": fakes.pick(rng, BILLED, rows),
        "rendering_px": zips,
        "rx_days": fakes.pick(rng, ("30", "90", "28", "84"), rows),
        "time_in_room": [str(v) for v in rng.integers(5, 240, rows)],
        "age_wk": [str(v) for v in rng.integers(0, 52, rows)],
    })
    return Attack(Extract(
        "claims_regional_zips", "regional ZIPs under a px header late in the file", frame, (
            plant("rendering_px", Category.GEOGRAPHY, Match.TOKEN, zips,
                  [z for z in zips if z is not None]),
        ), {c: Utility.EXACT for c in ("svc_px", "rx_days", "time_in_room", "age_wk")}),
        "ZIP codes of one region (inside the CPT ranges) under a procedure header, only late "
        "in the file; counts under date words; ages in weeks")


def foreign_names_category(rows: int, seed: int) -> Attack:
    """An interpreter-services log: 'interp' is 15 interpreters' names (Vietnamese, Spanish,
    Yoruba, Quechua, with diacritics) repeated per encounter; 'service' is a short category
    list whose last 10% of rows hold a few 'Declined - <relative's name>' entries."""
    fake, rng = tools(seed, "names-e", ["vi_VN", "es_MX", "es_ES"])
    staff = [f"{fake.first_name()} {fake.last_name()}" for _ in range(15)]
    who = [staff[i] for i in rng.integers(0, 15, rows)]
    base = ("In person", "Video remote", "Telephone", "Declined", "Bilingual provider")
    service: list[Cell] = cells(fakes.pick(rng, base, rows))
    dirty = sprinkle(rng, rows, max(4, rows // 400), start=0.9)
    written: list[Cell] = [None] * rows
    needles = []
    for i in np.flatnonzero(dirty):
        name = f"{fake.first_name()} {fake.last_name()}"
        service[i] = written[i] = f"Declined - {name} (son) interpreted"
        needles.append(name)
    frame = pl.DataFrame({"interp": who, "service": service,
                          "minutes": [str(v) for v in rng.integers(5, 90, rows)]})
    return Attack(Extract(
        "foreign_names_category", "non-dictionary names per encounter, names in late rows",
        frame, (
            plant("interp", Category.NAME, Match.TEXT, who, staff),
            plant("service", Category.NAME, Match.TEXT, written, needles),
        ), {"minutes": Utility.EXACT}),
        "names of non-English origin repeated in a short list, and typed into a category "
        "column's last rows",
        clean=(CleanRows("service", tuple(not d for d in dirty)),))
