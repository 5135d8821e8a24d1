from __future__ import annotations

import pytest

from kzfacts.pipeline.figures.numbers import word_value


@pytest.mark.parametrize("sentence, text, value, unit, kind", [
    ("Grants worth 1.8 billion tenge were paid.", "1.8 billion tenge", 1_800_000_000, "KZT", "money"),
    ("It paid over 4.3 million US dollars in fees.", "over 4.3 million US dollars", 4_300_000, "USD", "money"),
    ("About 305.4 million tenge ($740,000) was allocated.", "$740,000", 740_000, "USD", "money"),
    ("Brent rose to US$65 per barrel on Friday.", "US$65 per barrel", 65, "USD", "money"),
    ("The firm raised €20 million from investors.", "€20 million", 20_000_000, "EUR", "money"),
    ("Prices rose by almost 3.6 percent in March.", "almost 3.6 percent", 3.6, "%", "percent"),
    ("Conformity reached 115 per cent in February.", "115 per cent", 115, "%", "percent"),
    ("Over 50% of its trade is with the EU.", "Over 50%", 50, "%", "percent"),
    ("Rates fell 2 percentage points last month.", "2 percentage points", 2, "percentage points", "percent"),
    ("Output will rise by 350,000 barrels per day.", "350,000 barrels per day", 350_000, "barrels per day", "quantity"),
    ("There are about 4,000 companies in the zone.", "about 4,000 companies", 4_000, "companies", "count"),
    ("The council has six positions open.", "six positions", 6, "positions", "count"),
    ("It set up a 44-member council.", "44-member", 44, "member", "count"),
    ("The number has increased 40-fold since then.", "40-fold", 40, "fold", "multiplier"),
    ("The country was ranked 65th in the index.", "65th", 65, None, "ordinal"),
    ("The airline bought twenty new jets.", "twenty new jets", 20, "jets", "count"),
])
def test_figure_values(run, sentence, text, value, unit, kind):
    figures = {f["text"]: f for f in run(sentence)["figures"]}
    assert text in figures, figures.keys()
    fig = figures[text]
    assert (fig["value"], fig["unit"], fig["kind"]) == (value, unit, kind)


@pytest.mark.parametrize("sentence, qualifier, approximate", [
    ("There were nearly 200 centres.", "nearly", True),
    ("It employs around 16,000 people.", "around", True),
    ("It has more than 30 branches.", "more than", False),
])
def test_qualifiers(run, sentence, qualifier, approximate):
    (fig,) = run(sentence)["figures"]
    assert fig["qualifier"] == qualifier and fig["approximate"] is approximate


@pytest.mark.parametrize("sentence", [
    "Article 130 of the Criminal Code was repealed.",
    "The flights will use a Boeing 737-800 on the route.",
    "The airline flies the Airbus A220-300.",
    "The law was passed in 2015.",
    "One is the updated law on assemblies.",
    "Call the office on 555-1234 for details.",
])
def test_not_figures(run, sentence):
    assert run(sentence)["figures"] == []


@pytest.mark.parametrize("word, expected", [
    ("six", (6, "cardinal")), ("65th", (65, "ordinal")), ("forty-four", (44, "cardinal")),
    ("1,000", (1000, "cardinal")), ("ninth", (9, "ordinal")), ("blue", None),
])
def test_word_value(word, expected):
    assert word_value(word) == expected


@pytest.mark.parametrize("sentence, text, value, value_max, unit", [
    ("Fuel use falls by 15-20% on the new jet.", "15-20%", 15, 20, "%"),
    ("The jet will carry 200-250 seats in two classes.", "200-250 seats", 200, 250, "seats"),
])
def test_ranges(run, sentence, text, value, value_max, unit):
    figures = {f["text"]: f for f in run(sentence)["figures"]}
    assert (figures[text]["value"], figures[text]["value_max"], figures[text]["unit"]) == (value, value_max, unit)


@pytest.mark.parametrize("sentence", [
    "Qatar chose the A350 over Boeing's 787 last year.",
    "The 777-200LR can fly from London to Sydney.",
    "The airline will fly the 787 Dreamliner to Tokyo.",
])
def test_model_numbers_are_not_figures(run, sentence):
    assert run(sentence)["figures"] == []


def test_money_after_a_name_is_a_figure(run):
    figures = run("The GAO called for a re-run of the U.S. Air Force $40 billion tanker contract.")["figures"]
    assert [(f["text"], f["value"], f["unit"]) for f in figures] == [("$40 billion", 40_000_000_000, "USD")]


def test_number_word_without_noun(run):
    figures = run("The aircraft flew with a flight crew of six on board.")["figures"]
    assert [(f["text"], f["value"]) for f in figures] == [("six", 6)]


def test_range_kept_whole_by_the_tokenizer(run):
    (fig,) = run("The bank expects inflation of 5.5%-7.5% next year.")["figures"]
    assert (fig["text"], fig["value"], fig["value_max"], fig["unit"]) == ("5.5%-7.5%", 5.5, 7.5, "%")


@pytest.mark.parametrize("sentence, text, value, unit", [
    ("Earnings per share were 15.2 pence last year.", "15.2 pence", 0.152, "GBP"),
    ("Sales fell 12.5 per cent to £3.4bn in the year.", "£3.4bn", 3_400_000_000, "GBP"),
    ("Net debt rose by €1.2bn in the quarter.", "€1.2bn", 1_200_000_000, "EUR"),
    ("The fee is 500 tiyn per litre.", "500 tiyn per litre", 5, "KZT"),
])
def test_compact_money_and_subunits(run, sentence, text, value, unit):
    figures = {f["text"]: f for f in run(sentence)["figures"]}
    assert (figures[text]["value"], figures[text]["unit"], figures[text]["kind"]) == (value, unit, "money")


@pytest.mark.parametrize("sentence, text, value", [
    ("Nearly two-thirds of voters agreed.", "Nearly two-thirds", 0.6667),
    ("Flights rose by a third last year.", "a third", 0.3333),
    ("Half of the staff left in May.", "Half", 0.5),
])
def test_fractions_are_multipliers(run, sentence, text, value):
    figures = {f["text"]: f for f in run(sentence)["figures"]}
    assert (figures[text]["value"], figures[text]["kind"]) == (value, "multiplier")


def test_phone_numbers_are_not_figures(run):
    assert run("For details call +7 727 123 4567 or 555-1234 on weekdays.")["figures"] == []


def figs(run, text, ref="2011-03-18"):
    return [(f["text"], f["value"], f["unit"], f["kind"]) for f in run(text, reference_date=ref)["figures"]]


@pytest.mark.parametrize("text", ["Kazakhstan's first bank opened in 1993.", "It was the 44th member to join.",
                                  "Delegates met for the 15th meeting."])
def test_ordinals_are_ranks_not_figures(run, text):
    assert figs(run, text) == []


def test_a_rank_standing_alone_is_an_ordinal_and_a_counted_noun_stays(run):
    assert figs(run, "Kazakhstan was ranked 65th in the index.") == [("65th", 65, None, "ordinal")]
    assert figs(run, "The club climbed six positions.") == [("six positions", 6, "positions", "count")]


@pytest.mark.parametrize("text, expected", [
    ("Unemployment hit twenty-two percent.", ("twenty-two percent", 22, "%", "percent")),
    ("He paid thirteen dollars and forty-five cents.", ("thirteen dollars and forty-five cents", 13.45, "USD", "money")),
    ("Support was one hundred percent.", ("one hundred percent", 100, "%", "percent")),
    ("The fund lost three quarters of a billion dollars.", ("three quarters of a billion dollars", 750000000, "USD", "money")),
    ("Yields rose 2 percents.", ("2 percents", 2, "%", "percent")),
    ("Inflation was 7 per cent.", ("7 per cent", 7, "%", "percent")),
    ("GDP grew 3 pct.", ("3 pct", 3, "%", "percent")),
    ("Rates rose 5 percentage points.", ("5 percentage points", 5, "percentage points", "percent")),
])
def test_compound_numbers_and_percent_words(run, text, expected):
    assert figs(run, text) == [expected]


@pytest.mark.parametrize("text, unit", [
    ("It cost ₸5,000.", "KZT"), ("It cost ₽300.", "RUB"), ("It cost ₴20.", "UAH"), ("It cost ₺15.", "TRY"),
    ("It cost ₡900.", "CRC"), ("He paid 100 markkas.", "FIM"), ("He paid 40 Deutsche Marks.", "DEM"),
    ("The loan was 500 million tenge.", "KZT"), ("The loan was KZT 500 million.", "KZT"),
    ("The deal is worth C$5 million.", "CAD"), ("It raised c $3 million.", "CAD"), ("It raised HK$10 billion.", "HKD"),
    ("It raised A$2 billion.", "AUD"), ("It raised NZ$1 billion.", "NZD"), ("It raised S$4 billion.", "SGD"),
    ("Exports reached 12 billion Kazakhstani tenges.", "KZT"), ("The fine was 3 million Swiss francs.", "CHF"),
    ("Sales were 5 MUSD.", "USD"), ("The order was worth GB #20.1 billion.", "GBP"),
])
def test_currencies_from_cldr_and_news_forms(run, text, unit):
    ((_, _, found, kind),) = figs(run, text)
    assert (found, kind) == (unit, "money")


def test_million_codes_scale_the_value(run):
    assert figs(run, "Sales were 5 MUSD.") == [("5 MUSD", 5_000_000, "USD", "money")]


@pytest.mark.parametrize("text, unit, source", [
    ("The company raised $20 million.", "USD", "default"),
    # a nationality in the sentence says nothing: news marks other dollars (issue 21)
    ("The Australian company raised $20 million.", "USD", "default"),
    ("BHP, a Canadian-listed miner, made $48 million.", "USD", "default"),
    ("Qantas earned A$48 million.", "AUD", "text"),
    ("It raised 20 million Australian dollars.", "AUD", "text"),
    ("The Hong Kong firm paid HK$5 million.", "HKD", "text"),
    ("TORONTO (Reuters) - The miner said it would raise $50 million for the new shaft.", "CAD", "context"),
    ("It raised US$20 million.", "USD", "text"),
    ("It raised C$20 million.", "CAD", "text"),
])
def test_a_bare_dollar_is_decided_by_context_and_says_how(run, text, unit, source):
    (fig,) = run(text, reference_date="2011-03-18")["figures"]
    assert (fig["unit"], fig["unit_source"]) == (unit, source)


def test_a_currency_named_after_the_counted_phrase(run):
    assert figs(run, "It signed a 10 million forward contract in pesos.")[0][2:] == ("MXN", "money")
    assert figs(run, "The firm hired 10 million people.") == [("10 million people", 10000000, "people", "count")]


def test_a_number_the_text_uses_as_a_model_name_is_no_count(run):
    assert figs(run, "Boeing 737 sales rose; the 737 is popular.") == []


@pytest.mark.parametrize("text, value, value_max, unit", [
    ("Revenue will be $24-24.5 billion this year.", 24_000_000_000, 24_500_000_000, "USD"),
    ("Exports reached 13-13.5 thousand tonnes.", 13_000, 13_500, "tonnes"),
    ("The fund will raise 2-3 million euros.", 2_000_000, 3_000_000, "EUR"),
    ("Output was 1.5-1.7 million barrels per day.", 1_500_000, 1_700_000, "barrels per day"),
    ("Prices rose 15-20 percent.", 15, 20, "%"),
])
def test_a_scale_after_a_range_scales_both_ends(run, text, value, value_max, unit):
    (fig,) = run(text)["figures"]
    assert (fig["value"], fig["value_max"], fig["unit"]) == (value, value_max, unit)


@pytest.mark.parametrize("text, value, unit", [
    ("The firm paid a 12-cent dividend.", 0.12, "USD"),
    ("People hoarded one-yen coins.", 1, "JPY"),
    ("A 5-kopek coin was found.", 0.05, "RUB"),
    ("Stamps cost a 50-pence fee.", 0.5, "GBP"),
    ("It cost thirteen dollars and forty-five cents.", 13.45, "USD"),
])
def test_amounts_in_a_subunit_or_joined_to_their_noun_are_money(run, text, value, unit):
    (fig,) = run(text)["figures"]
    assert (fig["value"], fig["unit"], fig["kind"]) == (value, unit, "money")
