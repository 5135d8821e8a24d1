"""Issue 40: what each figure measures, construction by construction (made-up sentences)."""
from __future__ import annotations

import pytest

from .test_subjects import subject_of

CHANGE_TO_FROM = [  # 1. change verbs with "to", "from", "by": every figure is of the same subject
    ("The central bank cut its key rate to 14.25 percent from 14.75 percent.", "14.25 percent", "its key rate"),
    ("The central bank cut its key rate to 14.25 percent from 14.75 percent.", "14.75 percent", "its key rate"),
    ("Inflation eased to 8.4 percent in March from 8.9 percent in February.", "8.9 percent", "Inflation"),
    ("The som depreciated by 3 percent against the dollar.", "3 percent", "The som"),
    ("Public debt rose by $1.2 billion to $30 billion.", "$1.2 billion", "Public debt"),
    ("Foreign reserves increased by $500 million to $36 billion.", "$500 million", "Foreign reserves"),
    ("Wheat exports to Iran were down 12 percent from a year earlier.", "12 percent", "Wheat exports to Iran"),
    ("Grain shipments to China surged to $2 billion.", "$2 billion", "Grain shipments to China"),
]

SHARES_VOTES_SEATS = [  # 2. shares, votes and seats
    ("The ruling party took 62 percent of the vote.", "62 percent", "the vote"),
    ("Respublika won 14 seats in the new parliament.", "14 seats", "Respublika"),
    ("The opposition bloc came second with 12 seats.", "12 seats", "The opposition bloc"),
    ("Ak Zhol came first with 30 seats, followed by Auyl (12).", "12", "Auyl"),
    ("Turnout was 64 percent.", "64 percent", "Turnout"),
    ("In the online poll, 7,803 voted.", "7,803", "voted"),
    ("The party's share fell to 5 percent.", "5 percent", "The party's share"),
]

COPULAS = [  # 3. predicate nominals and copulas; "of GDP" is a base
    ("GDP was 120 trillion tenge last year.", "120 trillion tenge", "GDP"),
    ("Real GDP growth is projected at 5.3 percent.", "5.3 percent", "Real GDP growth"),
    ("The deficit stood at 2.8 percent of GDP.", "2.8 percent", "The deficit"),
    ("Unemployment remained at 4.8 percent.", "4.8 percent", "Unemployment"),
    ("The budget gap is expected at 3 percent.", "3 percent", "The budget gap"),
    ("Of the 40 defendants, 18 are doctors.", "18", "doctors"),
    ("Analysts forecast 6 percent real wage growth next year.", "6 percent", "real wage growth"),
]

SENTENCE_BEFORE = [  # 4. a pronoun, "the figure", "the amount" stand for a subject named before
    ("Brent crude fell on Monday. It traded at $71 a barrel, down from $74.", "$71 a barrel", "Brent crude"),
    ("Brent crude fell on Monday. It traded at $71 a barrel, down from $74.", "$74", "Brent crude"),
    ("Wheat exports grew last year. They reached 9 million tonnes.", "9 million tonnes", "Wheat exports"),
    ("Gold output fell in May. The figure was 8 tonnes.", "8 tonnes", "Gold output"),
    ("Remittances dropped sharply. The amount was $1.2 billion.", "$1.2 billion", "Remittances"),
    ("The bank raised the key rate in March and then cut it back to 15 percent in July.", "15 percent",
     "the key rate"),
]

MONEY_SPENT = [  # 5. money spent, invested, allocated, committed, lent: the spending, not the spender
    ("The bank has invested €1.2 billion in the country.", "€1.2 billion", "invested"),
    ("The government allocated 45 billion tenge for road repairs.", "45 billion tenge", "road repairs"),
    ("The ADB approved a $500 million loan for the ring road.", "$500 million", "loan"),
    ("The agency provided $2 million for flood relief.", "$2 million", "flood relief"),
    ("Japan pledged $20 million to support water projects.", "$20 million", "support water projects"),
    ("The fund spent $3 million on new schools.", "$3 million", "new schools"),
    ("Migrant workers remitted $4 billion last year.", "$4 billion", "remitted"),
    ("The lender has committed €900 million to renewable energy projects.", "€900 million",
     "renewable energy projects"),
]

APPOSITION_WORTH = [  # 6. apposition, brackets and "worth"
    ("Exports worth $2.3 billion left the port.", "$2.3 billion", "Exports"),
    ("The firm won a contract worth 80 billion tenge.", "80 billion tenge", "a contract"),
    ("Remittances, about 30 percent of GDP, fell last year.", "about 30 percent", "Remittances"),
    ("The service sector (3.2 percent) led growth.", "3.2 percent", "The service sector"),
    ("Mining (1.3%) and farming (0.9%) added the rest.", "0.9%", "farming"),
    ("Net taxes on imports fell (-0.1%).", "-0.1%", "Net taxes on imports"),
    ("GDP rose to 120 trillion tenge, or 5 percent in real terms.", "5 percent", "GDP"),
    ("Migrants remitted $3.8 billion in 2014, a 7.6 percent decline compared to $4.1 billion in 2013.",
     "$4.1 billion", "remitted"),
]

COUNTS_STAY_NULL = [  # 7. the counted noun says it; a count never takes its neighbour's subject
    ("The police bought 120 police cars.", "120 police cars"),
    ("The council has 44 members.", "44 members"),
    ("Two of his colleagues were detained.", "Two"),
    ("Ak Zhol won 20 seats, and 300 observers watched the vote.", "300 observers"),
    ("Inflation rose to 9 percent as 12 banks raised their rates.", "12 banks"),
    ("The court heard 21 people, 18 of whom were released.", "21 people"),
]


@pytest.mark.parametrize("sentence, figure, subject",
                         CHANGE_TO_FROM + SHARES_VOTES_SEATS + COPULAS + SENTENCE_BEFORE + MONEY_SPENT
                         + APPOSITION_WORTH)
def test_subject(run, sentence, figure, subject):
    assert subject_of(run, sentence, figure) == subject


@pytest.mark.parametrize("sentence, figure", COUNTS_STAY_NULL)
def test_count_stays_null(run, sentence, figure):
    assert subject_of(run, sentence, figure) is None


SIZE_OF_GROUP = [  # a count after a noun that names a group's size measures it; other nouns do not
    ("The channel reaches an audience of 40 million people.", "40 million people", "an audience"),
    ("The city has a population of 2 million people.", "2 million people", "a population"),
    ("The firm employs a workforce of 5,000 workers.", "5,000 workers", "a workforce"),
    ("Observers saw a crowd of 3,000 people.", "3,000 people", "a crowd"),
    ("The party's list of 34 candidates was filed.", "34 candidates", None),
    ("The trial of 21 people opened on Monday.", "21 people", None),
]


@pytest.mark.parametrize("sentence, figure, subject", SIZE_OF_GROUP)
def test_size_of_group(run, sentence, figure, subject):
    assert subject_of(run, sentence, figure) == subject


def test_proper_name_subject_is_the_name(run):
    assert subject_of(run, "The tycoon's party Ata Zhol won 27 seats.", "27 seats") == "Ata Zhol"


def test_a_counted_complement_is_no_subject(run):
    assert subject_of(run, "The EBRD has invested €10 billion in 300 projects.", "€10 billion") == "invested"


def test_pace_verbs(run):
    assert subject_of(run, "Inflation slowed to 9.8 percent in December.", "9.8 percent") == "Inflation"


SUBJECT_PHRASES = [  # a subject keeps the complements that say which amount it is; a participle's noun
    ("Production at the Tengiz field reached 600,000 barrels per day.", "600,000 barrels per day",
     "Production at the Tengiz field"),
    ("Investment in fixed assets rose 8 percent.", "8 percent", "Investment in fixed assets"),
    ("Remittances from Russia fell 20 percent.", "20 percent", "Remittances from Russia"),
    ("Exports in 2023 rose 5 percent.", "5 percent", "Exports"),
    ("The deal, valued at $2 billion, closed in May.", "$2 billion", "The deal"),
    ("The contract, estimated at 80 billion tenge, was signed.", "80 billion tenge", "The contract"),
]


@pytest.mark.parametrize("sentence, figure, subject", SUBJECT_PHRASES)
def test_subject_phrase(run, sentence, figure, subject):
    assert subject_of(run, sentence, figure) == subject


CHANGE_CHAINS = [  # a change stated after a level, or a level after a change, in the same clause
    ("Trade turnover reached $5 billion, an increase of 10 percent.", "10 percent", "Trade turnover"),
    ("Remittances reached $3 billion, a rise of 8 percent on the year.", "8 percent", "Remittances"),
    ("Trade grew by 10 percent, reaching $5 billion.", "$5 billion", "Trade"),
    ("The tenge fell 2 percent, hitting 520 per dollar.", "520", "The tenge"),
    ("Exports rose to $60 billion, up 12 percent from 2022.", "12 percent", "Exports"),
    ("Coal output fell 4 percent to 110 million tonnes, the first drop in a decade.", "110 million tonnes",
     "Coal output"),
]


@pytest.mark.parametrize("sentence, figure, subject", CHANGE_CHAINS)
def test_change_chain(run, sentence, figure, subject):
    assert subject_of(run, sentence, figure) == subject


@pytest.mark.parametrize("sentence, figure", [
    ("The firm will cut 4,300 jobs in France, 3,700 in Germany and 400 in Spain.", "3,700"),
    ("Sales rose in Almaty, 3,000 in all, and fell elsewhere.", "3,000"),
])
def test_a_count_after_a_name_is_none_of_the_names(run, sentence, figure):
    assert subject_of(run, sentence, figure) is None


MONEY_FOR = [  # money "for" or "on" something is of it, a body or a place included
    ("The donors gave $6 million, including $1.4 million for the Kyrgyz Republic.", "$1.4 million",
     "the Kyrgyz Republic"),
    ("The plan sets aside $2 billion for new hospitals in the south.", "$2 billion", "new hospitals in the south"),
    ("A $300 million credit line for small businesses opened.", "$300 million", "credit line"),
    ("The bank approved $40 million for the Shymkent water plant.", "$40 million", "the Shymkent water plant"),
    ("About $5 million for 2024 was approved.", "About $5 million", "approved"),  # a year is no purpose
    ("The ministry spent 3 billion tenge on the Almaty bypass.", "3 billion tenge", "the Almaty bypass"),
]


@pytest.mark.parametrize("sentence, figure, subject", MONEY_FOR)
def test_money_for(run, sentence, figure, subject):
    assert subject_of(run, sentence, figure) == subject


CHANGE_BEFORE_COMPLEMENT = [  # a change verb's amount is of its subject, whatever "in ..." follows
    ("The tenge has lost about 5 percent against the dollar this year.", "about 5 percent", "The tenge"),
    ("Kaspi shares jumped as much as 9 percent in New York trading.", "as much as 9 percent", "Kaspi shares"),
    ("Output fell 3 percent in real terms.", "3 percent", "Output"),
    ("Loans rose 12 percent in tenge terms.", "12 percent", "Loans"),
    ("Wheat prices rose 5 percent in May.", "5 percent", "Wheat prices"),
    ("Kazakhstan exported 70 million tonnes of crude oil, 4 percent more than a year earlier.", "4 percent",
     "crude oil"),
]


@pytest.mark.parametrize("sentence, figure, subject", CHANGE_BEFORE_COMPLEMENT)
def test_change_before_complement(run, sentence, figure, subject):
    assert subject_of(run, sentence, figure) == subject


LEVEL_VERBS = [  # what a thing costs or is worth is of the thing
    ("The project is estimated to cost $1.5 billion.", "$1.5 billion", "The project"),
    ("The new terminal cost 40 billion tenge.", "40 billion tenge", "The new terminal"),
    ("Each ticket costs 5,000 tenge.", "5,000 tenge", "Each ticket"),
    ("The bridge will cost about $300 million.", "about $300 million", "The bridge"),
    ("The contract is valued at $2 billion.", "$2 billion", "The contract"),
    ("The stake is worth $300 million.", "$300 million", "The stake"),
]


@pytest.mark.parametrize("sentence, figure, subject", LEVEL_VERBS)
def test_level_verbs(run, sentence, figure, subject):
    assert subject_of(run, sentence, figure) == subject
