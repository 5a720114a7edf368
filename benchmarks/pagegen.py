"""Invented ITV-News-shaped pages for the speed measurements.

    python benchmarks/pagegen.py N DIR [--seed S]     # write N pages to DIR

Library use (``throughput.py``, ``scaling.py``, ``tests/test_pagegen.py``)::

    generate(n, seed) -> list[bytes]          # n saved pages, UTF-8
    generate_pages(n, seed) -> list[Page]     # the same pages with what the generator chose
    paragraphs(n, seed, repeats=0.0) -> list[str]   # n body lines for one very long page
    big_page(n, seed, repeats=0.0) -> bytes   # those lines as one marker-first page

Every page follows one of the five layouts of the field guide
(``/work/shared/docs/itv-text-pages.md`` §2, update pages in both generations)
and mixes the patterns it describes: chrome lines, captions with every credit
marker, media notes, colon lead-in quotes with and without ``–`` attributions,
bullet / numbered / flattened lists, subheadings, exact / near / leading
repeats, pages cut off at about 2,000 bytes, trailers.

All text is invented. Sentences are built from templates filled with invented
people, towns, organisations, numbers and word choices, so a line rarely occurs
on two pages: the reader memoises some per-line functions, and pages that
shared their lines would let those caches flatter a speed measurement.

Deterministic: page ``i`` of seed ``s`` depends only on ``(s, i)``, so
``generate(10, s) == generate(200, s)[:10]``.
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

# --- the five layouts (§2), update pages split by generation (§4) ------------------

MARKER_FIRST = "marker-first"
DATED_DASH = "dated-dash"
HEADLINE_FIRST = "headline-first"
UPDATE_OLD = "update-old"
UPDATE_NEW = "update-new"
DATED_NEWER = "dated-newer"
LAYOUTS = (MARKER_FIRST, DATED_DASH, HEADLINE_FIRST, UPDATE_OLD, UPDATE_NEW, DATED_NEWER)
UPDATE_LAYOUTS = (UPDATE_OLD, UPDATE_NEW)

# Layouts are dealt from a shuffled deck of 40 so that every 40 consecutive pages
# hold every layout, in about the shares of the guide (65 / 2 / 11 / 20 / 3 %).
DECK = {MARKER_FIRST: 25, DATED_DASH: 1, HEADLINE_FIRST: 5, UPDATE_OLD: 4, UPDATE_NEW: 4, DATED_NEWER: 1}
DECK_SIZE = sum(DECK.values())

CUT_SHARE = 0.25     # pages cut off by whatever saved them (§1)
CUT_AT = (1850, 2150)  # ... at about 2,000 bytes

# --- invented vocabulary ----------------------------------------------------------

FEMALE = (
    "Aisling Amara Anika Bethan Bronwen Carys Dervla Eilidh Esme Farah Freya Greta Harriet Hollie "
    "Imogen Isla Jasmin Keira Kezia Leona Lowri Maddie Marnie Mirela Nadia Nia Orla Petra Priya "
    "Rhian Rosa Saoirse Selma Tamsin Una Verity Wren Yasmin Zora Ffion Talia Della Morwenna"
).split()
MALE = (
    "Aled Anwar Bram Callum Cormac Dafydd Declan Emrys Euan Fergus Gethin Hamza Idris Jago Jory "
    "Kian Lachlan Lorcan Maddox Nico Niall Osian Piran Rafferty Rhodri Ronan Sami Silas Tobias "
    "Tomasz Ulric Vikram Wilf Yusuf Zack Ewan Ivo Alban Cadoc Teodor Bashir Ruairi"
).split()
SURNAME_HEAD = (
    "Ash Bram Cal Dun Elder Fen Gar Hal Ink Kel Lang Mar Nor Oak Pen Quill Rad Stan Thorn Vel Wex "
    "Yarn Brook Hart Whit Coll Dray Farn Gorm Hux Lidd Mott Pad Rook Sedg Tref Upp Wim"
).split()
SURNAME_TAIL = "by ford well ton ley wick worth more field stead ridge combe holt shaw wood cott den hurst low ing".split()
TOWN_HEAD = (
    "Ald Bar Brack Carn Crag Dal Ebber Fald Glen Hather Ivy Kirk Lang Mell Nether Ormes Pol Quar "
    "Ross Scar Strath Tarn Thrap Ulls Wark Wend Yel Bride Caster Dun Frome Gold Holm Lyd Marl Sand"
).split()
TOWN_TAIL = (
    "bridge bury by caster chester combe dale don field ford ham haven holme leigh minster mouth "
    "ness port stow thorpe ton well wich worth"
).split()
TOWN_PREFIX = ("", "", "", "", "", "", "Upper ", "Lower ", "Great ", "Little ", "North ", "East ")
STREET_KIND = ("Road", "Street", "Lane", "Avenue", "Way", "Hill", "Parade", "Terrace", "Row")
RIVER = "Ebble Wenn Aske Dorran Lusk Tamsey Orrin Calder Brede Sulla Yeo Tarrant".split()
MONTHS = "January February March April May June July August September October November December".split()
WEEKDAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
ORDINALS = "second third fourth fifth sixth".split()
REGIONS = ("Anglia", "Granada", "Calendar", "Meridian", "Central", "Border", "Tyne Tees", "Wales", "London", "West Country")
AGENCY = ("fire", "ambulance", "coastguard", "mountain rescue", "highways")
ORG_KIND = (
    "{town} Council", "{town} Borough Council", "the {town} Community Trust", "{surname} Housing Association",
    "the {town} Hospitals Trust", "{surname} Bus Company", "the {river} Valley Partnership",
    "{town} Chamber of Commerce", "the {town} Rivers Authority", "{surname} Academy Trust",
)
VENUE = (
    "the town hall", "the civic centre", "the leisure centre", "St {first}'s church hall", "the {surname} Arms",
    "the community centre", "the market hall", "{town} library", "the fire station", "the old drill hall",
)
ROLE = (
    "chief executive", "council leader", "head teacher", "ward councillor", "site manager",
    "campaign organiser", "chair of the residents' association", "director of operations",
    "deputy mayor", "regional manager", "managing director", "practice manager",
)
REPORTER_ROLE = (
    "Political Correspondent", "Health Editor", "Business Editor", "Our reporter", "Consumer Editor",
    "Social Affairs Correspondent", "Science Correspondent", "Transport Correspondent", "Education Correspondent",
)
CREDIT_SOURCE = (
    "PA", "ITV News", "ITV News {region}", "{town} Council", "{surname} Photography", "Family handout",
    "{first} {surname}", "{town} Fire and Rescue Service", "Police handout", "{surname} Images",
)
MARKERS = ("Photo", "Credit", "Picture", "Image")

# Each topic: what the story is about, its headlines and a few facts of its own.
TOPICS = [
    {
        "thing": ("the plan for {n_mid} new homes", "the housing scheme", "the development on {street}"),
        "headline": (
            "Plans for {n_mid} homes on edge of {town} approved",
            "{town} housing estate plan rejected after {n_big} objections",
            "Developer scales back {town} scheme to {n_mid} homes",
            "Residents fight plan to build {n_mid} homes on {town} playing fields",
        ),
        "facts": (
            "About a third of the homes would be sold at a discount to first-time buyers from {town}.",
            "The site, off {street}, has been used as grazing land for more than {n_small2} years.",
            "The developer has offered to pay {money} towards a new surgery and school places.",
        ),
        "incident": "flooding",
    },
    {
        "thing": ("the {town} bypass", "the new link road", "the road scheme"),
        "headline": (
            "{town} bypass delayed again as costs rise to {money}",
            "Work on {town} link road to start in {month}",
            "Drivers face {n_small} months of roadworks on {street}",
            "Bypass plan for {town} back on the table after {n_small2} years",
        ),
        "facts": (
            "Around {n_big} vehicles a day use {street}, many of them lorries heading for the port.",
            "The route would cross the River {river} on a new bridge north of {town2}.",
            "Traffic surveys found queues of up to {n_small2} minutes at the junction at peak times.",
        ),
        "incident": "crash",
    },
    {
        "thing": ("the closure of {n_tiny} libraries", "the library cuts", "the plan to close the branch libraries"),
        "headline": (
            "{town} to close {n_tiny} libraries to save {money_small}",
            "Library closures in {town} paused after legal challenge",
            "Volunteers offer to run {town} library threatened with closure",
        ),
        "facts": (
            "The library on {street} is open for {n_small2} hours a week and has {n_mid} regular borrowers.",
            "A mobile library would visit {town2} and the other affected villages once a fortnight.",
            "The council says visits to its libraries have fallen by {pct}% in ten years.",
        ),
        "incident": "fire",
    },
    {
        "thing": ("the new maternity unit", "the hospital's A&E department", "the stroke unit"),
        "headline": (
            "Maternity unit at {town} hospital to close overnight",
            "{town} hospital waiting times worst in the region",
            "New {money} cancer centre opens in {town}",
            "Patients moved as {town} hospital ward shuts for repairs",
        ),
        "facts": (
            "The unit delivers around {n_mid} babies a year, most of them to mothers from {town} and {town2}.",
            "The nearest alternative unit is in {town2}, about {n_small2} miles away.",
            "The trust has {n_mid} nursing vacancies and spends {money} a year on agency staff.",
        ),
        "incident": "power cut",
    },
    {
        "thing": ("the merger of the two primary schools", "the school's new building", "the plan to shut the sixth form"),
        "headline": (
            "Two {town} primary schools to merge in {month}",
            "Parents protest over plan to shut {town} sixth form",
            "Pupils return to {town} school after {n_small}-week closure",
            "Crumbling {town} school to be rebuilt at cost of {money}",
        ),
        "facts": (
            "The school has {n_mid} pupils on its roll, down from almost twice that a decade ago.",
            "Lessons have been taught in temporary classrooms on the playing field since {month}.",
            "An inspection in {year} rated the school good, with outstanding leadership.",
        ),
        "incident": "roof collapse",
    },
    {
        "thing": ("the flood defence scheme", "the new flood wall", "the pumping station"),
        "headline": (
            "Homes flooded in {town} as River {river} bursts its banks",
            "Flood wall for {town} will not be ready until {year_next}",
            "{n_mid} homes evacuated as water rises in {town}",
            "Flood-hit {town} traders begin clean-up for the {ordinal} time",
        ),
        "facts": (
            "The River {river} rose by almost {n_small} metres in {n_small2} hours after a month's rain fell in a day.",
            "Sandbags were handed out at the fire station on {street} throughout the night.",
            "The {money} scheme would protect around {n_mid} homes and {n_small2} businesses.",
        ),
        "incident": "flood",
    },
    {
        "thing": ("the cuts to bus routes", "the new timetable", "the rural bus service"),
        "headline": (
            "Bus routes between {town} and {town2} to be cut",
            "Villages near {town} left without a bus service",
            "Fares frozen as {town} buses return to council control",
        ),
        "facts": (
            "The number {n_route} service carries about {n_big} passengers a month.",
            "Buses between {town} and {town2} will run every two hours instead of hourly.",
            "Passenger numbers on the route have not recovered since {year}, the company says.",
        ),
        "incident": "breakdown",
    },
    {
        "thing": ("the {town} summer festival", "the carnival", "the food festival"),
        "headline": (
            "{town} festival cancelled for the first time in {n_small2} years",
            "Thousands flock to {town} for annual carnival",
            "Food festival returns to {town} after {n_tiny}-year break",
        ),
        "facts": (
            "The festival usually draws about {n_big} visitors to {town} over the weekend.",
            "Organisers said the cost of insurance and security had risen by {pct}% in two years.",
            "More than {n_mid} stalls had been booked for the event on {street}.",
        ),
        "incident": "storm",
    },
    {
        "thing": ("the closure of the {surname} factory", "the job cuts", "the sale of the plant"),
        "headline": (
            "{n_mid} jobs at risk as {surname} factory in {town} faces closure",
            "Buyer found for {town} plant, saving {n_mid} jobs",
            "Workers at {town} factory vote to strike over pay",
        ),
        "facts": (
            "The factory has made parts for the car industry in {town} since {year_old}.",
            "Most of the {n_mid} workers live within {n_small2} miles of the plant.",
            "The company blamed energy costs, which it said had risen by {pct}% in a year.",
        ),
        "incident": "gas leak",
    },
    {
        "thing": ("the release of beavers on the River {river}", "the nature reserve", "the rewilding project"),
        "headline": (
            "Beavers released on River {river} near {town}",
            "Rare birds return to {town} nature reserve",
            "Farmers object to rewilding scheme near {town}",
        ),
        "facts": (
            "The reserve covers {n_mid} acres of wetland between {town} and {town2}.",
            "Volunteers have planted more than {n_big} trees along the banks of the {river} since {year}.",
            "The project is paid for by a grant of {money_small} from a national wildlife fund.",
        ),
        "incident": "fire",
    },
]

# Narrative sentences: the narrator's voice, third person, no first person.
NARRATIVE = (
    "{Org} said {thing} would cost around {money} and take {n_small} months to finish.",
    "Residents in {town2} first raised concerns about {thing} in {year}, when a petition gathered {n_big} signatures.",
    "The work is due to start in {month} and is expected to last until the end of {year_next}.",
    "Figures published on {weekday} show that {pct}% of households in {town} were affected, up from {pct2}% a year earlier.",
    "Around {n_mid} people went to a public meeting at {venue} in {town} on {weekday} evening.",
    "{Person2} told the meeting that the plans had been changed {n_tiny} times since they were first put forward.",
    "A decision on {thing} is expected at a meeting of the {committee} committee in {month}.",
    "Police closed {street} for {n_small} hours while {agency} crews dealt with the {incident}.",
    "The current arrangement has been in place since {year}, when it replaced an older scheme run by {org2}.",
    "More than {n_big} people have now signed an online petition calling for {thing} to be reconsidered.",
    "{Org2} said it was aware of the problem and was working with partners to find a solution.",
    "Opposition councillors in {town} described {thing} as rushed and said the public had not been properly consulted.",
    "In {month} {year}, a similar scheme in {town2} was delayed by {n_small} months after costs rose by {money_small}.",
    "The report found that {n_small} of the {n_mid} sites inspected needed urgent repairs.",
    "A spokesperson for {org2} said the company would respond to the findings in full by {month}.",
    "Businesses on {street} said trade had fallen by as much as {pct}% since {month}.",
    "{Person2}, who has lived in {town} for {n_small2} years, said the area had changed beyond recognition.",
    "The {committee} committee voted by {n_small2} votes to {n_tiny} in favour of the proposal.",
    "Campaigners plan to hold a march through {town} on {weekday} {day} {month}.",
    "It is the {ordinal} time in {n_tiny2} years that {thing} has been put back.",
    "Under the plans, {n_mid} parking spaces would be removed from {street} and replaced with a cycle lane.",
    "The government said it had given {org} an extra {money} this year to help with rising costs.",
    "Staff at {venue} were told about the changes at a meeting on {weekday} morning.",
    "An investigation into the cause of the {incident} is under way, and a report is expected within {n_small} weeks.",
    "Nobody was hurt, but {n_small2} families spent the night at a rest centre set up at {venue}.",
    "The {incident} happened shortly after {hour} on {weekday}, when the area around {street} was busy with shoppers.",
    "{Org} has promised to publish a full breakdown of the costs before the end of {month}.",
    "The nearest alternative is in {town2}, a round trip of about {n_small2} miles by car.",
    "Last year {org2} spent {money_small} on repairs, more than double the figure for {year}.",
    "The scheme was first proposed by {person2} in {year}, but was shelved when money ran short.",
    "Drivers were advised to avoid {street} and the roads around {venue} until at least {hour}.",
    "Public Health {town} said the risk to people living nearby remained low.",
)
STANDFIRST = (
    "{Thing} has been approved despite {n_big} objections from people living in {town} and {town2}.",
    "People in {town} say {thing} will change the town for ever, for better or worse.",
    "{Org} says {thing} is the only way to balance its books by {year_next}.",
    "A {n_small2}-year wait for {thing} could soon be over, {org} has said.",
    "Hundreds of people in {town} could be affected by {thing}, figures seen by ITV News suggest.",
)
# The speaker's own words: first or second person, no speech verbs.
QUOTE = (
    "We know how much {thing} matters to families in {town}, and we have not taken this decision lightly.",
    "I have lived on {street} for {n_small2} years and I have never seen anything like this.",
    "Our priority is making sure none of the {n_mid} families in {town} is left without help over the coming weeks.",
    "We will keep listening to residents in {town2}, and we will publish every response we receive before {month}.",
    "It has been a really difficult few months for us, but the support from people in {town} has been incredible.",
    "I would urge anyone with concerns to come along to the drop-in session at {venue} on {weekday}.",
    "We simply cannot carry on as we are in {town}. The {money_small} is not there, and pretending otherwise helps nobody.",
    "My children go to school in {town}, and I want them to grow up somewhere that still has a {place_noun}.",
    "We were promised {thing} {n_tiny2} years ago, and we are still waiting for it.",
    "If we do not act now, the cost of putting {street} right in {year_next} will be far higher than {money}.",
    "Our {n_small2} staff at {venue} have worked incredibly hard since {month}, and I am proud of every one of them.",
    "You only have to walk down {street} to see what this has done to the town.",
    "I wrote to the minister about {thing} in {month} and I am still waiting for a reply.",
    "We have {n_small2} volunteers ready to help, and all we need now is a building in {town2}.",
)
LEAD_IN = (
    "{Speaker}, {role} at {org}, said:",
    "In a statement, {org} added:",
    "{Title} {surname_sp} told ITV News:",
    "Speaking outside {venue}, {speaker} said:",
    "{Speaker}, who organised the petition, said:",
    "{Pronoun} told the {committee} committee on {weekday}:",
    "{Pronoun} added on {weekday} {day} {month}:",
    "Speaking to ITV News {region} in {month}, {pronoun} said:",
)
NARRATOR_RETURNS = (
    "{Pronoun} said the {place_noun} in {town} had been open since {year_old} and was used by {n_mid} people a week.",
    "{Title} {surname_sp} said {thing} had been discussed at {n_tiny} meetings since {month}.",
    "{Org2} said it would consider the points raised at its next meeting in {month}.",
    "Council officers in {town} said a full report on {street} would go to the cabinet in {month}.",
)
SAID_QUOTE = (
    "“It is the best news {town} has had all year,” {pronoun} said.",
    "“Nobody in {town} was asked what they wanted,” {pronoun} said.",
    "“We will be back here on {street} every {weekday} until somebody listens,” {pronoun} said.",
    "\"There were {n_small2} of us in the house when the water came in,\" {pronoun} said.",
    "“It feels like {town} has been forgotten,” {pronoun} said.",
)
SCENE = (
    "Campaigners gather outside {venue} in {town}",
    "Flood water on {street} in {town} on {weekday}",
    "{Person2} pictured at {venue}",
    "An aerial view of the site near {town}",
    "Volunteers at work at {venue} in {town}",
    "{Person2} (left) with {person3} at the opening",
    "The entrance to {venue} in {town}, seen in {year}",
    "Crowds line {street} in {town}",
    "Firefighters at the scene on {street}",
    "Protesters march through {town} town centre on {weekday}",
)
HEADING = (
    "What happens next in {town}", "Why {thing} matters", "The cost to {town}", "What {town} residents think",
    "How the {place_noun} in {town2} will change", "A {n_small2}-year wait", "{Org2} responds", "The view from {street}",
    "Fact file: {town}",
)
LIST_LEAD = (
    "The proposals for {town2} include:", "Among the changes planned for {street} are:",
    "The main points of the {committee} report published in {month} are:",
    "{Org} is calling for:", "Residents of {town2} have been offered:",
)
LIST_ITEM = (
    "a new {place_noun} on {street}", "{n_mid} extra parking spaces near {venue}",
    "longer opening hours at {venue} in {town2}", "a {money_small} fund for businesses on {street}",
    "free buses between {town} and {town2} on {weekday}s", "advice to keep windows and doors shut until {hour} on {weekday}",
    "a review of {thing} by {month} {year_next}", "{n_small2} more staff at the {place_noun} in {town2}",
    "a drop-in advice session at {venue} on {weekday} {day} {month}", "a ban on lorries on {street} after {hour}",
    "new crossings outside {town2} primary school",
)
NUMBERED_LEAD = (
    "The priorities set out in the {committee} report on {town2} are:",
    "The options being considered by {org2} are:",
)
FLAT_ITEM = ("{Town} - {n_mid} jobs", "{Town} - closing in {month}", "{Town} - {n_small2} staff", "{Town} - {n_mid} homes")
FLAT_LEAD = ("The {n_tiny2} sites affected in the {region} region are:", "The figures for each town in {month} {year} are:")
BULLET_TITLE = ("Road closures in {town}", "Parking near {venue}", "Buses from {town2}", "Tickets and prices for {month}", "Help for {town} residents")
PLACEHOLDER = (
    "Sorry, this content is not available on your device.",
    "This video is not available on your device.",
    "This content is not currently available in your browser.",
    "Sorry, this post is not supported on this platform.",
)
WARNING = (
    "Warning: this report contains images some viewers may find distressing.",
    "Viewers may find some of the images from {town} in the report below upsetting.",
    "This video contains flashing images from the {incident} in {town}.",
)
PROMO = (
    "Watch the full report on ITV News {region} at 6pm tonight.",
    "Listen to the {show} podcast wherever you get your podcasts.",
    "Catch up on the {town} debate on ITVX.",
)
RELATED = ("{Town}: What {thing_short} means for you", "{Place_noun} closures: Full list for {town}", "{Town} floods: How to claim")
TEASER = (
    "{Town} man jailed for {n_small2} years after {incident}",
    "Council tax in {town} to rise by {pct}%",
    "{Person2} named new head of {org2}",
    "Can {town} still save its {place_noun}?",
    "{n_mid} jobs to go at {town} call centre",
)
UPDATE_TITLE = (
    "{Topic}: Live updates from {town} and {town2}",
    "{Topic} latest: What we know so far",
    "Live: {Topic} across the {region} region",
)
UPDATE_TOPIC = ("Storm {first}", "{Town} floods", "Strike day", "Election count", "{Town} by-election", "Heatwave")
SECTION_WORDS = ("Insight", "Analysis", "Explainer")
PLACE_NOUN = ("library", "post office", "bank branch", "swimming pool", "youth club", "bus station", "health centre", "bandstand")
COMMITTEE = ("planning", "scrutiny", "cabinet", "licensing", "finance", "transport")
SHOW = ("Coast to Coast", "Ward Round", "Westminster Week", "Our Town", "Back Lanes", "Tales from the Dales")
INCIDENTS = ("fire", "flood", "crash", "gas leak", "power cut", "storm")

# Near repeats swap a word for one of these.
SWAPS = {
    "said": "says", "would": "will", "more": "over", "around": "about", "town": "area", "people": "residents",
    "new": "planned", "the": "a", "had": "has", "first": "earliest", "about": "around",
}


class Slots(dict):
    """Values for one template; a missing key is drawn fresh (and kept for the template)."""

    __slots__ = ("rng", "ctx")

    def __init__(self, rng, ctx):
        super().__init__(ctx.fixed)
        self.rng = rng
        self.ctx = ctx

    def __missing__(self, key):
        if key[0].isupper():
            lower = key[0].lower() + key[1:]
            value = self[lower]
            value = value[:1].upper() + value[1:]
        else:
            value = FILL[key](self.rng, self.ctx)
        self[key] = value
        return value


def _int(low, high):
    return lambda rng, ctx: str(rng.randint(low, high))


def _big(rng, ctx):
    return f"{rng.randint(1, 60)},{rng.randint(0, 999):03d}"


def _money(rng, ctx):
    whole = rng.randint(1, 480)
    return f"£{whole}.{rng.randint(1, 9)} million" if rng.random() < 0.4 else f"£{whole} million"


def _money_small(rng, ctx):
    return f"£{rng.randint(12, 990)},000"


def _town(rng, ctx=None):
    return rng.choice(TOWN_PREFIX) + rng.choice(TOWN_HEAD) + rng.choice(TOWN_TAIL)


def _surname(rng, ctx=None):
    return rng.choice(SURNAME_HEAD) + rng.choice(SURNAME_TAIL)


def _person(rng, ctx=None):
    first = rng.choice(FEMALE) if rng.random() < 0.5 else rng.choice(MALE)
    return f"{first} {_surname(rng)}"


def _street(rng, ctx=None):
    return f"{rng.choice(SURNAME_HEAD)}{rng.choice(SURNAME_TAIL)} {rng.choice(STREET_KIND)}"


def _org(rng, ctx):
    return _fill(rng, ctx, rng.choice(ORG_KIND))


def _venue(rng, ctx):
    return _fill(rng, ctx, rng.choice(VENUE))


def _year(rng, ctx):
    return str(rng.randint(2003, 2021))


FILL = {
    "n_tiny": _int(2, 5), "n_tiny2": _int(2, 9), "n_small": _int(2, 18), "n_small2": _int(11, 70),
    "n_mid": _int(120, 980), "n_big": _big, "n_route": _int(3, 99), "pct": _int(11, 64), "pct2": _int(3, 10),
    "money": _money, "money_small": _money_small, "town": lambda rng, ctx: ctx.town, "town2": _town, "town3": _town,
    "street": _street, "person2": _person, "person3": _person, "surname": _surname, "first": lambda rng, ctx: rng.choice(FEMALE + MALE),
    "org": lambda rng, ctx: ctx.org, "org2": _org, "venue": _venue, "year": _year,
    "year_old": _int(1921, 1989), "year_next": _int(2025, 2031), "month": lambda rng, ctx: rng.choice(MONTHS),
    "weekday": lambda rng, ctx: rng.choice(WEEKDAYS), "day": _int(1, 28), "ordinal": lambda rng, ctx: rng.choice(ORDINALS),
    "hour": lambda rng, ctx: f"{rng.randint(1, 11)}{rng.choice(('am', 'pm', '.30am', '.15pm', '.45pm'))}",
    "committee": lambda rng, ctx: rng.choice(COMMITTEE), "agency": lambda rng, ctx: rng.choice(AGENCY),
    "incident": lambda rng, ctx: ctx.incident, "river": lambda rng, ctx: ctx.river,
    "thing": lambda rng, ctx: ctx.thing, "thing_short": lambda rng, ctx: ctx.thing_short,
    "place_noun": lambda rng, ctx: rng.choice(PLACE_NOUN), "region": lambda rng, ctx: rng.choice(REGIONS),
    "show": lambda rng, ctx: rng.choice(SHOW), "speaker": lambda rng, ctx: ctx.speaker,
    "surname_sp": lambda rng, ctx: ctx.speaker.split()[-1], "pronoun": lambda rng, ctx: ctx.pronoun,
    "title": lambda rng, ctx: ctx.title, "role": lambda rng, ctx: rng.choice(ROLE),
    "topic": lambda rng, ctx: _fill(rng, ctx, rng.choice(UPDATE_TOPIC)),
}


def _fill(rng, ctx, template):
    return template.format_map(Slots(rng, ctx))


class Context:
    """What stays the same across one page (or one long run of paragraphs)."""

    def __init__(self, rng):
        topic = rng.choice(TOPICS)
        self.topic = topic
        self.fixed = {}
        self.town = _town(rng)
        self.river = rng.choice(RIVER)
        self.incident = rng.choice((topic["incident"],) + INCIDENTS)
        self.org = _fill(rng, self, rng.choice(ORG_KIND))
        self.thing = _fill(rng, self, rng.choice(topic["thing"]))
        self.thing_short = self.thing.split(" the ")[-1].replace("the ", "")
        self.new_speaker(rng)
        self.narrative: list[str] = []   # plain narrative paragraphs so far, for repeats
        self.patterns: set[str] = set()

    def new_speaker(self, rng):
        female = rng.random() < 0.5
        self.speaker = f"{rng.choice(FEMALE if female else MALE)} {_surname(rng)}"
        self.pronoun = "she" if female else "he"
        self.title = rng.choice(("Mrs", "Ms", "Dr", "Cllr")) if female else rng.choice(("Mr", "Dr", "Cllr"))


# --- body sections ----------------------------------------------------------------
# A section returns lines as (separator, text); separator None = the page's usual one,
# "\n" = touching the line before, "\n\n\n" = an extra blank line.


def _sentences(rng, ctx, count):
    pool = NARRATIVE + ctx.topic["facts"]
    return " ".join(_fill(rng, ctx, template) for template in rng.sample(pool, count))


def narrative(rng, ctx):
    text = _sentences(rng, ctx, rng.choice((1, 1, 2, 2, 2, 3)))
    ctx.narrative.append(text)
    return [(None, text)]


def said_quote(rng, ctx):
    ctx.patterns.add("narrative-quotation-marks")
    ctx.new_speaker(rng)
    return [(None, _fill(rng, ctx, rng.choice(SAID_QUOTE)))]


def quote(rng, ctx):
    ctx.new_speaker(rng)
    lines = [(None, _fill(rng, ctx, rng.choice(LEAD_IN)))]
    for _ in range(rng.choice((1, 1, 2, 2, 3))):
        sentences = rng.sample(QUOTE, rng.choice((1, 2)))
        lines.append((None, " ".join(_fill(rng, ctx, s) for s in sentences)))
    if rng.random() < 0.5:
        role = _fill(rng, ctx, rng.choice(("{role}", "{Org}", "{role}, {org2}", "{role} at {org}")))
        lines.append((rng.choice((None, None, "\n")), f"– {ctx.speaker}, {role}"))
        ctx.patterns.add("quote-attributed")
    else:
        ctx.patterns.add("quote-unattributed")
    if rng.random() < 0.6:
        lines.append((None, _fill(rng, ctx, rng.choice(NARRATOR_RETURNS))))
    return lines


def media_note(rng, ctx):
    kind = rng.randrange(8)
    who = _person(rng)
    role = rng.choice(REPORTER_ROLE)
    if kind == 0:
        text = f"{role} {who} reports:"
    elif kind == 1:
        text = f"{who} has sent this report:"
    elif kind == 2:
        text = f"{who} has the full report:"
    elif kind == 3:
        text = f"{role} {who} reports from {_town(rng)}:"
    elif kind == 4:
        text = f"Video report by {who}"
    elif kind == 5:
        text = "VIDEO: " + _fill(rng, ctx, rng.choice(SCENE)).rstrip(".")
    elif kind == 6:
        text = _fill(rng, ctx, rng.choice(WARNING))
        ctx.patterns.add("media-warning")
    else:
        lead = _fill(rng, ctx, rng.choice(STANDFIRST)).rstrip(".")
        text = f"{lead}, {role} {who} reports"
        ctx.patterns.add("media-standfirst")
    ctx.patterns.add("media-note")
    return [(None, text)]


def _credit(rng, ctx):
    source = _fill(rng, ctx, rng.choice(CREDIT_SOURCE))
    return source + "." if rng.random() < 0.15 else source


def caption(rng, ctx):
    scene = _fill(rng, ctx, rng.choice(SCENE))
    roll = rng.random()
    if roll < 0.1:
        ctx.patterns.add("caption-empty-credit")
        return [(None, f"{scene} {rng.choice(MARKERS)}:")]
    if roll < 0.2:
        ctx.patterns.add("credit-only-line")
        return [(None, scene), (rng.choice((None, "\n")), f"Credit: {_credit(rng, ctx)}")]
    if roll < 0.3:
        ctx.patterns.add("caption-twice")
        first, second = rng.sample(MARKERS, 2)
        credit = _credit(rng, ctx)
        return [(None, f"{scene} {first}: {credit}"), (None, f"{scene} {second}: {credit}")]
    if roll < 0.4:
        ctx.patterns.add("caption-no-credit")
        return [(None, scene)]
    marker = rng.choice(MARKERS)
    ctx.patterns.add(f"caption-{marker.lower()}")
    return [(None, f"{scene} {marker}: {_credit(rng, ctx)}")]


def gallery(rng, ctx):
    ctx.patterns.add("gallery")
    lines = []
    for _ in range(rng.randint(2, 4)):
        marker = rng.choice(MARKERS)
        ctx.patterns.add(f"caption-{marker.lower()}")
        lines.append((None, f"{_fill(rng, ctx, rng.choice(SCENE))} {marker}: {_credit(rng, ctx)}"))
    return lines


def bullets(rng, ctx):
    ctx.patterns.add("list-bullets")
    touch = rng.random() < 0.5
    lines = [(None, _fill(rng, ctx, rng.choice(LIST_LEAD)))]
    for item in rng.sample(LIST_ITEM, rng.randint(2, 5)):
        lines.append(("\n" if touch else None, "  • " + _fill(rng, ctx, item)))
    if touch:
        lines.append(("\n", _sentences(rng, ctx, 1)))
    return lines


def numbered(rng, ctx):
    ctx.patterns.add("list-numbered")
    lines = [(None, _fill(rng, ctx, rng.choice(NUMBERED_LEAD)))]
    sep = rng.choice((None, "\n"))
    for number, item in enumerate(rng.sample(LIST_ITEM, rng.randint(2, 5)), 1):
        text = _fill(rng, ctx, item)
        lines.append((sep, f"  {number}. {text[0].upper()}{text[1:]}"))
    return lines


def flattened(rng, ctx):
    ctx.patterns.add("list-flattened")
    items = [_fill(rng, ctx, rng.choice(FLAT_ITEM).replace("{Town}", "{Town2}")) for _ in range(rng.randint(3, 6))]
    return [(None, _fill(rng, ctx, rng.choice(FLAT_LEAD))), (None, ".".join(items) + ".")]


def bullet_headings(rng, ctx):
    ctx.patterns.add("bullet-headings")
    lines = []
    for title in rng.sample(BULLET_TITLE, rng.randint(2, 3)):
        lines.append((None, "  • " + _fill(rng, ctx, title)))
        lines.append(("\n", _sentences(rng, ctx, rng.choice((1, 2)))))
    return lines


def subheading(rng, ctx):
    ctx.patterns.add("subheading")
    sep = "\n\n\n" if rng.random() < 0.2 else None
    if sep:
        ctx.patterns.add("triple-newline")
    if rng.random() < 0.08:
        ctx.patterns.add("day-headings")
        lines = []
        start = rng.randrange(5)
        for day in WEEKDAYS[start:start + rng.randint(2, 3)]:
            lines.append((None, day))
            lines.append((None, _sentences(rng, ctx, 1)))
        return lines
    if rng.random() < 0.15:
        ctx.patterns.add("name-heading")
        ctx.new_speaker(rng)
        return [(sep, ctx.speaker), (None, " ".join(_fill(rng, ctx, s) for s in rng.sample(QUOTE, 2)))]
    return [(sep, _fill(rng, ctx, rng.choice(HEADING))), (None, _sentences(rng, ctx, 2))]


def repeat(rng, ctx):
    """An earlier paragraph again: exactly, with a word or two changed, or as the start of a longer one."""
    if not ctx.narrative:
        return narrative(rng, ctx)
    earlier = rng.choice(ctx.narrative)
    kind = rng.random()
    if kind < 0.34:
        ctx.patterns.add("repeat-exact")
        return [(None, earlier)]
    if kind < 0.67 and len(earlier.split()) >= 10:
        ctx.patterns.add("repeat-near")
        words = earlier.split()
        for _ in range(rng.choice((1, 2))):
            at = rng.randrange(1, len(words) - 1)
            words[at] = SWAPS.get(words[at], "several" if words[at] != "several" else "many")
        return [(None, " ".join(words))]
    ctx.patterns.add("repeat-leading")
    label = "VIDEO: " if rng.random() < 0.3 else ""
    return [(None, f"{label}{earlier} {_sentences(rng, ctx, 1)}")]


def chrome_mid(rng, ctx):
    roll = rng.random()
    if roll < 0.3:
        ctx.patterns.add("chrome-advertisement")
        return [(None, "Advertisement")]
    if roll < 0.55:
        ctx.patterns.add("chrome-play-video")
        return [(None, rng.choice(("Play video", "Play Brightcove video")))]
    if roll < 0.7:
        ctx.patterns.add("chrome-slug-play-video")
        slug = f"{ctx.town.lower().replace(' ', '_')}_{rng.choice(('floods', 'meeting', 'vox', 'pkg'))}_{rng.randint(100, 9999)}"
        return [(None, f"{slug}Play video")]
    ctx.patterns.add("chrome-placeholder")
    return [(None, rng.choice(PLACEHOLDER))]


SECTIONS = (
    (narrative, 40), (said_quote, 5), (quote, 10), (media_note, 5), (caption, 7), (gallery, 1.5),
    (bullets, 3), (numbered, 1.5), (flattened, 1.5), (bullet_headings, 1), (subheading, 5),
    (repeat, 5), (chrome_mid, 3),
)
_SECTION_FUNCS = tuple(f for f, _ in SECTIONS)
_SECTION_WEIGHTS = tuple(w for _, w in SECTIONS)


def _body(rng, ctx, target_bytes):
    """Sections until the body is about ``target_bytes`` long; starts with narrative."""
    lines = narrative(rng, ctx) + narrative(rng, ctx)
    size = sum(len(text) + 2 for _, text in lines)
    while size < target_bytes:
        section = rng.choices(_SECTION_FUNCS, _SECTION_WEIGHTS)[0]
        new = section(rng, ctx)
        lines.extend(new)
        size += sum(len(text) + 2 for _, text in new)
    return lines


# --- pages ------------------------------------------------------------------------


class Page:
    """One generated page and what the generator chose for it."""

    __slots__ = ("data", "layout", "headline", "parent", "cut", "patterns")

    def __init__(self, data, layout, headline, parent, cut, patterns):
        self.data = data            # bytes, UTF-8
        self.layout = layout        # one of LAYOUTS
        self.headline = headline    # the article's headline (an update page: the item's own title)
        self.parent = parent        # update pages: the parent live story's title, else None
        self.cut = cut              # cut off at about 2,000 bytes
        self.patterns = patterns    # frozenset of pattern names used

    def __repr__(self):
        return f"Page({self.layout}, {self.headline!r}, {len(self.data)} bytes{', cut' if self.cut else ''})"


def _headline(rng, ctx):
    return _fill(rng, ctx, rng.choice(ctx.topic["headline"]))


def _date(rng):
    return f"{rng.randint(2012, 2024)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"


def _label(rng):
    roll = rng.random()
    if roll < 0.6:
        return "ITV Report"
    if roll < 0.85:
        return rng.choice(REGIONS)
    return _person(rng)


def _ending(rng, ctx, trailer_share=0.3):
    """What follows the article: a trailer and teasers, a promo line or a related link (or nothing)."""
    roll = rng.random()
    if roll < trailer_share:
        ctx.patterns.add("trailer")
        lines = [(None, rng.choice(("More on this story", "More top news")))]
        lines += [(None, _fill(rng, ctx, rng.choice(TEASER).replace("{Town}", "{Town2}"))) for _ in range(rng.randint(1, 3))]
        return lines
    if roll < trailer_share + 0.1:
        ctx.patterns.add("promo")
        return [(None, _fill(rng, ctx, rng.choice(PROMO)))]
    if roll < trailer_share + 0.2:
        ctx.patterns.add("related-link")
        return [(None, _fill(rng, ctx, rng.choice(RELATED).replace("{Town}", "{Town2}")))]
    return []


def _byline(rng, ctx):
    ctx.patterns.add("byline")
    return (None, f"By {_person(rng)}: {rng.choice(REPORTER_ROLE).replace('Our reporter', 'Reporter')}")


def _lead_image(rng, ctx):
    if rng.random() < 0.5:
        ctx.patterns.add("lead-image")
        return caption(rng, ctx)
    return []


def marker_first(rng, ctx, target):
    head = []
    if rng.random() < 0.35:
        head += [(None, "Advertisement"), (None, f"  1. {_label(rng)}")]
        ctx.patterns.add("indented-label")
    else:
        head.append((None, f"1. {_label(rng)}"))
    if rng.random() < 0.05:
        head.append((None, rng.choice(SECTION_WORDS)))
        ctx.patterns.add("section-word")
    headline = _headline(rng, ctx)
    head.append((None, headline))
    if rng.random() < 0.1:
        head.append(_byline(rng, ctx))
    head += _lead_image(rng, ctx)
    return head, _body(rng, ctx, target), _ending(rng, ctx), headline, None, "\n\n"


def dated_dash(rng, ctx, target):
    advert = " Advertisement" if rng.random() < 0.2 else ""
    headline = _headline(rng, ctx)
    head = [(None, f" date {_date(rng)} - ITV Report{advert}"), (None, "-"), (None, headline)]
    if rng.random() < 0.2:
        head.append(_byline(rng, ctx))
    return head, _body(rng, ctx, target), _ending(rng, ctx, 0.1), headline, None, "\n"


def headline_first(rng, ctx, target):
    headline = _headline(rng, ctx)
    head = [(None, headline)]
    roll = rng.random()
    if roll < 0.3:
        head.append((None, f"Video report by {_person(rng)}"))
        ctx.patterns.add("media-note")
    elif roll < 0.6:
        lead = _fill(rng, ctx, rng.choice(STANDFIRST)).rstrip(".")
        head.append((None, f"{lead}, {rng.choice(REPORTER_ROLE)} {_person(rng)} reports"))
        ctx.patterns.add("media-standfirst")
    else:
        standfirst = _fill(rng, ctx, rng.choice(STANDFIRST))
        head.append((None, standfirst))
        if rng.random() < 0.3:
            head.append((None, standfirst))  # the standfirst printed twice
            ctx.patterns.add("repeat-exact")
    sep = "\n" if rng.random() < 0.8 else "\n\n"
    return head, _body(rng, ctx, target), _ending(rng, ctx, 0.05), headline, None, sep


def update_old(rng, ctx, target):
    headline = _headline(rng, ctx)
    head = [(None, headline)] + _lead_image(rng, ctx)
    parent = _fill(rng, ctx, rng.choice(UPDATE_TITLE))
    extra_blank = rng.random() < 0.8  # usually after an extra blank line (a triple newline)
    tail = [("\n\n\n" if extra_blank else None, parent)]
    for _ in range(rng.choice((1, 1, 2))):
        tail.append(("\n", _fill(rng, ctx, rng.choice(STANDFIRST))))
    if extra_blank and rng.random() < 0.3:
        ctx.patterns.add("other-update-summaries")
        for _ in range(rng.randint(1, 3)):
            tail.append((None, _fill(rng, ctx, rng.choice(TEASER).replace("{Town}", "{Town2}"))))
    return head, _body(rng, ctx, target), tail, headline, parent, "\n\n"


def update_new(rng, ctx, target):
    head = []
    roll = rng.random()
    if roll < 0.4:
        head.append((None, "Advertisement"))
    elif roll < 0.55:
        head.append((None, f" date {_date(rng)} Advertisement"))
    label = rng.choice(("National", rng.choice(REGIONS), _person(rng)))
    head.append((None, f"  1. {label}" if head else f"1. {label}"))
    parent = _fill(rng, ctx, rng.choice(UPDATE_TITLE))
    head.append((None, parent))
    if rng.random() < 0.3:
        ctx.patterns.add("parent-bullets")
        for item in rng.sample(LIST_ITEM, 3):
            text = _fill(rng, ctx, item)
            head.append(("\n", f"  • {text[0].upper()}{text[1:]}"))
        head.append(("\n", f"View all {rng.randint(3, 120)} updates ›"))
    else:
        head.append((None, _fill(rng, ctx, rng.choice(STANDFIRST))))
        head.append((None, f"View all {rng.randint(3, 120)} updates ›"))
    headline = _headline(rng, ctx)
    head.append((None, headline))
    head += _lead_image(rng, ctx)
    tail = []
    roll = rng.random()
    if roll < 0.3:
        ctx.patterns.add("read-more-widget")
        tail += [(None, "  1. Read more"), (None, f"  2. {rng.randint(3, 120)} updates"), (None, parent)]
        tail += _ending(rng, ctx, 1.0)
    elif roll < 0.45:
        tail += [(None, parent)] + _ending(rng, ctx, 1.0)
    elif roll < 0.6:
        ctx.patterns.add("other-update-summaries")
        tail += [(None, _fill(rng, ctx, rng.choice(TEASER).replace("{Town}", "{Town2}"))) for _ in range(rng.randint(2, 3))]
    else:
        tail += _ending(rng, ctx, 0.5)
    return head, _body(rng, ctx, target), tail, headline, parent, "\n\n"


def dated_newer(rng, ctx, target):
    suffix = rng.choice(("Play Brightcove video", "Play video", "Advertisement"))
    headline = _headline(rng, ctx)
    head = [(None, f" date {_date(rng)} {suffix}"), (None, headline)]
    if rng.random() < 0.15:
        head.append(_byline(rng, ctx))
    sep = "\n" if rng.random() < 0.4 else "\n\n"
    return head, _body(rng, ctx, target), _ending(rng, ctx), headline, None, sep


BUILDERS = {
    MARKER_FIRST: marker_first, DATED_DASH: dated_dash, HEADLINE_FIRST: headline_first,
    UPDATE_OLD: update_old, UPDATE_NEW: update_new, DATED_NEWER: dated_newer,
}


def _render(lines, sep):
    out = []
    for number, (own, text) in enumerate(lines):
        if number:
            out.append(own or sep)
        out.append(text)
    return "".join(out)


def _layout_for(seed, index):
    deck_number, position = divmod(index, DECK_SIZE)
    deck = [layout for layout in LAYOUTS for _ in range(DECK[layout])]
    random.Random(f"itvreport-pagegen-deck:{seed}:{deck_number}").shuffle(deck)
    return deck[position]


def make_page(seed: int, index: int) -> Page:
    """Page ``index`` of seed ``seed``."""
    rng = random.Random(f"itvreport-pagegen:{seed}:{index}")
    layout = _layout_for(seed, index)
    ctx = Context(rng)
    cut = rng.random() < CUT_SHARE
    target = rng.triangular(2400, 4600, 3000) if cut else rng.triangular(1100, 4400, 2000)
    head, body, tail, headline, parent, sep = BUILDERS[layout](rng, ctx, target)
    text = _render(head + body + tail, sep)
    if cut:
        # Cut at about 2,000 bytes, but never before the first body line is complete.
        floor = len(_render(head + body[:1], sep).encode("utf-8")) + 40
        at = max(rng.randint(*CUT_AT), floor)
        data = text.encode("utf-8")[:at].decode("utf-8", "ignore").encode("utf-8")
        ctx.patterns.add("cut-off")
    else:
        if rng.random() < 0.1:
            text += "\n"
            ctx.patterns.add("trailing-newline")
        data = text.encode("utf-8")
    return Page(data, layout, headline, parent, cut, frozenset(ctx.patterns))


def generate_pages(n: int, seed: int = 0) -> list[Page]:
    return [make_page(seed, index) for index in range(n)]


def generate(n: int, seed: int = 0) -> list[bytes]:
    """``n`` invented saved pages (UTF-8 bytes), deterministic for ``seed``."""
    return [page.data for page in generate_pages(n, seed)]


# --- one very long page, for the scaling measurements ---------------------------------

_LONG_SECTIONS = tuple(f for f in _SECTION_FUNCS if f is not chrome_mid and f is not repeat)
_LONG_WEIGHTS = tuple(w for f, w in SECTIONS if f is not chrome_mid and f is not repeat)
_NEW_TOPIC_EVERY = 200  # paragraphs; a long page wanders over several stories


def paragraphs(n: int, seed: int = 0, repeats: float = 0.0) -> list[str]:
    """``n`` body lines (paragraphs, quotes, captions, lists, headings) for one long page.

    With ``repeats`` > 0, that share of the lines repeat earlier ones: a third
    exactly, a third with a word or two changed, a third as the opening of a
    longer paragraph. Half of them repeat one of a few "hot" paragraphs (so the
    same text recurs hundreds of times), half any earlier paragraph, however far back.
    """
    rng = random.Random(f"itvreport-pagegen-long:{seed}:{repeats}")
    ctx = Context(rng)
    out: list[str] = []
    hot: list[str] = []
    sections, weights = _LONG_SECTIONS, _LONG_WEIGHTS
    while len(out) < n:
        if len(out) % _NEW_TOPIC_EVERY < 8 and len(out) > 8:
            narrative_so_far = ctx.narrative
            ctx = Context(rng)
            ctx.narrative = narrative_so_far
        if repeats and ctx.narrative and rng.random() < repeats:
            if len(hot) < 12:
                hot.append(rng.choice(ctx.narrative))
            source = rng.choice(hot) if rng.random() < 0.5 else rng.choice(ctx.narrative)
            out.append(_repeat_of(rng, ctx, source))
            continue
        for _, text in rng.choices(sections, weights)[0](rng, ctx):
            out.append(text)
    return out[:n]


def _repeat_of(rng, ctx, earlier):
    kind = rng.random()
    if kind < 0.34:
        return earlier
    words = earlier.split()
    if kind < 0.67 and len(words) >= 10:
        for _ in range(rng.choice((1, 2))):
            at = rng.randrange(1, len(words) - 1)
            words[at] = SWAPS.get(words[at], "several" if words[at] != "several" else "many")
        return " ".join(words)
    return f"{earlier} {_sentences(rng, ctx, 1)}"


def page_from(lines: list[str], headline: str = "Invented long page for the scaling measurements") -> bytes:
    """A marker-first page: label, headline, then ``lines`` separated by blank lines."""
    return ("1. ITV Report\n\n" + headline + "\n\n" + "\n\n".join(lines)).encode("utf-8")


def big_page(n: int, seed: int = 0, repeats: float = 0.0) -> bytes:
    return page_from(paragraphs(n, seed, repeats))


def page_of_size(size: int, seed: int = 0, repeats: float = 0.0) -> bytes:
    """A long page of about ``size`` bytes (at least ``size``)."""
    guess = max(10, size // 150)
    while True:
        data = big_page(guess, seed, repeats)
        if len(data) >= size:
            return data
        guess = int(guess * size / len(data) * 1.05) + 10


def distinct_words_page(size: int, seed: int = 0) -> bytes:
    """A long page of about ``size`` bytes whose words hardly ever repeat
    (invented codes, as in a long table): the worst case for the memory of the
    repeat index, which shares repeated words through a vocabulary."""
    rng = random.Random(seed)
    letters = "abcdefghijklmnopqrstuvwxyz"
    lines, total = [], 0
    while total < size:
        words = ["".join(rng.choice(letters) for _ in range(rng.randint(3, 9))) for _ in range(rng.randint(12, 30))]
        line = " ".join(words).capitalize() + "."
        lines.append(line)
        total += len(line) + 2
    return page_from(lines, "Invented long page of distinct words")


# --- command line -----------------------------------------------------------------


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="Write N invented ITV-News-shaped pages to DIR.")
    parser.add_argument("n", type=int, help="how many pages")
    parser.add_argument("directory", type=Path, help="where to write them (created if missing)")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    args.directory.mkdir(parents=True, exist_ok=True)
    width = len(str(max(args.n - 1, 1)))
    total = 0
    for index, page in enumerate(generate_pages(args.n, args.seed)):
        name = f"page-{index:0{width}d}-{page.layout}{'-cut' if page.cut else ''}.txt"
        (args.directory / name).write_bytes(page.data)
        total += len(page.data)
    print(f"wrote {args.n} pages ({total / 1e6:.2f} MB) to {args.directory}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
