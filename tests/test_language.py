from eventwire.language import guess_language


def test_guesses_common_news_languages() -> None:
    assert guess_language("The army said on Monday that it had taken the town from the rebels.") == "en"
    assert guess_language("Les combattants ont pris le contrôle de la ville, selon des sources de sécurité.") == "fr"
    assert guess_language("Los rebeldes tomaron el control de la ciudad, según las fuentes de seguridad.") == "es"
    assert guess_language("سيطر مقاتلون على بلدتين على الحدود العراقية السورية") == "ar"


def test_too_little_text_is_undetermined() -> None:
    assert guess_language("Comments") == "und"


def test_arabic_and_portuguese_names_in_an_english_brief_do_not_make_it_foreign() -> None:
    # "Al" twice reads as Spanish "al", "in ... de" as Dutch: a lead of one function word is no evidence
    assert guess_language("On 11 January 2022, 1 Saudi-led coalition air raid targeted Al Hazm district (Al Jawf). "
                          "Casualties unknown.") != "es"
    assert guess_language("On 8 March 2022, in Rio de Janeiro - West Zone (Rio de Janeiro), a shoot-out between "
                          "unknown shooters took place in the Tanque neighborhood.") == "en"
