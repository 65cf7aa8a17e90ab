"""A labelled set of draft/source pairs written for verify, in many domains: one parametrised id per item.

Each item names one claim of the draft by its value words (and attribute) and the status verify owes it, with the
conflict kind for a contradiction. About half are faithful drafts in other words (rounded or spelled-out figures,
reordered sentences, a wider place or period); the rest are hard negatives: invented figures, changed values,
negations, and figures for a different scope that must not be called contradicted. Items verify cannot do yet are
strict xfails with the reason, so they turn into failures the day they start to pass.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest

from checker.models import ClaimStatus, ConflictKind

from .conftest import run_verify, verdict_for

S, C, U = ClaimStatus.SUPPORTED, ClaimStatus.CONTRADICTED, ClaimStatus.UNSUPPORTED
K = ClaimStatus.UNCHECKED  # an event in the draft's own words, with nothing checkable that no source holds
NOT_C = "not-contradicted"  # a different scope: anything but contradicted
CLEAN = "clean"  # a faithful draft: no verdict of it is contradicted or unsupported (value: None)


@dataclass(frozen=True)
class Item:
    id: str
    domain: str
    source: str
    draft: str
    value: str  # the claim's value words in the draft
    attribute: str | None
    status: ClaimStatus | str  # a status, or NOT_C: anything but contradicted
    kind: ConflictKind | None = None
    xfail: str | None = None
    sources: tuple[str, ...] = field(default=())


ITEMS = [
    # ---- sport
    Item("sport-crowd-rounded", "sport",
         "A crowd of 52,340 watched Harbour City beat Eastvale 3-1 at Riverside Park on Saturday.",
         "More than 52,000 fans saw Harbour City win at Riverside Park.", "More than 52,000", "count", S),
    Item("sport-crowd-invented", "sport",
         "Harbour City beat Eastvale 3-1 at Riverside Park on Saturday. Mateo Ruiz scored twice.",
         "A crowd of 48,000 watched Harbour City win at Riverside Park.", "48,000", "count", U),
    Item("sport-crowd-changed", "sport",
         "A crowd of 52,340 watched Harbour City beat Eastvale at Riverside Park on Saturday.",
         "A crowd of 31,000 watched Harbour City beat Eastvale at Riverside Park.", "31,000", "count", C,
         ConflictKind.NUMERIC),
    Item("sport-fee-spelled", "sport",
         "Northbridge signed the striker for a fee of 45 million euros, the club said.",
         "The club paid forty-five million euros for the striker, Northbridge said.", "forty-five million euros", None, S),
    Item("sport-transfer-fee-changed", "sport",
         "Northbridge signed the striker for a fee of 45 million euros.",
         "Northbridge signed the striker for a fee of 60 million euros.", "60 million euros", None, C,
         ConflictKind.NUMERIC),
    # ---- courts
    Item("court-sentence-same", "courts",
         "Judge Amara Okafor sentenced the former mayor to eight years in prison on Tuesday.",
         "The former mayor was sentenced to eight years in prison.", "eight years", "sentence", S),
    Item("court-sentence-changed", "courts",
         "Judge Amara Okafor sentenced the former mayor to eight years in prison on Tuesday.",
         "The former mayor was sentenced to 12 years in prison.", "12 years", "sentence", C, ConflictKind.NUMERIC),
    Item("court-upheld-negated", "courts",
         "The supreme court upheld the conviction of the former minister on Friday.",
         "The supreme court did not uphold the conviction of the former minister.", "did not uphold", "happened", C,
         ConflictKind.POLARITY),
    Item("court-upheld-same", "courts",
         "The supreme court upheld the conviction of the former minister on Friday.",
         "On Friday the conviction of the former minister was upheld by the supreme court.", "was upheld",
         "happened", S),
    Item("court-fine-rounded", "courts",
         "The regulator fined Corvane $4.87 million for the data breach.",
         "Corvane was fined nearly $5 million over the data breach.", "nearly $5 million", None, S),
    # ---- weather
    Item("weather-rain-rounded", "weather",
         "The station at Kell Point recorded 212 millimetres of rain in 24 hours.",
         "About 210 millimetres of rain fell at Kell Point in a day.", "About 210 millimetres", None, S),
    Item("weather-killed-same", "weather",
         "The cyclone killed 23 people in Mozambique, the disaster agency said.",
         "Twenty-three people were killed by the cyclone in Mozambique.", "Twenty-three", "killed", S),
    Item("weather-killed-changed", "weather",
         "The cyclone killed 23 people in Mozambique, the disaster agency said.",
         "The cyclone killed 230 people in Mozambique.", "230", "killed", C, ConflictKind.NUMERIC),
    Item("weather-killed-invented-injured", "weather",
         "The cyclone killed 23 people in Mozambique, the disaster agency said.",
         "The cyclone injured 150 people in Mozambique.", "150", "injured", U),
    Item("weather-other-country-not-contradicted", "weather",
         "The cyclone killed 23 people in Mozambique and 9 in Malawi, the agency said.",
         "The cyclone killed 9 people in Malawi.", "9", "killed", NOT_C),
    Item("weather-evacuated-rounded", "weather",
         "Authorities evacuated 10,900 residents before the storm made landfall.",
         "Nearly 11,000 residents were evacuated before the storm made landfall.", "Nearly 11,000", "evacuated", S),
    # ---- health
    Item("health-cases-rounded", "health",
         "Health officials confirmed 1,180 cholera cases in the province this month.",
         "Some 1,200 cholera cases were confirmed in the province.", "Some 1,200", None, S),
    Item("health-cases-invented", "health",
         "Health officials said a cholera outbreak had spread to three districts.",
         "Health officials confirmed 4,500 cholera cases.", "4,500", None, U),
    Item("health-deaths-changed", "health",
         "The outbreak has killed 41 people since January, the ministry said.",
         "The outbreak has killed 14 people since January.", "14", "killed", C, ConflictKind.NUMERIC),
    Item("health-percent-about", "health",
         "Vaccination coverage reached 41.2 percent of adults in the region.",
         "About 40 percent of adults in the region are vaccinated.", "About 40 percent", "share", S),
    Item("health-percent-from-count", "health",
         "Of 1,000 adults surveyed, 412 said they had received a booster.",
         "About 40 percent of adults surveyed had received a booster.", "About 40 percent", "share", S,
         xfail="a base given before its count ('Of 1,000 ..., 412') is not read as a share yet"),
    Item("health-vaccinated-changed", "health",
         "The clinic vaccinated 3,200 children in March.",
         "The clinic vaccinated 8,200 children in March.", "8,200", None, C, ConflictKind.NUMERIC),
    # ---- companies
    Item("company-revenue-rounded", "companies",
         "Corvane reported revenue of $2.43 billion for the quarter.",
         "Corvane's quarterly revenue was about $2.4 billion.", "about $2.4 billion", "revenue", S),
    Item("company-revenue-changed", "companies",
         "Corvane reported revenue of $2.43 billion for the quarter.",
         "Corvane reported revenue of $3.9 billion for the quarter.", "$3.9 billion", "revenue", C,
         ConflictKind.NUMERIC),
    Item("company-jobs-invented", "companies",
         "Corvane said it would restructure its European operations.",
         "Corvane said it would cut 2,000 jobs in Europe.", "2,000", None, U),
    Item("company-jobs-same", "companies",
         "Corvane will cut 1,500 jobs, about 8 percent of its workforce, the company said.",
         "The company said it will cut 1,500 jobs at Corvane.", "1,500", None, S),
    Item("company-other-company-not-contradicted", "companies",
         "Corvane reported revenue of $2.43 billion, while rival Medrix reported $5.1 billion.",
         "Medrix reported revenue of $5.1 billion.", "$5.1 billion", "revenue", NOT_C),
    Item("company-hq-location-changed", "companies",
         "Corvane moved its headquarters to Lisbon last year.",
         "Corvane moved its headquarters to Madrid last year.", "Madrid", "location", C, ConflictKind.LOCATION),
    Item("company-hq-location-wider", "companies",
         "Corvane moved its headquarters to Lisbon last year.",
         "Corvane's headquarters are in Portugal.", "Portugal", "location", S),
    # ---- elections
    Item("election-turnout-rounded", "elections",
         "Turnout was 63.4 percent, the electoral commission said.",
         "Turnout was about 63 percent.", "about 63 percent", "turnout", S),
    Item("election-turnout-changed", "elections",
         "Turnout was 63.4 percent, the electoral commission said.",
         "Turnout was 48 percent.", "48 percent", "turnout", C, ConflictKind.NUMERIC),
    Item("election-seats-invented", "elections",
         "The Labour Alliance won the election, the commission said.",
         "The Labour Alliance won 142 seats.", "142", None, U),
    Item("election-votes-same", "elections",
         "Maria Santos received 1,204,332 votes in the runoff.",
         "Santos won about 1.2 million votes in the runoff.", "about 1.2 million", "votes", S),
    Item("election-region-turnout-not-contradicted", "elections",
         "Turnout was 63.4 percent nationally and 51 percent in the capital, Lisbon.",
         "Turnout in Lisbon was 51 percent.", "51 percent", "turnout", NOT_C),
    # ---- transport and infrastructure
    Item("transport-derailed-same", "transport",
         "Thirty-eight freight cars derailed near Ostrava on Sunday.",
         "38 cars derailed near Ostrava.", "38", None, S),
    Item("transport-passengers-changed", "transport",
         "The ferry was carrying 214 passengers when it ran aground.",
         "The ferry was carrying 412 passengers when it ran aground.", "412", None, C, ConflictKind.NUMERIC),
    Item("transport-date-changed", "transport",
         "The bridge will open on June 3, 2025, the ministry said.",
         "The bridge will open on September 3, 2025.", "September 3, 2025", None, C, ConflictKind.DATE),
    # ---- conflict and security
    Item("security-troops-rounded", "security",
         "There are 10,900 North Korean troops in Kursk Oblast, officials said.",
         "Nearly 11,000 North Korean troops are in Kursk.", "Nearly 11,000", "count", S),
    Item("security-troops-spelled", "security",
         "There are 11,000 North Korean troops in Kursk Oblast, officials said.",
         "Eleven thousand North Korean soldiers are in Kursk.", "Eleven thousand", "count", S),
    Item("security-location-wider", "security",
         "There are 10,900 North Korean troops in Kursk Oblast, officials said.",
         "About 11,000 North Korean troops are in Russia.", "Russia", "location", S),
    Item("security-location-changed", "security",
         "There are 10,900 North Korean troops in Kursk Oblast, officials said.",
         "North Korean troops are in Belarus.", "Belarus", "location", C, ConflictKind.LOCATION),
    Item("security-arrested-invented", "security",
         "Police dispersed the protest in the capital on Sunday.",
         "Police arrested 85 protesters in the capital on Sunday.", "85", "arrested", U),
    # ---- science and education
    Item("science-temperature-same", "science",
         "The probe measured a surface temperature of 462 degrees Celsius.",
         "The probe measured a surface temperature of 462C.", "462C", None, S),
    Item("education-students-rounded", "education",
         "The university enrolled 24,870 students this year.",
         "The university enrolled almost 25,000 students this year.", "almost 25,000", None, S),
    Item("education-students-changed", "education",
         "The university enrolled 24,870 students this year.",
         "The university enrolled 14,870 students this year.", "14,870", None, C, ConflictKind.NUMERIC),
    # ---- reordered and multi-source
    Item("reordered-two-sources", "weather",
         "The storm killed 12 people in Texas.",
         "In Texas, 12 people were killed and 300 homes were damaged by the storm.", "12", "killed", S,
         sources=("Officials said 300 homes were damaged by the storm.",)),
    Item("multi-source-disagree-follows-one", "weather",
         "The storm killed 12 people in Texas.",
         "The storm killed 12 people in Texas.", "12", "killed", S,
         sources=("The storm killed 19 people in Texas, local media reported.",)),
    # ---- derived figures
    Item("derived-total-killed", "weather",
         "The flooding killed 7 people in Oran and 8 in Algiers, the civil protection agency said.",
         "A total of 15 people were killed in the flooding.", "15", "killed", S),
    Item("derived-total-wrong", "weather",
         "The flooding killed 7 people in Oran and 8 in Algiers, the civil protection agency said.",
         "A total of 40 people were killed in the flooding.", "40", "killed", C, ConflictKind.NUMERIC),
    Item("derived-share-of-count", "elections",
         "In the district, 412 of 1,000 registered voters cast a ballot, officials said.",
         "About 40 percent of registered voters in the district cast a ballot.", "About 40 percent", None, S),
    Item("derived-share-wrong", "elections",
         "In the district, 412 of 1,000 registered voters cast a ballot, officials said.",
         "About 70 percent of registered voters in the district cast a ballot.", "About 70 percent", None, U),
    Item("derived-share-out-of", "health",
         "Researchers found that 37 out of 50 patients improved after six weeks.",
         "Researchers found that 74 percent of patients improved after six weeks.", "74 percent", None, S),
    Item("derived-change-difference", "health",
         "The number of patients in the ward rose from 120 to 150 this week, the hospital said.",
         "Patients in the ward increased by 30 this week.", "30", "increase", S),
    Item("derived-change-relative", "health",
         "The number of patients in the ward rose from 120 to 150 this week, the hospital said.",
         "Patients in the ward increased 25 percent this week.", "25 percent", "increase", S),
    Item("derived-change-relative-wrong", "health",
         "The number of patients in the ward rose from 120 to 150 this week, the hospital said.",
         "The number of patients in the ward rose by 40 percent this week.", "40 percent", "increase", U),
    Item("derived-change-toll", "security",
         "The death toll rose to 15 from 12 on Tuesday, officials said.",
         "The death toll rose by 3 on Tuesday.", "3", "increase", S),
    Item("derived-change-wrong-direction", "security",
         "The death toll fell to 12 from 15 on Tuesday after a recount, officials said.",
         "The death toll rose by 3 on Tuesday.", "3", "increase", U),
    Item("derived-change-wrong-amount", "health",
         "The number of patients in the ward rose from 120 to 150 this week, the hospital said.",
         "Patients in the ward increased by 50 this week.", "50", "increase", U),
    # ---- more faithful paraphrases
    Item("sport-goals-reordered", "sport",
         "Mateo Ruiz scored twice as Harbour City beat Eastvale. The win lifts Harbour City to 58 points.",
         "Harbour City now have 58 points after beating Eastvale.", "58", None, S),
    Item("court-witnesses-reordered", "courts",
         "The court heard 34 witnesses during the trial.",
         "During the trial, the court heard from 34 witnesses.", "34", None, S),
    Item("company-profit-rounded", "companies",
         "Medrix posted a net profit of 812 million euros for the year, up from 640 million.",
         "Medrix's annual net profit was roughly 810 million euros.", "roughly 810 million euros", "profit", S),
    Item("health-beds-same", "health",
         "The new hospital in Ghent has 640 beds and will open in May.",
         "The Ghent hospital, which opens in May, has 640 beds.", "640", None, S),
    Item("weather-temperature-rounded", "weather",
         "Temperatures in Seville reached 44.6C on Sunday, the weather service said.",
         "Temperatures in Seville reached about 45C on Sunday.", "about 45C", None, S),
    Item("elections-seats-same", "elections",
         "The Green List won 23 of the council's 60 seats.",
         "The Green List group now has 23 council seats.", "23", None, S),
    # ---- the same figure under another word
    Item("company-price-as-cost", "companies",
         "The annual plan is priced at $424.15 for the first year, the company said in its offer.",
         "The company's offer puts the cost of the annual plan at $424.15 for the first year.", "$424.15", None, S),
    Item("company-revenue-as-profit", "companies",
         "Corvane's quarterly revenue was $2.43 billion, the company said.",
         "Corvane's quarterly profit was $2.43 billion, the company said.", "$2.43 billion", "profit", U),
    # ---- more hard negatives
    Item("sport-goals-invented", "sport",
         "Harbour City beat Eastvale at Riverside Park on Saturday.",
         "Harbour City beat Eastvale after Mateo Ruiz scored 3 goals.", "3", None, U),
    Item("court-sentence-other-defendant", "courts",
         "The former mayor was sentenced to eight years in prison; his aide received three years.",
         "The aide was sentenced to three years in prison.", "three years", "sentence", NOT_C),
    Item("company-profit-negated", "companies",
         "Medrix said it had raised its dividend for the fifth year in a row.",
         "Medrix said it had not raised its dividend this year.", "had not raised", "happened", C,
         ConflictKind.POLARITY),
    Item("health-deaths-hedged-within", "health",
         "The outbreak has killed at least 40 people, the ministry said.",
         "The outbreak has killed more than 35 people.", "more than 35", "killed", S),
    Item("security-date-changed", "security",
         "The ceasefire was signed in Doha on Sept. 26, 2024.",
         "The ceasefire was signed on Sept. 29, 2024, in Doha.", "Sept. 29, 2024", None, C, ConflictKind.DATE),
    Item("security-date-same-reordered", "security",
         "The ceasefire was signed in Doha on Sept. 26, 2024.",
         "The ceasefire was signed on Sept. 26, 2024, in Doha.", "Sept. 26, 2024", None, S),
    Item("security-killed-more-precise", "security",
         "About 140 people were killed in the attack, officials said.",
         "Exactly 112 people were killed in the attack.", "Exactly 112", "killed", C, ConflictKind.NUMERIC),
    # ---- events in other words: unchecked unless a name, value or negation of theirs is in no source
    Item("arts-event-reworded-unchecked", "arts",
         "The museum's board voted on Thursday to return the bronze statues to the royal palace, ending a long dispute.",
         "The bronze statues are going home after the museum settled its long quarrel with the palace.", "settled",
         "happened", K),
    Item("maritime-event-reworded-unchecked", "maritime",
         "Divers recovered the ferry's bell from the wreck after a three-week search.",
         "The bell was finally raised by the divers after weeks of searching.", "was finally raised", "happened", K),
    Item("arts-event-invented-name", "arts",
         "The gala concert was cancelled after the conductor fell ill, the opera house said.",
         "The gala was called off because conductor Ilse Varga had fallen ill.", "was called", "happened", U),
    Item("arts-event-name-in-source", "arts",
         "The gala concert was cancelled after its conductor, Ilse Varga, fell ill, the opera house said.",
         "The gala was called off because conductor Ilse Varga had fallen ill.", "was called", "happened", K),
    Item("maritime-event-invented-place", "maritime",
         "Divers recovered the ferry's bell from the wreck after a three-week search.",
         "The ferry's bell was brought up from the wreck off Malta by divers.", "was brought", "happened", U),
    Item("police-event-invented-negation", "police",
         "The driver was released pending further inquiries, police said.",
         "Police have not charged the driver.", "have not charged", "happened", U),
    Item("police-event-negation-other-words", "police",
         "The driver was released without charge, police said.",
         "Police did not charge the driver, who was released.", "did not charge", "happened", K),
    Item("arts-figure-with-invented-name", "arts",
         "The opera house sold 2,000 tickets for the gala, it said.",
         "The opera house sold 2,000 tickets for the gala conducted by Ilse Varga.", "2,000", "count", U),
    Item("arts-figure-with-name-in-source", "arts",
         "The opera house sold 2,000 tickets for the gala conducted by Ilse Varga, it said.",
         "The opera house sold 2,000 tickets for the gala Varga conducted.", "2,000", "count", S),
    # ---- a value a source sentence on the same matter gives, whatever the frames made of it
    Item("festival-price-other-sentence", "leisure",
         "Tickets for the folk festival cost 85 euros for a weekend pass, the organisers said.",
         "Festival-goers pay 85 euros to attend the whole weekend of folk music.", "85 euros", None, S),
    Item("festival-price-rounded-other-sentence", "leisure",
         "A weekend pass for the folk festival costs 84.50 euros this year, the organisers said.",
         "Festival-goers pay about 85 euros to attend the whole weekend of folk music.", "about 85 euros", None, S),
    Item("festival-price-changed-other-sentence", "leisure",
         "A weekend pass for the folk festival costs 84.50 euros this year, the organisers said.",
         "Festival-goers pay about 120 euros to attend the whole weekend of folk music.", "about 120 euros", None, U),
    Item("festival-price-other-matter", "leisure",
         "Tickets for the folk festival cost 85 euros for a weekend pass, the organisers said.",
         "Each stallholder paid a licence of 85 euros to the town council.", "85 euros", None, U),
    Item("forestry-total-of-parts", "forestry",
         "Volunteers planted 1,200 oaks in the north wood and 800 beeches along the river this winter.",
         "Volunteers planted 2,000 trees this winter.", "2,000", None, S),
    Item("forestry-part-swapped", "forestry",
         "Volunteers planted 1,200 oaks in the north wood and 800 beeches along the river this winter.",
         "Volunteers planted 800 oaks in the north wood this winter.", "800", "count", C, ConflictKind.NUMERIC),
    # ---- lower-cased drafts (a model's summary): places looked up case-insensitively, as a rule of the document
    Item("disaster-lowercase-place-invented", "disasters",
         "Flood water reached homes in Leeds after the river burst its banks on Tuesday, the Environment Agency said.",
         "flood water has reached homes in sheffield after the river burst its banks.", "sheffield", None, U),
    Item("disaster-lowercase-place-same", "disasters",
         "Flood water reached homes in Leeds after the river burst its banks on Tuesday, the Environment Agency said.",
         "flood water has reached homes in leeds after the river burst its banks.", None, None, CLEAN),
    Item("diplomacy-lowercase-place-wider", "diplomacy",
         "Peace talks opened in Oslo on Monday with envoys from both sides, officials said.",
         "peace talks between envoys from both sides opened in norway, officials said.", None, None, CLEAN),
    Item("diplomacy-place-by-demonym", "diplomacy",
         "The Norwegian foreign ministry said envoys from both sides would meet for a second round of talks.",
         "envoys from both sides will meet in norway for a second round of talks, the foreign ministry said.",
         None, None, CLEAN),
    # ---- a sentence's names and figures, with or without a claim frame of their own
    Item("health-age-invented", "health",
         "A man was taken to hospital after being bitten by a dog in Halden Park, police said.",
         "A 34-year-old man was taken to hospital after being bitten by a dog in Halden Park.", "34-year-old",
         "sentence", U),
    Item("health-age-other-words", "health",
         "A 34-year-old man was taken to hospital after being bitten by a dog in Halden Park, police said.",
         "A man aged 34 was bitten by a dog in Halden Park and taken to hospital, police said.", None, None, CLEAN),
    Item("elections-invented-name", "elections",
         "The Liberal candidate won the seat by 412 votes after a recount, officials said.",
         "Marguerite Osei-Lamptey, the Liberal candidate, won the seat by 412 votes after a recount.", "412",
         "votes", U),
    Item("elections-name-in-source", "elections",
         "The Liberal candidate, Marguerite Osei-Lamptey, won the seat by 412 votes after a recount, officials said.",
         "Osei-Lamptey won the seat for the Liberals by 412 votes after a recount.", None, None, CLEAN),
    Item("companies-acronym-spelled-out", "companies",
         "The company said its new convolutional neural network cut error rates in testing by a third.",
         "The company said its new CNN cut error rates in testing by a third.", None, None, CLEAN),
    Item("sport-claimless-sentence-invented-names", "sport",
         "The visitors held on for a goalless draw despite losing their captain to injury before half-time.",
         "Coach Ilkka Vantanen praised goalkeeper Tomasz Brzeczek for the draw.", "Ilkka", "sentence", U),
    Item("leisure-one-as-article", "leisure",
         "Three friends talk about their plans for the summer holidays, and Dana says she wants to study law.",
         "Three friends discuss their summer holiday plans, and one of them wants to study law.", None, None, CLEAN),
    Item("courts-lowercase-weekday-invented", "courts",
         "The trial of the former treasurer opened at Kelby Crown Court, the court service said.",
         "the trial of the former treasurer opened at kelby crown court on thursday.", "thursday", "sentence", U),
    Item("courts-lowercase-weekday-same", "courts",
         "The trial of the former treasurer opened at Kelby Crown Court on Thursday, the court service said.",
         "on thursday the trial of the former treasurer opened at kelby crown court.", None, None, CLEAN),
    # ---- figures by how the draft writes them
    Item("leisure-conversation-participants", "leisure",
         "Ana: Are you coming to the climbing wall after work on Friday?\nBen: Yes, and I will bring the ropes.",
         "The document is a conversation between two people planning a trip to the climbing wall.", None, None, CLEAN),
    Item("elections-count-of-named", "elections",
         "Mara and Tobias both said on Monday they would stand for the council seat in Arden.",
         "Two candidates, Mara and Tobias, will stand for the council seat in Arden.", None, None, CLEAN),
    Item("elections-count-of-named-wrong", "elections",
         "Mara and Tobias both said on Monday they would stand for the council seat in Arden.",
         "Three candidates, Mara and Tobias, will stand for the council seat in Arden.", "Three", None, U),
    Item("sport-figure-written-alike", "sport",
         "The Formula 1 season opens in Melbourne next month, the organisers said.",
         "formula 1 heads to melbourne for its season opener next month.", None, None, CLEAN),
    Item("weather-figure-beside-claim-invented", "weather",
         "Snow closed the mountain pass on Sunday and drivers were told to avoid the area, police said.",
         "Snow closed the mountain pass on Sunday after 40 centimetres fell overnight, police said.",
         "40 centimetres", None, U),
    # ---- rules of this stop: a copy with one value changed, the word a negation denies, a time told from the moment
    # of writing, a part of a place, a place's public body, a name set against itself, a first name after a title
    Item("health-ward-copy-changed", "health",
         "Staff at St Brennan's Hospital said 14 patients were moved to the new Alder Ward after the flood.",
         "Staff at St Brennan's Hospital said 41 patients were moved to the new Alder Ward after the flood.", "41",
         None, C, ConflictKind.NUMERIC),
    Item("transport-denied-word-affirmed", "transport",
         "Ferries from Oban can sail to Mull despite the gale warning, the operator said.",
         "Ferries from Oban cannot sail to Mull because of the gale warning, the operator said.", None, None, U),
    Item("transport-denied-in-other-words", "transport",
         "The Oban ferry will not sail on Friday because of the gale, the operator said.",
         "Because of the gale, Friday's Oban ferry will not be able to sail, the operator said.", None, None, CLEAN),
    Item("disaster-part-of-place", "disasters",
         "Buildings were damaged in Chile by the earthquake on Sunday, officials said.",
         "Buildings were damaged in northern Chile by the earthquake on Sunday, officials said.", "northern Chile",
         "location", U),
    Item("police-place-of-a-body", "police",
         "Officers from Dyfed-Powys Police were called to a farm near the border on Tuesday after a fire.",
         "Firefighters and police were called to a farm in Powys on Tuesday.", "Powys", "location", S),
    Item("sport-team-against-itself", "sport",
         "Harrogate Town beat Morecambe 2-0 at Wetherby Road on Saturday.",
         "Harrogate Town beat Harrogate Town 2-0 at Wetherby Road on Saturday.", "Harrogate Town", "who", C,
         ConflictKind.NAME),
    Item("diplomacy-first-name-after-title", "diplomacy",
         "Varga, the foreign minister, met her Austrian counterpart in Vienna on Monday.",
         "Foreign minister Lena Varga met her Austrian counterpart in Vienna on Monday.", None, None, U),
    Item("companies-figure-of-another-firm", "companies",
         "Harbor Air said it could cut up to 4,000 jobs next year. At Skyline Airways, a rival, up to 1,000 jobs "
         "could go next year.",
         "Harbor Air could cut up to 1,000 jobs next year.", "up to 1,000", None, C, ConflictKind.NUMERIC),
    Item("companies-figure-written-of-another-firm", "companies",
         "Harbor Air said on Monday that its results would come in March. At Skyline Airways, a rival, up to 1,000 "
         "jobs could go next year.",
         "Harbor Air could cut up to 1,000 jobs next year.", "up to 1,000", None, U),
    Item("companies-figure-of-the-firm-in-other-words", "companies",
         "Harbor Air said it could cut up to 4,000 jobs next year. Rival Skyline Airways is hiring 1,000 pilots "
         "at its Denver base.",
         "Harbor Air may shed as many as 4,000 jobs next year.", "as many as 4,000", None, S),
    Item("companies-owner-named-in-part", "companies",
         "At Kestrel, we help independent shops grow online. One client, the Corner Bookshop, saw a 37% rise in "
         "online sales within six months of working with Kestrel.",
         "Kestrel Digital says the Corner Bookshop achieved a 37% rise in online sales within six months.", "37%",
         None, S),
    Item("health-upper-bound-far-from-the-figure", "health",
         "About 120 patients a day are seen at the new clinic, the health board said.",
         "The new clinic can see up to 1,000 patients a day, the health board said.", "up to 1,000", "count", U),
    Item("diplomacy-first-name-in-sources", "diplomacy",
         "Foreign minister Lena Varga met her Austrian counterpart in Vienna on Monday.",
         "Minister Lena Varga held talks with her Austrian counterpart in Vienna on Monday.", None, None, CLEAN),
]


@pytest.mark.parametrize(
    "item",
    [pytest.param(i, id=i.id, marks=[pytest.mark.xfail(reason=i.xfail, strict=True)] if i.xfail else [])
     for i in ITEMS],
)
def test_labelled(item: Item):
    verdicts = run_verify(item.draft, item.source, *item.sources)
    if item.status == CLEAN:
        assert not {v.status for v in verdicts} & {ClaimStatus.CONTRADICTED, ClaimStatus.UNSUPPORTED}, \
            verdicts
        return
    if item.value is None:
        got = {v.status for v in verdicts}
        assert item.status in got and ClaimStatus.CONTRADICTED not in got
        return
    v = verdict_for(verdicts, item.value, item.attribute)
    ev = v.evidence
    assert item.draft[ev.value_start:ev.value_end] == item.value
    if item.status == NOT_C:
        assert v.status is not ClaimStatus.CONTRADICTED
        return
    assert v.status is item.status, v
    if item.status is ClaimStatus.CONTRADICTED:
        assert v.kind is item.kind
        assert v.sources
    if item.status is ClaimStatus.SUPPORTED:
        assert v.sources
        if not v.rule.startswith("derived") and not v.rule.endswith("in-a-sentence"):
            assert v.score is not None  # a source claim lined up


def test_the_set_is_balanced_and_varied():
    faithful = sum(1 for i in ITEMS if i.status in (S, K, CLEAN))
    assert faithful * 2 >= len(ITEMS) - 6
    assert len({i.domain for i in ITEMS}) >= 6
    assert len({i.id for i in ITEMS}) == len(ITEMS)
