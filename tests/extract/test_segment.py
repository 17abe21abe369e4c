"""Sentences, spans and page furniture."""
from __future__ import annotations

import pytest

from api.extract.segment import furniture_kind, split


@pytest.mark.parametrize(("line", "kind"), [
    ("Also Read: Minister arrested again", "related_link"),
    ("READ MORE | Floods in the north", "related_link"),
    ("Clouds over the KremlinPhoto: Vlad Karkov/SOPA Images / Shutterstock", "photo_credit"),
    ("A rescuer at work (Photo: Jane Doe)", "photo_credit"),
    ("Follow the latest events of the 434th day of the war LIVETEXT on HOTNEWS.RO.", "live_banner"),
    ("Download our app for breaking news", "app_promo"),
    ("Sign up for our newsletter", "app_promo"),
    ("By Dritan Hoxha", "byline"),
    ("Published 7:15 a.m. ET March 2, 2021 | Updated 9:40 a.m. ET March 2, 2021", "byline"),
    ("Mark Osei · Radio Accra · Posted: Jun 14, 2022 9:05 AM GMT | Last Updated: June 14, 2022", "byline"),
    ("By Ana Ruiz | Published November 9, 2024, 10:15 a.m. ART", "byline"),
    ("By the city desk | Last update 16:30 EAT", "byline"),
    ("8 April 2026 | For immediate release", "byline"),
    ("Share | Tweet | Email", "share_bar"),
    ("(Reporting by Jane Doe; Editing by John Roe)", "credits_trailer"),
    ("Associated Press writer Jim Smith contributed to this report.", "credits_trailer"),
    ("Copyright 2024 The Associated Press. All rights reserved.", "credits_trailer"),
    ("This report by The Canadian Press was first published Jan. 9, 2022.", "credits_trailer"),
    ("Advertisement", "media_caption"),
    ("More on this story: Council approved the budget on Monday", "related_link"),
    ("Previously: Storm Ciara battered Britain in February 2020", "related_link"),
    ("Also on BBC: Rescuers find missing climber on Sunday", "related_link"),
    ("Originally published as Floods hit Tewkesbury on Sunday", "related_link"),
    ("Pictured: Firefighters tackle the blaze on Monday", "photo_credit"),
    ("Caption: Residents were evacuated on Sunday", "photo_credit"),
    ("FILE - Firefighters battle a blaze in Athens on Aug. 22, 2023.", "photo_credit"),
    ("Read next: Storm warnings issued for Sunday", "related_link"),
    ("Trending now: Flood warnings for Monday", "related_link"),
    ("Correction: An earlier version of this story misstated the date of the vote.", "correction"),
    ("Editor's note: This story was originally published on May 3, 2023.", "correction"),
    ("This article was amended on 5 May 2024 to correct the name of the mayor.", "correction"),
    ("Image caption, Rescuers search the rubble", "media_caption"),
    ("Jane Doe is a reporter covering public safety. She joined the paper in 2019.", "author_bio"),
    ("Sam Hale is the senior political correspondent who covers Congress.", "author_bio"),
    # a page's stamp, whatever order its date and label come in
    ("May 3, 2023 4:05 PM GMT+2 Updated 2 hours ago", "date_line"),
    ("Last modified on Wed 3 May 2023 19.05 BST", "date_line"),
    ("First published on Wed 3 May 2023 08.21 BST", "date_line"),
    ("Posted: May 3, 2023 / 10:05 AM EDT / Updated: May 3, 2023 / 05:12 PM EDT", "byline"),
    ("Last reviewed on 3 May 2023", "date_line"),
    # captions that end in their credit
    ("[1/5] Smoke rises above the Kremlin, May 3, 2023, in this still image. Ostorozhno Novosti/Handout via REUTERS",
     "photo_credit"),
    ("Residents wade through flood water on Tuesday. (AP Photo/Jon Smith)", "photo_credit"),
    ("Rescuers evacuated residents on Tuesday. AFP via Getty Images", "photo_credit"),
    ("Residents were evacuated from Marlow on Tuesday. Jon Smith/PA Wire", "photo_credit"),
    ("Rescuers evacuated residents on Tuesday, May 2, 2023. © Jon Smith", "photo_credit"),
    ("Residents were rescued by boat on Tuesday. Photo / Jon Smith", "photo_credit"),
    ("Topics: Floods, Marlow, Weather", "related_link"),
    ("Tags: Floods Marlow Tuesday", "related_link"),
    ("Comments closed on Wednesday", "share_bar"),
    ("Also Watch: Drone attack on Kremlin caught on camera on Tuesday night", "related_link"),
    ("Read | Kremlin says drones were shot down on Wednesday", "related_link"),
    ("You may also like: Storm Babet hits Scotland on Friday", "related_link"),
    ("A file photo of the Kremlin taken on May 9, 2022. (AFP)", "photo_credit"),
    ("The aftermath of the flood on Tuesday. [Jon Smith/Al Jazeera]", "photo_credit"),
    ("Posted in World News on Tuesday", "byline"),
    ("Jane Roe is a reporter at the Marlow Gazette. She joined the paper in 2019.", "author_bio"),
    ("Sam Lee is a correspondent for Reuters.", "author_bio"),
])
def test_page_furniture_is_recognised(line, kind):
    assert furniture_kind(line) == kind


@pytest.mark.parametrize("line", [
    "The Kremlin said on Wednesday that the parade would go ahead.",
    "Police detained the suspect by the river on Monday.",
    "The photo agency said it would appeal.",
    "Residents were told to follow the evacuation orders.",
    "Advertisement campaigns were launched on Monday.",
    "Police said they would watch the area.",
    "Published in 1990 | the novel sold well, and it was updated in 2004 with a new ending.",
    "This report was published on Monday by the health ministry, which found that waiting lists had doubled.",
    "Originally published in 1962, the novel sold two million copies.",
    "Update: police have reopened the bridge.",
    "Previously the council had refused to pay.",
    "File sharing was banned on Monday.",
    "The ministry said the figures were cleared for immediate release on Monday after a long delay.",
    "Evan Hale is a reporter for the Tribune who was detained in Minsk on Monday.",
    "The mayor is a former reporter covering the courts, and she was elected in 2019.",
    "The council updated its flood plan on 3 May 2023.",
    "Updated figures for 2023 were released on Monday.",
    "The statement was distributed via AP on Tuesday, hours after the vote.",
    "Tags fitted to the seals in May 2021 showed where they fed.",
    "Comments made by the mayor on Tuesday angered residents.",
    "The photographer said the picture was taken on Tuesday.",
    "Read the statement the Kremlin issued on Wednesday, the minister urged.",
    "The agency said the figures were published in March (AP).",
    "The ruling was posted in full on Tuesday.",
    "Evan Hale is a reporter for the Tribune. He was detained in Minsk on Monday.",
])
def test_story_sentences_are_not_furniture(line):
    assert furniture_kind(line) is None


def test_sentence_spans_point_into_the_text_and_skip_abbreviations():
    text = "Mr. Smith arrived in the U.S. on Monday. He left on Tuesday!\n\nGen. Jones stayed. “We won,” he said."
    sentences = split(text)
    assert [text[s.start:s.end] for s in sentences] == [s.text for s in sentences]
    assert [s.text for s in sentences] == [
        "Mr. Smith arrived in the U.S. on Monday.", "He left on Tuesday!",
        "Gen. Jones stayed.", "“We won,” he said."]
    assert [s.paragraph for s in sentences] == [0, 0, 1, 1]


@pytest.mark.parametrize("title", ["Coun.", "Insp.", "Supt.", "Det.", "Const.", "Cpl.", "Rev.", "Hon."])
def test_a_title_abbreviation_before_a_name_ends_no_sentence(title):
    text = f"\u201cWe took that on trust,\u201d {title} Denis Ouellet told the meeting. The vote was 9-2."
    assert [s.text for s in split(text)] == [text[:text.index(" The vote")], "The vote was 9-2."]


@pytest.mark.parametrize(("text", "place"), [
    ("(Moscow) Russia said on Wednesday it shot down two drones.", "Moscow"),
    ("Moscow: Russia said on Wednesday it shot down two drones.", "Moscow"),
    ("MOSCOW (Reuters) - Russia said on Wednesday it shot down two drones.", "MOSCOW"),
    ("KYIV, May 3 (AP) — Russia said on Wednesday it shot down two drones.", "KYIV"),
    # a region before the date, and an agency between slashes
    ("LVIV, Ukraine, May 3 (Reuters) - Russia said on Wednesday it shot down two drones.", "LVIV"),
    ("PORT ALDER, B.C., July 7, 2021 /The Canadian Press/ - Russia said on Wednesday it shot down two drones.",
     "PORT ALDER"),
    # a region or a state's abbreviation with no date: the abbreviation's period ends no sentence
    ("BERGEN, Norway (AP) - Russia said on Wednesday it shot down two drones.", "BERGEN"),
    ("PUERTO MONTT, Chile (AP) — Russia said on Wednesday it shot down two drones.", "PUERTO MONTT"),
    ("MARLOW, Kan. (AP) - Russia said on Wednesday it shot down two drones.", "MARLOW"),
    ("SAGINAW, Mich. — Russia said on Wednesday it shot down two drones.", "SAGINAW"),
    ("GOJO, Nara Prefecture — Russia said on Wednesday it shot down two drones.", "GOJO"),
    # the day before the month, with or without its year
    ("CAPE TOWN, 11 June 2016 - Russia said on Wednesday it shot down two drones.", "CAPE TOWN"),
    ("LONDON, 3 May - Russia said on Wednesday it shot down two drones.", "LONDON"),
])
def test_place_dateline_is_kept_out_of_the_first_sentence(text, place):
    (first,) = split(text)
    assert first.dateline == place
    assert first.text == "Russia said on Wednesday it shot down two drones."


@pytest.mark.parametrize("page", [
    "Drones downed over Moscow\nKYIV, May 3 (AP) — Russia said on Wednesday it shot down two drones.",
    "Drones downed over Moscow\nBy Jane Roe\nMay 3, 2023 4:05 PM GMT+2\n"
    "KYIV, May 3 (AP) — Russia said on Wednesday it shot down two drones.",
])
def test_a_dateline_under_a_headline_and_a_byline_is_kept_out_of_the_lead(page):
    lead = split(page)[-1]
    assert (lead.dateline, lead.text) == ("KYIV", "Russia said on Wednesday it shot down two drones.")


def test_only_the_storys_first_line_can_open_with_a_dateline():
    page = "KYIV, May 3 (AP) — Russia said on Wednesday it shot down two drones.\nMoscow: the mayor said nothing."
    assert [s.dateline for s in split(page)] == ["KYIV", None]


def test_short_unpunctuated_line_is_a_heading():
    sentences = split("Drones downed over the Kremlin\n\nRussia said on Wednesday it shot down two drones.")
    assert [s.heading for s in sentences] == [True, False]


@pytest.mark.parametrize("line", [
    "By Friday, rescuers had reached all 30 miners.",
    "By Monday the death toll had risen to 40, officials said.",
    "By March, prices had doubled.",
    "By Christmas, the shelves were empty.",
])
def test_a_sentence_opening_with_by_and_a_date_is_no_byline(line):
    assert furniture_kind(line) is None


def test_the_headlines_under_a_most_read_heading_are_links_until_the_story_resumes():
    text = ("Floods hit Tewkesbury\n\nThe River Severn burst its banks on Sunday.\n\nMost read\n\n"
            "1. Man arrested after crash on M4 on Monday\n\nCouncil approves new bus lanes\n\n"
            "Residents were moved to a school on Monday night.\n")
    kinds = {s.text: s.furniture for s in split(text)}
    assert kinds["Most read"] == "related_link"
    assert kinds["Man arrested after crash on M4 on Monday"] == "related_link"  # after "1."
    assert kinds["Council approves new bus lanes"] == "related_link"
    assert kinds["Residents were moved to a school on Monday night."] is None
    assert kinds["The River Severn burst its banks on Sunday."] is None


def test_a_live_page_clock_heading_is_no_link_list():
    text = "Storm live\n\nKey events\n\n11:20 GMT\n\nTrains were cancelled.\n"
    assert all(s.furniture is None for s in split(text) if s.text == "11:20 GMT")


@pytest.mark.parametrize(("entry", "banner", "story"), [
    ("Welcome to our live coverage. An ice floe broke away from the shore this morning.",
     "Welcome to our live coverage.", "An ice floe broke away from the shore this morning."),
    ("The last anglers were brought ashore at 17:32. We are closing this live blog now.",
     "We are closing this live blog now.", "The last anglers were brought ashore at 17:32."),
])
def test_a_live_banner_sentence_leaves_the_rest_of_its_entry_as_story(entry, banner, story):
    kinds = {s.text: s.furniture for s in split(entry)}
    assert kinds == {banner: "live_banner", story: None}


@pytest.mark.parametrize("first_line", ["LIVE: Train derails near Yeovil", "Live updates: Train derails near Yeovil"])
def test_a_live_pages_labelled_first_line_is_its_headline_without_the_label(first_line):
    first = split(first_line + "\n\nTuesday 12 October 2021\n\n18:50\nThe line will stay closed.\n")[0]
    assert (first.text, first.heading, first.furniture) == ("Train derails near Yeovil", True, None)


def test_a_live_label_further_down_is_still_a_banner():
    text = "Storm batters coast\n\nLIVE: follow the latest here\n\nThe pier was closed.\n"
    assert [s.furniture for s in split(text)][1] == "live_banner"
