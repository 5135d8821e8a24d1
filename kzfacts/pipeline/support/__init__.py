"""What every component reads: a Doc's text and lines (`text`), its tokens as columns (`tokens`),
bounded walks over the parse (`syntax`), and the model's ruler and lemmatizer memoised (`memoised`)."""
