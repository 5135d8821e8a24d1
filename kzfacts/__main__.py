from kzfacts.cli import main

main()
