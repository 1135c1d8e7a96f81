from gaoku.core.search.tokens import (
    GAP,
    Part,
    index_tokens,
    phrase_offsets,
    search_fold,
    sentence_keys,
    term_parts,
)


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


def test_a_phrase_needs_every_other_bigram_and_the_last():
    assert phrase_offsets(1) == [0]
    assert phrase_offsets(2) == [0, 1]
    assert phrase_offsets(3) == [0, 2]
    assert phrase_offsets(4) == [0, 2, 3]
    assert phrase_offsets(5) == [0, 2, 4]
