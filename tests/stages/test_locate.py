"""locate: each event on the place where that act happened."""

import pytest

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(("text", "location"), [
    # the clause reaches only the qualifier; the qualifier says where the town lies
    ("On 9 April 2022, a soldier surrounded in Kramatorsk, Donetsk by Russian forces detonated a bomb.",
     "Kramatorsk"),
    # a country named as an owner says whose, not where
    ("On 20 May 2022, the opposition staged protests in Tbilisi, Georgia. Later, the protesters gathered in front of "
     "Georgia's president's office and protested against the government.", "Tbilisi"),
    # the clause names the country (inside a party's name); the sentence names the town inside it
    ("On 3 February 2022, youths demolished the venue set for the Ford Kenya rally at a market in Kisumu "
     "(Kisumu county).", "Kisumu"),
    # where the doers are from comes after where they acted
    ("On 17 March 2022, in Feira de Santana (Bahia), residents of the Nova Canaa community blocked the BA-052 "
     "highway by setting obstacles on fire to demonstrate against an eviction order.", "Feira de Santana"),
    # the same where the small model hangs the act on its doers ("a group ... protested" as an acl of "group")
    ("On 3 May 2022, in Oaxaca de Juarez, Oaxaca, a group of residents of Montoya municipality protested outside "
     "the City Hall against the designation of local authorities.", "Oaxaca"),
    # a country's possessive names a part of it, not its owner
    ("On 3 May 2022, fighting erupted in Syria's north between rebels and regime forces.", "Syria"),
    # a district of a city is near it: the index's Almaly is a town in Turkey
    ("On 24 February 2022, police detained several activists outside the Russian Consulate near Almaly district of "
     "Almaty city following an unsanctioned demonstration.", "Almaty"),
    # a country as the noun before a noun says whose, not where
    ("On 31 January 2022, a US military patrol took place in rural Qahtaniyyah town in Al Hasakeh countryside.",
     "Al Qahtaniyah"),
    # a country of the doers gives way to the town of their sentence
    ("On 4 March 2022, protesters against Russia's invasion of Ukraine rallied and marched in Athens.", "Athens"),
    # countries an act is against, or the time it fell in, are topics
    ("On 25 March 2022, about 10 activists of Greenpeace blocked a cargo ship in Gdansk. The activists were "
     "protesting against the dependence of Europe on fossil fuels, especially during the current war of Russia "
     "against Ukraine.", "Gdansk"),
    # a square in a town is not the town of the square's name (Hamilton Square, New Jersey)
    ("On 26 February 2022, around 500 local campaigners gathered in Hamilton Square in Birkenhead to protest against "
     "insufficient funding.", "Birkenhead"),
    # what a crowd recalls is a topic; what an armed act is against is its target
    ("On 30 April 2022, hundreds of demonstrators responded to the call by the Resistance Committee in Kosti (Kosti "
     "locality, White Nile state) in honor of the victims of the Khartoum sit in massacre of 2019, denouncing the "
     "military coup.", "Kosti"),
    ("On 19 April 2022, Turkish army warplanes carried out airstrikes against PKK militants in the vicinity of "
     "Sergele village in Al Amadiya district of Duhok.", "Al 'Amadiyah"),
    # a town a crowd is against may be where it protests; an armed act's country after "during" is its place
    ("The government in Abuja announced new rules on Thursday. On Friday, traders protested against the "
     "demolition of the market in Kano.", "Kano"),
    ("Speaking in Geneva on Monday, the UN said soldiers killed 12 civilians during an operation in Mali.", "Mali"),
    # the doers' own country gives way to the town of their sentence
    ("On 4 March 2022, protesters from Eritrea rallied and marched in Tel Aviv.", "Tel Aviv"),
    # where nothing says where the doers acted, the town they are named for, not a country they are against
    ("On 4 March 2022, members of the Patras Bar Association protested on the steps of the association's "
     "headquarters holding up signs against Russia's invasion of Ukraine.", "Patra"),
    # a province before its country, though the country is nearer the act
    ("On 31 May 2022, the government of Kenya extended a dusk-to-dawn curfew for 30 more days in the Marsabit "
     "county.", "Marsabit"),
    # a march happened where it went, not where it set out from; a road from one town to another is no heading
    ("On 13 June 2022, people held a protest march and walked from Colombo to Kandy (Kandy, Central) demanding the "
     "president's resignation.", "Kandy"),
    ("On 1 May 2022, football supporters blocked the road from Sofia to Velingrad as a sign of protest.", "Sofia"),
    # the act was somewhere along a road: the district it names, not a town at one end of it
    ("On 9 January 2022, gunmen killed a trader along the Oyo-Ibadan expressway in Akinyele LGA.", "Akinyele"),
    # a town named with the qualifiers that locate it before one named bare
    ("On 30 May 2022, residents closed the road connecting Siliana to Kairouan (Kairouan Nord, Kairouan) as a "
     "protest against water cuts.", "Kairouan"),
    # where armed men are from is not where they fought, which their sentence names
    ("On 10 April 2022, around 200 armed men from Katsina and Zamfara clashed with military forces and overtook "
     "territory in Shika (Gassol, Taraba).", "Gassol"),
    # but not where the doers are from, though it is named with its qualifier
    ("On 3 May 2022, protesters in Minneapolis, Minnesota, rallied outside the courthouse in St. Paul.",
     "Saint Paul"),
    ("On 3 May 2022, police in Lahore, Punjab, arrested 30 protesters in Gujranwala.", "Gujranwala"),
    # an attack on travellers is not placed where they were headed, as a march is
    ("On 3 May 2022, gunmen attacked a bus on its way from Djibo to Ouagadougou.", "Djibo"),
    # where the act's sentence names no place, the article's main place, for which a qualifier stands
    ("On 6 January 2022, in Dedaye town (Pyapon district, Ayeyarwady region) two explosions occurred in front of "
     "the education office.", "Dedaye"),
    # a place in a building's name, with the province after it, is where the building is
    ("On 16 June 2022, students and staff marched through the Louisiana State University of Alexandria (Louisiana) "
     "to commemorate Juneteenth.", "Alexandria"),
])
def test_an_event_is_placed_on_the_town_where_its_act_happened(brief_pipeline, text, location) -> None:
    from eventwire.model import Article

    article = brief_pipeline.run(Article(raw=text))
    assert article.events and {e.location for e in article.events} == {location}


def test_an_event_is_placed_on_its_town_before_a_landmark_placed_on_another(brief_pipeline) -> None:
    from eventwire.model import Article

    # "Cascabel Bridge" is placed on Huancayo, the town named last before it; the drivers were in La Oroya
    text = ("On 11 January 2022, in La Oroya (Junin), heavy and public transportation drivers blocked the Oroya - "
            "Huancayo highway in Cascabel Bridge, Tarma and Huaynacacha sectors with burning tires as a demonstration.")
    assert [e.location for e in brief_pipeline.run(Article(raw=text)).events] == ["La Oroya"]



def test_only_a_crowd_is_placed_at_the_town_its_name_says(brief_pipeline) -> None:
    from eventwire.model import Article

    text = "On 3 May 2022, fighters of the Jerusalem Brigades fired rockets at an army post."
    article = brief_pipeline.run(Article(raw=text))
    assert article.events and "Jerusalem" not in {e.location for e in article.events}


def test_a_place_before_led_or_backed_says_whose_not_where(brief_pipeline) -> None:
    from eventwire.model import Article

    text = "On 3 May 2022, U.S.-backed fighters attacked an Islamic State position."
    article = brief_pipeline.run(Article(raw=text))
    assert article.events and {e.country for e in article.events} <= {""}
    assert {m.cue for m in article.places if m.span.of(text) == "U.S."} == {"in a name"}
    # but a home said before "-based" is where, when nothing else is
    text = "On 3 May 2022, a Kabul-based journalist was shot dead by unidentified gunmen."
    article = brief_pipeline.run(Article(raw=text))
    assert {e.location for e in article.events} == {"Kabul"}


def test_a_place_named_with_its_qualifier_counts_once_for_the_articles_main_place(brief_pipeline) -> None:
    from eventwire.model import Article

    # the third act's sentence names no place: the main place is Paris, named twice, not "Lyon, France"
    text = ("Hundreds of farmers rallied in Lyon, France on Saturday. In Paris, police clashed with protesters outside "
            "the Paris city hall. Later, rioters set fire to cars.")
    assert [e.location for e in brief_pipeline.run(Article(raw=text)).events][-1] == "Paris"


@pytest.mark.parametrize(("text", "location"), [
    # the village is unknown: its first qualifier the index holds, a township, not the district's town after it
    ("On 8 June 2022, in Myo Haung village (Palaw township, Myeik district, Tanintharyi region), 50 military "
     "soldiers arrested 6 civilians.", "Palaw"),
    # a known township, though the district and the region after it both qualify it
    ("On 12 June 2022, in Shein Ma Kar village of Wetlet township (Shwebo district, Sagaing region), the military "
     "arrested four local civilians.", "Wetlet"),
])
def test_a_chain_of_qualifiers_stands_for_its_first_place(brief_pipeline, text, location) -> None:
    from eventwire.model import Article

    assert [e.location for e in brief_pipeline.run(Article(raw=text)).events] == [location]


@pytest.mark.parametrize(("text", "location"), [
    # a coder's note says where the event is placed, a town of the province the text names
    ("On 30 June 2022, Ukrainian forces repulsed the attack of the Russian forces on the stretch between Dovhenke, "
     "Kharkiv and Mazanivka, Donetsk (coded to Dovhenke). Casualties unknown.", "Dovhenkivska"),
    ("On 13 March 2022, OLF-Shane clashed with Oromia regional special force in Gibsi Shone. Location not found, "
     "coded to the nearest town, Ginchi (Dendi, West Shewa, Oromia).", "Ginch'i"),
    # the note in parentheses moves the event placed on the name before it, here the province's seat
    ("On 4 June 2022, IRG forces fired artillery at Houthi positions in Tukhiyah 'in Asir' (location unclear "
     "coded to Baqim Junction) (Baqim, Sadah). Casualties unknown.", "Baqim as Suq"),
])
def test_an_event_is_placed_where_the_note_says_it_is_coded(brief_pipeline, text, location) -> None:
    from eventwire.model import Article

    assert [e.location for e in brief_pipeline.run(Article(raw=text)).events] == [location]


@pytest.mark.parametrize(("text", "location"), [
    # the fatalities of another event are coded there, not this event
    ("On 20 February 2022, the Ukrainian Forces fired mortars at the positions of the Luhansk People's Militia near "
     "Stanytsia Luhanska, Luhansk. Two civilians were killed at unspecified locations (fatalities coded to Kalinovo "
     "event).", "Stanytsya-Luhanska"),
    # a name coded to that lies in no province the text names is another place of the name (Xigang, Ningxia)
    ("Around 4 April 2022, workers protested in Dalian city, Liaoning (coded to Xigang) to demand wage arrears.",
     "Dalian"),
    # a note about another event
    ("On 6 June 2022, Ukrainian forces shelled Russian positions near Kupiansk, Kharkiv. The shelling of Vovchansk "
     "is coded to Vovchansk separately.", "Kupyansk"),
])
def test_a_coding_note_that_cannot_place_the_event_is_passed_over(brief_pipeline, text, location) -> None:
    from eventwire.model import Article

    assert brief_pipeline.run(Article(raw=text)).events[0].location == location


@pytest.mark.parametrize(("text", "locations"), [
    # a note inside a sentence moves only the event placed on the name it follows
    ("On 2 March 2022, gunmen killed 5 people in Kafanchan, Kaduna. Two other attacks occurred in Zangon Kataf "
     "(coded to Kafanchan) and in Kauru.", ["Kauru", "Kafanchan"]),
    ("On 5 May 2022, unidentified gunmen killed two civilians in Tomo village (coded to Ginchi), West Shewa, Oromia. "
     "On the same day, protesters demonstrated in Addis Ababa against rising prices.", ["Addis Ababa", "Ginch'i"]),
])
def test_a_coding_note_moves_only_the_event_it_is_about(brief_pipeline, text, locations) -> None:
    from eventwire.model import Article

    assert sorted(e.location for e in brief_pipeline.run(Article(raw=text)).events) == sorted(locations)


@pytest.mark.parametrize(("text", "location"), [
    # the part of a city after a spaced dash, where the index holds it
    ("On 8 April 2022, residents gathered at a town hall in Johannesburg - Diepsloot (Gauteng, City of "
     "Johannesburg) to express opposition to ineffective policing.", "Diepsloot"),
    # a city's centre is the city, not a town called Centro
    ("On 11 January 2022, in Ciudad de Mexico - Centro, Mexico, armed men in a moving vehicle shot at two women "
     "travelling in another vehicle (drive-by). One woman died and the other was severely injured.", "Mexico City"),
    # another city after a dash is no part of the first, nor a town across the border
    ("On 3 May 2022, protesters blocked the Lagos - Ibadan expressway in Lagos.", "Lagos"),
    ("Migrants protested in Tijuana - San Diego on Monday.", "Tijuana"),
])
def test_an_event_in_a_part_of_a_city_is_placed_on_the_part(brief_pipeline, text, location) -> None:
    from eventwire.model import Article

    assert [e.location for e in brief_pipeline.run(Article(raw=text)).events] == [location]


@pytest.mark.parametrize(("text", "location"), [
    # a lowercase direction before a name the index knows whole, in a country the article is about
    ("On 7 March 2022, almost 500 local residents gathered in and outside of a development proposal meeting in east "
     "Naples (Florida) to call for a halt of housing development.", "Naples"),
    ("Police fired tear gas at protesters in west Bengal on Monday.", "Kolkata"),
    # not a town of that whole name abroad, nor one far smaller than the city without the direction
    ("Police in Germany arrested 12 people in east Berlin on Saturday.", "Berlin"),
    ("Clashes erupted in east London, where youths threw stones at police.", "London"),
    ("In Kenya, police arrested protesters in central Province on Monday.", "Kenya"),
])
def test_a_name_with_a_lowercase_direction_places_the_event(brief_pipeline, text, location) -> None:
    from eventwire.model import Article

    assert {e.location for e in brief_pipeline.run(Article(raw=text)).events} == {location}


@pytest.mark.parametrize(("text", "location"), [
    # of two towns of the act's clause, the one a preposition says the act was at, not one named in passing
    ("On 19 May 2022, around Cajelitos, Guerrero, relatives and friends of a taxi driver who has been missing "
     "since 7 May blocked the Chilpancingo-Acapulco federal highway to demand his search.", "Cajelitos"),
    ("On 6 April 2022, in Tlapa de Comonfort, Guerrero, teachers and students from popular high schools of "
     "Tlatlauquitepec community blocked the Tlapa-Chilpancingo highway.", "Tlapa de Comonfort"),
    # but not a town the act hit, its object, however it is cued elsewhere
    ("Russian drones hit Kyiv overnight, officials in Lviv said.", "Kyiv"),
    ("Turkish drones hit Kobani on Tuesday after talks in Ankara.", "Ayn al 'Arab"),
    ("Police arrested 20 protesters at the Ikeja junction (Lagos) on Monday.", "Ikeja"),
])
def test_a_town_the_act_is_said_to_be_at_outranks_one_named_bare(brief_pipeline, text, location) -> None:
    from eventwire.model import Article

    assert [e.location for e in brief_pipeline.run(Article(raw=text)).events] == [location]
