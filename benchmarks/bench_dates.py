"""Throughput of the date extractor on ordinary prose (prints MB/s; the team target for this piece is >= 5 MB/s).

The corpus is the first seed report plus a few paragraphs from other beats, repeated to a few megabytes, so that the
mix of dates, counts, names and plain words is what wire copy looks like rather than a stream of dates. Times are CPU
time (time.process_time), so a busy machine does not halve the figure.
"""

from __future__ import annotations

import datetime as dt
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from checker.extract.dates import find_dates  # noqa: E402

OTHER_BEATS = """\
A strong earthquake struck off the western coast early on Tuesday, the national geological survey said, and local
officials reported that at least 14 people had been killed and dozens more injured as buildings collapsed in two
coastal towns. Rescue teams worked through the night with sniffer dogs and heavy machinery, but aftershocks and
damaged roads slowed their progress, and the regional governor said the death toll was likely to rise. Heavy rains
had already weakened hillsides across the province, and engineers warned that landslides could cut off villages in
the mountains. More than 2,300 homes were damaged, according to a preliminary count by the civil protection agency.

The company said revenue rose 12 percent to $4.1 billion in the third quarter, beating analysts' forecasts, as demand
for its cloud services held up better than expected and its hardware division returned to growth. It raised its
full-year guidance and announced a new share buyback programme. Chief executive June Carter told analysts on a call
that demand may soften next year as customers finish large migration projects, but that margins would hold because
of cost cuts made over the past eighteen months. Shares gained 3.4% in after-hours trading.

Turnout in the election reached 61 percent, the electoral commission said, up from 55 percent at the previous vote.
The ruling party won 172 of 350 seats, short of an outright majority, while the main opposition bloc, which had led
opinion polls for much of the campaign, took 121. Coalition talks are expected to take weeks. Observers from the
regional security organisation said voting was largely orderly but noted reports of intimidation in several districts
and delays in the publication of results from polling stations abroad.

Health officials recorded 1,204 new cases of measles in the latest reporting week, the highest weekly count since
national records began, and urged parents to make sure children were vaccinated before the holiday season. Hospitals
in three regions said they were operating at or near capacity. Nurses' unions have called a march on the ministry to
demand more staff, and the health minister said she would meet their representatives to discuss the shortages.
"""


def corpus(size: int = 4_000_000) -> str:
    seed = (ROOT / "seeds" / "000_d668861fa1832f5c.txt").read_text("utf-8")
    block = "\n".join([seed, OTHER_BEATS])
    return (block + "\n") * (size // (len(block) + 1) + 1)


def main() -> None:
    text = corpus()
    ref = dt.date(2024, 11, 25)
    find_dates(text[:10_000], ref)  # warm the caches and compiled patterns
    best = float("inf")
    for _ in range(3):
        t0 = time.process_time()
        found = find_dates(text, ref)
        best = min(best, time.process_time() - t0)
    mb = len(text.encode("utf-8")) / 1e6
    print(f"dates: {mb:.1f} MB, {len(found)} matches, {best:.2f} s, {mb / best:.1f} MB/s")


if __name__ == "__main__":
    main()
