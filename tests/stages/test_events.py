import datetime as dt

import pytest

pytestmark = pytest.mark.slow


def _run(pipeline, text: str, published=dt.date(2020, 3, 7)):
    from eventwire.model import Article

    return pipeline.run(Article(raw=text, published=published))


FILLER = " The report was published by the agency, which has covered the region for many years."


@pytest.mark.parametrize(("sentence", "reason"), [
    ("A memorial to Yazidis killed by ISIS in 2014 was unveiled in Sinjar on Friday.", "description, not a report"),
    ("Gunmen did not attack the village of Kidal on Friday.", "negated"),
    ("Militants could attack the town of Gao next week.", "hypothetical or future"),
    ("Rebels had seized the town of Gao before the talks.", "background (past perfect)"),
    ("The army vowed to recapture the town of Gao.", "not asserted"),
    ("Clashes had taken place in the town of Gao before the talks.", "background (past perfect)"),
    ("The activists called for a protest in Gao next week.", "not asserted"),
    ("Some 200 employees who were fired from the town hall of Gao complained on Friday.", "dismissal"),
    ("Dozens of striking EFACEC workers spoke in Gao on Friday.", "description, not a report"),
])
def test_non_events_are_rejected_with_their_reason(pipeline, sentence, reason) -> None:
    article = _run(pipeline, sentence + FILLER)
    assert not article.events
    assert reason in {d.reason for d in article.rejected}


def test_attack_on_civilians_and_clash_with_troops_are_typed(pipeline) -> None:
    article = _run(pipeline, "Gunmen killed five villagers in the town of Gao on Friday." + FILLER)
    (event,) = article.events
    assert (event.event_type, event.sub_event_type) == ("Violence against civilians", "Attack")
    assert event.event_date == dt.date(2020, 3, 6) and event.country == "Mali"
    article = _run(pipeline, "Militants clashed with soldiers near the town of Gao on Friday." + FILLER)
    assert [e.sub_event_type for e in article.events] == ["Armed clash"]


@pytest.mark.parametrize(("sentence", "sub_event_type"), [
    ("A drone strike hit a market in the town of Gao on Thursday.", "Air/drone strike"),
    # the weapon named after the target: mines (plural) and remote explosives are IEDs
    ("Rebels attacked a military convoy with mines near Gao on Thursday.", "Remote explosive/landmine/IED"),
    ("Militants carried out a remote explosive attack targeting soldiers near Gao on Thursday.",
     "Remote explosive/landmine/IED"),
    # a grenade dropped from no aircraft is a grenade attack; barrel bombs are dropped from the air
    ("A man dropped a grenade into a crowded bar in Gao on Thursday.", "Grenade"),
    ("Regime forces dropped barrel bombs on the town of Gao on Thursday.", "Air/drone strike"),
])
def test_weapon_cues_retype_an_attack(pipeline, sentence, sub_event_type) -> None:
    article = _run(pipeline, sentence + FILLER)
    assert [e.sub_event_type for e in article.events] == [sub_event_type]


@pytest.mark.parametrize(("sentence", "sub_event_type"), [
    ("In Gao on Friday there were two armed clashes between rival gangs.", "Armed clash"),
    ("Hundreds of residents gathered outside the town hall of Gao on Friday to demand water.", "Peaceful protest"),
    ("Fishermen blocked the main highway near Gao on Friday over compensation.", "Peaceful protest"),
    ("Soldiers set houses on fire in the village of Gao on Friday.", "Looting/property destruction"),
    ("Members of the teachers union protested in Gao on Friday.", "Peaceful protest"),
    ("On Friday, women threw empty gas cylinders into the river during a protest in Gao against the price hike.",
     "Peaceful protest"),
    # acts counted by a noun ("a total of"), and acts in a list written with slashes
    ("On Friday, the OSCE SMM observed a total of 8 explosions involving artillery near Gao.",
     "Shelling/artillery/missile attack"),
    ("On Friday, the OSCE SMM observed a total of 3 projectiles/explosions/shots involving artillery near Gao.",
     "Shelling/artillery/missile attack"),
    ("On Friday, the OSCE SMM observed a total of 1 projectiles involving unknown weapons near Gao.",
     "Shelling/artillery/missile attack"),
    # fire with small arms at no one named, by no one named: an exchange of fire
    ("On Friday, the OSCE SMM observed a total of 25 bursts of fire involving small arms near Gao.", "Armed clash"),
    # a protest the small model hangs under its own demand is still the act
    ("On Friday, locals of Odo-Odo protested in Gao to demand that the title be given autonomy.", "Peaceful protest"),
    ("Citizens gathered in Gao on Friday to voice their dissatisfaction with the tree cutting.", "Peaceful protest"),
    ("Parents took over the elementary school in Gao on Friday to denounce the lack of water.", "Peaceful protest"),
    ("Nearly 80 persons gathered in front of the school in Gao on Friday. They denounced the expulsion of a family.",
     "Peaceful protest"),
    # what is seized is territory, weapons or goods, in that order
    ("Militants seized the town of Gao on Friday.", "Non-state actor overtakes territory"),
    # a village the index lacks, named by the province after it
    ("On Friday, militants captured Starohnativka, Gao.", "Non-state actor overtakes territory"),
    ("Soldiers seized a cache of weapons in Gao on Friday.", "Disrupted weapons use"),
    ("Militants seized livestock in the village of Gao on Friday.", "Looting/property destruction"),
    # what a protest is about is not what its crowd did
    ("Party members staged a protest in Gao on Friday against the stone pelting at the house of their chief.",
     "Peaceful protest"),
    ("Activists staged protests and burned effigies in Gao on Friday.", "Peaceful protest"),
    ("Activists staged protests and torched a bus in Gao on Friday.", "Violent demonstration"),
    # villagers with guns clash as militias; without, as a mob
    ("Two groups of villagers exchanged fire in Gao on Friday over a land dispute.", "Armed clash"),
    ("Two groups of villagers clashed in Gao on Friday over a land dispute.", "Mob violence"),
    # who was hit decides between an attack and a clash
    ("A suspected gang member was shot and killed in Gao on Friday.", "Armed clash"),
    ("An off-duty police officer was shot dead by two armed men in Gao on Friday.", "Attack"),
    ("Two men were shot dead by armed individuals in Gao on Friday.", "Attack"),
    ("Four assailants assaulted two party supporters with sticks in Gao on Friday.", "Mob violence"),
    # strategic developments: displacement, security measures, movements of forces, migrants held
    ("About 27,000 people were evacuated from Gao on Friday.", "Other"),
    ("The government declared a curfew in Gao on Friday.", "Change to group/activity"),
    ("A convoy of army reinforcements reached Gao on Friday.", "Change to group/activity"),
    ("Soldiers sealed off the house of an opposition politician in Gao on Friday.", "Looting/property destruction"),
    ("Police officers rescued 139 migrants travelling in a trailer near Gao on Friday.", "Arrests"),
    ("Migrants crossing the border were stopped near Gao on Friday and detained by the army.", "Arrests"),
    # crowds that clash with the police, or throw stones, without guns: mob violence
    ("On Friday there was a clash between the state police and merchants in Gao.", "Mob violence"),
    ("Rioters hurled stones at soldiers in Gao on Friday.", "Mob violence"),
    ("Residents blocked the main road with rocks and rubbish in Gao on Friday to demand water.",
     "Violent demonstration"),
    ("Students staged a flash mob in Gao on Friday to condemn criminal violence.", "Peaceful protest"),
    ("Heavy gunfire erupted between rebels and the army in Gao on Friday.", "Armed clash"),
    ("Soldiers launched ground operations against rebel fighters near Gao on Friday.", "Armed clash"),
    ("On Friday, clashes between armed groups were reported in Gao.", "Armed clash"),
    # a strike: from the air, a missile's, or workers'
    ("An air strike hit a market in Gao on Friday.", "Air/drone strike"),
    ("Teachers held a two-hour strike outside the ministry in Gao on Friday.", "Peaceful protest"),
    ("Russian forces launched rockets at Gao on Friday, killing one civilian.", "Shelling/artillery/missile attack"),
    ("Officials formed a human chain in Gao on Friday, demanding their salaries.", "Peaceful protest"),
    # a participle that names who harmed the victims reports the act; a weapon "fired by" someone is described
    ("On Friday, a woman's body was found in a camp in Gao, killed by unknown gunmen.", "Attack"),
    ("On Friday, artillery fired by the army exploded near Gao.", "Shelling/artillery/missile attack"),
    # the small model lemmatises "raped" as "rap"
    ("A soldier raped a woman in the village of Gao on Friday.", "Sexual violence"),
    # a grenade thrown is a grenade attack; people stoned by a crowd, mob violence; a bomb that went off, an IED
    ("Militants threw a hand grenade at the police station in Gao on Friday.", "Grenade"),
    ("Residents stoned a thief in Gao on Friday.", "Mob violence"),
    ("A bomb went off in the market of Gao on Friday.", "Remote explosive/landmine/IED"),
    ("Protesters threw petrol bombs at the police in Gao on Friday.", "Violent demonstration"),
    # grenades dropped from a drone are an air strike; an offensive attempted is fought
    ("Rebels dropped two grenades from a drone on army positions near Gao on Friday.", "Air/drone strike"),
    ("Government forces attempted an offensive in the direction of Gao on Friday.", "Armed clash"),
    # a raid that burned houses and hurt no one is the destruction it did; one that killed is an attack
    ("On Friday, soldiers raided a village near Gao and set fire to four houses.", "Looting/property destruction"),
    ("On Friday, soldiers raided a village near Gao and set fire to four houses, killing an old man.", "Attack"),
    # shelling or explosives used with small arms against an armed side is a clash; against civilians, shelling
    ("On Friday, government forces fired artillery, mortars and small arms at rebel positions near Gao.",
     "Armed clash"),
    ("On Friday, government forces fired artillery, mortars and small arms at a market near Gao.",
     "Shelling/artillery/missile attack"),
    # a crowd's violence in the course of its demonstration; the same without one is mob violence
    ("On Friday, rioters clashed with soldiers during the weekly demonstration in Gao.", "Violent demonstration"),
    ("On Friday, lawyers assaulted passers-by during a demonstration in Gao.", "Violent demonstration"),
    ("On Friday, lawyers assaulted passers-by in Gao.", "Mob violence"),
    ("On Friday, during the first week of March, residents beat two suspected thieves to death in Gao.",
     "Mob violence"),
    # what the police did to a crowd, told in the sentence after, whatever the crowd did
    ("On Friday, activists blocked the main road in Gao to protest against logging. Police arrested 3 protesters.",
     "Protest with intervention"),
    ("Lawyers staged a protest in Gao on Friday. The authorities made several arrests.", "Protest with intervention"),
])
def test_reports_written_as_nouns_gatherings_and_fragments_are_events(pipeline, sentence, sub_event_type) -> None:
    article = _run(pipeline, sentence + FILLER)
    assert [e.sub_event_type for e in article.events] == [sub_event_type]


def test_a_chain_of_words_for_one_act_is_one_event(pipeline) -> None:
    article = _run(pipeline, "A drone strike hit a market in the town of Gao on Thursday." + FILLER)
    assert len(article.events) == 1


@pytest.mark.parametrize(("sentence", "sub_event_type"), [
    ("Residents beat up two suspected thieves in the town of Gao on Friday.", "Mob violence"),
    ("Hundreds protested in Gao on Friday. Police intervened, detaining at least 20 people.",
     "Protest with intervention"),
    ("Women marched in Gao on Friday to demand justice for women who have been killed.", "Peaceful protest"),
    ("Gunmen opened fire at soldiers guarding a checkpoint in Gao on Friday.", "Armed clash"),
    ("Protesters demanded jobs and water in front of the governor's office in Gao on Friday.", "Peaceful protest"),
    ("Union members held a press conference with banners outside the town hall of Gao on Friday.",
     "Peaceful protest"),
    ("Rebels fired grenade launchers at army positions near Gao on Friday.", "Shelling/artillery/missile attack"),
    ("Residents captured a thief in Gao on Friday and beat him.", "Mob violence"),
    ("Clashes erupted between rival party supporters and villagers in Gao on Friday.", "Mob violence"),
    ("Residents blocked the main road of Gao on Friday by setting tires on fire.", "Violent demonstration"),
    ("Houthi forces attacked and clashed with pro-Hadi forces near Gao on Friday.", "Armed clash"),
    ("At least ten people were injured in a clash between two groups of villagers in Gao on Friday.",
     "Mob violence"),
    ("On Friday, a UN patrol took place in the outskirts of Gao.", "Change to group/activity"),
    ("Soldiers discovered and defused an IED near Gao on Friday.", "Disrupted weapons use"),
    ("A shoot-out between police and unknown shooters took place in Gao on Friday.", "Armed clash"),
    ("Militants attacked army positions near Gao on Friday.", "Armed clash"),
    # fire aimed at forces is a clash, however the aim is told
    ("Rebels opened fire in the direction of army positions near Gao on Friday.", "Armed clash"),
    ("Gunmen fired towards the soldiers of a patrol near Gao on Friday.", "Armed clash"),
    # an abduction told with a killing is an attack; not with a killing denied or threatened
    ("Militants killed a man and abducted a tailor near Gao on Friday.", "Attack"),
    ("Gunmen abducted a tailor near Gao on Friday and threatened to kill him.", "Abduction/forced disappearance"),
    # "they" is the doer before, whose act's targets the soldiers are
    ("Militants stormed the town of Gao on Friday and they killed five soldiers.", "Armed clash"),
    # the mines attacked are the target, not the weapon
    ("Gunmen attacked artisanal gold mines near Gao on Friday, killing three miners.", "Attack"),
    # arson by people unknown is no mob's; the homes of civilians are property, not people
    ("An unidentified group set ablaze a butchery in Gao on Friday.", "Looting/property destruction"),
    ("Militiamen burned and destroyed the homes of three civilians in Gao on Friday.",
     "Looting/property destruction"),
])
def test_who_acts_against_whom_types_the_event(pipeline, sentence, sub_event_type) -> None:
    article = _run(pipeline, sentence + FILLER)
    assert article.events and article.events[0].sub_event_type == sub_event_type


@pytest.mark.parametrize(("text", "sub_event_type"), [
    # the small model reads "IS" as a verb: the name before "members" still says whose members they are
    ("On 26 April 2022, IS members attacked regime forces positions near Al Sukhnah town in Homs badia. Casualties "
     "unknown.", "Armed clash"),
    # members of a gang the lexicon lacks, with guns: an armed group, not a crowd
    ("On 3 February 2022, in Apopa, San Salvador, two Barrio 18- Revolucionarios members shot and killed a man in "
     "the El Angel community.", "Attack"),
    ("On 14 February 2022, in Yinmarbin township (Sagaing region), the Myanmar military forces and Pyu Saw Htee "
     "members burned down over 100 houses in two villages.", "Looting/property destruction"),
    # people who attack with guns are an armed group; a crowd that sets fire to a house has no guns
    ("On 27 June 2022, in Laventille, three armed men approached a man who was bathing on the road and opened fire "
     "on him, injuring him in the leg.", "Attack"),
    ("On 13 June 2022, in Resistencia (Chaco), around 300 residents beat and killed a man, who they accused of "
     "killing a neighbour, and later set fire to his house.", "Mob violence"),
    ("On 3 May 2022, a mob armed with machetes attacked a man accused of theft in Gao.", "Mob violence"),
    ("On 4 February 2022, on the road to the airport, armed rioters fired several shots as part of the "
     "demonstration in Gao.", "Mob violence"),
])
def test_members_and_gunmen_are_armed_sides(brief_pipeline, text, sub_event_type) -> None:
    from eventwire.model import Article

    article = brief_pipeline.run(Article(raw=text))
    assert article.events and article.events[0].sub_event_type == sub_event_type


def test_a_blockade_by_troops_is_not_a_protest(pipeline) -> None:
    article = _run(pipeline, "Soldiers blocked the main road to Gao on Friday." + FILLER)
    assert not article.events and "not a crowd's act" in {d.reason for d in article.rejected}


@pytest.mark.parametrize("text", [
    "On 3 January 2022, around 2,500 people demonstrated in Magdeburg against coronavirus measures. Demonstrators "
    "threw bottles and used pyrotechnics at police officers.",
    "On 5 April 2022, in Huaraz, bus drivers blocked an avenue for four hours to demonstrate against fuel prices. "
    "The demonstrators attacked a vehicle that attempted to go through.",
    "On 29 June 2022, in Sinsacate, truck drivers blocked National Route 9 to demonstrate against fuel shortages. "
    "They beat up three truck drivers who did not respect the blockade.",
])
def test_a_demonstration_whose_crowd_turns_violent_is_one_violent_demonstration(brief_pipeline, text) -> None:
    from eventwire.model import Article

    article = brief_pipeline.run(Article(raw=text))
    assert "Violent demonstration" in {e.sub_event_type for e in article.events}
    assert article.events[0].sub_event_type == "Violent demonstration"  # the demonstration itself
    assert any(d.reason == "same act as another trigger" for d in article.rejected)


@pytest.mark.parametrize(("text", "sub_event_type"), [
    ("On 13 April 2022, passengers demonstrated and destroyed some facilities at the airport in Abuja.",
     "Violent demonstration"),
    ("On 30 March 2022, in Santiago del Estero, members of civil society organizations gathered in the city centre "
     "and set up a camp to demand food for popular restaurants.", "Peaceful protest"),
    ("On 30 June 2022, in Rawson, health workers blocked 28 de Julio Street to demand better salaries. The group "
     "also carried out a strike.", "Peaceful protest"),
    # vehicles used to block a road are a barricade; a crowd that came with its tractors is not
    ("On 22 June 2022, in Villa Constitucion, truck drivers held demonstrations against fuel shortages. The group "
     "used their vehicles to block the highway.", "Violent demonstration"),
    ("On 17 March 2022, farmers gathered with their tractors near Modica to protest against fuel prices.",
     "Peaceful protest"),
    # what the protest is about, told "wherein", is no act of the crowd
    ("On 13 April 2022, a demonstration was staged in Bingol town centre, protesting a police violence incident "
     "that occurred in the town, wherein a civilian was assaulted by police officers.", "Peaceful protest"),
    ("On 9 February 2022, an unknown number of people staged a torch procession in Haarlem to protest the "
     "coronavirus policy of the Dutch government.", "Peaceful protest"),  # a torch carried, not a building torched
    ("On 5 June 2022, students from Gulu Secondary School demonstrated against receiving little food at school, "
     "burning down a hut belonging to a teacher at the school.", "Violent demonstration"),
    # the parties of a clash named on the verb that describes it ("a clash ensued between ...")
    ("On 6 June 2022, a clash ensued between the demonstrating locals and the police at the bazar in Gulariya "
     "municipality (Bardiya district).", "Violent demonstration"),
    ("On 22 May 2022, a clash ensued between supporters of NC and supporters of LSP at Teta locality in Janakpur, "
     "following the announcement of the election results.", "Mob violence"),
])
def test_a_demonstration_is_violent_by_what_its_crowd_does(brief_pipeline, text, sub_event_type) -> None:
    from eventwire.model import Article

    article = brief_pipeline.run(Article(raw=text))
    assert article.events and article.events[0].sub_event_type == sub_event_type


@pytest.mark.parametrize("text", [
    "On 25 January 2022, around 30 retirees and pensioners called by the COESPE platform protested in Murcia over "
    "the difficulties of managing their online bank accounts due to the increasing closure of banks.",
    "Around 28 January 2022 (as reported), over 100 workers protested in Changzhou city, Jiangsu (coded to Xinbei) "
    "to demand wage arrears owed by a construction company.",
    # the small model makes "to call" the root and leaves "gathered" without its purpose
    "On 25 March 2022, as part of a Global Climate Strike called by FFF, activists and students gathered in Derry "
    "(Derry City and Strabane, Derry City and Strabane, Northern Ireland) to call for more climate action.",
    # "since 7 May" dates the disappearance; the model reads "May" as a modal and hangs "since" on the act
    "On 19 May 2022, around Tixtla, Guerrero, relatives of a teacher who has been missing since 7 May blocked the "
    "federal highway to demand that the authorities search for him.",
    # the model reads "blocked roads" as roads that are blocked and makes "to demand" the root: no finite verb
    "On 26 April 2022, in Morelia, Michoacan de Ocampo, teachers and members of the SNTE blocked roads close to the "
    "ministry of finance to demand the payment of pending salaries.",
])
def test_a_protest_the_parse_misreads_is_still_reported(brief_pipeline, text) -> None:
    # a call that is a passive participle ("called by the platform") is no call to act; the small model hangs
    # "protested" on "workers" as if it described them
    from eventwire.model import Article

    article = brief_pipeline.run(Article(raw=text))
    assert [e.sub_event_type for e in article.events] == ["Peaceful protest"]


def test_a_refusal_after_a_semicolon_governs_nothing_before_it(brief_pipeline) -> None:
    from eventwire.model import Article

    text = ("On 28 February 2022, parents blocked a technical high school in Umlazi in a demonstration to demand a "
            "solution to the surplus of teachers at the institution; teachers have been refusing to go to other "
            "schools.")
    article = brief_pipeline.run(Article(raw=text))
    assert article.events and {e.sub_event_type for e in article.events} == {"Peaceful protest"}


@pytest.mark.parametrize(("text", "reported"), [
    # the small model tags a march's name a proper noun; a month is no march
    ("On 28 June 2022, in Salta, Indigenous people carried out an LGBT Pride March in demand of rights.", True),
    ("On 28 June 2022, in Salta, a group led by the Evita Movement carried out the LGBT Pride March towards the "
     "main square to demand the effective implementation of the trans labor quota.", True),
    ("On 9 May 2022, 40 000 people participated in the commemorative Immortal Regiment march in Simferopol.", True),
    ("On 4 March 2022, people took part in the Women's March in Lima.", True),
    ("The vote took place in March in Lima, officials said.", False),
    ("The vote took place in early March in Lima, officials said.", False),
    # past events named in a clause about people are no new acts, whatever their type
    ("Residents in Beijing recalled relatives who took part in the Long March.", False),
    ("The veteran, who took part in the Battle of Kursk, died in Moscow at the age of 98.", False),
    ("A memorial was unveiled in Boston to the victims killed in the Boston Marathon Bombing.", False),
])
def test_a_march_named_as_a_proper_noun_is_reported(brief_pipeline, text, reported) -> None:
    from eventwire.model import Article

    article = brief_pipeline.run(Article(raw=text))
    assert [e.sub_event_type for e in article.events] == (["Peaceful protest"] if reported else [])


def test_opened_fire_misread_as_a_modifier_is_still_reported(brief_pipeline) -> None:
    from eventwire.model import Article

    # the small model reads "opened" as an adjective of "fire"
    article = brief_pipeline.run(Article(raw="On 3 March 2022, a group of 10-15 suspected members of Janata Dal-United "
                                             "opened fire and threatened villagers with a gun at Wabagai (Manipur)."))
    assert [e.event_type for e in article.events] == ["Violence against civilians"]


def test_set_fire_misread_as_a_modifier_is_arson(brief_pipeline) -> None:
    from eventwire.model import Article

    # the small model reads "set" as an adjective of "fire", the sentence's root
    article = brief_pipeline.run(Article(raw="On 8 May 2022, an arsonist set fire to the building of the military "
                                             "enlistment office in Cherepovets."))
    assert [e.sub_event_type for e in article.events] == ["Looting/property destruction"]


def test_an_act_told_in_a_relative_clause_ranks_below_the_main_clauses(brief_pipeline) -> None:
    from eventwire.model import Article

    text = ("On 11 February 2022, in Barreiros (Pernambuco), family members and friends of a child who was shot to "
            "death inside his private residence carried out a protest to demand justice for his case.")
    events = brief_pipeline.run(Article(raw=text)).events
    best = max(events, key=lambda e: e.confidence)
    assert best.sub_event_type == "Peaceful protest"
    assert {e.sub_event_type for e in events} >= {"Peaceful protest", "Attack"}  # the killing is still an event


def test_an_act_told_later_with_a_day_of_its_own_ranks_below_the_reported_one(pipeline) -> None:
    article = _run(pipeline, "On 13 February 2020, a social leader was killed and his body was found in Gao. The "
                             "victim was abducted on 10 February by unidentified armed individuals." + FILLER)
    ranked = sorted(article.events, key=lambda e: -e.confidence)
    assert ranked[0].sub_event_type == "Attack"
    assert "Abduction/forced disappearance" in {e.sub_event_type for e in article.events}  # still an event


@pytest.mark.parametrize("text", [
    "On Friday, police captured John Smith, Texas officials said.",
    "On Friday, militants seized Chevron, Lagos, and took 12 workers hostage.",
])
def test_a_person_or_company_qualified_by_a_place_is_no_territory(pipeline, text) -> None:
    article = _run(pipeline, text + FILLER)
    assert not {e.sub_event_type for e in article.events} & {"Non-state actor overtakes territory",
                                                             "Government regains territory"}


@pytest.mark.parametrize("text", [
    "On Friday, a shooting with a rifle at a supermarket in Gao left five people dead.",
    "On Friday, a burst of gunfire at a wedding in Gao killed two guests.",
])
def test_a_one_sided_shooting_is_no_clash(pipeline, text) -> None:
    article = _run(pipeline, text + FILLER)
    assert "Armed clash" not in {e.sub_event_type for e in article.events}


def test_the_lead_act_keeps_its_rank_when_no_day_leads_the_text(pipeline) -> None:
    article = _run(pipeline, "Mali has faced an insurgency since 2012. Suspected jihadists attacked a military base in "
                             "Gao on April 10, killing 12 soldiers. In March, protesters marched in Bamako against the "
                             "junta." + FILLER, published=dt.date(2022, 4, 11))
    confidence = {e.sub_event_type: e.confidence for e in article.events}
    assert confidence["Armed clash"] >= confidence["Peaceful protest"]


@pytest.mark.parametrize(("text", "sub_event_type"), [
    ("On 27 March 2022, in La Plata, neighbors surrounded the building of the Teatro del Lago to demand its "
     "reactivation.", "Peaceful protest"),
    ("On 3 May 2022, villagers stopped a mining convoy in Cajamarca to demand compensation.", "Peaceful protest"),
    ("On 3 May 2022, residents lay on the road in Lusaka to demand speed bumps.", "Peaceful protest"),
    ("On 3 May 2022, workers downed tools at the mine in Rustenburg, demanding higher wages.", "Peaceful protest"),
])
def test_a_crowds_act_done_to_demand_something_is_a_protest(brief_pipeline, text, sub_event_type) -> None:
    from eventwire.model import Article

    article = brief_pipeline.run(Article(raw=text))
    assert [e.sub_event_type for e in article.events] == [sub_event_type]


@pytest.mark.parametrize("text", [
    "Residents of Kaduna condemned the attack on Monday, demanding justice.",  # a statement
    "Villagers in Kaduna returned home on Monday, denouncing the government's failure.",
    "Families of the victims met the governor in Jos on Monday to demand justice.",  # a meeting
    # waiting, queueing, travelling, suing and posting are no crowd's protest, whatever they demand
    "Hundreds of civilians remained trapped in the Azovstal plant in Mariupol, demanding a safe evacuation corridor.",
    "Residents formed long queues for water in Mykolaiv, demanding more supplies.",
    "The family of the slain reporter flew to Manila to demand justice.",
    "Workers went to court in Nairobi to demand unpaid wages.",
    "Residents of Kharkiv took to Facebook to condemn the strike on the market.",
])
def test_a_crowds_statement_or_errand_with_a_demand_is_no_protest(brief_pipeline, text) -> None:
    from eventwire.model import Article

    assert not brief_pipeline.run(Article(raw=text)).events
