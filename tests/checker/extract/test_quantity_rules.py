"""The owners of a claim (checker/extract/quantity_rules.py, ``subject_names``): who the subject of its verb names."""

from __future__ import annotations

import datetime as dt

import pytest

from checker.extract import extract_text


@pytest.mark.parametrize(
    "text, entities",
    [
        ("The accord, which Tanzanian President Samia Hassan signed in Arusha in September, opens the border.",
         ("tanzania", "samia hassan")),
        ("The pact, which North Korean leader Kim Jong Un signed in Pyongyang in September, took effect.",
         ("north-korea", "kim jong un")),
        ("Samia Hassan signed the accord in Arusha in September.", ("samia hassan",)),
    ],
    ids=["capitalised-title", "lower-case-title", "no-title"],
)
def test_a_leader_named_with_the_people_s_adjective_stands_for_the_country(text, entities):
    found = [a.entities for a in extract_text(text, date=dt.date(2024, 11, 25)) if a.attribute == "when"]
    assert found == [entities]


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("The Harbour Alliance and the Green List together won 44 seats.", id="the-and-the-together"),
        pytest.param("On Sunday, Harbour Alliance and Green List won 44 seats.", id="bare-names"),
    ],
)
def test_a_figure_of_names_joined_by_and_belongs_to_each(text: str) -> None:
    [seats] = [a for a in extract_text(text, date=dt.date(2025, 5, 2)) if a.rule == "quantity"]
    assert set(seats.entities) == {"harbour alliance", "green list"}


def _expected_of(text: str, value: str) -> bool:
    [found] = [a for a in extract_text(text, date=dt.date(2024, 11, 25)) if a.value.text == value]
    return found.expected


@pytest.mark.parametrize(
    "text, value, expected",
    [
        ("The ministry plans to hire 2,300 nurses next year.", "2,300", True),
        ("Officials said 40 hostages are due to be released on Friday.", "40", True),
        ("Officials said 60 patients in Leeds are set to be discharged.", "60", True),
        ("The brewer closed 14 depots under a plan to save money.", "14", False),
        ("The airline grounded 30 jets as part of plans to renew its fleet.", "30", False),
        ("The council demolished 120 homes with plans to rebuild them.", "120", False),
    ],
    ids=["plan-before-figure", "due-after-figure", "set-after-a-place-phrase", "plan-in-under-phrase",
         "plans-in-as-phrase", "plans-in-with-phrase"],
)
def test_a_plan_named_in_a_phrase_after_the_noun_does_not_make_the_figure_expected(text, value, expected):
    assert _expected_of(text, value) is expected


@pytest.mark.parametrize(
    "text, value",
    [
        ("Half the pupils scored below the pass mark of 60.", "60"),
        ("The ward missed its goal, against a target of 30 minutes.", "30 minutes"),
        ("Dock workers began a 48-hour strike on Monday.", "48-hour"),
        ("Two people died after a 9-vehicle crash on the A1.", "9"),
    ],
    ids=["noun-phrase-of", "target-of", "length-adjective", "count-adjective"],
)
def test_a_figure_given_inside_a_noun_phrase_has_no_predicate(text, value):
    found = [a for a in extract_text(text, date=dt.date(2025, 6, 15)) if a.value_span.text == value]
    assert [a.predicate for a in found] == [None]


@pytest.mark.parametrize(
    "text, value, predicate",
    [
        ("The EU imposed duties of 38% on the panels.", "38%", "impose"),
        ("The board approved an operating budget of $40 million.", "$40 million", "approve"),
    ],
    ids=["verb-before-phrase", "participle-adjective"],
)
def test_the_verb_before_a_measured_phrase_is_still_its_predicate(text, value, predicate):
    found = [a for a in extract_text(text, date=dt.date(2025, 6, 15)) if a.value_span.text == value]
    assert [a.predicate for a in found] == [predicate]


def test_a_bare_metric_in_a_later_clause_is_the_opening_organisation_s() -> None:
    text = "Harbour Mills reported quarterly revenue of $2.1 billion on Monday, as sales fell 2.4 percent."
    [sales] = [a for a in extract_text(text, date=dt.date(2025, 5, 2)) if a.value_span.text == "2.4 percent"]
    assert sales.entities == ("harbour mills",)


def test_a_name_after_its_owns_its_own_figure() -> None:
    text = "Its smaller rival Pinecrest Logistics reported revenue of $2.1 billion on Wednesday."
    [revenue] = [a for a in extract_text(text, date=dt.date(2025, 5, 2)) if a.rule == "quantity"]
    assert (revenue.thing, revenue.entities) == ("revenue", ("pinecrest logistics",))


def _attribute(text: str, value: str) -> str:
    """The attribute of the one figure written ``value`` (its bound word aside: "under 40 cm")."""
    [found] = [a for a in extract_text(text, date=dt.date(2025, 6, 15)) if a.rule == "quantity" and (
        a.value_span.text == value or a.value_span.text.endswith(" " + value))]
    return found.attribute


@pytest.mark.parametrize(
    "text, value, attribute",
    [
        ("Villages in the Tyrol were buried under 40 cm of snow overnight.", "40 cm", "distance"),
        ("The flash flood left 2 metres of water in the streets of Ravello.", "2 metres", "distance"),
        ("Crews searched for survivors trapped under 3 metres of mud.", "3 metres", "distance"),
        ("The blizzard killed two motorists and dumped 55 cm of snow on Winnipeg.", "55 cm", "distance"),
        ("Officers arrested four men and recovered 12 kg of heroin from the van.", "12 kg", "mass"),
        ("Inspectors recovered 3 tonnes of stolen grain, and two traders were charged.", "3 tonnes", "mass"),
        ("A jury awarded $2.5 million to a farm worker injured by a baler.", "$2.5 million", "amount"),
        ("Insured losses from the hailstorm are expected to reach $1.2 billion.", "$1.2 billion", "loss"),
        ("Police recovered $2 million in cash from the depot robbery.", "$2 million", "recovered"),  # its verb
        ("The cyclone killed 14 people and injured 60.", "14", "killed"),  # a count keeps its toll
        ("The cyclone killed 14 people and injured 60.", "60", "injured"),
        ("Rescuers pulled 9 people trapped under the rubble.", "9", "trapped"),
        ("Nearly 40% of the people evacuated were children.", "Nearly 40%", "evacuated"),  # a share of a toll too
        ("An earthquake of magnitude 6.4 killed 52 people in Sumatra.", "magnitude 6.4", "magnitude"),
        ("An earthquake of magnitude 6.4 killed 52 people in Sumatra.", "52", "killed"),  # the toll word is 52's
    ],
    ids=["buried-under-snow", "flood-water-depth", "trapped-under-mud", "killed-and-snow", "recovered-drugs",
         "recovered-grain", "award-to-injured", "insured-losses", "recovered-sum", "toll-killed", "toll-injured", "toll-trapped",
         "toll-share", "magnitude-before-toll", "count-after-magnitude"],
)
def test_a_toll_trigger_counts_people_or_things_never_a_measure_or_a_sum(text, value, attribute):
    assert _attribute(text, value) == attribute


@pytest.mark.parametrize(
    "text, value, attribute",
    [
        ("Thirty centimetres of snow fell on Innsbruck overnight.", "Thirty centimetres", "distance"),
        ("More than 90 mm of rain fell in 24 hours in Valencia.", "More than 90 mm", "distance"),
        ("Some 2,000 tonnes of ash fell on the town after the eruption.", "Some 2,000 tonnes", "mass"),
        ("About 4,000 hectares of wheat dropped out of production this year.", "About 4,000 hectares", "area"),
        ("Some 1,500 dairy farmers rose early to block the motorway.", "Some 1,500", "count"),
        ("Eighty drones were shot down over the region, the army said.", "Eighty", "count"),  # a particle
        ("The index ended with 12 stocks in the red as oil prices rose.", "12", "count"),  # another clause's verb
        ("The lake level fell 40 cm in a month.", "40 cm", "decrease"),  # the verb's amount
        ("Rainfall fell by 30 mm compared with last spring.", "30 mm", "decrease"),
        ("Exports of coffee fell 12% in May.", "12%", "decrease"),
        ("Maize output dropped 2 million tonnes to 18 million tonnes.", "2 million tonnes", "decrease"),
        ("Unemployment rose to 4.1% in March.", "4.1%", "share"),  # the level the verb reached
        ("About 1,800 jobs will be cut at the plant.", "About 1,800", "decrease"),  # a passive: the verb's object
        ("Some 300 jobs have been cut at the mill this year.", "Some 300", "decrease"),  # a perfect passive
        ("About 40 flights had already been cancelled at Oslo.", "About 40", "count"),  # no change verb
        ("The Nikkei closed 3.5% down on Friday.", "3.5%", "decrease"),  # "down" after the figure
        ("The FTSE 100 closed 82.91 points or 1.35% up at 6,229.01.", "82.91", "increase"),
        ("A 9% drop in tourist numbers hit hotels on the coast.", "9%", "decrease"),  # the figure's own noun
    ],
    ids=["snow-fell", "rain-fell", "ash-fell", "area-dropped", "farmers-rose", "drones-shot-down",
         "other-clause-rose", "level-fell-by-amount", "fell-by", "exports-fell", "output-dropped", "rose-to-level",
         "passive-cut", "perfect-passive-cut", "perfect-passive-no-change", "closed-down", "points-or-percent-up", "noun-drop"],
)
def test_a_change_trigger_changes_only_a_figure_after_it(text, value, attribute):
    assert _attribute(text, value) == attribute


def test_two_reports_of_one_snowfall_meet_in_one_block() -> None:
    from checker.compare.align import block_key

    fell = "About 25 cm of snow fell on Bergen on Thursday."
    buried = "Bergen was buried under 25 cm of snow on Thursday."
    keys = [
        block_key(a) for text in (fell, buried)
        for a in extract_text(text, date=dt.date(2025, 1, 9)) if a.value_span.text.endswith("25 cm")
    ]
    assert len(keys) == 2 and keys[0] == keys[1]
