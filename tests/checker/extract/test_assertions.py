"""Sentence -> assertions, end to end through checker.extract: what each value is said to be about."""

from __future__ import annotations

import datetime as dt

import pytest

from checker.extract import extract_document, extract_text
from checker.ingest import parse_document
from checker.models import Assertion, Event, Modality, Place, Polarity, Quantity, TimeRange

REF = dt.date(2024, 11, 25)


def extract(text: str, **kw) -> list[Assertion]:
    return extract_text(text, path="r.txt", date=kw.pop("date", REF), **kw)


def one(assertions: list[Assertion], attribute: str, key: str | None = None) -> Assertion:
    found = [a for a in assertions if a.aspect_label == attribute and (key is None or a.subject_key == key)]
    assert len(found) == 1, [(a.subject_key, a.aspect_label) for a in assertions]
    return found[0]


def attrs(assertions: list[Assertion]) -> set[tuple[str, str]]:
    return {(a.subject_key, a.aspect_label) for a in assertions}


# --------------------------------------------------------------------------------------------- quantities


def test_killed_and_injured_counts_of_one_disaster() -> None:
    found = extract("The earthquake killed 42 people and injured more than 300 in the province.")
    killed = one(found, "killed", "people")
    injured = one(found, "injured", "people")
    assert isinstance(killed.value, Quantity) and killed.value.nominal == 42
    assert isinstance(injured.value, Quantity) and (injured.value.low, injured.value.high) == (300, None)
    assert killed.scope_event == injured.scope_event == "earthquake"


@pytest.mark.parametrize(
    ("text", "key"),
    [
        pytest.param("A drone strike on a fuel depot near Kherson killed four workers on Sunday.", "workers",
                     id="drone-strike"),
        pytest.param("Eleven people killed in the strike were buried on Monday.", "people", id="the-strike"),
        pytest.param("The dockers' strike has left 40 ships waiting outside the port.", "ship", id="labour-strike"),
    ],
)
def test_a_strike_scopes_its_figures(text: str, key: str) -> None:
    found = [a for a in extract(text) if isinstance(a.value, Quantity)]
    assert [(a.subject_key, a.scope_event) for a in found] == [(key, "strike")]


def test_passive_toll_with_two_numbers() -> None:
    found = extract("Four people were killed and 19 injured when the bridge collapsed.")
    assert one(found, "killed", "people").value.nominal == 4
    assert one(found, "injured", "people").value.nominal == 19


def test_arrests_keep_subject_place_and_time() -> None:
    found = extract("Police arrested 14 protesters in Lagos on Saturday.")
    arrested = one(found, "arrested", "protesters")
    assert arrested.value.nominal == 14
    assert arrested.scope_place == "NG-LA"
    assert arrested.time is not None and arrested.time.start == dt.date(2024, 11, 23)


def test_company_revenue() -> None:
    found = extract("Brightline Corp reported revenue of $4.2 billion for the quarter.")
    revenue = one(found, "revenue", "brightline")
    assert isinstance(revenue.value, Quantity)
    assert revenue.value.unit == "USD" and revenue.value.nominal == pytest.approx(4.2e9)


def test_vote_share_and_turnout() -> None:
    assert one(extract("The ruling party won 52 percent of the vote."), "vote_share").value.nominal == 52
    turnout = one(extract("Turnout was 61 percent, the election commission said."), "turnout")
    assert turnout.value.unit == "percent" and turnout.source == "the election commission"


def test_vote_share_is_keyed_by_who_won_it() -> None:
    found = extract("The Labour Party won 52 percent of the vote.")
    assert "labour" in one(found, "vote_share").subject_key


def test_votes_counted_for_the_clause_subject() -> None:
    assert one(extract("The incumbent received 1.2 million votes."), "votes", "incumbent").value.nominal == 1.2e6


def test_more_troops_are_additional() -> None:
    found = extract("Belarus will send 3,000 more troops to the border.")
    extra = one(found, "additional", "belarus troops")
    assert extra.value.nominal == 3000
    assert not any(a.attribute == "count" for a in found)


def test_distance_with_a_compass_direction() -> None:
    found = extract("The epicentre was 72 km southwest of Izmir.")
    distance = one(found, "distance", "epicentre")
    assert distance.value.unit == "km" and distance.value.nominal == 72


def test_approximate_count_is_hedged_and_keyed_by_nationality() -> None:
    found = extract("Some 2,000 soldiers from North Korea are stationed in the Kursk region.")
    count = one(found, "count", "north-korea troops")
    assert count.modality == Modality.HEDGED
    assert count.value.low < 2000 < count.value.high


# --------------------------------------------------------------------------------------------- locations


def test_location_of_a_counted_subject() -> None:
    found = extract("Police arrested 14 protesters in Lagos on Saturday.")
    location = one(found, "location", "protesters")
    assert isinstance(location.value, Place) and location.value.key == "NG-LA"


def test_negated_location() -> None:
    location = one(extract("The medical teams are not in Sudan."), "location")
    assert location.value.key == "SD" and location.polarity == Polarity.NEGATED


def test_depot_near_a_city() -> None:
    found = extract("Satellite images show 40 howitzers at a depot near Belgorod.")
    assert one(found, "location", "depot").value.key == "RU-BEL"
    assert one(found, "count", "howitzer").value.nominal == 40


def test_what_is_at_the_depot_is_near_the_city_too() -> None:
    found = extract("Satellite images show 40 howitzers at a depot near Belgorod.")
    assert one(found, "location", "howitzer").value.key == "RU-BEL"


def test_affirmed_clause_place_in_a_contrast() -> None:
    found = extract("The brigade is positioned near Kharkiv, not moving into Sumy.")
    kharkiv = [a for a in found if a.attribute == "location" and a.value.key == "UA-63"]
    assert len(kharkiv) == 1 and kharkiv[0].polarity == Polarity.AFFIRMED


def test_negated_clause_place_in_a_contrast() -> None:
    found = extract("The brigade is positioned near Kharkiv, not moving into Sumy.")
    sumy = [a for a in found if a.attribute == "location" and a.value.key == "UA-59"]
    assert len(sumy) == 1 and sumy[0].polarity == Polarity.NEGATED and sumy[0].subject_key == "brigade"


# --------------------------------------------------------------------------------------------- dates and events


def test_when_a_treaty_was_signed() -> None:
    found = extract("Moscow and Hanoi signed a trade agreement in June.")
    when = one(found, "when:sign")
    assert (when.thing, when.entities) == ("trade agreement", ("russia", "vietnam"))  # the signatories: whose
    assert isinstance(when.value, TimeRange)
    assert (when.value.start, when.value.end) == (dt.date(2024, 6, 1), dt.date(2024, 6, 30))
    assert when.value_span.text == "June"


def test_when_a_future_vote_is_held() -> None:
    when = one(extract("The rerun will be held on March 9."), "when:hold", "rerun")
    assert when.value.start == when.value.end == dt.date(2025, 3, 9)


def test_month_may_is_not_a_hedge() -> None:
    found = extract("The strike in May killed 12 people.")
    assert all(a.modality == Modality.ASSERTED for a in found)
    assert one(found, "happened:kill").value_span.text == "killed"


def test_past_event_month_resolves_to_the_past() -> None:
    when = one(extract("The vaccine was approved in April."), "when:approve")
    assert when.value.start == dt.date(2024, 4, 1)


@pytest.mark.parametrize(
    ("text", "attribute", "key", "polarity"),
    [
        ("The reactor was disconnected from the grid.", "happened:disconnect", "reactor", Polarity.AFFIRMED),
        ("The reactor was not disconnected from the grid.", "happened:disconnect", "reactor", Polarity.NEGATED),
        ("The judge did not grant bail to the suspect.", "happened:grant", "bail", Polarity.NEGATED),
        ("A judge granted bail to the suspect.", "happened:grant", "bail", Polarity.AFFIRMED),
        ("The ceasefire was not extended.", "happened:extend", "ceasefire", Polarity.NEGATED),
        ("The court did not annul the election.", "happened:annul", "election", Polarity.NEGATED),
        ("The school board refused to approve the new timetable.", "happened:approve", "timetable",
         Polarity.NEGATED),
        ("The council failed to pass the transit budget.", "happened:pass", "transit budget", Polarity.NEGATED),
        ("The lab declined to release its raw data.", "happened:release", "raw data", Polarity.NEGATED),
        ("The airline has cancelled its order for twelve jets.", "happened:cancel", "order", Polarity.AFFIRMED),
        ("Demand for copper has fallen sharply this year.", "happened:fall", "copper demand", Polarity.AFFIRMED),
        ("There is no question that the closure has damaged local shops.", "happened:damage", "shop",
         Polarity.AFFIRMED),
        ("There is no evidence that the closure has damaged local shops.", "happened:damage", "shop",
         Polarity.NEGATED),
    ],
)
def test_event_polarity(text: str, attribute: str, key: str, polarity: Polarity) -> None:
    event = one(extract(text), attribute, key)
    assert isinstance(event.value, Event)
    assert event.value.predicate == attribute.split(":")[1]
    assert event.polarity == polarity


def test_event_value_span_covers_the_verb_group() -> None:
    event = one(extract("The reactor was not disconnected from the grid."), "happened:disconnect")
    assert event.value_span.text == "was not disconnected"


def test_a_refusal_is_the_verb_group_of_the_verb_it_denies() -> None:
    found = extract("The board refused to approve the merger.")
    event = one(found, "happened:approve")
    assert event.value_span.text == "refused to approve"
    assert [a.attribute for a in found if a.value_span.text == "refused"] == []


def test_denial_negates_the_event() -> None:
    found = extract("The airline denied that the jet was grounded.")
    assert one(found, "happened:ground").polarity == Polarity.NEGATED


# --------------------------------------------------------------------------------------------- refusals and stance


def test_refusal_to_confirm_deaths() -> None:
    refusal = one(extract("Officials could not confirm the deaths."), "killed")
    assert refusal.modality == Modality.CANNOT_CONFIRM
    assert refusal.polarity == Polarity.AFFIRMED
    assert refusal.subject_key == "people"


def test_refused_count_is_cannot_confirm_not_negated() -> None:
    claim = one(extract("The police could not confirm that 12 people were killed."), "killed")
    assert isinstance(claim.value, Quantity)
    assert claim.modality == Modality.CANNOT_CONFIRM and claim.polarity == Polarity.AFFIRMED


def test_hedging_verb_and_media_citing() -> None:
    hedged = one(extract("Analysts estimated that 5,000 people were displaced by the floods."), "displaced")
    assert hedged.modality == Modality.HEDGED and hedged.source == "Analysts"
    reported = one(extract("On Monday, Reuters reported, citing two officials, that 80 people were killed in the attack."),
                   "killed", "people")
    assert reported.modality == Modality.REPORTED
    assert reported.source == "Reuters, citing two officials"


def test_surname_and_pronoun_sources_resolve_across_sentences() -> None:
    text = ("Health Minister Maria Lopez said 30 people died in the outbreak. "
            "Lopez said 12 people were injured. She said 5 people were missing.")
    found = extract(text)
    assert {a.source for a in found if isinstance(a.value, Quantity)} == {"Health Minister Maria Lopez"}


def test_document_source_is_the_fallback() -> None:
    found = extract("Floods displaced 800 families.", source="Wire Desk")
    assert one(found, "displaced").source == "Wire Desk"


def test_company_metric_key_does_not_depend_on_phrasing() -> None:
    a = one(extract("Brightline Corp's profit was $300 million."), "profit")
    b = one(extract("Brightline Corp reported a profit of $300 million."), "profit")
    assert a.subject_key == b.subject_key


# --------------------------------------------------------------------------------------------- spans and datelines


def test_spans_point_into_the_raw_text() -> None:
    text = "Power returned on Tuesday.\nThe storm killed 9 people in Cebu, officials said."
    for a in extract(text):
        assert text[a.value_span.start : a.value_span.end] == a.value_span.text
        assert text[a.evidence.start : a.evidence.end] == a.evidence.text
    killed = one(extract(text), "killed")
    assert killed.evidence.line == 2 and killed.evidence.column == 1
    assert killed.value_span.text == "9"


def test_dateline_is_metadata_not_a_claim() -> None:
    raw = "KHARKIV, Nov. 25, 2024 — Shelling killed 7 people in the city on Sunday, officials said.\n"
    doc = parse_document("report.txt", raw)
    assert doc.body_start > 0 and doc.date == REF
    found = extract_document(doc).assertions
    assert one(found, "killed", "people").value.nominal == 7
    assert all(a.value_span.start >= doc.body_start for a in found)
    assert not any(a.attribute == "location" for a in found)
    assert not any(isinstance(a.value, Quantity) and a.value.nominal in (25, 2024) for a in found)


def test_empty_text_has_no_assertions() -> None:
    assert extract("") == []
    assert extract("\n\n   \n") == []


def test_progressive_event_in_a_reported_complement() -> None:
    found = extract("On Monday, Reuters reported, citing analysts, that Iran is enlarging an underground enrichment "
                    "plant near Natanz.")
    event = [a for a in found if a.attribute == "happened"]
    assert event and "plant" in event[0].subject_key


def test_not_saying_whether_denies_nothing() -> None:
    found = extract("The ministry has not said whether the new bridge is complete.")
    assert all(a.polarity.value == "affirmed" for a in found if a.attribute == "happened")


def test_prison_terms_are_compared_by_person() -> None:
    one_way = extract("A court sentenced former bank clerk Maria Lenz to four years in prison on Monday.")
    other = extract("Maria Lenz was jailed for six years on Monday, the agency said.")
    terms = [a for a in one_way + other if a.attribute == "sentence"]
    assert {a.subject_key for a in terms} == {"maria lenz"}
    assert len(terms) == 2 and terms[0].value.nominal * 6 == terms[1].value.nominal * 4


@pytest.mark.parametrize(
    ("text", "value", "predicate"),
    [
        pytest.param("Output is expected to be about 40,000 tonnes.", "about 40,000 tonnes", None, id="to-be"),
        pytest.param("The firm plans to build 40 plants.", "40", "build", id="to-build"),
    ],
)
def test_the_verb_after_a_control_verb_is_the_predicate_unless_it_links(
    text: str, value: str, predicate: str | None
) -> None:
    found = [a for a in extract(text) if a.value_span.text == value]
    assert [a.predicate for a in found] == [predicate]


@pytest.mark.parametrize(
    ("text", "start"),
    [
        pytest.param("Health officials have confirmed 96 dengue cases in Recife since March.", dt.date(2024, 3, 1),
                     id="health-since-a-month"),
        pytest.param("The club has sold 41,000 season tickets so far this year, its chief executive said.",
                     dt.date(2024, 1, 1), id="sport-so-far-this-year"),
    ],
)
def test_a_total_since_a_time_runs_to_the_day_of_the_report(text: str, start: dt.date) -> None:
    figure = next(a for a in extract(text) if isinstance(a.value, Quantity))
    assert figure.time is not None and (figure.time.start, figure.time.end) == (start, REF)


def test_a_since_in_another_clause_keeps_its_own_period() -> None:
    found = extract("Some 3,000 soldiers were sent this month to the region, where rebels have held a town since August.")
    figure = next(a for a in found if isinstance(a.value, Quantity))
    assert figure.time is not None and figure.time.end != REF
