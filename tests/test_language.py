from eventwire.language import guess_language


def test_guesses_common_news_languages() -> None:
    assert guess_language("The army said on Monday that it had taken the town from the rebels.") == "en"
    assert guess_language("Les combattants ont pris le contrôle de la ville, selon des sources de sécurité.") == "fr"
    assert guess_language("Los rebeldes tomaron el control de la ciudad, según las fuentes de seguridad.") == "es"
    assert guess_language("سيطر مقاتلون على بلدتين على الحدود العراقية السورية") == "ar"


def test_too_little_text_is_undetermined() -> None:
    assert guess_language("Comments") == "und"
