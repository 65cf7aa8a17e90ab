"""Synthetic report corpora for the scale benchmarks: many stories, several outlets each, a few planted conflicts.

Real corpora are clustered: a desk holds five to ten reports on one earthquake, a company's results or one front
line, written by different outlets a day or two apart, agreeing in other words ("about 140" / "at least 140" /
"140") and now and then disagreeing outright. Timing a corpus of unrelated random sentences would flatter the
comparison (no big blocks) and timing one story copied 10,000 times would flatter nothing at all. So reports are
generated per story, across five domains (wars, earthquakes, elections, company results, health), in wire style,
as .txt with a dateline, .md with front matter, or .html with page chrome, each 1-3 KB.

About three reports in a hundred carry a planted conflict (a figure two to three times another outlet's on the
same days, a different place, or a denial); they are listed in ``manifest.json`` beside the reports (not a report
extension, so checker does not read it), so a benchmark can say how many it found.

    python benchmarks/generate.py 1000 /tmp/corpus --seed 7
"""

from __future__ import annotations

import argparse
import datetime as dt
import html
import json
import random
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

__all__ = ["generate"]

PLANT_RATE = 0.03
MIN_BYTES, MAX_BYTES = 1000, 3000

_MONTHS = ("Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec.")
_WORDS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve")

# ------------------------------------------------------------------------------------------------ the world

WIRES = ("Reuters", "AP", "AFP", "Bloomberg", "dpa", "Anadolu", "Kyodo", "Yonhap", "EFE", "ANSA", "PTI", "Xinhua")
OUTLETS = (
    "Northern Ledger", "Harbour Times", "Global Wire Desk", "The Meridian", "Daily Courier", "Civic Post",
    "Frontline Monitor", "Continental Review", "Evening Standard Online", "Pacific Dispatch",
)
# (city, country, demonym)
QUAKE_PLACES = (
    ("Kathmandu", "Nepal", "Nepali"), ("Izmir", "Turkey", "Turkish"), ("Herat", "Afghanistan", "Afghan"),
    ("Marrakesh", "Morocco", "Moroccan"), ("Padang", "Indonesia", "Indonesian"), ("Davao", "Philippines", "Filipino"),
    ("Sendai", "Japan", "Japanese"), ("Valparaiso", "Chile", "Chilean"), ("Arequipa", "Peru", "Peruvian"),
    ("Quito", "Ecuador", "Ecuadorian"), ("Tabriz", "Iran", "Iranian"), ("Mandalay", "Myanmar", "Myanmar"),
    ("Oaxaca", "Mexico", "Mexican"), ("Christchurch", "New Zealand", "New Zealand"), ("Taichung", "Taiwan", "Taiwanese"),
    ("Kermanshah", "Iran", "Iranian"), ("Port-au-Prince", "Haiti", "Haitian"), ("Bishkek", "Kyrgyzstan", "Kyrgyz"),
)
# (attacker demonym, attacker country, defender country, regions or cities in the defender's country)
FRONTS = (
    ("Russian", "Russia", "Ukraine", ("Kharkiv", "Zaporizhzhia", "Donetsk", "Kherson", "Sumy", "Dnipro")),
    ("Sudanese", "Sudan", "Sudan", ("Khartoum", "Omdurman", "Darfur", "Kordofan")),
    ("Rwandan", "Rwanda", "Congo", ("Goma", "Bukavu", "North Kivu", "South Kivu")),
    ("Ethiopian", "Ethiopia", "Ethiopia", ("Amhara", "Tigray", "Gondar", "Bahir Dar")),
    ("Malian", "Mali", "Mali", ("Gao", "Timbuktu", "Mopti", "Kidal")),
    ("Syrian", "Syria", "Syria", ("Aleppo", "Idlib", "Homs", "Hama")),
    ("Burmese", "Myanmar", "Myanmar", ("Sagaing", "Mandalay", "Shan State", "Rakhine")),
    ("Somali", "Somalia", "Somalia", ("Mogadishu", "Baidoa", "Kismayo", "Beledweyne")),
)
ELECTION_COUNTRIES = (
    ("Portugal", "Portuguese", "Lisbon"), ("Chile", "Chilean", "Santiago"), ("Kenya", "Kenyan", "Nairobi"),
    ("Poland", "Polish", "Warsaw"), ("Indonesia", "Indonesian", "Jakarta"), ("Romania", "Romanian", "Bucharest"),
    ("Ghana", "Ghanaian", "Accra"), ("Argentina", "Argentine", "Buenos Aires"), ("Senegal", "Senegalese", "Dakar"),
    ("Slovakia", "Slovak", "Bratislava"), ("Malawi", "Malawian", "Lilongwe"), ("Ecuador", "Ecuadorian", "Quito"),
)
FIRST_NAMES = ("Ana", "Tomasz", "Grace", "Rui", "Amina", "Daniel", "Marta", "Kwame", "Sofia", "Ioan", "Lucia",
               "Samuel", "Elena", "Omar", "Nadia", "Pedro", "Hana", "Viktor", "Leila", "Jonas")
LAST_NAMES = ("Moreira", "Kowalczyk", "Otieno", "Santos", "Diallo", "Novak", "Herrera", "Mensah", "Petrescu",
              "Lindqvist", "Haddad", "Okafor", "Varga", "Castillo", "Sato", "Brennan", "Adeyemi", "Rossi", "Ilic", "Noor")
COMPANY_STEMS = ("Norvane", "Helix", "Baltica", "Quorra", "Sterling", "Aurelia", "Tessaract", "Kestrel", "Orinoco",
                 "Vantor", "Lumen", "Caldera", "Brightwater", "Ferrox", "Solvay", "Arcadia", "Nimbus", "Tanager")
COMPANY_KINDS = (("Foods", "food maker"), ("Semiconductor", "chipmaker"), ("Shipping", "shipping group"),
                 ("Motors", "carmaker"), ("Pharma", "drugmaker"), ("Telecom", "telecoms operator"),
                 ("Energy", "utility"), ("Airlines", "airline"), ("Retail", "retailer"), ("Bank", "lender"))
COMPANY_HQ = ("Frankfurt", "Milan", "Stockholm", "Toronto", "Sydney", "Seoul", "Mumbai", "Chicago", "Madrid",
              "Zurich", "Amsterdam", "Osaka", "Sao Paulo", "Singapore")
DISEASES = (("cholera", "cholera"), ("measles", "measles"), ("dengue fever", "dengue"), ("mpox", "mpox"),
            ("bird flu", "H5N1"), ("diphtheria", "diphtheria"), ("Marburg virus", "Marburg"))
HEALTH_PLACES = (("Malawi", "Lilongwe"), ("Haiti", "Port-au-Prince"), ("Yemen", "Sanaa"), ("Bangladesh", "Dhaka"),
                 ("Nigeria", "Kano"), ("Pakistan", "Karachi"), ("Brazil", "Recife"), ("Congo", "Kinshasa"),
                 ("Uganda", "Kampala"), ("Zambia", "Lusaka"), ("Vietnam", "Hanoi"), ("Peru", "Lima"))
HEDGES_ABOUT = ("about", "around", "roughly", "some", "an estimated", "approximately")
HEDGES_VERB = ("is believed to have", "reportedly", "is thought to have")


# ------------------------------------------------------------------------------------------------ words


def fmt_count(n: int) -> str:
    if n >= 1_000_000:
        return f"{n / 1_000_000:.1f} million".replace(".0 ", " ")
    return f"{n:,}"


def small(n: int, rng: random.Random) -> str:
    return _WORDS[n] if n < len(_WORDS) and rng.random() < 0.7 else fmt_count(n)


def say_count(n: int, rng: random.Random) -> str:
    """A figure as different outlets write the same figure: rounded and hedged in ways that still agree."""
    roll = rng.random()
    if n < 13:
        return small(n, rng)
    if roll < 0.35:
        return fmt_count(n)
    if roll < 0.6:
        return f"{rng.choice(HEDGES_ABOUT)} {fmt_count(_round(n))}"
    if roll < 0.8:
        return f"at least {fmt_count(_round_down(n))}"
    return f"more than {fmt_count(_round_down(n))}"


def _round(n: int) -> int:
    step = 10 ** max(0, len(str(n)) - 2)
    return max(step, round(n / step) * step)


def _round_down(n: int) -> int:
    step = 10 ** max(0, len(str(n)) - 2)
    value = (n // step) * step
    return value if value < n else max(1, value - step)


def money(value_m: float) -> str:
    if value_m >= 1000:
        return f"${value_m / 1000:.1f} billion"
    return f"${value_m:,.0f} million"


def long_date(day: dt.date) -> str:
    return f"{_MONTHS[day.month - 1]} {day.day}, {day.year}"


def weekday(day: dt.date) -> str:
    return day.strftime("%A")


def person(rng: random.Random) -> str:
    return f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"


# ------------------------------------------------------------------------------------------------ stories


@dataclass
class Report:
    """What one outlet writes about a story: a headline, a dateline city and paragraphs of prose."""

    title: str
    city: str
    paragraphs: list[str]
    background: list[str]
    planted: dict | None = None
    credit: str = ""


@dataclass
class Story:
    """One event in the world: a domain writer, its facts, and the date it broke."""

    id: int
    domain: str
    date: dt.date
    facts: dict
    write: Callable[["Story", random.Random, dt.date, bool], Report]
    paths: list[str] = field(default_factory=list)


def _quake_facts(rng: random.Random) -> dict:
    city, country, demonym = rng.choice(QUAKE_PLACES)
    killed = rng.choice((rng.randint(3, 40), rng.randint(40, 900), rng.randint(900, 9000)))
    return dict(city=city, country=country, demonym=demonym, magnitude=round(rng.uniform(5.4, 7.9), 1),
                depth=rng.choice((10, 15, 23, 35, 48, 70, 112)), killed=killed, injured=killed * rng.randint(2, 6),
                missing=rng.randint(5, 300), buildings=rng.randint(50, 5000), distance=rng.randint(12, 140),
                official=person(rng))


def _write_quake(story: Story, rng: random.Random, day: dt.date, plant: bool) -> Report:
    f = dict(story.facts)
    planted = None
    if plant:
        what = rng.choice(("killed", "magnitude"))
        if what == "killed":
            f["killed"] = f["killed"] * rng.choice((2, 3)) + rng.randint(5, 50)
        else:
            f["magnitude"] = round(f["magnitude"] + rng.choice((-1.3, 1.1, -0.9)), 1)
        planted = {"kind": "numeric", "attribute": what}
    agency = rng.choice(("the U.S. Geological Survey", "the national seismology centre", "the European-Mediterranean "
                         "Seismological Centre", f"{f['country']}'s disaster management agency"))
    toll = say_count(f["killed"], rng)
    lead = rng.choice((
        f"A magnitude {f['magnitude']} earthquake struck near {f['city']} on {weekday(story.date)}, killing {toll} "
        f"people and injuring {say_count(f['injured'], rng)} others, officials said.",
        f"The death toll from the magnitude {f['magnitude']} earthquake that hit {f['country']} on "
        f"{weekday(story.date)} rose to {toll}, {agency} said.",
        f"At least {fmt_count(_round_down(f['killed']))} people were killed when an earthquake of magnitude "
        f"{f['magnitude']} shook {f['city']}, {f['country']}, according to {agency}.",
    ))
    paras = [lead]
    paras.append(
        f"The quake struck at a depth of {f['depth']} km, about {f['distance']} km from {f['city']}, "
        f"according to {agency}. {rng.choice(('Several aftershocks followed.', 'Residents ran into the streets.', 'Power was cut across the region.'))}"
    )
    paras.append(
        f"{rng.choice(('Rescue teams', 'Emergency crews', 'Soldiers and volunteers'))} were searching for "
        f"{say_count(f['missing'], rng)} people still missing, {f['official']}, a spokesperson for the civil defence "
        f"agency, told reporters. {say_count(f['buildings'], rng).capitalize()} buildings were destroyed or damaged."
    )
    if rng.random() < 0.3:
        paras.append(f'"We are still pulling people out of the rubble," {f["official"]} said. "The numbers may rise."')
    if rng.random() < 0.25:
        paras.append(
            f"Local media reported that as many as {fmt_count(f['killed'] * 2)} people may have died, but "
            f"{f['official']} said the agency could not confirm that figure."
        )
    background = [
        f"{f['country']} sits on several active fault lines and is regularly hit by earthquakes.",
        f"In {rng.randint(1990, 2019)}, a quake in the same region killed thousands and left entire villages in ruins.",
        f"The {f['demonym']} government declared {rng.choice(('three', 'seven', 'five'))} days of national mourning.",
        "International aid agencies said they were ready to send search-and-rescue teams and field hospitals.",
        "Hospitals in the area appealed for blood donations as the wounded kept arriving overnight.",
        "Roads leading into the mountain villages were blocked by landslides, slowing the arrival of aid.",
        "Television footage showed collapsed apartment blocks, with residents digging through concrete by hand.",
        "Engineers said many of the older buildings had been put up before the current building code took effect.",
        "The prime minister cut short a foreign trip and flew to the area to oversee the relief effort.",
        "Schools and government offices in the province were closed while inspectors checked for structural damage.",
        "A hotline set up by the interior ministry received calls from relatives searching for family members.",
    ]
    return Report(f"Earthquake near {f['city']} kills {toll}", f["city"], paras, background, planted)


def _war_facts(rng: random.Random) -> dict:
    demonym, attacker, defender, places = rng.choice(FRONTS)
    return dict(demonym=demonym, attacker=attacker, defender=defender, place=rng.choice(places), places=places,
                troops=rng.choice((rng.randint(2, 30) * 500, rng.randint(1, 12) * 1000)),
                drones=rng.randint(12, 180), civilians=rng.randint(2, 60), displaced=rng.randint(3, 90) * 1000,
                villages=rng.randint(2, 9), spokesman=person(rng))


def _write_war(story: Story, rng: random.Random, day: dt.date, plant: bool) -> Report:
    f = dict(story.facts)
    planted = None
    place = f["place"]
    if plant:
        what = rng.choice(("count", "location"))
        if what == "count":
            f["troops"] = f["troops"] * rng.choice((2, 3))
        else:
            others = [p for p in f["places"] if p != place]
            place = rng.choice(others)
        planted = {"kind": "numeric" if what == "count" else "location", "attribute": what}
    shot = rng.randint(f["drones"] // 3, f["drones"])
    side = rng.choice(("the military", "the general staff", "the defence ministry", "a regional governor"))
    lead = rng.choice((
        f"{say_count(f['troops'], rng).capitalize()} {f['demonym']} troops are massing near {place}, "
        f"{side} said on {weekday(day)}.",
        f"{f['demonym']} forces have deployed {say_count(f['troops'], rng)} soldiers to {place}, according to {side}.",
        f"{side.capitalize()} said {say_count(f['troops'], rng)} {f['demonym']} troops were positioned around "
        f"{place} as fighting intensified.",
    ))
    paras = [lead]
    paras.append(
        f"Overnight, {f['demonym']} forces launched {f['drones']} drones, of which {shot} were shot down, "
        f"{f['spokesman']}, a military spokesman, said. {say_count(f['civilians'], rng).capitalize()} civilians "
        f"were killed in the strikes."
    )
    paras.append(
        f"{say_count(f['displaced'], rng).capitalize()} people have been displaced from villages around {place} since "
        f"the offensive began, the United Nations said, and {small(f['villages'], rng)} villages changed hands."
    )
    if rng.random() < 0.2:
        paras.append(f"{f['attacker']}'s government denied that its troops had crossed into {place}, calling the "
                     "reports \"provocations\".")
    if rng.random() < 0.3:
        paras.append(f'"The situation remains difficult but under control," {f["spokesman"]} said.')
    background = [
        "Both sides have traded accusations of targeting civilian infrastructure, claims that could not be "
        "independently verified.",
        f"The conflict has dragged on since {rng.randint(2011, 2023)}, with several ceasefires collapsing within weeks.",
        "Aid groups have warned of food shortages as supply routes are cut and fields go unplanted.",
        "Diplomats said talks on a humanitarian corridor were expected to resume next week.",
        "Satellite images reviewed by independent analysts showed fresh trenches and damaged bridges along the road.",
        "Residents described hearing explosions through the night and sheltering in basements until morning.",
        "The claims by both sides about battlefield losses could not be independently confirmed.",
        "Military analysts said the build-up could signal preparations for a new push before winter.",
        "Electricity and water supplies to several districts were cut after strikes on a power station.",
        "Regional leaders called for an emergency meeting of the security council.",
    ]
    return Report(f"{f['demonym']} troops mass near {place}", rng.choice(f["places"]), paras,
                  background, planted)


def _election_facts(rng: random.Random) -> dict:
    country, demonym, capital = rng.choice(ELECTION_COUNTRIES)
    share = round(rng.uniform(30, 58), 1)
    return dict(country=country, demonym=demonym, capital=capital, winner=person(rng), runner=person(rng), share=share,
                runner_share=round(rng.uniform(15, min(share - 2, 45)), 1), turnout=round(rng.uniform(38, 82), 1),
                votes=rng.randint(2, 30) * 1_000_000 + rng.randint(0, 999_999), seats=rng.randint(60, 230),
                commission=rng.choice(("electoral commission", "election board", "national elections authority")))


def _write_election(story: Story, rng: random.Random, day: dt.date, plant: bool) -> Report:
    f = dict(story.facts)
    planted = None
    if plant:
        f["turnout"] = round(f["turnout"] - rng.uniform(12, 20), 1)
        planted = {"kind": "numeric", "attribute": "turnout"}
    lead = rng.choice((
        f"{f['winner']} won {f['country']}'s presidential election with {f['share']} percent of the vote, the "
        f"{f['commission']} said on {weekday(day)}.",
        f"{f['demonym']} voters handed {f['winner']} a clear victory, with {f['share']}% of ballots cast, according "
        f"to results published by the {f['commission']}.",
    ))
    paras = [lead]
    paras.append(f"Turnout was {f['turnout']} percent, the {f['commission']} said. {f['runner']} came second with "
                 f"{f['runner_share']} percent.")
    paras.append(f"{f['winner']}'s party won {f['seats']} seats in the parallel parliamentary vote, in which "
                 f"{fmt_count(f['votes'])} votes were counted.")
    if rng.random() < 0.3:
        paras.append(f"{f['runner']} said the campaign would challenge the results in court, alleging irregularities "
                     "at some polling stations, a claim the commission rejected.")
    # The inauguration is a fact of the story, the same in every outlet's report (it was drawn per report once, which
    # planted a date conflict in every story); the draw stays so that the rest of the corpus keeps its bytes.
    rng.randint(20, 60)
    sworn_in = story.date + dt.timedelta(days=20 + story.id % 41)
    background = [
        "International observers described the vote as largely peaceful and well organised.",
        "The campaign was dominated by the cost of living, corruption and the future of energy subsidies.",
        f"The new president is due to be sworn in on {long_date(sworn_in)}.",
        "Opinion polls before the vote had pointed to a much closer race and a possible run-off.",
        "Markets rallied on the result, with the currency gaining against the dollar in early trading.",
        "Supporters gathered in the capital's main square late into the night, waving flags and sounding car horns.",
        "The outgoing government said it would cooperate fully with the transition.",
        "Several polling stations stayed open late after long queues formed in the evening.",
        "Foreign leaders were quick to congratulate the winner and pledged to deepen trade ties.",
        "The result must still be certified by the constitutional court, which has two weeks to rule on complaints.",
    ]
    return Report(f"{f['winner']} wins {f['country']} election", f["capital"], paras, background, planted)


def _company_facts(rng: random.Random) -> dict:
    kind, noun = rng.choice(COMPANY_KINDS)
    revenue = round(rng.uniform(200, 40_000), -1)
    return dict(name=f"{rng.choice(COMPANY_STEMS)} {kind}", noun=noun, hq=rng.choice(COMPANY_HQ), revenue=revenue,
                profit=round(revenue * rng.uniform(0.02, 0.2), -1), growth=round(rng.uniform(-15, 25), 1),
                jobs=rng.randint(2, 80) * 100, quarter=rng.choice(("first", "second", "third", "fourth")),
                ceo=person(rng), shares=round(rng.uniform(1, 12), 1))


def _write_company(story: Story, rng: random.Random, day: dt.date, plant: bool) -> Report:
    f = dict(story.facts)
    planted = None
    if plant:
        f["revenue"] = round(f["revenue"] * rng.choice((1.6, 0.55)), -1)
        planted = {"kind": "numeric", "attribute": "revenue"}
    direction = "rose" if f["growth"] >= 0 else "fell"
    lead = rng.choice((
        f"{f['name']} reported {f['quarter']}-quarter revenue of {money(f['revenue'])} on {weekday(day)}, "
        f"as sales {direction} {abs(f['growth'])} percent from a year earlier.",
        f"{f['hq']}-based {f['noun']} {f['name']} said revenue {direction} {abs(f['growth'])}% to "
        f"{money(f['revenue'])} in the {f['quarter']} quarter.",
    ))
    paras = [lead]
    paras.append(f"Net profit was {money(f['profit'])}, the company said in a statement. Its shares "
                 f"{rng.choice(('rose', 'fell'))} {f['shares']} percent in early trading.")
    paras.append(f"Chief executive {f['ceo']} said the group would cut {fmt_count(f['jobs'])} jobs over the next "
                 f"{small(rng.randint(2, 3), rng)} years as part of a cost-saving plan.")
    if rng.random() < 0.3:
        paras.append(f"Analysts polled by LSEG had expected revenue of about {money(round(f['revenue'] * 1.03, -1))}.")
    background = [
        f"The {f['noun']} has been under pressure from investors to improve margins after a weak "
        f"{rng.randint(2019, 2023)}.",
        "Higher interest rates and weaker demand in China weighed on the sector throughout the year.",
        f"{f['name']} employs staff in more than {rng.randint(12, 60)} countries and is listed in {f['hq']}.",
        "The company kept its outlook for the full year unchanged, citing steady orders in its largest market.",
        "Rivals are due to report their results later this month.",
        "The board proposed an unchanged dividend and said a share buyback would continue into next year.",
        "Costs for raw materials and energy eased during the period, helping margins recover.",
        "Trade unions said they would oppose the job cuts and called for talks with management.",
        "The group said currency swings had hurt reported figures, especially in emerging markets.",
        "Credit rating agencies have kept the company's outlook stable.",
    ]
    return Report(f"{f['name']} {f['quarter']}-quarter results", f["hq"], paras, background, planted)


def _health_facts(rng: random.Random) -> dict:
    country, city = rng.choice(HEALTH_PLACES)
    disease, short = rng.choice(DISEASES)
    cases = rng.randint(40, 40_000)
    return dict(country=country, city=city, disease=disease, short=short, cases=cases,
                deaths=max(2, int(cases * rng.uniform(0.005, 0.04))), hospital=max(3, int(cases * rng.uniform(0.05, 0.2))),
                doses=rng.randint(5, 300) * 10_000, districts=rng.randint(3, 24), minister=person(rng))


def _write_health(story: Story, rng: random.Random, day: dt.date, plant: bool) -> Report:
    f = dict(story.facts)
    planted = None
    if plant:
        f["deaths"] = f["deaths"] * rng.choice((3, 4)) + 7
        planted = {"kind": "numeric", "attribute": "killed"}
    who = rng.choice(("the World Health Organization", "the health ministry", "Africa CDC", "local health officials"))
    lead = rng.choice((
        f"A {f['disease']} outbreak in {f['country']} has killed {say_count(f['deaths'], rng)} people and infected "
        f"{say_count(f['cases'], rng)}, {who} said on {weekday(day)}.",
        f"{f['country']} has recorded {say_count(f['cases'], rng)} {f['short']} cases and {f['deaths']} deaths since "
        f"the outbreak began, according to {who}.",
    ))
    paras = [lead]
    paras.append(f"{say_count(f['hospital'], rng).capitalize()} patients have been hospitalised, most of them in and "
                 f"around {f['city']}, health minister {f['minister']} told parliament.")
    paras.append(f"Cases have been confirmed in {f['districts']} districts. Authorities said {fmt_count(f['doses'])} "
                 f"vaccine doses had been delivered and a campaign would start next week.")
    background = [
        "Poor sanitation and crowded housing have helped the disease spread, doctors said.",
        f"The last large outbreak, in {rng.randint(2005, 2021)}, lasted several months before it was contained.",
        "Aid groups warned that clinics were running short of oral rehydration salts and intravenous fluids.",
        "Schools in the worst-affected areas were told to close until further notice.",
        "The ministry urged residents to boil drinking water and to report symptoms through a free hotline.",
        "Health workers went door to door in the worst-hit neighbourhoods to trace contacts of confirmed patients.",
        "Neighbouring countries stepped up screening at border crossings and airports.",
        "Doctors said many patients arrived late at clinics because of the cost of transport.",
        "The government appealed to international donors for help in funding its response plan.",
        "Officials said the number of new cases reported each day appeared to be slowing in the capital.",
    ]
    return Report(f"{f['short'].capitalize()} outbreak in {f['country']}", f["city"], paras,
                  background, planted)


_DOMAINS = (
    ("war", _war_facts, _write_war),
    ("earthquake", _quake_facts, _write_quake),
    ("election", _election_facts, _write_election),
    ("company", _company_facts, _write_company),
    ("health", _health_facts, _write_health),
)

# ------------------------------------------------------------------------------------------------ files


def _body(report: Report, rng: random.Random) -> list[str]:
    """Facts first, then background lines in random places until the report reaches its drawn length."""
    paras = list(report.paragraphs)
    extra = report.background[:]
    rng.shuffle(extra)
    while extra and sum(len(p) + 2 for p in paras) < MIN_BYTES + 150 + rng.randint(0, 1500):
        paras.insert(rng.randint(2, len(paras)), extra.pop())
    while sum(len(p) + 2 for p in paras) > MAX_BYTES - 300 and len(paras) > 2:
        paras.pop()
    return paras


def _as_text(report: Report, paras: list[str], day: dt.date, source: str) -> str:
    head = f"{report.city.upper()}, {long_date(day)} ({source}) - "
    return report.title + "\n\n" + head + "\n\n".join(paras) + "\n\n" + report.credit + "\n"


def _as_markdown(report: Report, paras: list[str], day: dt.date, source: str) -> str:
    front = f'---\ntitle: "{report.title}"\ndate: {day.isoformat()}\nsource: {source}\n---\n\n'
    return front + f"# {report.title}\n\n" + "\n\n".join(paras) + "\n"


def _as_html(report: Report, paras: list[str], day: dt.date, source: str) -> str:
    body = "\n".join(f"<p>{html.escape(p)}</p>" for p in paras)
    return (
        "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        f"<title>{html.escape(report.title)} | {html.escape(source)}</title>"
        f'<meta name="article:published_time" content="{day.isoformat()}T08:00:00Z">'
        f'<meta name="author" content="{html.escape(source)}"></head>\n<body>'
        '<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/top10">Top 10</a></nav>\n'
        f"<article><h1>{html.escape(report.title)}</h1>\n{body}\n</article>\n"
        "<footer>&copy; 2024 Newsroom. 1,200 journalists in 45 bureaus.</footer></body></html>\n"
    )


_FORMATS = ((".txt", _as_text, 0.7), (".md", _as_markdown, 0.2), (".html", _as_html, 0.1))


def _pick_format(rng: random.Random) -> tuple[str, Callable]:
    roll = rng.random()
    for ext, writer, weight in _FORMATS:
        if roll < weight:
            return ext, writer
        roll -= weight
    return _FORMATS[0][0], _FORMATS[0][1]


def generate(n: int, folder: Path, seed: int = 7) -> list[Path]:
    """Write ``n`` reports into ``folder`` (created if needed) and ``manifest.json`` listing the planted conflicts.

    Reports come in stories of 2-9; a planted report is never a story's first, so it always has another outlet to
    disagree with on the same days. Same ``n`` and ``seed``, same bytes.
    """
    rng = random.Random(seed)
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    start = dt.date(2023, 1, 1)
    paths: list[Path] = []
    planted: list[dict] = []
    story_id = 0
    while len(paths) < n:
        domain, facts, write = rng.choice(_DOMAINS)
        story = Story(story_id, domain, start + dt.timedelta(days=rng.randint(0, 720)), facts(rng), write)
        story_id += 1
        for k in range(min(rng.randint(2, 9), n - len(paths))):
            day = story.date + dt.timedelta(days=rng.randint(0, 2))
            plant = k > 0 and rng.random() < PLANT_RATE * 1.6  # ~3 in 100 once first-of-story reports are excluded
            report = write(story, rng, day, plant)
            report.credit = f"(Reporting by {person(rng)}; Editing by {person(rng)})"
            source = rng.choice(WIRES) if rng.random() < 0.7 else rng.choice(OUTLETS)
            ext, writer = _pick_format(rng)
            name = f"{domain}/{story.id:05d}-{k}{ext}"
            path = folder / name
            path.parent.mkdir(exist_ok=True)
            path.write_text(writer(report, _body(report, rng), day, source), encoding="utf-8")
            if report.planted:
                planted.append({"path": name, "story": story.id, "others": list(story.paths), **report.planted})
            story.paths.append(name)
            paths.append(path)
    manifest = {"n": n, "seed": seed, "planted": planted}
    (folder / "manifest.json").write_text(json.dumps(manifest, indent=1) + "\n", encoding="utf-8")
    return paths


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("n", type=int)
    ap.add_argument("folder", type=Path)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    paths = generate(args.n, args.folder, args.seed)
    print(f"{len(paths)} reports in {args.folder}")


if __name__ == "__main__":
    main()
