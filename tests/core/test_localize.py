from datetime import date

from gaoku.core.localize import Localisation, localisation_problems, localize

TODAY = date(2026, 12, 5)
TEMPLATE = (
    "在XX县20XX年经济工作会议上的讲话\n同志们：\n"
    "去年，在X书记带领下，XX县深入学习党的十九大精神，“十四五”开局良好。\n"
    "今年是脱贫攻坚决胜之年，××同志牵头，某某单位配合，X月X日前报送。"
)


def test_fillings_replace_every_occurrence_of_their_token_and_nothing_else():
    done = localize(TEMPLATE, Localisation(fills={"XX县": "清溪县", "X书记": " 李书记 "}), TODAY)
    assert done.count("清溪县") == 2 and "XX县" not in done
    assert "李书记带领" in done
    # What the member left empty stays, to be filled by hand.
    assert "××同志" in done and "某某单位" in done and "X月X日" in done and "20XX年" in done


def test_each_count_left_blank_is_filled_on_its_own():
    text = "全年新建XX个站点，培训XX名干部。"
    done = localize(text, Localisation(fills={"XX个": "12个", "XX名": "300名"}), TODAY)
    assert done == "全年新建12个站点，培训300名干部。"


def test_the_year_fills_20xx_and_chosen_stale_references_take_their_current_wording():
    done = localize(
        TEMPLATE, Localisation(year=2026, updates=frozenset({"十九大", "十四五"})), TODAY
    )
    assert "2026年经济工作会议" in done
    assert "党的二十大精神" in done and "“十五五”" in done
    # Flagged for rewriting, never replaced.
    assert "今年是脱贫攻坚决胜之年" in done


def test_references_not_chosen_are_left_as_written():
    done = localize(TEMPLATE, Localisation(updates=frozenset({"十四五"})), TODAY)
    assert "十九大" in done and "十五五" in done


def test_answers_too_long_on_two_lines_or_out_of_range_are_refused_with_reasons():
    bad = Localisation(fills={"XX县": "县" * 41, "X书记": "李\n书记"}, year=1800)
    problems = localisation_problems(bad)
    assert len(problems) == 3 and "XX县" in problems[0] and "X书记" in problems[1]
    assert localisation_problems(Localisation(fills={"XX县": "清溪县"}, year=2026)) == []


def test_a_localisation_round_trips_through_its_dictionary():
    asked = Localisation(fills={"XX县": "清溪县"}, year=2026, updates=frozenset({"十九大"}))
    assert Localisation.from_dict(asked.to_dict()) == asked
    assert not Localisation() and asked
