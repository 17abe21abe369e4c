"""`python -m api` is the `timeline` command."""
import sys

from api.cli import main

sys.exit(main())
