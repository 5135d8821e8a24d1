"""FIGURE `subject`: what an amount is of, found through the dependency parse (made-up sentences)."""
from __future__ import annotations

import pytest


def subject_of(run, sentence: str, figure: str) -> str | None:
    """The subject text of the figure `figure` in `sentence`, checking its offsets on the way."""
    figures = {f["text"]: f for f in run(sentence)["figures"]}
    assert figure in figures, list(figures)
    fig = figures[figure]
    assert "subject" in fig
    subj = fig["subject"]
    if subj is None:
        return None
    assert sentence[subj["start"]:subj["end"]] == subj["text"]
    assert subj["end"] <= fig["start"] or subj["start"] >= fig["end"], "a subject is never the figure itself"
    return subj["text"]


NOUN_OF_FIGURE = [  # "X of <figure>": the noun the figure completes
    ("Kazakhstan reported oil production of 1.7 million barrels per day.", "1.7 million barrels per day", "oil production"),
    ("The ministry announced a budget deficit of 2.1 trillion tenge.", "2.1 trillion tenge", "a budget deficit"),
    ("The country posted an inflation rate of 8.4 percent last year.", "8.4 percent", "an inflation rate"),
    ("Farmers expect a wheat harvest of 12 million tonnes.", "12 million tonnes", "a wheat harvest"),
    ("The bank reported a net profit of $45 million for the quarter.", "$45 million", "a net profit"),
    ("Officials forecast annual exports of 300,000 tonnes.", "300,000 tonnes", "annual exports"),
]

FIGURE_OF_NOUN = [  # "<figure> of X" / "<figure> in X": what the amount is a share or sum of
    ("The fund committed $1 billion of investment to the region.", "$1 billion", "investment"),
    ("Around 40% of its exports go to China.", "Around 40%", "its exports"),
    ("The company sold 2 million tonnes of grain abroad.", "2 million tonnes", "grain"),
    ("About 30 percent of the budget goes to health.", "About 30 percent", "the budget"),
    ("The state holds 51% of the shares.", "51%", "the shares"),
    ("The bank issued $3 billion in loans.", "$3 billion", "loans"),
]

CHANGE_VERB_SUBJECT = [  # the subject of a change or level verb
    ("GDP grew 4% in the first half.", "4%", "GDP"),
    ("Trade turnover between Kazakhstan and Russia reached $18 billion.", "$18 billion",
     "Trade turnover between Kazakhstan and Russia"),
    ("Inflation fell to 7.5 percent in March.", "7.5 percent", "Inflation"),
    ("Foreign direct investment amounted to $24 billion.", "$24 billion", "Foreign direct investment"),
    ("The unemployment rate stood at 4.9 percent.", "4.9 percent", "The unemployment rate"),
    ("Retail sales rose by 3.2 percent and reached 1.4 trillion tenge.", "3.2 percent", "Retail sales"),
    ("Retail sales rose by 3.2 percent and reached 1.4 trillion tenge.", "1.4 trillion tenge", "Retail sales"),
    ("Gold reserves totalled $18.4 billion at the end of May.", "$18.4 billion", "Gold reserves"),
    ("Exports, which rose to $60 billion last year, are mostly oil.", "$60 billion", "Exports"),
]

OBJECT_OF_SETTING_VERB = [  # the object of "raise / cut / set X to <figure>"
    ("The National Bank raised the base rate to 16 percent.", "16 percent", "the base rate"),
    ("The government cut the tax rate to 10 percent.", "10 percent", "the tax rate"),
    ("Regulators set the reserve requirement at 3 percent.", "3 percent", "the reserve requirement"),
    ("The company increased its stake to 25%.", "25%", "its stake"),
    ("The ministry reduced the fuel subsidy by $200 million.", "$200 million", "the fuel subsidy"),
    ("The base rate was raised to 9.75 percent.", "9.75 percent", "The base rate"),
]

OTHER_CONSTRUCTIONS = [  # "X worth <figure>", a noun the figure modifies, a figure in brackets after another
    ("The firms signed contracts worth $2 billion.", "$2 billion", "contracts"),
    ("The bank approved its $500 million loan.", "$500 million", "loan"),
    ("The firm won a 5 percent stake in the field.", "5 percent", "stake in the field"),
    ("Grants worth 1.8 billion tenge ($4.3 million) were paid.", "1.8 billion tenge", "Grants"),
    ("Grants worth 1.8 billion tenge ($4.3 million) were paid.", "$4.3 million", "Grants"),
    ("Output will amount to 2 million tonnes in May and 2.1 million tonnes in June.", "2.1 million tonnes", "Output"),
]

UNIT_SAYS_IT = [  # the counted noun already says what is counted: null
    ("The council has 44 members.", "44 members"),
    ("The plant produced 120 cars last month.", "120 cars"),
    ("The airline carried 2,000 passengers on the route.", "2,000 passengers"),
    ("About 300 workers joined the strike.", "About 300 workers"),
    ("The city opened 15 new schools this year.", "15 new schools"),
    ("Exports rose to 120 cars a month.", "120 cars a month"),
    ("There were only about 400 NGOs in the region.", "about 400"),  # "NGOs" read as a name, still what is counted
]

NO_SUBJECT = [  # the text does not say what the amount is of: null
    ("It rose to 5 percent.", "5 percent"),
    ("Analysts expect about 3 percent, according to the survey.", "about 3 percent"),
    ("They paid $5 million in 2020.", "$5 million"),
    ("She won by 12 percent.", "12 percent"),
    ("He earned 40 percent more than his rivals.", "40 percent"),
]


@pytest.mark.parametrize("sentence, figure, subject",
                         NOUN_OF_FIGURE + FIGURE_OF_NOUN + CHANGE_VERB_SUBJECT + OBJECT_OF_SETTING_VERB
                         + OTHER_CONSTRUCTIONS)
def test_subject(run, sentence, figure, subject):
    assert subject_of(run, sentence, figure) == subject


@pytest.mark.parametrize("sentence, figure", UNIT_SAYS_IT + NO_SUBJECT)
def test_no_subject(run, sentence, figure):
    assert subject_of(run, sentence, figure) is None


def test_every_figure_has_subject_key(run):
    text = "Inflation fell to 7.5 percent. The council has 44 members. Two-thirds agreed."
    figures = run(text)["figures"]
    assert figures and all("subject" in f for f in figures)


def test_subject_offsets_index_the_whole_text(extractor):
    text = "First story.\n\nAnother line here. The unemployment rate stood at 4.9 percent."
    record = extractor.extract(text)
    subjects = [f["subject"] for a in record["articles"] for f in a["figures"] if f["subject"]]
    assert subjects and all(text[s["start"]:s["end"]] == s["text"] for s in subjects)
