"""Rule resources for kzfacts (gazetteers, lexicons, patterns); see README.md here."""
