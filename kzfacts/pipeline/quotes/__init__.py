"""Quotes: quotation spans found on the raw text, attributed through the parse. One module per
decision: `marks` (where quotes are), `cues` (what says a quote is speech), `speakers` (who the cue
names, through pronouns, "who", roles and bodies to the article's entities, over a `context`;
role phrases are `entities.titles`), `carry` (speakers carried between quote
paragraphs) and `component` (the order, and the spaCy component)."""
