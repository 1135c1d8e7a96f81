"""Plain text: encoding detection from content, and the txt reader."""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gaoku.core.readers import decode_text, messages, read_bytes
from gaoku.core.readers.txt import is_han
from gaoku.errors import ImportRejected

from .reader_files import SPEECH_TEXT

# 𠀀 (U+20000) is outside GBK: only GB18030's four-byte sequences hold it.
RARE_CHAR_SENTENCE = "另附生僻字“𠀀”一例，请核对。"
TRADITIONAL = (
    "各位同仁：本年度工作報告如下，請審閱。我們將繼續推動數位轉型，"
    "強化服務品質與效率，並落實各項改革措施。"
)


@pytest.mark.parametrize(
    ("encoding", "detected"),
    [
        ("utf-8", "utf-8"),
        ("utf-8-sig", "utf-8-sig"),
        ("gbk", "gb18030"),
        ("gb2312", "gb18030"),
        ("utf-16", "utf-16"),
        ("utf-16-le", "utf-16-le"),
        ("utf-16-be", "utf-16-be"),
        ("utf-32", "utf-32"),
    ],
)
def test_speech_decodes_back_exactly_from_each_encoding(encoding: str, detected: str) -> None:
    assert decode_text(SPEECH_TEXT.encode(encoding)) == (SPEECH_TEXT, detected)


def test_gb18030_character_outside_gbk_survives() -> None:
    text = SPEECH_TEXT + "\n" + RARE_CHAR_SENTENCE
    with pytest.raises(UnicodeEncodeError):
        text.encode("gbk")
    assert decode_text(text.encode("gb18030")) == (text, "gb18030")


def test_traditional_chinese_in_big5_is_detected() -> None:
    assert decode_text(TRADITIONAL.encode("big5")) == (TRADITIONAL, "big5")


def test_short_gbk_word_that_is_also_valid_utf8_reads_as_chinese() -> None:
    data = "学习".encode("gbk")
    assert data.decode("utf-8") == "ѧϰ"  # what a UTF-8-first guess would return
    assert decode_text(data) == ("学习", "gb18030")


def test_windows_and_old_mac_newlines_become_line_feeds() -> None:
    data = "通知\r\n各单位：\r请按时报送。\n".encode("gbk")
    assert decode_text(data) == ("通知\n各单位：\n请按时报送。\n", "gb18030")


@pytest.mark.parametrize("seed", range(5))
def test_random_bytes_are_undecodable(seed: int) -> None:
    noise = random.Random(seed).randbytes(4096)
    with pytest.raises(ImportRejected) as caught:
        decode_text(noise)
    assert caught.value.code == "undecodable"
    assert caught.value.message == messages.UNDECODABLE


def test_latin1_text_is_not_returned_as_chinese() -> None:
    data = "Le résumé du café à Paris est très élégant. Ça coûte déjà cher !\n".encode("latin-1")
    try:
        text, _ = decode_text(data)
    except ImportRejected as rejected:
        assert rejected.code == "undecodable"
    else:
        assert not any(is_han(char) for char in text)


def test_gbk_text_damaged_in_the_middle_is_undecodable() -> None:
    data = SPEECH_TEXT.encode("gbk")
    damaged = data[:100] + b"\x00\x01\x02" + data[100:]
    with pytest.raises(ImportRejected) as caught:
        decode_text(damaged)
    assert caught.value.code == "undecodable"


def test_txt_reader_reports_format_and_encoding() -> None:
    result = read_bytes(SPEECH_TEXT.encode("gb18030"), name="讲话.txt")
    assert (result.format, result.encoding, result.ocr) == ("txt", "gb18030", False)
    assert result.text == SPEECH_TEXT


def test_encoding_is_judged_from_content_not_extension() -> None:
    result = read_bytes(SPEECH_TEXT.encode("utf-16"), name="讲话-gbk.txt")
    assert (result.text, result.encoding) == (SPEECH_TEXT, "utf-16")


@pytest.mark.parametrize("data", [b"", b"  \n\r\n\t ", "\u3000\u3000\n".encode()])
def test_empty_or_blank_file_is_rejected_as_empty(data: bytes) -> None:
    with pytest.raises(ImportRejected) as caught:
        read_bytes(data, name="空白.txt")
    assert (caught.value.code, caught.value.message) == ("empty", messages.EMPTY)


COMMON = (
    "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动"
    "同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自"
    "二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日"
    "那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变"
    "条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总"
    "次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指"
    "几九区强放决西被干做必战先回则任取据处理世"
)
PUNCTUATION = "，。、：；！？“”（）《》"
# At least eight Han characters, as any real file has: two or three GB18030 characters
# can be valid UTF-8 by chance, which no detector can tell apart.
chinese_text = (
    st.tuples(
        st.lists(st.sampled_from(COMMON), min_size=8, max_size=200),
        st.lists(st.sampled_from(PUNCTUATION + "0123456789XX\n"), max_size=60),
    )
    .flatmap(lambda parts: st.permutations(parts[0] + parts[1]))
    .map("".join)
)


@settings(max_examples=150, deadline=None)
@given(text=chinese_text, encoding=st.sampled_from(["utf-8", "gb18030"]))
def test_chinese_text_round_trips_through_utf8_and_gb18030(text: str, encoding: str) -> None:
    assert decode_text(text.encode(encoding)) == (text, encoding)
