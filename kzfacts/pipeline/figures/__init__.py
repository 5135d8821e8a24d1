"""Figures: numbers with scaled values, currencies, percentages, counted nouns and qualifiers, and
what each amount is of. One module per decision: `numbers` (numbers as written), `currency` (which
currency), `units` (what follows a number decides its kind), `reading` (a figure read at a token),
`subjects` (what an amount is of) and `component` (the order, and the spaCy component)."""
