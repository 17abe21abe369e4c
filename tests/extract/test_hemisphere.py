import pytest

from api.extract.hemisphere import is_southern


@pytest.mark.parametrize(("text", "southern"), [
    ("A storm brought down part of the velodrome roof in Christchurch on Thursday.", True),
    ("MELBOURNE, Feb 28 (AAP) - Taxi drivers blocked Spring Street.", True),
    ("Riders were back at the Ōtautahi Velodrome last night.", True),  # a Māori name
    ("Fire destroyed nine boats in Hout Bay harbour, near Cape Town.", True),
    # a story of the north that mentions a southern place stays northern
    ("Ireland approved imports of inhalers from Canada and Australia on Tuesday.", False),
    ("Lauridsen retired hurt at Wimbledon; she will fly home to Copenhagen from London.", False),
    ("The council met on Monday.", False),  # no place at all: the north, as before
], ids=["Christchurch", "AAP dateline", "macron", "Cape Town", "Australia in passing", "Wimbledon", "no place"])
def test_an_article_is_southern_when_it_names_more_southern_places(text, southern):
    assert is_southern(text) is southern
