from gaoku.core.search.tokens import (
    GAP,
    Lookup,
    Part,
    gram_tokens,
    index_tokens,
    lookups,
    search_fold,
    sentence_keys,
    term_parts,
)


def test_the_short_field_holds_short_substrings_and_the_long_one_4_grams_between_gaps():
    tokens = gram_tokens("加强党建工作，ＡＰＰ 2023年")
    assert tokens.short.split(" ") == [
        *("加", "强", "党", "建", "工", "作"),
        *("加强", "强党", "党建", "建工", "工作"),
        *("加强党", "强党建", "党建工", "建工作"),
        *("加强党建工", "强党建工作"),
        "加强党建工作",
        *("app", "2023", "年"),
    ]
    assert tokens.long.split(" ") == ["加强党建", "强党建工", "党建工作", *[GAP] * 4]


def test_most_terms_are_one_lookup_and_longer_ones_a_phrase_of_every_fourth_4_gram():
    assert lookups("党") == (Lookup("short", ((0, "党"),)),)
    assert lookups("主体责任") == (Lookup("long", ((0, "主体责任"),)),)
    assert lookups("全面从严治党") == (Lookup("short", ((0, "全面从严治党"),)),)
    assert lookups("党支部标准化规范化建设") == (
        Lookup("long", ((0, "党支部标"), (4, "准化规范"), (7, "范化建设"))),
    )
    assert lookups("坚持和加强党的全面领导") == (
        Lookup("long", ((0, "坚持和加"), (4, "强党的全"), (7, "全面领导"))),
    )
    assert lookups("2023年") == (Lookup("short", ((0, "2023"),)), Lookup("short", ((0, "年"),)))


def test_han_runs_become_bigrams_and_chars_with_a_gap_after_each_run():
    tokens = index_tokens("加强党建，ＡＰＰ 2023年")
    assert tokens.grams.split(" ") == [
        *("加强", "强党", "党建", GAP, GAP),
        *("app", GAP, GAP),
        *("2023", GAP, GAP),
        *(GAP, GAP),
    ]
    assert tokens.chars.split(" ") == ["加", "强", "党", "建", "年"]


def test_folding_makes_full_width_plain_and_letters_lower():
    assert search_fold("ＧＤＰ增长２０％") == "gdp增长20%"


def test_a_term_is_one_exact_lookup_unless_it_mixes_scripts():
    assert term_parts("党") == [Part(char="党", run="党")]
    assert term_parts("党建") == [Part(grams=("党建",), run="党建")]
    assert term_parts("主体责任") == [Part(grams=("主体", "体责", "责任"), run="主体责任")]
    assert term_parts("2023年") == [Part(grams=("2023",), run="2023"), Part(char="年", run="年")]


def test_sentence_keys_are_han_bigrams_and_figures():
    keys = sentence_keys("播种面积稳定在４９０５５亩。")
    assert keys == ["播种", "种面", "面积", "积稳", "稳定", "定在", "49055"]
