import pytest

from gaoku.core.search.query import (
    DANGLING_NOT,
    DANGLING_OR,
    EMPTY,
    EXCLUDED_IN_OR,
    ONLY_EXCLUDED,
    All,
    Any,
    Not,
    QueryError,
    Term,
    parse,
    positive_words,
)


def test_spaces_mean_and_or_binds_tighter_and_minus_or_not_excludes():
    assert parse("党建 乡村振兴 OR 脱贫攻坚 -疫情") == All(
        (
            Term("党建", ("党建",)),
            Any((Term("乡村振兴", ("乡村振兴",)), Term("脱贫攻坚", ("脱贫攻坚",)))),
            Not(Term("疫情", ("疫情",))),
        )
    )
    assert parse("党建 NOT 疫情") == parse("党建 -疫情")


def test_a_run_typed_without_spaces_is_cut_into_words_keeping_official_terms_whole():
    term = parse("落实全面从严治党主体责任")
    assert term == Term("落实全面从严治党主体责任", ("落实", "全面从严治党", "主体责任"))
    assert parse("一岗双责").words == ("一岗双责",)
    assert parse("三会一课制度").words == ("三会一课", "制度")


def test_function_characters_are_dropped_from_a_cut_run_but_not_when_typed_alone():
    assert "的" not in parse("党员的作用").words
    assert parse("的") == Term("的", ("的",))


def test_a_quoted_phrase_is_one_word_in_straight_or_chinese_quotes():
    assert parse('"落实主体责任"') == Term("落实主体责任", ("落实主体责任",))
    assert parse("“落实主体责任”") == parse('"落实主体责任"')


def test_full_width_and_case_fold_and_punctuation_splits():
    assert parse("ＧＤＰ") == Term("gdp", ("gdp",))
    assert parse('"加强，党建"') == Term("加强 党建", ("加强 党建",), phrase=True)


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("", EMPTY),
        ("  ，。 ", EMPTY),
        ("-疫情", ONLY_EXCLUDED),
        ("NOT 疫情 -防控", ONLY_EXCLUDED),
        ("OR 党建", DANGLING_OR),
        ("党建 OR", DANGLING_OR),
        ("党建 OR -疫情", EXCLUDED_IN_OR),
        ("党建 NOT", DANGLING_NOT),
        ("党" * 201, "查询太长：最多 200 个字符。"),
        (" ".join(["党建"] * 25), "查询的词太多：最多 24 个。"),
    ],
)
def test_queries_that_cannot_run_say_why(query, message):
    with pytest.raises(QueryError) as caught:
        parse(query)
    assert str(caught.value) == message


def test_positive_words_leave_out_the_excluded():
    assert positive_words(parse("乡村振兴产业 -疫情")) == ["乡村振兴产业", "乡村振兴", "产业"]


def test_a_term_of_one_or_two_characters_matches_as_written_even_outside_the_dictionary():
    cut_apart = parse("初心", cut=lambda text: list(text))
    assert cut_apart == Term("初心", ("初心",))
    assert parse("党", cut=lambda text: list(text)) == Term("党", ("党",))
    assert parse("守初心", cut=lambda text: list(text)).words == ("守", "初", "心")
