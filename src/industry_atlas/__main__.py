"""`python -m industry_atlas` runs the command line."""

from industry_atlas.cli import main

main()
