"""The verify core: statuses, the source passage behind each, spans in the draft."""

from __future__ import annotations

import pytest

from checker.compare.engine import CompareOptions
from checker.extract import extract_text
from checker.models import ClaimStatus, ConflictKind, Quantity
from checker.verify.core import negated_words, quantity_supports, supports, verify_claims

from .conftest import run_verify, statuses, verdict_for

SOURCE = "There are 10,900 North Korean troops in Kursk Oblast, officials said."


def test_rounded_figure_is_supported_with_the_source_passage():
    draft = "Nearly 11,000 North Korean troops are in Kursk."
    v = verdict_for(run_verify(draft, SOURCE), "Nearly 11,000", "count")
    assert v.status is ClaimStatus.SUPPORTED
    assert v.kind is None
    assert [s.value for s in v.sources] == ["10,900"]
    assert v.sources[0].path == "source0.txt"
    assert 0 < v.score <= 1


def test_evidence_spans_point_into_the_draft():
    draft = "Officials spoke.\nNearly 11,000 North Korean troops are in Kursk."
    v = verdict_for(run_verify(draft, SOURCE), "Nearly 11,000", "count")
    ev = v.evidence
    assert ev.path == "draft.txt"
    assert draft[ev.start:ev.end] == ev.text
    assert draft[ev.value_start:ev.value_end] == "Nearly 11,000"
    assert (ev.line, ev.column) == (2, 1)
    src = v.sources[0]
    assert SOURCE[src.value_start:src.value_end] == "10,900"


def test_other_figure_for_the_same_thing_is_contradicted_with_its_kind():
    v = verdict_for(run_verify("About 3,000 North Korean troops are in Kursk.", SOURCE), "About 3,000", "count")
    assert v.status is ClaimStatus.CONTRADICTED
    assert v.kind is ConflictKind.NUMERIC
    assert v.sources[0].value == "10,900"


def test_claim_no_source_speaks_of_is_unsupported_without_sources():
    v = verdict_for(run_verify("The storm injured 7 people.", SOURCE), "7", "injured")
    assert v.status is ClaimStatus.UNSUPPORTED
    assert v.sources == []


def test_negated_event_contradicts_the_affirmed_one():
    verdicts = run_verify("The appeals court did not uphold the conviction.", "The appeals court upheld the conviction.")
    v = verdict_for(verdicts, "did not uphold", "happened")
    assert v.status is ClaimStatus.CONTRADICTED
    assert v.kind is ConflictKind.POLARITY


def test_a_question_is_unchecked():
    verdicts = run_verify("Were 40 people killed in the storm?", "The storm killed 12 people.")
    assert verdicts and {v.status for v in verdicts} == {ClaimStatus.UNCHECKED}


def test_sources_disagreeing_among_themselves_do_not_contradict_a_draft_that_follows_one():
    verdicts = run_verify("The storm killed 12 people in Texas.", "The storm killed 12 people in Texas.",
                          "The storm killed 19 people in Texas.")
    assert verdict_for(verdicts, "12", "killed").status is ClaimStatus.SUPPORTED


def test_verdicts_keep_the_draft_order_one_per_claim():
    draft = "The storm killed 12 people.\nThe storm injured 30 people."
    claims = extract_text(draft, path="draft.txt")
    verdicts = verify_claims(claims, extract_text("The storm killed 12 people.", path="s.txt"))
    assert [v.evidence.start for v in verdicts] == [c.evidence.start for c in claims]


def test_no_sources_make_every_claim_unsupported():
    claims = extract_text("The storm killed 12 people.", path="draft.txt")
    assert {v.status for v in verify_claims(claims, [])} == {ClaimStatus.UNSUPPORTED}


def q(nominal, low, high, unit="", dimension="count"):
    return Quantity(nominal=nominal, low=low, high=high, unit=unit, dimension=dimension)


@pytest.mark.parametrize(
    ("source", "claim", "expected"),
    [
        pytest.param(q(10900, 10900, 10900), q(11000, 9900, 11000), True, id="nearly-contains-point"),
        pytest.param(q(11000, 11000, 11000), q(11000, 10000, 12000), True, id="about-contains-exact"),
        pytest.param(q(11000, 10000, 12000), q(11000, 11000, 11000), True, id="exact-nominal-of-about"),
        pytest.param(q(10000, 9000, 11000), q(12000, 12000, 12000), False, id="point-outside-about"),
        pytest.param(q(250, 200, None), q(200, 200, None), True, id="more-than-within-more-than"),
        pytest.param(q(150, 150, 150), q(200, 200, None), False, id="below-more-than"),
        pytest.param(q(41.2, 41.2, 41.2, "percent", "percent"), q(40, 36, 44, "percent", "percent"), True,
                     id="percent-about"),
        pytest.param(q(41.2, 41.2, 41.2, "percent", "percent"), q(40, 40, 40, "percent", "percent"), False,
                     id="percent-point-apart"),
        pytest.param(q(40, 40, 40, "USD", "money"), q(40, 40, 40), False, id="units-differ"),
        pytest.param(q(100, 95, 105), q(1000, 0, 1000), False, id="far-inside-up-to"),
        pytest.param(q(800, 800, 800), q(1000, 0, 1000), True, id="near-inside-up-to"),
        pytest.param(q(13000, 13000, 13000), q(10000, 10000, None), True, id="near-above-more-than"),
        pytest.param(q(25000, 25000, 25000), q(10000, 10000, None), False, id="far-above-more-than"),
    ],
)
def test_quantity_support(source, claim, expected):
    assert quantity_supports(source, claim, CompareOptions().tolerance) is expected


def test_support_needs_the_same_polarity():
    a = extract_text("The court upheld the ruling.", path="a.txt")
    b = extract_text("The court did not uphold the ruling.", path="b.txt")
    ea = next(x for x in a if x.attribute == "happened")
    eb = next(x for x in b if x.attribute == "happened")
    assert supports(ea, ea, 0.05)
    assert not supports(eb, ea, 0.05)


def test_claim_ids_survive_an_unrelated_edit_and_differ_by_value():
    before = run_verify("The storm injured 7 people.", SOURCE)
    after = run_verify("Officials spoke on Monday.\nThe storm injured 7 people.", SOURCE)
    other = run_verify("The storm injured 9 people.", SOURCE)
    seven = verdict_for(before, "7", "injured").id
    assert seven == verdict_for(after, "7", "injured").id
    assert seven != verdict_for(other, "9", "injured").id
    assert len(seven) == 16


LIFT = ("Seven people were taken to hospital after the lift failed at Halden station, among them the three porters "
        "who were injured.")


def test_a_source_sentence_read_another_way_supports_the_claim_it_says():
    v = verdict_for(run_verify("Three porters were injured when the lift failed at Halden station.", LIFT),
                    "were injured", "happened")
    assert (v.status, v.rule) == (ClaimStatus.SUPPORTED, "said-in-a-sentence")
    assert v.sources[0].path == "source0.txt" and v.sources[0].text == LIFT


def test_a_source_sentence_with_the_other_polarity_does_not_say_it():
    v = verdict_for(run_verify("Three porters were not injured when the lift failed at Halden station.", LIFT),
                    "were not injured", "happened")
    assert v.status is ClaimStatus.UNSUPPORTED


def test_a_source_sentence_about_another_place_and_event_does_not_say_it():
    source = ("Seven people were taken to hospital after the escalator jammed at Brixby depot, among them three "
              "porters who were injured.")
    v = verdict_for(run_verify("Three porters were injured when the lift failed at Halden station.", source),
                    "were injured", "happened")
    assert v.status is ClaimStatus.UNSUPPORTED


def test_a_date_in_a_reordered_source_sentence_supports_the_claim():
    draft = "The museum's new wing was opened by the mayor of Tarrow on Saturday after a two-year delay."
    source = ("On Saturday, after a two-year delay, the mayor of Tarrow cut the ribbon and the museum's new wing "
              "was opened to visitors.")
    v = verdict_for(run_verify(draft, source), "Saturday", "when")
    assert (v.status, v.rule) == (ClaimStatus.SUPPORTED, "said-in-a-sentence")
    assert v.sources[0].value == "Saturday"


@pytest.mark.parametrize(
    "draft, source, rule, value",
    [
        ("A 34-year-old man was treated for burns after the fire at the bakery, police said.",
         "A man was treated for burns after the fire at the bakery, police said.", "value-not-in-sources",
         "34-year-old"),
        ("Forecasters said the storm would bring gusts of 90 mph to the islands by evening.",
         "Forecasters said the storm would reach the islands by evening.", None, "90 mph"),
        ("The mayor thanked Dr Oyelaran-Hughes for leading the vaccination drive.",
         "The mayor thanked the health board for leading the vaccination drive.", "name-not-in-sources",
         "Oyelaran-Hughes"),
    ],
    ids=["age-no-source-gives", "figure-no-source-gives", "name-in-a-sentence-without-claims"],
)
def test_a_sentence_with_a_value_or_name_no_source_has_is_unsupported(draft, source, rule, value):
    found = [v for v in run_verify(draft, source) if v.status is ClaimStatus.UNSUPPORTED]
    assert found and rule in (None, found[0].rule)
    assert draft[found[0].evidence.value_start:found[0].evidence.value_end] == value


@pytest.mark.parametrize(
    "draft, source",
    [
        ("A man aged 34 was treated for burns after the fire at the bakery.",
         "A 34-year-old man was treated for burns after the fire at the bakery, police said."),
        ("Gusts of 90 mph hit the islands by evening, forecasters said.",
         "Forecasters said gusts reached 90 mph on the islands by evening."),
        ("The mayor thanked Oyelaran-Hughes for leading the vaccination drive.",
         "The mayor thanked Dr Amaka Oyelaran-Hughes for leading the vaccination drive."),
    ],
    ids=["age-other-words", "figure-reordered", "name-in-source"],
)
def test_a_sentence_whose_values_and_names_the_sources_have_is_not_flagged(draft, source):
    assert ClaimStatus.UNSUPPORTED not in {v.status for v in run_verify(draft, source)}


@pytest.mark.parametrize(
    "draft, source, kind, value",
    [
        ("Stewards said the Harrow AC relay team was disqualified on Thursday evening after a faulty baton change.",
         "Stewards said the Harrow AC relay team was disqualified on Tuesday evening after a faulty baton change.",
         ConflictKind.DATE, "Thursday"),
        ("Inspectors said 40 are being treated at the county hospital while 12 remain in intensive care.",
         "Inspectors said 14 are being treated at the county hospital while 12 remain in intensive care.",
         ConflictKind.NUMERIC, "40"),
        ("The appeal was heard by Judge Marisol Vantongeren at the Court of Appeal in Wellington last spring.",
         "The appeal was heard by Judge Henrik Obuya at the Court of Appeal in Wellington last spring.",
         ConflictKind.NAME, "Marisol Vantongeren"),
    ],
    ids=["weekday-changed", "bare-count-changed", "judge-renamed"],
)
def test_a_draft_sentence_copied_with_one_value_changed_is_contradicted_on_it(draft, source, kind, value):
    found = [v for v in run_verify(draft, source, date=None) if v.status is ClaimStatus.CONTRADICTED]
    assert [(v.kind, draft[v.evidence.value_start:v.evidence.value_end]) for v in found] == [(kind, value)]
    assert found[0].sources[0].path == "source0.txt"


def test_a_copied_sentence_one_source_has_word_for_word_is_not_contradicted_by_another():
    draft = "Organisers said 420 runners finished the hill race before the fog came down."
    verdicts = run_verify(draft, draft, draft.replace("420", "380"), date=None)
    assert ClaimStatus.CONTRADICTED not in statuses(verdicts)


@pytest.mark.parametrize(
    "text, denied",
    [
        ("Guests cannot bring their own wine to the tasting.", ["bring"]),
        ("The striker will not be able to play on Sunday.", ["play"]),
        ("The bakery has no more seats for the workshop.", ["seat"]),
        ("The council failed to meet the housing target.", ["meet"]),
        ("The trust didn't really expect the ruling.", ["expect"]),
        ("The keeper was unable to play on Sunday.", ["play"]),
        ("The driver was released without charge.", ["charge"]),
        ("Call the box office if the app is not working.", []),
        ("Whether or not the bridge reopens, the ferry will run.", []),
        ("The plan is not only cheaper but faster.", []),
    ],
    ids=["cannot", "not-be-able-to", "no-more", "failed-to", "adverb-skipped", "unable-to", "without", "condition",
         "whether-or-not", "not-only"],
)
def test_negated_words(text, denied):
    assert [word for word, _, _ in negated_words(text)] == denied


def test_a_negation_whose_word_the_sources_use_only_affirmed_is_unsupported():
    draft = "Guests at the harvest festival cannot bring their own wine to the tasting tent."
    source = "Guests at the harvest festival can bring their own wine to the tasting tent, organisers said."
    found = [v for v in run_verify(draft, source) if v.status is ClaimStatus.UNSUPPORTED]
    assert [(v.rule, draft[v.evidence.value_start:v.evidence.value_end]) for v in found] == [
        ("negation-not-in-sources", "cannot")]


@pytest.mark.parametrize(
    "draft, source",
    [
        ("The club said its captain will not be able to play in Sunday's derby.",
         "The captain is injured and will not play in Sunday's derby, the club said."),
        ("Supporters were told to ring the ticket office if the club's app is not working.",
         "The club's app worked for most supporters; the ticket office also takes calls."),
    ],
    ids=["denied-in-other-words", "a-condition"],
)
def test_a_negation_the_sources_share_or_a_condition_is_not_flagged(draft, source):
    assert not [v for v in run_verify(draft, source) if v.rule == "negation-not-in-sources"]


@pytest.mark.parametrize(
    "draft, flagged",
    [
        ("Rovers manager Mark Tennyson praised the crowd after the win.", "Mark"),
        ("rovers manager mark tennyson praised the crowd after the win.", "mark"),
        ("Rovers manager Gary Tennyson praised the crowd after the win.", None),
        ("The Rovers captain thanked Tennyson for the new contract.", None),
    ],
    ids=["first-name-after-title", "lower-cased", "first-name-in-sources", "verb-after-title"],
)
def test_a_first_name_after_a_title_before_a_surname_the_sources_have(draft, flagged):
    source = ("Gary Tennyson, the Rovers manager, said the crowd had carried his side to the win. "
              "He thanked the club for offering him a new contract.")
    found = [v for v in run_verify(draft, source) if v.rule == "name-not-in-sources"]
    assert [draft[v.evidence.value_start:v.evidence.value_end] for v in found] == ([flagged] if flagged else [])


@pytest.mark.parametrize(
    "draft, source, flagged",
    [
        ("The ferry service will resume next week, the operator said.",
         "The ferry service will resume once the repairs are done, the operator said.", "next week"),
        ("The ferry service will resume next week, the operator said.",
         "The operator said the ferry service would resume next week after repairs.", None),
        ("Forecasters expect the heatwave to break tomorrow.",
         "Forecasters expect the heatwave to break as a cold front arrives.", "tomorrow"),
        ("The festival returns this summer with three stages.",
         "The festival, which returns this summer, will have three stages.", None),
    ],
    ids=["next-week-invented", "next-week-in-source", "tomorrow-invented", "this-summer-in-source"],
)
def test_a_time_told_from_the_moment_of_writing_in_an_undated_draft(draft, source, flagged):
    found = [v for v in run_verify(draft, source, date=None) if v.status is ClaimStatus.UNSUPPORTED]
    assert [draft[v.evidence.value_start:v.evidence.value_end] for v in found] == ([flagged] if flagged else [])


@pytest.mark.parametrize(
    "draft, flagged",
    [
        ("Harrogate Town came from behind to beat Harrogate Town in the cup on Tuesday.", "Harrogate Town"),
        ("glamorgan's century helped them to a six-wicket win over glamorgan at cardiff.", "glamorgan"),
        ("Harrogate Town came from behind to beat Morecambe in the cup on Tuesday.", None),
        ("Ticket sales at Harrogate Town rose 4% year over year.", None),
        ("The union launched a challenge against the union's own rules.", None),
        ("Harrogate Town Ticket Sales Rise Year Over Year", None),
    ],
    ids=["team-beats-itself", "lower-cased-win-over-itself", "two-teams", "year-over-year", "ordinary-word",
         "title-cased-year-over-year"],
)
def test_a_name_set_against_itself(draft, flagged):
    source = ("Harrogate Town came from behind to beat Morecambe in the cup on Tuesday, and Glamorgan's century "
              "helped them to a six-wicket win over Kent at Cardiff. Ticket sales rose. The union launched a "
              "challenge against its own rules.")
    found = [v for v in run_verify(draft, source, date=None) if v.rule == "set-against-itself"]
    assert [draft[v.evidence.value_start:v.evidence.value_end] for v in found] == ([flagged] if flagged else [])


_TITLED = ("The health ministry said on Monday that vaccination centres would open in every region. Kenyan Health "
           "Minister Amara Wanjiru told reporters the rollout would take six weeks. In a separate statement, the "
           "Ugandan government said its own campaign would start in March. Former President Barack Obama and "
           "Labour leader Keir Starmer praised the plan, as did former England captain David Beckham.")


@pytest.mark.parametrize(
    "draft, flagged",
    [
        ("Ugandan Health Minister Amara Wanjiru said the rollout would take six weeks.",
         "Ugandan Health Minister Amara Wanjiru"),
        ("ugandan minister amara wanjiru said the rollout would take six weeks.", "ugandan minister amara wanjiru"),
        ("Kenya's health minister Amara Wanjiru said the rollout would take six weeks.", None),
        ("Kenyan Health Minister Amara Wanjiru said the rollout would take six weeks.", None),
        ("Health Minister Amara Wanjiru said the rollout would take six weeks.", None),
        ("In Nairobi, minister Amara Wanjiru said the rollout would take six weeks.", None),
        ("Former US President Barack Obama praised the plan.", None),
        ("British Labour Party leader Keir Starmer praised the plan.", None),
        ("On Monday Prime Minister Keir Starmer praised the plan.", None),
        ("Ex-England captain David Beckham praised the plan.", None),
    ],
    ids=["another-country-s-minister", "lower-cased", "country-by-its-name", "as-the-source-says",
         "no-place-before-the-title", "place-not-part-of-the-title", "a-place-the-source-leaves-out",
         "a-nationality-and-a-party-the-source-leaves-out", "a-weekday-before-the-title", "hyphenated-ex"],
)
def test_a_title_the_sources_give_another_place(draft, flagged):
    found = [v for v in run_verify(draft, _TITLED, date=None) if v.rule == "title-not-in-sources"]
    assert [draft[v.evidence.value_start:v.evidence.value_end] for v in found] == ([flagged] if flagged else [])


@pytest.mark.parametrize(
    "draft, flagged",
    [
        ("The farm bill went to a vote after Maria Okafor and Maria Okafor traded barbs.", "Maria Okafor"),
        ("talks between ghana and ghana on the fishing quota ended without a deal.", "ghana"),
        ("Shares of Johnson and Johnson rose after the ruling.", None),
        ("Senator Maria Okafor and Senator Tom Reyes clashed over the farm bill on Thursday.", None),
        ("Prices rose again and again through the winter.", None),
        ("South Sudan and Sudan signed the fishing quota deal.", None),
        ("Maria Okafor and Maria Okafor's aide clashed over the farm bill.", None),
        ("Stocks Fall Again And Again As Farm Bill Stalls", None),
    ],
    ids=["senator-clashes-with-herself", "lower-cased-talks-between-one-country", "name-the-source-writes",
         "two-senators", "ordinary-words", "part-of-a-longer-name", "owning-what-follows", "title-cased-line"],
)
def test_a_name_paired_with_itself(draft, flagged):
    source = ("Senator Maria Okafor and Senator Tom Reyes clashed over the farm bill on Thursday. Talks between "
              "Ghana and Senegal on the fishing quota ended without a deal. Shares of Johnson & Johnson rose "
              "after the ruling. Prices rose through the winter.")
    found = [v for v in run_verify(draft, source, date=None) if v.rule == "set-against-itself"]
    assert [draft[v.evidence.value_start:v.evidence.value_end] for v in found] == ([flagged] if flagged else [])


@pytest.mark.parametrize(
    "source, status",
    [
        ("Lane closures are planned for the weekend, and South Lanarkshire Council will restrict parking on the "
         "main street.", ClaimStatus.SUPPORTED),
        ("Lane closures are planned for the weekend, and drivers from South Lanarkshire are warned.", None),
        ("Lane closures are planned for the weekend, and the council will restrict parking.", None),
    ],
    ids=["body-named-after-the-place", "place-named-without-a-body", "no-place"],
)
def test_a_place_a_source_names_a_public_body_after(source, status):
    draft = "Motorists are being warned to expect major delays on the motorway in South Lanarkshire."
    verdicts = [v for v in run_verify(draft, source, date=None) if v.attribute == "location"]
    assert verdicts
    assert {v.status for v in verdicts if v.rule == "place-of-a-local-body"} == ({status} if status else set())


@pytest.mark.parametrize(
    "draft, source, supported",
    [
        ("northern Cumbria", "Cumbria", False),
        ("northern Cumbria", "northern Cumbria", True),
        ("northern Cumbria", "southern Cumbria", False),
        ("Cumbria", "northern Cumbria", True),
        ("Northern Ireland", "Northern Ireland", True),
    ],
    ids=["whole-place-for-a-part", "same-part", "other-part", "part-for-the-whole", "part-word-in-the-name"],
)
def test_a_part_of_a_place_needs_a_source_naming_that_part(draft, source, supported):
    line = "Flooding closed roads in {} on Sunday."
    v = verdict_for(run_verify(line.format(draft), line.format(source)), draft, "location")
    assert (v.status is ClaimStatus.SUPPORTED) == supported
