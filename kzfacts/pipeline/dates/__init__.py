"""Dates: the grammar that reads a date expression and resolves it against a reference date
(`grammar`), and the spaCy component that finds them in a Doc (`component`)."""
