"""The extraction engine: articles in, dated events out.

Pure Python: this package never imports Flask or touches a database.
"""
