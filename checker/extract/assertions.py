"""One sentence -> the assertions it makes, by the registered rules in order.

The single-purpose finders (quantities, dates, places) say *what values* a sentence holds; the rules below decide
*what each value is about*: the noun phrase a number counts, the trigger word that says what happened to it
("killed", "revenue", "lost"), where something is said to be, when an event is said to have happened, and whether
it happened at all. Every rule is local to a clause or a short window so that a sentence about two things does not
bleed one into the other; a subject it cannot find is left out rather than guessed.

Each rule is a named ``Rule`` (checker/extract/rule.py) with a description of where every frame field comes from
and examples that run as tests; ``checker extract --explain`` shows them next to the assertions they made.
"""

from __future__ import annotations

from checker.extract.context import DocumentState, SentenceContext, scope_event, subjects_in
from checker.extract.event_rules import (
    date_assertions,
    event_assertions,
    refusal_assertions,
    target_date_assertions,
)
from checker.extract.place_rules import location_assertions
from checker.extract.quantity_rules import quantity_assertions, remember_organisation
from checker.extract.tables import table_assertions
from checker.extract.rule import Example, Rule
from checker.models import Assertion

__all__ = ["DocumentState", "RULES", "SentenceContext", "rule_named", "sentence_assertions"]

QUANTITY = Rule(
    name="quantity",
    description="A figure and what it measures: the noun phrase it counts or the metric it gives, what is said of "
    "it (the nearest trigger: killed, revenue, rose to), and whose it is.",
    fields={
        "value": "the figure as written, with its bounds (about, more than, up to) and unit",
        "attribute": "the nearest trigger word's kind (killed, injured, revenue, increase, ...), a change for a "
        "percentage before more, less or fewer (25% less honey), else count, amount "
        "or share by the figure's unit (a toll trigger: killed, trapped, arrested, sent, never names a measure or a sum: "
        "buried under 40 cm of snow is a distance, jurors awarded $2m to a man injured ... an amount; a change trigger "
        "names only a figure after it: fell 12%, rose to 4.1%, a 9% drop, closed 3.5% down, 1,800 jobs will be cut, "
        "not one in its subject: 30 cm of snow fell is a distance); earlier for a figure after 'up from' or 'down from' with no time of its "
        "own (18,000 tonnes, up from 15,500); turnout for the share of an electorate that voted (48% of voters "
        "cast ballots)",
        "thing": "the counted noun phrase after the figure (head and modifiers), or the metric (revenue, turnout); "
        "for money, the noun it is (a $2bn buyback, $212m in damages, bribes worth $900,000), or the penalty a "
        "verb imposes when people or a body act (jurors awarded $6 million to the widow: the widow's award); for a measure, the "
        "noun before 'of' (gusts of 145 km/h, delays of up to 40 minutes; a length of time is otherwise a claim "
        "only after a verb of duration: lasted 97 days, or as an amount of the noun after 'of': 250 hours of flight "
        "training, or written as an adjective: a 48-hour strike); for a change with no metric, what changed (burglaries "
        "fell 18%); for a level a verb moved or held, the noun it acted on (held interest rates at 5.25%)",
        "entities": "the phrase a count joined to its noun by a hyphen qualifies (a 9-vehicle crash), a "
        "nationality or country in the phrase, a name after of/at/for/in (a common noun phrase too "
        "after of/for, but no bare plural: cases of dengue, admissions for flu; not rounds of talks), the side a thing goes to or "
        "comes from (a name, or a country, after to/from: an arms sale to Taiwan), a name closing the clause's "
        "opening phrase or what it is of, for or on (the price of cocoa fell; spending on school meals rose), "
        "the name a verb acts on (fined Pellham Foods $4.5m), and the named subject of the verb "
        "whose object the figure is (each name of 'Ghana and Togo'), or the noun phrase a relative or -ing clause "
        "describes (the bridge, which carries 120,000 vehicles; a ferry carrying 250 passengers), or whose the "
        "clause's subject is (Voltara's new plant will employ 3,000 people; not a speaker's, nor a named agent's: "
        "the EU's General Court; nor the report's organisation opening the sentence for a later clause with a "
        "subject of its own: ..., and 200 staff lost their jobs), failing all of these the names opening the "
        "sentence as its subject when 'their' or 'its' says whose (China and India ... along their 3,488 km border), "
        "failing a name the thing the verb's subject "
        "names when the figure counts a noun of its own (coal supplied 16% of US electricity; a delivery van "
        "damaged 14 cars; the new vaccine, which was approved in May, has protected 2 million children; not "
        "people, nor a body acting for others: police arrested 40, the government will fund 900 places, nor an "
        "event, which is the claim's scope: an air strike killed 19 people); "
        "never a speaker, a title (Mayor, former), a "
        "date (from April) or a capital that only opens the sentence (Gold hit a record; a country's does not)",
        "predicate": "the lemma of the clause's verb, none for a linking verb (was, stood at, reached, measured), "
        "past a participle phrase after the figure's noun (60 fishermen detained in May have been released), the "
        "verb after 'to' that a passive verb of expecting frames (exports are forecast to fall 12%); "
        "a figure after 'including' or 'among them' takes the verb and owners of the figure it is part of, a share "
        "after a count and a comma those of the count it restates (cut 900 jobs, or 12% of its workforce)",
        "scope": "the clause's place (in X), its time (as of Oct. 30) and the event noun the sentence is about",
        "polarity": "negated by a negation cue before the figure in its clause, by the source's denial, or by "
        "not/never in the verb group right after the figure's noun phrase (60 countries have not signed), or by ', "
        "not' before a bare figure correcting the one before (150 homes, not 500); a length "
        "written as an adjective is a given of its noun, affirmed (no fault during the 30-minute test)",
    },
    apply=lambda ctx, made: quantity_assertions(ctx, scope_event(ctx)),
    examples=(
        Example("Hydropower supplied 41% of the country's electricity.", "41%", entities=("hydropower",)),
        Example("A delivery van on a bridge damaged 14 cars.", "14", thing="car",
                entities=("delivery van",)),  # the agent past the phrase after its head
        Example("A rocket strike on a depot destroyed 14 trucks.", "14", thing="truck",
                entities=()),  # an event as the agent scopes the claim (scope_event), as an earthquake does
        Example("Police arrested 40 people.", "40", entities=()),  # people act; what they act on is not theirs
        Example("Rescuers pulled 11 survivors from the mud.", "11", entities=()),  # one who rescues: a person
        Example("The government will fund 900 new places.", "900", entities=()),  # a body acting for others
        Example("A meteorite weighing 14 kg fell in a field.", "14 kg", entities=()),  # a measure, no agent
        Example("The rains arrived three weeks late.", "three weeks", entities=()),  # a length of time, no object
        Example("Jurors awarded $6 million to the widow.", "$6 million", thing="award",
                entities=("widow",)),  # the jurors act: the award is the widow's
        Example("The tribunal awarded £40,000.", "£40,000", thing="award", entities=()),  # a body acting for others
        Example("Researchers said sea ice covered 1.8 million sq km.", "1.8 million sq km",
                thing="sea ice"),  # the reported clause's subject, never the speaker
        Example("The board said it could not pay 40 creditors.", "40", thing="creditor"),  # "it": no clause subject
        Example("Life expectancy for men rose to 79.4 years.", "79.4 years", thing="life expectancy",
                predicate="rise"),  # a length of time a change verb moved is a claim
        Example("The tunnel will cut travel times between Dover and Ashford to 40 minutes.", "40 minutes",
                thing="time", predicate="cut"),  # the noun moved, past the names' phrase
        Example("She lowered the 800m world record to 1 minute 52 seconds.", "1 minute 52 seconds",
                thing="record", predicate="lower"),  # past a figure modifying the noun; two parts, one length
        Example("After three hours, prices rose to $5.", "three hours", made=False),  # a time marker
        Example("The toll on the M62 will rise to £4.", "£4", entities=("m62",)),  # "on": what the thing is about
        Example("The EU imposed duties of 38% on the panels.", "38%", thing="duty"),  # the noun before "of"
        Example("The dam has a capacity of 2.4 GW.", "2.4 GW", thing="capacity"),  # a measure of power too
        Example("Fines of up to £900 per household could be imposed.", "up to £900", predicate="impose"),  # past a
        # rate's "per <noun>" to the verb
        Example("Waves of 9 metres battered the pier.", "9 metres", predicate="batter"),  # no noun after a measure
        Example("Fog closed the airport, grounding 80 flights.", "80", predicate="ground"),  # an -ing clause's verb
        Example("About 300 nurses did not strike on Monday.", "About 300", polarity="negated"),  # the verb group
        # after the figure's noun phrase is negated
        Example("At least 12 people have died.", "At least 12", polarity="affirmed"),
        Example("A bus carrying 40 pupils overturned.", "40", predicate="carry"),  # the participle before the
        # figure, after its noun, says what happened to it
        Example("Rents rose 3% to an average of £1,240.", "£1,240", thing="rent",
                predicate="rise"),  # the average is the figure itself
        Example("Jets struck 40 targets, including 12 depots.", "12", predicate="strike"),  # "including": no verb
        Example("Turnout of 68% was reported.", "68%", thing="turnout"),  # a metric the lexicon knows
        Example("Exports fell, and 1 in 3 growers lost money.", "1 in 3", thing="grower",
                predicate="lose"),  # a share as a ratio is a share of the noun after it
        Example("Spending on school meals will rise by 9%.", "9%", entities=("school meals",)),
        Example("Chile and Peru agreed to remove tariffs on 40 products.", "40", thing="product",
                entities=("peru", "chile")),  # each name of a joined subject, however far the verb
        Example("Roughly 8,000 North Korean soldiers have reached the Kursk region, a U.S. official said.",
                "Roughly 8,000",
                attribute="count", thing="troops", entities=("north-korea",)),  # soldiers and troops: one head
        Example("Revenue at Northwind Corp rose to $4 billion in the third quarter.", "$4 billion",
                attribute="revenue", thing="revenue", entities=("northwind",), predicate="rise"),
        Example("Verlaine has scored 14 goals this season.", "14", thing="goal", entities=("verlaine",),
                predicate="score"),
        Example("Fire officials said 12 people were injured in the blaze.", "12", attribute="injured",
                thing="people", entities=()),
        Example("Researchers at Calder University found that walking 7,000 steps a day lowered the risk.", "7,000",
                thing="step", entities=()),
        Example("The 34-year-old was jailed on Friday.", "34", made=False),
        Example("A regional court fined Halloran Dairies £640,000 for polluting the river.", "£640,000",
                entities=("halloran dairies",), predicate="fine"),
        Example("Senator Ines Okafor raised $3.1 million in donations last quarter.", "$3.1 million",
                thing="donation", entities=("ines okafor",)),
        Example("Shoplifting in Cardiff fell 9% last year, police figures showed.", "9%", attribute="decrease",
                thing="shoplifting", entities=()),
        Example("Copper hit a record $11,200 a tonne on Tuesday.", "$11,200", entities=()),
        Example("Gusts of 130 km/h hit the Faroe Islands overnight.", "130 km/h", thing="gust"),
        Example("The board approved a $750 million share buyback.", "$750 million", thing="buyback"),
        Example("The regulator blocked the $3 billion Baltic cable project.", "$3 billion",
                thing="project"),  # a name may qualify the noun the sum is
        Example("Orbitly raised $40 million in new funding.", "$40 million", thing="funding"),
        Example("The former clerk admitted taking kickbacks worth $84,000.", "$84,000", thing="kickback"),
        Example("Ticket sales at Marlowe Theatre will rise 6% next season.", "6%", entities=("marlowe theatre",)),
        Example("Police arrested 40 people after the match.", "40", entities=()),  # a speaker's capital, no name
        Example("The landslide buried 12 homes in the village.", "12", thing="homes", predicate="bury"),
        Example("Commuters faced delays of up to 40 minutes after a points failure.", "up to 40 minutes",
                thing="delay"),  # a length of time that is a claim: what lasted it is named
        Example("The drought in Tigray has lasted 14 months.", "14 months", thing="drought"),
        Example("The ceasefire collapsed after 36 hours.", "36 hours", made=False),  # a time marker
        Example("The coroner adjourned the inquest for six weeks.", "six weeks", thing="inquest",
                predicate="adjourn"),  # "for" closing a verb phrase: how long
        Example("Opening of the Harrow line has been delayed by at least four months.", "at least four months",
                predicate="delay"),  # "by" after a verb of delay
        Example("The relief convoy reached Gedaref two days late.", "two days", thing="relief convoy"),  # lateness
        Example("Calder Rovers won the cup, but their wage bill rose to £40 million.", "£40 million",
                entities=("calder rovers",)),  # the clause after "but", and whose "their" is
        Example("The ministry plans to build 12,000 homes on the old airfield.", "12,000", predicate="build"),
        Example("Flooding forced 30 families to leave their homes.", "30", predicate="leave"),  # "to" after the verb
        Example("The outbreak forced ranchers to slaughter 9,000 cattle.", "9,000",
                predicate="slaughter"),  # "to" after the control verb's object: the figure is the infinitive's
        Example("Harlow Foods added 350 jobs at its bakery last month.", "350", predicate="add"),  # not "he added"
        Example("The airline laid off 600 cabin crew.", "600", predicate="lay"),  # the verb before its particle
        Example("Tarnwick Mills laid off 180 weavers.", "180", entities=("tarnwick mills",)),  # past the particle
        Example("Average hourly pay grew 4.2% in the year to April.", "4.2%", thing="pay"),  # -ly before a noun
        Example("The ferry line bought 6 twin-hull boats.", "6", thing="boat", predicate="buy"),  # no verb "boats"
        Example("The average speed fell to 19 mph on the bypass.", "19 mph", thing="average speed"),  # not "to speed"
        Example("Chile's mining output grew 3% last year.", "3%", entities=("chile",),
                thing="output"),  # a possessive's phrase goes on past a word that could be a verb
        Example("The growers' cooperative lost 90 members.", "90", thing="member"),  # a plural's possessive
        Example("Bus operator Trandel will cut fares by 5%.", "5%", entities=("trandel",)),  # a coined name after
        Example("Some 900 monitors will watch the poll, including 60 from the European Union.", "60",
                entities=("european-union",)),  # a bloc after "from" is a side, keyed as the gazetteer's slug
        Example("The European Union pledged $2 billion.", "$2 billion", entities=("european-union",)),
        Example("Envoys from 19 EU states met in Riga.", "19", thing="eu state", predicate="meet",
                entities=("european-union",)),  # "states" before its verb is a noun, counted
        Example("Police reports showed 40 people were hurt.", "40", entities=()),  # a source, no owner
        Example("The Office of Hydrology estimated that 1,900 wells ran dry.", "1,900",
                entities=()),  # an organisation opening the sentence as the speaker of 'that' owns nothing
        Example("Wholesale prices in March fell 2%.", "2%", entities=()),  # its descriptor; a month is no name
        Example("Harlow Bank, the region's largest lender, cut 300 jobs.", "300", entities=("harlow bank",)),
        Example("Barley output in Ireland, a big exporter, fell to 1.9 million tonnes.", "1.9 million tonnes",
                thing="barley output", predicate="fall"),  # the subject before the aside
        Example("Corlan Steel cut 900 jobs, or 12% of its workforce.", "12%", predicate="cut",
                entities=("corlan steel",)),  # a share restating the count before it: its verb and owner
        Example("Wind power supplied 31% of Denmark's electricity last year, up from 22% in 2015.", "22%",
                thing="electricity", predicate="supply", entities=("wind power", "denmark")),  # an earlier figure
        Example("Peru and Chile agreed to reopen 170 km of their border.", "170 km",
                entities=("peru", "chile")),  # "their": the names opening the sentence as its subject
        Example("Officials said 40 of their staff had left.", "40", entities=()),  # a speaker's, no name
        Example("Budget airline Skyvale Air reported revenue of $410 million.", "$410 million",
                entities=("skyvale air",)),  # a descriptor opening the sentence before a name
        Example("Nigeria's crude oil exports fell to 1.4 million barrels a day.", "1.4 million barrels",
                thing="oil export", entities=("nigeria",)),  # a possessive's "'s" is no word of the phrase's limit
        Example("The inflation rate eased to 2.1%.", "2.1%", thing="inflation"),  # one metric (head_synonyms)
        Example("Quillon added 90,000 subscribers in May.", "90,000", entities=("quillon",)),  # added: its object
        Example("The spokesman added 40 people had been hurt.", "40", entities=()),  # added: a report
        Example("The US approved a $3 billion loan to Chile.", "$3 billion",
                entities=("chile", "united-states")),  # a country's name alone as its gazetteer slug
        Example("Nairobi and Kampala agreed to cut tariffs by 20%.", "20%",
                entities=("uganda", "kenya")),  # capitals stand for their countries
        Example("Regulators fined Orvik Bank £12 million for money-laundering failures.", "£12 million",
                thing="fine", entities=("orvik bank",)),  # a sum a verb imposes: the verb's penalty (data)
        Example("A boulder weighing 40 tonnes blocked the pass for a week.", "40 tonnes", thing="boulder",
                attribute="mass"),  # the noun before a measuring participle
        Example("In the north, Kalari militias have captured 14 villages near the dam.", "14",
                entities=("kalari",)),  # the name before a group's noun
        Example("Mira Sand finished with 212 points, while leader Ana Holt collected 230.", "230", thing="point",
                entities=("ana holt",)),  # the count's noun left out the second time; the name before the verb
        Example("Shoplifting in Dunmore rose by a fifth, to 2,340.", "2,340", thing="shoplifting",
                predicate="rise"),  # the level a change reached, after ", to"
        Example("Port Selva handled 4.1 million containers this year, up from 3.6 million last year.", "3.6 million",
                thing="container"),  # an earlier figure, told apart by its own time
        Example("Port Selva handled 4.1 million containers, up from 3.6 million.", "3.6 million",
                attribute="earlier", thing="container"),  # no time of its own: kept apart from the current figure
        Example("Customs seized $2 million in cash and 40 kg of cocaine at the port.", "40 kg",
                predicate="seize"),  # the second object of one verb
        Example("Brennmoor said on Monday it would eliminate 900 positions to reduce costs.", "900", thing="position",
                entities=()),  # a count names its own thing; "Monday" is no owner
        Example("The Riksbank held its policy rate at 3.75% on Thursday.", "3.75%", thing="rate"),
        Example("The new seed variety lifted wheat yields by 18% in field trials.", "18%", thing="yield"),
        Example("Norway will increase its food aid to Sudan by 15% next year.", "15%", thing="aid",
                entities=("sudan", "norway"), predicate="increase"),  # a side after the moved noun's preposition
        Example("Leeds and York agreed to raise joint bus funding to £8 million.", "£8 million",
                thing="funding"),  # the noun after an infinitive's verb
        Example("The mine collapse killed four miners and injured 11.", "11", attribute="injured",
                thing="miner"),  # the noun left out the second time
        Example("Chile expelled nine Peruvian diplomats.", "nine", entities=("chile", "peru")),  # the verb's named
        # subject besides the object's nationality; a country's capital letter is no sentence opener's
        Example("Portugal will send 300 tonnes of rice to Angola.", "300 tonnes", entities=("angola", "portugal")),
        Example("Volunteers delivered 500 meals to Leeds.", "500", entities=()),  # a town after "to": where
        Example("Hackers demanded $2 million from Brenlow Water.", "$2 million", entities=("brenlow water",)),
        Example("Austria donated €20 million in flood relief to Slovenia.", "€20 million",
                entities=("slovenia", "austria")),  # past a sum's "in <noun>" to the side it goes to
        Example("The county will extend free bus passes to 9,000 pensioners from April.", "9,000",
                entities=()),  # "from April" is a time, not a side
        Example("Ghana and Togo will build 40 km of shared road.", "40 km", entities=("ghana", "togo")),  # joined
        Example("Hospital admissions for asthma doubled to 4,200.", "4,200", entities=("asthma",)),  # what the
        # clause's opening thing is for, a common noun phrase as well as a name
        Example("The price of cocoa fell 8% to $7,900 a tonne.", "8%", thing="price", entities=("cocoa",)),
        Example("The cost of Harwick Council's new depot has risen to £12 million.", "£12 million",
                entities=("harwick council",)),  # a possessive name in the opening phrase
        Example("Cases of measles in Lagos rose to 3,100 this year.", "3,100", entities=("measles",)),
        Example("The price of cocoa, traders said, fell 8%.", "8%", entities=()),  # an aside ends the phrase
        Example("Fans bought 40,000 tickets for the derby.", "40,000", entities=("derby",)),  # what they are for
        Example("Negotiators held nine rounds of talks.", "nine", entities=()),  # a bare plural: what kind
        Example("The Tarvin Bridge, which carries 40,000 cars a day, will close for repairs.", "40,000",
                entities=("tarvin bridge",)),  # what a relative clause describes owns its figure
        Example("The coach, carrying 38 fans, overturned on the motorway.", "38", entities=("coach",)),
        Example("A lorry carrying 20 tonnes of grain overturned.", "20 tonnes", entities=("lorry",)),
        Example("Heavy snow fell across Cumbria, forcing 60 schools to close.", "60",
                entities=()),  # an -ing clause closing the sentence: no thing before its comma owns the figure
        Example("The Brenford Militia is holding 40 hostages, including seven aid workers.", "seven",
                predicate="hold", entities=("brenford militia",)),  # a part of the figure before: held alike
        Example("A landslide killed 23 people, among them nine children.", "nine", predicate="kill"),
        Example("The ministry sent 300 doctors, including 40 from Kenya.", "40", thing="doctor",
                entities=("kenya",), predicate="send"),  # a part with no noun of its own: the whole's thing
        Example("Harwick Zoo's new aviary will house 300 birds.", "300", entities=("harwick zoo",)),  # whose the
        # clause's subject is
        Example("The museum's roof was raised by 2 metres.", "2 metres", entities=("museum",)),
        Example("Harlow's mayor said 300 homes flooded.", "300", entities=()),  # whose the speaker is
        Example("No club in the league's history has won more than 30 titles.", "more than 30",
                entities=()),  # a possessive inside the subject's scope phrase
        Example("Grain exports to Egypt rose to 3 million tonnes.", "3 million tonnes",
                entities=("egypt",)),  # a country the opening phrase's thing goes to
        Example("Heavy rain left 8,000 homes without water.", "8,000", thing="homes"),  # a preposition ends
        # the counted phrase
        Example("Night temperatures stayed 6°C below average.", "6°C", thing="night temperature"),
        Example("Harlow Town finished with 71 points, ahead of Fenby United on 68.", "68", thing="point",
                entities=("fenby united",)),  # "<rival> on <figure>": the same thing, the rival's
        Example("The club signed two more strikers, bringing its squad to 28.", "28", thing="squad",
                predicate="bring"),  # a bare count a participle's verb brought something to: that thing
        Example("Rescuers found four more survivors, bringing the tally to 31.", "31", thing="survivor"),  # the
        # total of the count before
        Example("The club will not sign more than two players.", "more than two", predicate="sign",
                polarity="negated"),  # the verb after a negated auxiliary
        Example("Nearly 40% of voters in Leeds backed the plan.", "Nearly 40%", predicate="back"),  # the verb
        # past a phrase closing the figure's noun phrase
        Example("The vaccine cut infections by 68% in a trial involving 4,800 adults.", "68%",
                predicate="cut"),  # a figure after its verb: the phrase after it is no subject's
        Example("Harlow Port handled 2.1 million containers last year, up 8% on the year before.", "8%",
                thing="container", predicate="handle"),  # ", up N%": the change of the figure before
        Example("Last month's rainfall was 38% below average.", "38%", thing="rainfall"),  # a date's
        # possessive is a time
        Example("Tuesday's vote drew 40,000 people.", "40,000", entities=()),
        Example("The war in Yemen has displaced 4 million people.", "4 million", predicate="displace"),
        Example("The tribunal cleared Ivo Brandt on three counts and convicted him on two others.", "two",
                thing="count", entities=("ivo brandt",)),  # "others": the thing of the count before; the
        # named object before "on" its figure
        Example("The council will raise parking fees by 10%.", "10%", predicate="raise"),  # an -ing adjective
        Example("About 9,000 runners sat out the race.", "About 9,000", thing="runner", predicate="sit"),  # a
        # past form after a plural noun is its verb, not part of the noun phrase
        Example("The court heard that five judges voting against it had resigned.", "five", thing="judge"),
        Example("The probe will make 20 flybys of Saturn.", "20", predicate="make"),  # an act, not a link
        Example("Burglaries in Kent and Sussex rose to 8,200.", "8,200", entities=()),  # places after "in": where
        Example("Staff at Halden's Leeds depot will get a bonus of £900.", "£900", entities=("halden",)),  # a
        # place qualifying the possessed noun says where; the possessor owns
        Example("The Selby Anglers club's 900 members caught 4,000 fish.", "4,000",
                entities=("selby anglers",)),  # the name before the possessor's common noun
        Example("Winger Tom Ashby faces an absence of up to six weeks.", "up to six weeks",
                entities=("tom ashby",)),  # the named subject of the verb whose object the measured noun is
        Example("The council fined Dean Roper, 41, who owes 3,000 pounds in rent.", "3,000 pounds",
                entities=("dean roper",)),  # "who" past an age in apposition
        Example("Harlow Textiles praised Dana Kerr, who sold 400 coats.", "400",
                entities=("dana kerr",)),  # the person a "who" clause is about, not the organisation opening it
        Example("The Rovers had no answer for Ines Vidal, who finished with 31 points.", "31",
                entities=("ines vidal",)),  # "finished with": the verb whose complement the figure is
        Example("The Rovers had no answer for Ines Vidal, who finished with 31 points and 12 assists.", "12",
                entities=("ines vidal",)),  # a figure joined by "and" to one before shares its owner
        Example("Mara Lind, the former treasurer who moved $3 million into offshore accounts over the course of a "
                "decade, was sentenced to nine years in prison.", "nine years", thing="sentence",
                entities=("mara lind",)),  # past a long apposition holding a clause of its own
        Example("Ole Brandt, a builder who admitted taking bribes worth 400,000 euros, was jailed for six years.",
                "six years", thing="sentence", entities=("ole brandt",)),  # past an aside that a figure closes
        Example("Tom Berg was beaten in the runoff by Ana Ruiz, who won 58% of the vote.", "58%",
                attribute="vote_share", entities=("ana ruiz",)),  # whose share: the one a relative clause is about, not the sentence's
        Example("Ana Ruiz won 58% of the vote.", "58%", attribute="vote_share", entities=("ana ruiz",)),
        Example("Galway received 52 mm of rainfall in the 12 hours to Sunday night.", "52 mm",
                thing="rainfall"),  # the noun after "of", not a figure further on past a preposition
        Example("The club won 21 of its 38 matches.", "21", thing="match"),  # "N of its M <noun>": M's noun
        Example("Snow dumped 30 cm on the town in the week up to Friday.", "30 cm", attribute="distance"),  # "up
        # to" a day ends a period: no rise
        Example("Only 39% of registered electors voted in the by-election.", "39%", attribute="turnout"),  # the
        # share of an electorate that voted is the turnout
        Example("Fewer than 30 percent of eligible voters cast a ballot in the referendum.", "Fewer than 30 percent",
                attribute="turnout"),
        Example("About 52% of voters backed the plan.", "About 52%", attribute="share"),  # a share of voters who
        # did something else is not the turnout
        Example("Air defences shot down 12 drones.", "12", attribute="count"),  # a verb's particle
        Example("Chalets near Davos were buried under 60 cm of snow.", "under 60 cm", attribute="distance"),  # a
        # toll trigger counts people or things, never a measure
        Example("A court awarded $3 million to a miner injured in the blast.", "$3 million", attribute="amount"),
        Example("The quake killed 31 villagers and injured 90.", "31", attribute="killed"),  # a count keeps it
        Example("Forty centimetres of snow fell on Lyon overnight.", "Forty centimetres", attribute="distance"),  # a
        # change verb after the figure's phrase: the figure is how much of its subject, not a change
        Example("Some 80 mm of rain fell on the vineyards in a day.", "Some 80 mm", attribute="distance"),
        Example("Soybean exports fell 8% in April.", "8%", attribute="decrease"),  # the verb's amount is a change
        Example("Some 600 jobs will be cut at the mill.", "Some 600", attribute="decrease"),  # so is a passive's
        Example("The Rangers picked up 7 points in April.", "7", attribute="count", thing="point"),  # is no change
        Example("Shares in Talbot Mining closed down 3% on Friday.", "3%", attribute="decrease"),  # but a level's is
        Example("The grid operator imposed rolling blackouts of up to six hours.", "up to six hours",
                predicate="impose"),  # an -ing adjective of the measured noun is no verb
        Example("The board approved an operating budget of $40 million.", "$40 million", predicate="approve"),
        Example("Passengers faced delays of up to 50 minutes.", "up to 50 minutes", predicate="face"),
        Example("The new vaccine, which was approved in May, has protected 2 million children.", "2 million",
                entities=("vaccine",)),  # the subject before its aside's commas
        Example("The nurses, who walked out in May, treated 300 patients.", "300", entities=()),  # people, past
        # an aside, still act on what is not theirs
        Example("Orvano Bank closed 30 branches, and 200 staff lost their jobs.", "200",
                entities=()),  # a later clause with a subject of its own: not the opening organisation's
        Example("Orvano Bank closed 30 branches and cut 200 jobs.", "200",
                entities=("orvano bank",)),  # no subject of its own: the opening one's
        Example("Orvano Bank closed 30 branches, and its profit fell 9%.", "9%",
                entities=("orvano bank",)),  # "its" says whose
        Example("The Corvus 3 will launch on Oct. 4.", "3", made=False),  # a model number names, not counts
        Example("Some 60 fishermen detained off the coast in May have been released.", "Some 60",
                predicate="release"),  # past a participle phrase describing the noun, to the clause's own verb
        Example("About 40 miners trapped by the collapse were union members.", "About 40",
                predicate="trap"),  # a linking verb after it says nothing happened: the participle's verb
        Example("The Reserve Bank of Fiji raised its policy rate to 3.5%.", "3.5%",
                entities=("reserve bank of fiji",)),  # a name of capitalised words joined by "of" is one name
        Example("Shares of Tallis Mining fell 8% on Monday.", "8%", entities=("tallis mining",)),  # a capital
        # that only opens the sentence starts no name
        Example("The Liberal Party's share of the vote fell to 18.2%.", "18.2%", attribute="vote_share",
                thing="vote share", entities=("liberal party",)),  # a metric's phrase: "of" there is no owner
        Example("Trainee pilots now log 250 hours of flight training.", "250 hours",
                thing="flight training"),  # a length of time that is an amount of what follows "of"
        Example("After three days of talks, the ferry strike ended.", "three days", made=False),  # a time marker
        Example("The new tram will cut journey times between Hove and Lewes to 22 minutes from nearly 50 minutes.",
                "nearly 50 minutes", thing="time", predicate="cut"),  # the level a change moved a time from
        Example("Dock workers began a 48-hour strike on Monday.", "48-hour",
                thing="strike"),  # a length written as an adjective measures its noun
        Example("A 10-year-old boy was rescued after a 3-hour search.", "10-year-old", made=False),  # an age
        Example("Inspectors found no fault during the 30-minute test.", "30-minute", thing="test",
                polarity="affirmed"),  # a given of the noun phrase: the clause's negation is not about it
        Example("Two people died after a 9-vehicle crash on the A1.", "9", thing="vehicle",
                entities=("crash",)),  # the noun a hyphen joins to a count is counted, the phrase it qualifies owns
        Example("A 149-car freight train derailed.", "149", made=False),  # a phrase that may run on past its
        # end ("freight train derailed"): no owner to be sure of
        Example("Traffic on the M6 fell 4% in May.", "M6", made=False),  # a road's name, not a magnitude
        Example("The mill shut two kilns, cutting output by 9,000 tonnes.", "9,000 tonnes",
                predicate="cut"),  # an -ing clause's verb, past its object, to the figure's "by"
        Example("Hives near the orchards produced 25% less honey this spring.", "25%", attribute="decrease",
                thing="honey"),  # a comparative after a percentage: a change of the noun after it
        Example("Half the pupils scored below the pass mark of 60.", "60", thing="mark"),  # the phrase a
        # figure measures through "of" holds no verb (no predicate: tests/checker/extract/test_quantity_rules.py)
        Example("Divers reached 19 miners, and four remain missing.", "four", attribute="missing",
                thing="miner"),  # a linking verb after a bare count is no noun it counts: the count's noun left out
        Example("Wheat output will rise by 2.5 million tonnes this season to 31 million tonnes.", "31 million tonnes",
                predicate="rise"),  # the level a change reached, past the change's own figure
        Example("The 21st edition of the rally covered 4,200 km.", "4,200 km", thing="edition",
                predicate="cover"),  # a rank opening the clause's subject is read like a determiner
        Example("The cold snap will last a week, with night lows not rising above 2°C.", "above 2°C",
                thing="night low", polarity="negated"),  # "with" opens a clause whose subject it precedes
        Example("The ferry carried 40 cars, not 60 as first reported.", "60", thing="car", predicate="carry",
                polarity="negated"),  # ", not" before a bare figure: the claim of the figure before, denied
        Example("Cocoa exports are forecast to fall 12% this season.", "12%",
                predicate="fall"),  # a passive verb of expecting frames the verb after "to"
        Example("The smuggler was sentenced to nine years in jail.", "nine years",
                predicate="sentence"),  # "to" before a figure opens no verb
    ),
)

LOCATION = Rule(
    name="location",
    description="Where something is said to be: a place after a locative word (in, near, at, into) and the noun "
    "phrase before it; what stands at a place inside another is in the outer place too, and what crossed, hit or "
    "reached something there was there.",
    fields={
        "value": "the place, as a gazetteer key (Kursk Oblast, Russia)",
        "thing": "the noun phrase before the locative word (its head), or the one a relative clause's verb before "
        "it is said of (a leg that finished in Grenoble: the leg); after a clause's verb group, the clause's subject "
        "(the stage of the race ended in Geneva: the stage), past an aside between commas; none when the verb says "
        "who spoke (officials said in Kyiv)",
        "entities": "a nationality or country in that phrase",
        "polarity": "negated when a negation cue stands before in the same clause",
    },
    apply=lambda ctx, made: location_assertions(ctx),
    examples=(
        Example("About 40 howitzers were spotted at a depot near Belgorod.", "Belgorod", attribute="location",
                thing="depot"),
        Example("North Korean troops were not deployed to Kursk, the ministry said.", "Kursk",
                attribute="location", entities=("north-korea",), polarity="negated"),
        Example("Kyiv Mayor Vitali Klitschko said the city held up.", "Kyiv", made=False),
        Example("The relay ended with a leg that finished in Grenoble.", "Grenoble", attribute="location",
                thing="leg"),  # what a relative clause's verb is said of: the noun "that" stands for
        Example("The ferry, which sank near Kampala, carried 200 people.", "Kampala", attribute="location",
                thing="ferry"),
        Example("A passenger ferry, the MV Orla, capsized in Lake Albert near Kampala.", "Kampala",
                attribute="location", thing="passenger ferry"),  # the clause's subject, past the apposition
        Example("The opening stage of the Tour de Suisse ended in Geneva.", "Geneva", attribute="location",
                thing="stage"),  # the head of "X of Y", not the name after "of"
        Example("Officials said in Kampala that the ferry had sunk.", "Kampala", made=False),  # where it was said
    ),
)

EVENT_DATE = Rule(
    name="event-date",
    description="When an event is said to have happened: a date after a verb of its clause (signed in June, "
    "opened on Oct. 3, made landfall on Aug. 28), keyed by what the verb is about; or right after an event noun "
    "(a snap election on Nov. 23).",
    fields={
        "value": "the date, as a range of days (in June is June 1-30)",
        "attribute": "when",
        "thing": "the subject of the verb (the treaty, the bridge), or of the verb before 'and' for a verb group "
        "with none (closed in March and reopened in May): the head of its noun phrase (talks between "
        "the two sides: talks; construction of the tunnel: the tunnel's construction), the phrase a 'which' or a "
        "participle's aside follows (the convention, which was adopted; the probe, launched in 2021); the verb "
        "itself when it acts on a name (the Commission approved Lorvexa on Jan. 16: the approval, Lorvexa's); the "
        "penalty a passive penalty verb gives a name (Viktor Saal was sentenced in 2021: the sentence, his)",
        "predicate": "the verb's lemma (sign, open, reopen), or of the verb after an auxiliary (will hear)",
        "entities": "the names of the verb's subject (Kenya and Tanzania signed ...) or of the verb governing its "
        "'to' (Orvano Bank expects the merger to close ...), and whose the thing is (of X; a name after on or for; "
        "a common noun after for, or after on for a metric: spending on flood defences)",
        "polarity": "negated when the verb is",
    },
    apply=lambda ctx, made: date_assertions(ctx),
    examples=(
        Example("The treaty was signed in September 2024.", "September 2024", attribute="when",
                predicate="sign"),
        Example("The bridge did not reopen on Monday.", "Monday", attribute="when", predicate="reopen",
                polarity="negated"),
        Example("The Halden Clinic, which treats 9,000 patients a year, was closed in March.", "March",
                thing="clinic", predicate="close"),  # past a relative clause and the figure inside it
        Example("Negotiations between the two unions did not resume in April.", "April", thing="negotiation",
                polarity="negated"),  # the head of the subject, not the noun after its preposition
        Example("Repairs to the old pier began in May.", "May", thing="repair", entities=()),
        Example("Former minister Ana Brel was jailed in 2019.", "2019", thing="sentence", entities=("ana brel",),
                predicate="jail"),  # a name a penalty verb acted on: the penalty is dated, the name's
        Example("Veltra Space will attempt its first crewed landing on March 3.", "March 3", thing="landing",
                predicate="attempt", entities=("veltra space",)),  # a participle inside the object's phrase
        Example("The police arrested protesters on Monday.", "Monday", predicate="arrest"),  # a noun before: a verb
        Example("Exports rose to 4.1 million tonnes in May from 3.8 million tonnes in April.", "April",
                made=False),  # the time of the level the rise started from, not of the rise
        Example("Exports rose to 4.1 million tonnes in May from 3.8 million tonnes in April.", "May",
                attribute="when", predicate="rise"),
        Example("Demolition of the old tower began in 2021.", "2021", thing="demolition",
                entities=("old tower",)),  # "of": whose the head is
        Example("Several clubs have not adopted the rule, which was introduced in 2019.", "2019", thing="rule",
                predicate="introduce"),  # "which" stands for the noun phrase before it
        Example("The Vela-3 rover, launched in 2023, landed on Mars.", "2023", thing="rover",
                predicate="launch"),  # a participle's aside is said of the phrase before its comma
        Example("The final, originally scheduled for June 8, was postponed.", "June 8", thing="final"),
        Example("Prices did not rise in March.", "March", thing="price", predicate="rise",
                polarity="negated"),  # "not" is no verb: the verb after the negated auxiliary
        Example("Ghana and Togo signed the border treaty in May.", "May", thing="border agreement",
                entities=("ghana", "togo")),  # the names of the verb's subject, when the thing is its object
        Example("Police closed the road on Friday.", "Friday", entities=()),  # a capital opening the sentence
        Example("The appeals court will hear the case on March 14.", "March 14", attribute="when",
                predicate="hear"),  # a planned event: the verb after an auxiliary
        Example("The cyclone made landfall near Darwin on Feb. 3.", "Feb. 3", attribute="when", thing="landfall",
                predicate="make"),  # an irregular past form
        Example("The storm made landfall near Esperance, Western Australia, on March 2.", "March 2", thing="landfall",
                predicate="make"),  # past a place's region in commas, to the verb before it
        Example("The council sold the Old Mill, a listed building near the river, on May 9.", "May 9",
                predicate="sell"),  # past an apposition
        Example("The regulator approved Vexor on May 2.", "May 2", thing="approve", entities=("vexor",),
                predicate="approve"),  # a verb acting on a name: the event itself, the name's
        Example("The regulator approved the merger on May 2.", "May 2", thing="merger"),  # a common object stays
        Example("The mayor, a former judge, said on Sunday the bridge was safe.", "Sunday", made=False),  # said
        # after an aside is still when it was said
        Example("The mayor said on Sunday the bridge was safe.", "Sunday", made=False),  # said: when it was said
        Example("The plan, the minister said on Sunday, would work.", "Sunday", made=False),  # when it was said
        Example("The ferry's captain, who was rescued on Tuesday, will testify at the inquest in October.",
                "Tuesday", attribute="when", thing="ferry captain", predicate="rescue"),  # whom "who" stands for
        Example("The ferry's captain, who was rescued on Tuesday, will testify at the inquest in October.",
                "October", attribute="when", thing="ferry captain", predicate="testify"),  # past the aside
        Example("Halden Mining's finance director, Pia Sund, will step down in March.", "March", attribute="when",
                thing="finance director", entities=("halden mining",), predicate="step"),  # a phrasal verb
        Example("Voters in Moldova will go to the polls in a snap election on Nov. 23.", "Nov. 23", attribute="when",
                thing="snap election"),  # an event noun right before its date
        Example("Harbour Group completed its 1.4 billion euro purchase of Tidewater Foods on Oct. 1.", "Oct. 1",
                attribute="when", thing="purchase", predicate="complete"),  # what was bought follows the sum
        Example("The water-sharing accord between Egypt and Sudan, which ends a decade of talks, was signed in Cairo "
                "on May 2.", "May 2", attribute="when", thing="agreement"),  # past names and an aside
        Example("The final between Rovers and Albion, postponed because of snow, will be played on Feb. 19.",
                "Feb. 19", attribute="when", thing="final", predicate="play"),  # a participle's aside
        Example("The Corvus 3 will launch on Oct. 4.", "Oct. 4", attribute="when",
                predicate="launch"),  # a model number ends the name that is the subject
        Example("The museum closed in March and reopened in May.", "May", thing="museum",
                predicate="reopen"),  # a verb after "and" shares the subject of the verb before it
        Example("Work on the Harrow bypass started in 2022 and is due to end in 2027.", "2027", thing="work",
                predicate="end"),  # past the future words of the second verb group
        Example("The museum closed in March, and the cafe reopened in May.", "May",
                thing="cafe"),  # a clause with its own subject keeps it
        Example("The ferry service was called off on Friday.", "Friday", thing="ferry service",
                predicate="call"),  # the verb, not its particle
        Example("The toll on the M62 will be raised from £4 to £5 in April.", "April", thing="toll",
                entities=("m62",)),  # past the figures of a change; a name after "on" says which toll
        Example("The summit, originally set for March, will now be held on May 2.", "May 2", thing="summit",
                predicate="hold"),  # past an aside an adverb opens
        Example("Orvano Bank expects the merger to close in March.", "March", thing="merger",
                entities=("orvano bank",)),  # the names of the subject of the verb governing "to close"
        Example("Talks on the water dispute will resume in May.", "May", thing="talk",
                entities=()),  # a common noun after "on" says what the talks are about, not whose
        Example("Sales at Brill rose in March 2024.", "March 2024", attribute="when",
                predicate="rise"),  # a year after a month is no model number
    ),
)

TARGET_DATE = Rule(
    name="target-date",
    description="By when something is planned or expected to happen: a date after 'by' or 'before' dating a verb "
    "that its clause puts still to come (will rise by 2028, agreed to raise ... by 2030, will not reopen before "
    "December), a claim about the future; a 'by' of the past (by Tuesday, 40 had died) is a figure's time instead.",
    fields={
        "value": "the date as written (by 2028 is the year 2028)",
        "attribute": "when, expected: it only meets other targets",
        "thing": "as for event-date: the subject of the verb, or its object for a transitive verb",
        "predicate": "the verb's lemma",
        "polarity": "negated when the verb is (will not reopen before December)",
    },
    apply=lambda ctx, made: target_date_assertions(ctx),
    examples=(
        Example("Spending on rural roads will rise by 9% a year by 2029.", "2029", attribute="when",
                thing="spending", predicate="rise"),
        Example("The tram line will not reopen before October.", "October", attribute="when", thing="tram line",
                predicate="reopen", polarity="negated"),
        Example("The two ports agreed to double cargo traffic by 2031.", "2031", attribute="when",
                predicate="double"),  # the verb after its own "to"
        Example("The mine was shut down in 2021 and will not reopen before 2027.", "2027", thing="mine",
                predicate="reopen", polarity="negated"),  # the subject of the verb before "and"
        Example("Spending on flood defences will rise to £900m by 2030.", "2030", thing="spending",
                entities=("flood defences",)),  # what a metric is spent on, as for a figure
        Example("Chile and Peru agreed to cut tariffs by 2029.", "2029", entities=("chile", "peru"),
                predicate="cut"),  # the names of the subject of "agreed", the verb governing "to cut"
        Example("By Tuesday, 40 people had died in the floods.", "Tuesday", made=False),  # a figure's time
        Example("Sales rose to 2,000 units by March, according to the firm.", "March", made=False),  # a past "by"
    ),
)

EVENT = Rule(
    name="event",
    description="That something happened or did not: an event verb of a clause with its subject (the court "
    "upheld, troops were not deployed).",
    fields={
        "value": "the verb group as written",
        "attribute": "happened",
        "thing": "the subject or, for a passive, what the verb was done to",
        "predicate": "the verb's lemma",
        "polarity": "negated by not/never/n't in the verb group, or by a denial around it",
    },
    apply=lambda ctx, made: event_assertions(ctx),
    examples=(
        Example("The court upheld the ban on short-term rentals.", "upheld", attribute="happened",
                predicate="uphold", polarity="affirmed"),
        Example("North Korean troops were not deployed to Kursk, the ministry said.", "were not deployed",
                attribute="happened", predicate="deploy", polarity="negated"),
    ),
)

REFUSAL = Rule(
    name="refusal",
    description="A refusal to confirm (I can't confirm, could not confirm reports that): about what and whom, so "
    "that it is never read as a denial or a figure of its own.",
    fields={
        "value": "the words of the refusal",
        "attribute": "the kind of the trigger it is about (killed, casualties)",
        "thing": "the last noun phrase of the sentence, or people for a toll",
        "modality": "cannot_confirm",
    },
    apply=lambda ctx, made: refusal_assertions(ctx, made),
    examples=(
        Example("I can't confirm those reports of casualties.", "can't confirm those reports of casualties",
                attribute="casualties"),
    ),
)

TABLE_CELL = Rule(
    name="table-cell",
    description="A figure in a table row (a pipe table: '| Party | Seats |' over '| --- | --- |'): a claim about "
    "the row's name, measured as its column's header says. Read in place of the sentence rules on every data row.",
    fields={
        "value": "the cell's one figure, as written",
        "attribute": "the header's trigger word's kind (Deaths: killed, Revenue: revenue), else the default of the "
        "figure's dimension, as for any figure (count, share, amount, distance); none for a column of changes "
        "(Change, +/-, or a figure written with its sign)",
        "thing": "the column's header (Seats: seat)",
        "entities": "the row's first cell, whole and lower-cased (Liberal Union: liberal union; two rows of a "
        "table are two things)",
    },
    apply=lambda ctx, made: table_assertions(ctx),
    examples=(
        Example("| Party | Seats | Change |\n| --- | --- | --- |\n| Liberal Union | 48 | -3 |\n", "48",
                attribute="count", thing="seat", entities=("liberal union",)),
        Example("| Party | Seats | Change |\n| --- | --- | --- |\n| Liberal Union | 48 | -3 |\n", "-3",
                made=False),  # a change, not a level
        Example("| District | Deaths |\n|---|---|\n| Kessle North | 12 |\n", "12", attribute="killed",
                entities=("kessle north",)),
        Example("Seats: 48 | Change: -3", "48", made=False),  # no rule line: no table
    ),
)

RULES: tuple[Rule, ...] = (QUANTITY, LOCATION, EVENT_DATE, TARGET_DATE, EVENT, REFUSAL, TABLE_CELL)
_BY_NAME = {r.name: r for r in RULES}


def rule_named(name: str) -> Rule | None:
    """The rule an assertion's ``rule`` field names ("location-outer" is the location rule's second step)."""
    return _BY_NAME.get(name) or _BY_NAME.get(name.split("-outer")[0])


def sentence_assertions(ctx: SentenceContext) -> list[Assertion]:
    """Every assertion of one sentence, rule by rule in the order of ``RULES``: numbers, places, dates, events,
    refusals (a refusal reads what the others made, so a figure refused is not refused twice)."""
    if not ctx.tokens:
        return []
    if ctx.row is not None:
        return TABLE_CELL.apply(ctx, [])  # a table row has cells, not a sentence's grammar
    remember_organisation(ctx)
    made: list[Assertion] = []
    for rule in RULES:
        made += rule.apply(ctx, made)
    subjects = subjects_in(ctx, 0, len(ctx.tokens))
    if subjects:
        ctx.state.last_subject = subjects[-1][1]
    return made
