"""find_conflicts(): real disagreements only, across wars, disasters, elections, companies and health."""

from __future__ import annotations

import datetime as dt

import pytest

from checker.compare import CompareOptions, find_conflicts
from checker.extract import extract_text
from checker.models import (
    Assertion,
    Conflict,
    ConflictKind,
    Event,
    Modality,
    Place,
    Polarity,
    Quantity,
    Severity,
    Span,
    TimeRange,
)

DAY = dt.date(2024, 11, 25)


def check(*texts: str, dates: dict[str, dt.date] | None = None, **kw) -> list[Conflict]:
    """Conflicts among texts saved as a.txt, b.txt, ... all dated DAY unless ``dates`` says otherwise."""
    dates = dates or {}
    assertions: list[Assertion] = []
    paths = [f"{chr(ord('a') + i)}.txt" for i in range(len(texts))]
    for path, text in zip(paths, texts):
        assertions += extract_text(text, path=path, date=dates.get(path, DAY))
    return find_conflicts(assertions, dates={p: dates.get(p, DAY) for p in paths}, **kw)


def kinds(conflicts: list[Conflict]) -> list[str]:
    return [c.kind.value for c in conflicts]


def made(path: str, key: str, attribute: str, value, *, start: int = 0, polarity: Polarity = Polarity.AFFIRMED,
         modality: Modality = Modality.ASSERTED, source: str | None = None, time: TimeRange | None = None,
         scope_event: str | None = None, scope_place: str | None = None) -> Assertion:
    """A hand-built assertion for engine-only tests; ``start`` tells sentences of one file apart."""
    text = f"{path}: sentence at {start} about {key} is {value}"
    return Assertion(
        path=path, subject=key, subject_key=key, attribute=attribute, value=value, polarity=polarity,
        modality=modality, source=source, time=time, scope_event=scope_event, scope_place=scope_place,
        evidence=Span(start=start, end=start + len(text), line=1, column=start + 1, text=text),
        value_span=Span(start=start, end=start + 1, line=1, column=start + 1, text="v"),
    )


def n(value: float, low: float | None = None, high: float | None = None) -> Quantity:
    return Quantity(nominal=value, low=value if low is None else low, high=value if high is None else high)


# --------------------------------------------------------------------------------------------- numeric


def test_at_least_vs_fewer_than_conflict() -> None:
    found = check("At least 200 people were killed in the flooding.", "Fewer than 50 people were killed in the flooding.")
    assert kinds(found) == ["numeric"]
    assert found[0].attribute == "killed" and found[0].severity == Severity.HIGH
    assert {e.path for e in found[0].evidence} == {"a.txt", "b.txt"}


def test_units_are_converted_before_comparing() -> None:
    assert check("The missile has a range of 700 km.", "The missile has a range of 435 miles.") == []
    assert kinds(check("The missile has a range of 700 km.", "The missile has a range of 300 miles.")) == ["numeric"]


def test_approximate_figures_agree() -> None:
    assert check("About 11,000 North Korean troops are in Kursk.", "Nearly 11,000 North Korean troops are in Kursk.") == []
    assert kinds(check("About 11,000 North Korean troops are in Kursk.", "15,000 North Korean troops are in Kursk.")) == [
        "numeric"]


def test_company_revenue_conflict() -> None:
    found = check("Brightline Corp reported revenue of $4.2 billion for the quarter.",
                  "Brightline Corp reported revenue of $5.9 billion for the quarter.")
    assert kinds(found) == ["numeric"] and found[0].attribute == "revenue"


def test_different_subjects_never_conflict() -> None:
    assert check("300 Russian troops were killed in the assault.", "900 Ukrainian troops were killed in the assault.") == []


def test_different_attributes_never_conflict() -> None:
    assert check("300 Russian troops were killed in the assault.", "900 Russian troops were injured in the assault.") == []


def test_different_currencies_never_conflict() -> None:
    a = made("a.txt", "fine", "amount", Quantity(nominal=5, low=5, high=5, unit="USD", dimension="money"))
    b = made("b.txt", "fine", "amount", Quantity(nominal=9, low=9, high=9, unit="EUR", dimension="money"))
    assert find_conflicts([a, b]) == []


def test_negated_figure_is_not_compared_numerically() -> None:
    a = made("a.txt", "people", "evacuated", n(3000))
    b = made("b.txt", "people", "evacuated", n(500), polarity=Polarity.NEGATED)
    assert find_conflicts([a, b]) == []


def test_one_sentence_listing_two_values_does_not_contradict_itself() -> None:
    a = made("a.txt", "people", "killed", n(10))
    b = made("a.txt", "people", "killed", n(90))
    assert find_conflicts([a, b]) == []
    c = made("a.txt", "people", "killed", n(90), start=200)
    assert kinds(find_conflicts([a, c])) == ["numeric"]


def test_different_event_or_place_scopes_are_not_lined_up() -> None:
    a = made("a.txt", "people", "killed", n(40), scope_event="earthquake")
    b = made("b.txt", "people", "killed", n(400), scope_event="flood")
    assert find_conflicts([a, b]) == []
    c = made("a.txt", "people", "killed", n(40), scope_place="UA-63")
    d = made("b.txt", "people", "killed", n(400), scope_place="UA-23")
    assert find_conflicts([c, d]) == []
    e = made("b.txt", "people", "killed", n(400), scope_place="UA")
    assert kinds(find_conflicts([c, e])) == ["numeric"]


def test_a_place_named_in_the_unscoped_sentence_is_its_scope() -> None:
    scoped = "Officials said 4,000 homes lost power in Seville on Tuesday."
    assert kinds(check(scoped, "The Seville utility said 9,000 homes lost power on Tuesday.")) == ["numeric"]
    assert check(scoped, "The utility said 9,000 homes lost power on Tuesday.") == []


def test_a_report_about_a_place_scopes_its_unscoped_figures() -> None:
    scoped = made("a.txt", "homes", "count", n(4000), scope_place="UA-63")
    unscoped = made("b.txt", "homes", "count", n(9000))
    assert find_conflicts([scoped, unscoped]) == []
    there = made("b.txt", "storm", "location", Place(key="UA-63", name="Kharkiv Oblast"), start=100)
    assert kinds(find_conflicts([scoped, unscoped, there])) == ["numeric"]
    elsewhere = made("b.txt", "flood", "location", Place(key="UA-23", name="Zaporizhzhia Oblast"), start=200)
    assert find_conflicts([scoped, unscoped, there, elsewhere]) == []
    # a figure's own scope is not where the report is: its other figures may be of a whole
    own = made("b.txt", "homes", "count", n(4000), scope_place="UA-63", start=300)
    assert find_conflicts([scoped, unscoped, own]) == []


def test_an_unscoped_figure_told_of_places_in_another_country_is_another_thing() -> None:
    iran = "The death toll from the earthquake that hit Iran on Sunday rose to 17, officials said."
    assert check(iran, "At least 440 people were killed when an earthquake shook Valparaiso, Chile, officials said.") == []
    assert kinds(check(iran, "At least 440 people were killed when an earthquake shook Tabriz, officials said.")) == [
        "numeric"]


def test_dates_of_two_verbs_of_occurrence_are_one_event() -> None:
    played = "The derby between Porta Nuova and Brera will be played on Feb. 19, the league said."
    assert kinds(check(played, "The derby between Porta Nuova and Brera will take place on March 5, the league said.")
                 ) == ["date"]
    assert check(played, "The derby between Porta Nuova and Brera was postponed on Jan. 26, the league said.") == []


def test_tolerance_option() -> None:
    a = made("a.txt", "homes", "count", n(1000))
    b = made("b.txt", "homes", "count", n(1150))
    assert kinds(find_conflicts([a, b])) == ["numeric"]
    assert find_conflicts([a, b], options=CompareOptions(tolerance=0.1)) == []


# --------------------------------------------------------------------------------------------- change over time


def test_as_of_dates_make_a_change_not_a_contradiction() -> None:
    found = check("As of Oct. 30, 2,000 people had been displaced by the floods.",
                  "As of Nov. 20, 9,000 people had been displaced by the floods.")
    assert kinds(found) == ["change"]
    assert found[0].severity == Severity.LOW
    assert found[0].message.startswith("changed over time")


def test_reports_far_apart_make_a_change() -> None:
    texts = ("Cholera cases in the camp reached 1,200.", "Cholera cases in the camp reached 4,800.")
    assert kinds(check(*texts)) == ["numeric"]
    apart = {"a.txt": dt.date(2024, 10, 1), "b.txt": dt.date(2024, 10, 20)}
    assert kinds(check(*texts, dates=apart)) == ["change"]


def test_reports_outside_the_time_window_are_not_compared() -> None:
    texts = ("Cholera cases in the camp reached 1,200.", "Cholera cases in the camp reached 4,800.")
    far = {"a.txt": dt.date(2024, 1, 1), "b.txt": dt.date(2024, 11, 20)}
    assert kinds(check(*texts, dates=far)) == []


def test_small_move_over_time_is_not_news() -> None:
    a = made("a.txt", "patients", "count", n(1000))
    b = made("b.txt", "patients", "count", n(1020))
    far = {"a.txt": dt.date(2024, 1, 1), "b.txt": dt.date(2024, 3, 1)}
    assert find_conflicts([a, b], dates=far) == []


# --------------------------------------------------------------------------------------------- location


def test_disjoint_regions_conflict() -> None:
    found = check("The brigade is stationed in Kharkiv.", "The brigade is stationed in Zaporizhzhia.")
    assert kinds(found) == ["location"] and found[0].severity == Severity.MEDIUM


def test_region_and_its_country_agree() -> None:
    assert check("The brigade is stationed in the Kursk region.", "The brigade is stationed in Russia.") == []


def test_affirmed_place_inside_negated_place_conflicts() -> None:
    found = check("The brigade is stationed in Kursk.", "The brigade is not in Russia.")
    assert kinds(found) == ["location"] and found[0].severity == Severity.HIGH


def test_not_in_one_country_and_in_another_agree() -> None:
    assert check("The brigade is stationed in Kursk.", "The brigade is not in Ukraine.") == []


def test_negated_place_inside_affirmed_place_is_no_conflict() -> None:
    a = made("a.txt", "brigade", "location", Place(key="UA", name="Ukraine"))
    b = made("b.txt", "brigade", "location", Place(key="UA-63", name="Kharkiv Oblast"), polarity=Polarity.NEGATED)
    assert find_conflicts([a, b]) == []


# --------------------------------------------------------------------------------------------- date and polarity


def test_signing_months_conflict() -> None:
    found = check("Moscow and Hanoi signed a trade agreement in June.",
                  "Moscow and Hanoi signed a trade agreement in September.")
    assert kinds(found) == ["date"] and found[0].attribute == "when:sign"


def test_month_and_day_inside_it_agree() -> None:
    assert check("Moscow and Hanoi signed a trade agreement in June.",
                 "Moscow and Hanoi signed a trade agreement on June 19.") == []


@pytest.mark.parametrize(
    ("yes", "no"),
    [
        ("The reactor was disconnected from the grid.", "The reactor was not disconnected from the grid."),
        ("A judge granted bail to the suspect.", "The judge did not grant bail to the suspect."),
        ("The ceasefire was extended.", "The ceasefire was not extended."),
    ],
)
def test_polarity_conflict(yes: str, no: str) -> None:
    found = check(yes, no)
    assert kinds(found) == ["polarity"]
    assert found[0].severity == Severity.HIGH
    assert {e.polarity for e in found[0].evidence} == {Polarity.AFFIRMED, Polarity.NEGATED}


def test_same_event_same_polarity_agrees() -> None:
    assert check("The ceasefire was not extended.", "The ceasefire was never extended.") == []


def test_one_conflict_per_passage_pair_polarity_wins() -> None:
    found = check("The brigade was not deployed to Russia.", "The brigade was deployed to Russia.")
    assert kinds(found) == ["polarity"]


# --------------------------------------------------------------------------------------------- unverified


def test_claim_meeting_a_refusal_is_unverified() -> None:
    found = check("Rebels said 40 people were killed in the raid.", "The army could not confirm the deaths.")
    assert kinds(found) == ["unverified"]
    assert found[0].attribute == "casualties" and found[0].severity == Severity.MEDIUM
    assert {e.modality for e in found[0].evidence} == {Modality.ASSERTED, Modality.CANNOT_CONFIRM}


def test_refusal_never_makes_a_numeric_conflict() -> None:
    a = made("a.txt", "people", "killed", n(40))
    b = made("b.txt", "people", "killed", n(12), modality=Modality.CANNOT_CONFIRM)
    assert kinds(find_conflicts([a, b])) == ["unverified"]


# --------------------------------------------------------------------------------------------- incoming


def test_incoming_restricts_pairs_to_those_touching_it() -> None:
    texts = ("At least 200 people were killed in the flooding.", "Fewer than 50 people were killed in the flooding.",
             "Fewer than 30 people were killed in the flooding.")
    every = check(*texts)
    assert len(every) == 2  # b and c agree with each other
    only_c = check(*texts, incoming=["c.txt"])
    assert [{e.path for e in c.evidence} for c in only_c] == [{"a.txt", "c.txt"}]
    assert check(*texts, incoming=[]) == []


# --------------------------------------------------------------------------------------------- severity


def loc(path: str, key: str, **kw) -> Assertion:
    return made(path, "field hospital", "location", Place(key=key, name=key), **kw)


@pytest.mark.parametrize(
    ("left", "right", "expected"),
    [
        ({}, {}, Severity.MEDIUM),
        ({"source": "Red Crescent"}, {"source": "red crescent "}, Severity.HIGH),  # the same source twice
        ({"modality": Modality.REPORTED}, {}, Severity.LOW),
        ({"modality": Modality.UNCONFIRMED}, {}, Severity.LOW),
        ({"modality": Modality.HEDGED}, {}, Severity.MEDIUM),
        ({"modality": Modality.HEDGED}, {"modality": Modality.HEDGED}, Severity.LOW),
        ({"modality": Modality.REPORTED, "source": "Desk"}, {"source": "Desk"}, Severity.MEDIUM),
    ],
)
def test_location_severity(left: dict, right: dict, expected: Severity) -> None:
    found = find_conflicts([loc("a.txt", "UA-63", **left), loc("b.txt", "UA-23", **right)])
    assert [c.severity for c in found] == [expected]


def test_numeric_severity_drops_for_third_hand_claims() -> None:
    a = made("a.txt", "people", "killed", n(40))
    b = made("b.txt", "people", "killed", n(400), modality=Modality.REPORTED)
    c = made("c.txt", "people", "killed", n(4000), modality=Modality.UNCONFIRMED)
    by_pair = {frozenset(e.path for e in x.evidence): x.severity for x in find_conflicts([a, b, c])}
    assert by_pair[frozenset({"a.txt", "b.txt"})] == Severity.MEDIUM
    assert by_pair[frozenset({"b.txt", "c.txt"})] == Severity.LOW


def test_same_source_in_one_report_does_not_raise() -> None:
    a = loc("a.txt", "UA-63", source="Mayor")
    b = loc("a.txt", "UA-23", source="Mayor", start=300)
    found = find_conflicts([a, b])
    assert [c.severity for c in found] == [Severity.MEDIUM]
    assert found[0].message.startswith("the report contradicts itself")


def test_change_keeps_low_severity_even_for_the_same_source() -> None:
    t1 = TimeRange(start=dt.date(2024, 10, 30), end=dt.date(2024, 10, 30))
    t2 = TimeRange(start=dt.date(2024, 11, 20), end=dt.date(2024, 11, 20))
    a = made("a.txt", "people", "displaced", n(2000), time=t1, source="UNHCR", scope_place="UA-63")
    b = made("b.txt", "people", "displaced", n(9000), time=t2, source="UNHCR", scope_place="UA-63")
    assert [(c.kind, c.severity) for c in find_conflicts([a, b])] == [(ConflictKind.CHANGE, Severity.LOW)]


def test_a_change_needs_one_subject_across_reports() -> None:
    """Weeks apart, a figure is news of an earlier one only for the same owner, event or place: two earthquakes'
    tolls in two regions are two stories, the same region's toll a week later is an update."""
    t1 = TimeRange(start=dt.date(2024, 10, 30), end=dt.date(2024, 10, 30))
    t2 = TimeRange(start=dt.date(2024, 11, 20), end=dt.date(2024, 11, 20))
    oaxaca = made("a.txt", "people", "killed", n(2865), time=t1, scope_place="MX")
    arequipa = made("b.txt", "people", "killed", n(840), time=t2, scope_place="PE")
    unplaced = made("c.txt", "people", "killed", n(840), time=t2)
    later = made("d.txt", "people", "killed", n(3100), time=t2, scope_place="MX")
    assert find_conflicts([oaxaca, arequipa]) == []
    assert find_conflicts([oaxaca, unplaced]) == []
    assert [c.kind for c in find_conflicts([oaxaca, later])] == [ConflictKind.CHANGE]


# --------------------------------------------------------------------------------------------- shape of results


def test_conflict_evidence_is_ordered_and_message_names_both_files() -> None:
    a = made("b.txt", "polling stations", "count", n(120))
    b = made("a.txt", "polling stations", "count", n(310))
    (conflict,) = find_conflicts([a, b])
    assert [e.path for e in conflict.evidence] == ["a.txt", "b.txt"]
    assert "a.txt" in conflict.message and "b.txt" in conflict.message


def test_result_does_not_depend_on_input_order() -> None:
    items = [made("a.txt", "people", "killed", n(40)), made("b.txt", "people", "killed", n(400)),
             made("c.txt", "people", "killed", n(4000)), loc("a.txt", "UA-63", start=50), loc("c.txt", "UA-23")]
    assert find_conflicts(items) == find_conflicts(list(reversed(items)))


def test_event_with_other_predicate_is_not_compared() -> None:
    a = made("a.txt", "bridge", "happened:close", Event(predicate="close"))
    b = made("b.txt", "bridge", "happened:close", Event(predicate="reopen"), polarity=Polarity.NEGATED)
    assert find_conflicts([a, b]) == []


def test_two_parties_vote_shares_do_not_conflict() -> None:
    assert check("The Labour Party won 52 percent of the vote.", "The Green Party won 38 percent of the vote.") == []


def test_bare_counts_inside_one_report_are_different_instances() -> None:
    from checker.extract import extract_document
    from checker.ingest import parse_document

    doc = extract_document(parse_document(
        "a.txt",
        "Each table inside the cafe has four chairs, the owner said.\n\n"
        "The terrace opened in May.\n\n"
        "Each table on the terrace has two chairs, the owner said.",
    ))
    assert find_conflicts(doc.assertions, statements={"a.txt": doc.statements}) == []


def test_a_named_figure_inside_one_report_can_contradict_itself() -> None:
    from checker.extract import extract_document
    from checker.ingest import parse_document

    doc = extract_document(parse_document(
        "a.txt",
        "Revenue at Northwind Corp rose to $4 billion in the quarter, the company said.\n\n"
        "Shares were little changed.\n\n"
        "Revenue at Northwind Corp rose to $5 billion in the quarter, analysts said.",
    ))
    found = find_conflicts(doc.assertions, statements={"a.txt": doc.statements})
    assert [c.kind for c in found] == [ConflictKind.NUMERIC]


def test_reports_sharing_one_name_of_several_are_one_story() -> None:
    from checker.compare.engine import _comparable_documents

    stories = {"a.txt": frozenset({"kursk", "singh", "pentagon"}), "b.txt": frozenset({"kursk", "budanov", "hur"}),
               "c.txt": frozenset({"herat", "omar", "lindqvist"})}
    assert _comparable_documents("a.txt", "b.txt", {}, {}, 45, stories, stories)
    assert not _comparable_documents("a.txt", "c.txt", {}, {}, 45, stories, stories)


def test_one_sentence_carried_by_two_reports_word_for_word_agrees_with_itself() -> None:
    from checker.extract import extract_text

    text = "The number of women on the board of Kessler Bank has risen from three to seven this year."
    found = find_conflicts(extract_text(text, path="a.txt") + extract_text(text, path="b.txt"))
    assert found == []


def test_conflicts_are_capped_per_document_most_severe_first() -> None:
    from checker.compare.engine import cap_conflicts

    found = []
    for k in range(6):
        a = made("a.txt", "people", "killed", n(10 + k), start=100 * k)
        b = made("b.txt", "people", "killed", n(500 + k), start=100 * k)
        found += find_conflicts([a, b])
    assert len(found) >= 4
    kept, full = cap_conflicts(found, 3)
    assert len(kept) == 3 and full == ["a.txt", "b.txt"]
    assert [c.severity for c in kept] == sorted((c.severity for c in found), key=["high", "medium", "low"].index)[:3]
    assert cap_conflicts(found, 100) == (found, [])


def test_a_date_whose_verb_no_rule_read_meets_the_verbed_date_of_the_same_thing() -> None:
    found = check(
        "The avalanche that closed the Passo Gavia road struck on March 3 and buried two cars, the Sondrio prefecture "
        "said on Sunday.",
        "Snowploughs have reopened the Passo Gavia road closed by an avalanche on March 5, the Sondrio prefecture "
        "said on Sunday.",
    )
    assert [(c.kind, c.evidence[0].value, c.evidence[1].value) for c in found] == [
        (ConflictKind.DATE, "March 3", "March 5")]


def test_the_dates_of_two_verbs_of_one_thing_are_two_events() -> None:
    found = check("The Brightwell Foods factory in Leeds opened on March 3, the company said.",
                  "The Brightwell Foods factory in Leeds was inspected on March 5, the company said.")
    assert ConflictKind.DATE not in {c.kind for c in found}


def test_a_leader_named_with_the_people_s_adjective_signs_for_the_country() -> None:
    found = check(
        "Kenya and Tanzania signed a border accord on June 3, officials in Nairobi said.",
        "The accord, which Ruto and Tanzanian President Samia Hassan signed in Arusha in September, opens the border.",
    )
    assert [(c.kind, c.evidence[0].value, c.evidence[1].value) for c in found] == [
        (ConflictKind.DATE, "June 3", "September")]


CRUSH = "Three people were hurt in the crush at the Tarnow stadium gates on Saturday and taken to hospital, police said."


def test_a_report_that_also_gives_the_other_report_s_figure_does_not_contradict_it() -> None:
    # a.txt gives 40 (the fire service) and, in another sentence, the 3 that b.txt copies: the reports agree on 3.
    both = "More than 40 people were hurt in the crush at the Tarnow stadium gates on Saturday, the fire service said. "
    assert [c for c in check(both + CRUSH, CRUSH) if len({e.path for e in c.evidence}) == 2] == []


def test_without_the_other_report_s_figure_the_two_reports_disagree() -> None:
    alone = "More than 40 people were hurt in the crush at the Tarnow stadium gates on Saturday, the fire service said."
    assert kinds(check(alone, CRUSH)) == ["numeric"]


def test_the_other_figure_in_the_same_sentence_is_no_agreement() -> None:
    # "20 ... 25" in one sentence is the statement in dispute, not a second reading of it.
    left = "The pantry gave out 25 food parcels on Monday, the Tarnow food bank said."
    right = "The Tarnow food bank said there were 20 food parcels on Monday and all 25 food parcels were given out."
    assert kinds(check(left, right)) == ["numeric"]


def test_a_claim_in_several_conflicts_gives_each_the_same_passage() -> None:
    found = find_conflicts([
        made("a.txt", "attack", "killed", n(12)),
        made("b.txt", "attack", "killed", n(40)),
        made("c.txt", "attack", "killed", n(90)),
    ])
    sides = {}
    for c in found:
        for e in c.evidence:
            sides.setdefault(e.path, []).append(e)
    assert len(found) >= 2
    repeated = [es for es in sides.values() if len(es) > 1]
    assert repeated and all(all(e is es[0] for e in es) for es in repeated)


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        pytest.param(
            "Storm Halvard's strongest gust was recorded at 148 km/h on the coast near Brest on Tuesday.",
            "Storm Halvard's strongest gust hit 121 km/h on the coast near Brest on Tuesday.",
            ["numeric"], id="weather-gust-recorded-vs-hit",
        ),
        pytest.param(
            "Lisbon received 95 mm of rain in 24 hours on Monday, the weather service said.",
            "The storm dumped 160 millimetres of rain on Lisbon in 24 hours on Monday, the weather service said.",
            ["numeric"], id="weather-rain-received-vs-dumped",
        ),
        pytest.param(
            "Lisbon received 95 mm of rain in 24 hours on Monday, the weather service said.",
            "The storm dumped 95 millimetres of rain on Lisbon in 24 hours on Monday, the weather service said.",
            [], id="weather-same-rain-other-verb",
        ),
        pytest.param(
            "Five men were taken to hospital after the brawl in Leeds on Friday, police said.",
            "Three men were stabbed in the brawl in Leeds on Friday, police said.",
            [], id="count-two-verbs-two-groups",
        ),
    ],
)
def test_a_measure_reported_with_two_verbs_is_one_level(a: str, b: str, expected: list[str]) -> None:
    """A physical measure's verb says how it was reported, not which event: two verbs still meet; a count's do not."""
    assert kinds(check(a, b)) == expected


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("The 11th stage of the Tour de France ended in Lyon on Tuesday. The 12th stage of the Tour de "
                     "France ended in Grenoble on Wednesday.", id="sport-two-stages"),
        pytest.param("The 3rd round of talks was held in Doha on Monday. The 4th round of talks was held in Cairo "
                     "on Friday.", id="diplomacy-two-rounds"),
    ],
)
def test_two_numbered_instances_in_one_report_do_not_contradict_it(text: str) -> None:
    """'The 11th stage ended in Lyon' and 'the 12th stage ended in Grenoble': two stages, not one told twice."""
    assert check(text) == []


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        pytest.param("The European Commission approved Brevanta, a migraine drug from Velmora Pharma, on March 10, "
                     "2025, the company said.",
                     "Velmora Pharma said its migraine drug Brevanta received European Commission approval on March 3, "
                     "2025.",
                     ["date"], id="health-received-approval-vs-approved"),
        pytest.param("The European Commission approved Brevanta, a migraine drug from Velmora Pharma, on March 10, "
                     "2025, the company said.",
                     "Velmora Pharma said its migraine drug Brevanta received European Commission approval on March 10, "
                     "2025.",
                     [], id="health-same-day-other-words"),
        pytest.param("The European Commission approved Brevanta, a migraine drug from Velmora Pharma, on March 10, "
                     "2025, the company said.",
                     "Velmora Pharma said it applied for European Commission approval of its migraine drug Brevanta on "
                     "March 3, 2025.",
                     [], id="health-applied-for-approval-is-another-event"),
    ],
)
def test_an_event_told_as_a_noun_after_a_light_verb_is_the_verb(a: str, b: str, expected: list[str]) -> None:
    assert kinds(check(a, b)) == expected


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        pytest.param("Typhoon Marlo made landfall in Aurora province on Nov. 3, 2025, the weather bureau said.",
                     "Marlo came ashore in Aurora province on Nov. 5, 2025, the weather bureau said.",
                     ["date"], id="weather-made-landfall-vs-came-ashore"),
        pytest.param("Typhoon Marlo made landfall in Aurora province on Nov. 3, 2025, the weather bureau said.",
                     "Marlo came ashore in Aurora province on Nov. 3, 2025, the weather bureau said.",
                     [], id="weather-same-landfall-other-words"),
    ],
)
def test_two_light_verbs_of_one_event_noun_are_one_event(a: str, b: str, expected: list[str]) -> None:
    """'made landfall' and 'came ashore' are one landfall; 'Typhoon Marlo' and 'Marlo' one storm."""
    assert kinds(check(a, b)) == expected
