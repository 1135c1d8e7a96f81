import pytest

from gaoku.core.cleaning import (
    MAX_WRAPPER_LINE,
    compile_patterns,
    default_patterns,
    is_title,
    learnable_lines,
    line_shape,
    strip_boilerplate,
)
from gaoku.core.cleaning.promotion import promotion
from gaoku.core.cleaning.reasons import PROMOTION
from gaoku.core.generator import generate_corpus
from gaoku.core.structure import (
    document_type,
    guess_doc_type,
    is_speaker,
    is_subtitle,
    parse_outline,
)
from gaoku.core.text import normalize
from gaoku.errors import ImportRejected, InvalidInput

PATTERNS = compile_patterns(default_patterns())


def test_distributor_lines_are_removed_wherever_they_stand():
    text = "\n".join(
        [
            "仅供学习 禁止外传",
            "在全县机关党建工作会议上的讲话",
            "同志们：",
            "笔杆子文库整理，咨询QQ：278341956",
            "今天我们召开会议，主要任务是总结工作、部署任务。",
            "＊＊＊＊＊＊＊＊",
            "加入会员群，每日更新精品材料，VX：bigan2021",
            "一、提高政治站位。",
            "现在订阅立享前3年的所有资料",
            "更多范文请关注公众号：公文写作助手",
        ]
    )
    result = strip_boilerplate(text, PATTERNS)
    assert result.text == (
        "在全县机关党建工作会议上的讲话\n同志们：\n"
        "今天我们召开会议，主要任务是总结工作、部署任务。\n一、提高政治站位。"
    )
    assert result.removed_lines == (
        "仅供学习 禁止外传",
        "笔杆子文库整理，咨询QQ：278341956",
        "＊＊＊＊＊＊＊＊",
        "加入会员群，每日更新精品材料，VX：bigan2021",
        "现在订阅立享前3年的所有资料",
        "更多范文请关注公众号：公文写作助手",
    )


@pytest.mark.parametrize(
    "line",
    [
        "（三）规范资料整理，加强档案管理",
        "要建立工作交流群，及时通报工作进展。",
        "引导党员群众关注政务公众号，及时了解政策。",
        "持续更新完善基础资料，确保数据准确。",
        "二是加入合作社即可享受技术指导。",
        "同志们：",
    ],
)
def test_content_lines_that_mention_similar_words_are_kept(line):
    assert strip_boilerplate(line, PATTERNS).text == line


def test_long_paragraphs_are_never_removed():
    line = "我们要通过微信群、QQ群、公众号等渠道加强宣传，" * 6
    assert len(line) > MAX_WRAPPER_LINE
    assert strip_boilerplate(line, PATTERNS).removed_lines == ()


def test_generated_wrappers_are_removed_exactly():
    for doc in generate_corpus(200, seed=7):
        result = strip_boilerplate(normalize(doc.wrapped), PATTERNS)
        assert result.text == doc.text
        assert result.removed_lines == tuple(normalize(w) for w in doc.wrapper_lines)


def test_invalid_pattern_is_named():
    with pytest.raises(InvalidInput, match=r"\(unclosed"):
        compile_patterns(["仅供学习", "(unclosed"])


# A hand-written speech, wrapped as distributors wrap documents no pattern names: a brand
# alone on the first line and a bare slogan, a banner and an offer between paragraphs,
# page furniture, and a footer after the signature.
WRAPPED = """云笺书房
一字一句 皆为匠心
在全镇秋冬季防火工作部署会上的讲话
——镇长 ××同志
同志们：
今天召开这次会议，主要任务是部署今冬明春的防火工作。村里的防火微信群要用起来，每天通报火情。
❈❈❈ 云笺书房 用心做好每一篇 ❈❈❈
一、压实责任
各村要把责任落实到山头地块，做到人人有责。
第2页 共3页
二、抓好宣传
要通过村民QQ群和大喇叭，把防火常识讲到每家每户。
谢谢大家！
XX镇人民政府
2026年11月2日
云笺书房 · 篇篇精修
"""


def test_the_document_is_found_first_and_the_wrapper_judged_by_what_it_is():
    result = strip_boilerplate(normalize(WRAPPED), PATTERNS)
    kept = result.text.split("\n")
    assert kept[0] == "在全镇秋冬季防火工作部署会上的讲话"
    assert kept[-2:] == ["XX镇人民政府", "2026年11月2日"]
    assert "村里的防火微信群要用起来" in result.text  # a sentence that mentions a group
    assert "要通过村民QQ群和大喇叭" in result.text
    assert dict(zip(result.removed_lines, result.reasons, strict=True)) == {
        "云笺书房": "标题之前",
        "一字一句 皆为匠心": "标题之前",
        "❈❈❈ 云笺书房 用心做好每一篇 ❈❈❈": "推广或声明",
        "第2页 共3页": "推广或声明",
        "云笺书房 · 篇篇精修": "正文之后",
    }


def test_a_slogan_title_keeps_its_subtitle_and_headings_with_promotion_words_stay():
    text = "砥砺奋进谱新篇\n——在区委理论学习中心组上的发言\n（三）规范资料整理\n要抓好落实。"
    result = strip_boilerplate(text, PATTERNS)
    assert result.text == text and result.removed_lines == ()


def test_a_text_without_sentences_loses_nothing():
    text = "工作要点\n一、加强党建\n二、推进改革\n三、改善民生"
    assert strip_boilerplate(text, PATTERNS).text == text


@pytest.mark.parametrize(
    "line",
    [
        "- 3 -",
        "～～ 松间文坊 ～～",
        "·····松间文坊·····",
        "“一字一句，只为您的那次发言。”",
        "松间文坊｜第十二期·党建专辑",
        "文章来源：松间公文网",
    ],
)
def test_page_numbers_framed_lines_quoted_slogans_and_source_lines_are_wrapper(line):
    text = f"在全区党建工作会议上的讲话\n同志们：\n{line}\n要抓好落实。\n谢谢大家！"
    assert strip_boilerplate(text, PATTERNS).removed_lines == (line,)


def test_a_quoted_sentence_of_the_speech_itself_stays():
    quoted = "“空谈误国，实干兴邦。”这句话我们要牢记，抓好各项工作的落实。"
    text = f"在全区党建工作会议上的讲话\n同志们：\n{quoted}\n“实干兴邦。”\n谢谢大家！"
    assert strip_boilerplate(text, PATTERNS).removed_lines == ()


def test_a_rule_that_would_backtrack_forever_runs_in_linear_time_or_is_refused():
    [linear] = compile_patterns([r"^(\S+)+x$"])
    assert type(linear).__module__ == "re2"  # linear time: no backtracking at all
    assert linear.search("a" * 20000 + "y") is None
    with pytest.raises(InvalidInput, match="卡住"):
        compile_patterns([r"(?<=a)(\S+)+x"])  # lookaround needs Python's engine
    [lookahead] = compile_patterns(["会员群(?!众)"])
    assert lookahead.search("加入会员群") and not lookahead.search("会员群众")


def test_a_long_sentence_of_the_document_may_use_the_words_of_an_offer():
    sentence = (
        "学校已为每一位毕业生开通校友会终身会员资格，大家扫描证书封套上的二维码，"
        "就能随时了解母校的发展动态，参与校友活动。"
    )
    offer = "举报属实即赠年度会员资格"
    text = f"在毕业典礼上的致辞\n同学们：\n{sentence}\n{offer}\n祝大家前程似锦！"
    assert strip_boilerplate(text, PATTERNS).removed_lines == (offer,)


# A hand-written speech as a social-media bulletin passes it on: its issue line, a table of
# contents whose entries name kinds of document too, an emoji teaser, then the speech with
# a picture left behind by the page, a call to action and a shop's promise between its
# paragraphs, and its own sentences about a WeChat group and members.
BULLETIN = """笔谈周刊｜第58期
目录
01 在全区防汛工作会议上的讲话（可直接套用）
02 防汛工作总结写作要领
⬇ 往下翻，本期有惊喜
在全区防汛备汛工作部署会议上的讲话
同志们：
今年汛期来得早，各街道要把值班表贴到墙上，把抢险队员拉进防汛微信群。
[图片]
长按识别下方图标，后台回复“防汛”获取全文
一、压紧压实防汛责任
区防汛办的成员单位要落实会员单位联络制度，汛情一有变化就通报。
拍下秒发，材料定制请私信
本文约1500字，预计阅读5分钟
二、做好抢险物资储备
各街道要在月底前把沙袋、救生衣备齐。
谢谢大家！
🎁 喜欢就转发给身边的同事吧
"""


def test_a_bulletins_reading_list_is_not_the_title_and_its_web_furniture_is_wrapper():
    result = strip_boilerplate(normalize(BULLETIN), PATTERNS)
    kept = result.text.split("\n")
    assert kept[0] == "在全区防汛备汛工作部署会议上的讲话"
    assert "今年汛期来得早，各街道要把值班表贴到墙上，把抢险队员拉进防汛微信群。" in kept
    assert "区防汛办的成员单位要落实会员单位联络制度，汛情一有变化就通报。" in kept
    assert kept[-1] == "谢谢大家！"
    assert dict(zip(result.removed_lines, result.reasons, strict=True)) == {
        "笔谈周刊｜第58期": "标题之前",
        "目录": "标题之前",
        "01 在全区防汛工作会议上的讲话（可直接套用）": "标题之前",
        "02 防汛工作总结写作要领": "标题之前",
        "⬇ 往下翻，本期有惊喜": "标题之前",
        "[图片]": "推广或声明",
        "长按识别下方图标，后台回复“防汛”获取全文": "推广或声明",
        "拍下秒发，材料定制请私信": "推广或声明",
        "本文约1500字，预计阅读5分钟": "推广或声明",
        "🎁 喜欢就转发给身边的同事吧": "正文之后",
    }


@pytest.mark.parametrize(
    "line",
    [
        "[视频]",
        "［扫码关注］",
        "〔松风书屋 · 精校本〕",
        "🔥 每周三期，期期能用",
        "05 年终总结开头十例",
        "星标本号，好稿不错过",
        "阅读原文，查看更多",
        "松风书屋　第 2 页 / 共 4 页",
    ],
)
def test_web_page_labels_emoji_lines_reading_lists_and_page_furniture_are_wrapper(line):
    text = f"在全区党建工作会议上的讲话\n同志们：\n{line}\n要抓好落实。\n谢谢大家！"
    assert strip_boilerplate(text, PATTERNS).removed_lines == (line,)


@pytest.mark.parametrize(
    "title",
    [
        "关于全县淘宝村发展情况的调研报告",
        "关于规范预付卡退款管理的实施方案",
        "关于延长图书馆阅读时间的通知",
        "2025年度个人述职报告",
        "关于推行二维码门牌的实施方案",
        "全县银龄助教行动实施方案",
        "关于防止囤积抢购的通知",
        "2026年全民阅读推荐阅读书目发布会主持词",
    ],
)
def test_titles_that_share_words_with_web_furniture_are_still_titles(title):
    text = f"XX文库\n{title}\n各有关单位：\n现将有关事项通知如下。"
    assert strip_boilerplate(text, PATTERNS).text.split("\n")[0] == title


def _middle(line: str) -> str:
    """A short hand-written speech with ``line`` between two of its paragraphs."""
    return (
        "在全镇秋收工作部署会上的讲话\n同志们：\n今天召开会议，部署秋收工作。\n"
        f"{line}\n各村要抢抓晴好天气，确保颗粒归仓。\n谢谢大家！"
    )


def test_a_line_of_topic_tags_is_never_the_title_and_a_numbered_unit_stays():
    text = "#机关写作 #讲话稿 #秋收\n" + _middle("#2烘干机组已完成检修。")
    result = strip_boilerplate(text, PATTERNS)
    assert result.text.split("\n")[0] == "在全镇秋收工作部署会上的讲话"
    assert result.removed_lines == ("#机关写作 #讲话稿 #秋收",)


def test_a_title_opening_with_a_blank_to_fill_is_not_a_banner():
    text = "□□文库\n○○镇人民政府2026年工作要点\n各村要抓好落实。\n镇党委书记：○○"
    result = strip_boilerplate(text, PATTERNS)
    assert result.text.split("\n") == [
        "○○镇人民政府2026年工作要点",
        "各村要抓好落实。",
        "镇党委书记：○○",
    ]


@pytest.mark.parametrize("slogan", ["云舒墨卷　妙笔生花", "一纸风雅 千字用心 匠心打磨好材料"])
def test_a_slogan_set_as_display_text_between_paragraphs_is_wrapper(slogan):
    assert strip_boilerplate(_middle(slogan), PATTERNS).removed_lines == (slogan,)


def test_spaced_lines_that_are_the_documents_own_stay():
    headings = (
        "在全镇秋收工作部署会上的讲话\n抢抓农时　颗粒归仓\n同志们：\n今天召开会议。\n"
        "压实工作责任　确保秋粮入仓\n各村要落实责任。\n"
        "强化机械调度　提升收割效率\n农机站要统筹调度。\n"
        "序号　工作任务　责任单位\n1　秋粮收购　粮站\n"
        "中共某某镇委员会　某某镇人民政府\n2026年9月1日"
    )
    assert strip_boilerplate(headings, PATTERNS).removed_lines == ()


@pytest.mark.parametrize(
    "line",
    [
        "联系人：镇农办 李明，联系电话：13905710000",
        "联系电话：0571-86001234",
        "监督举报电话：0571-86001111，举报邮箱：jubao@mzjw.gov.cn。",
        "请各村于9月10日前将统计表报送镇农办邮箱nongban2026@163.com，逾期不再受理。",
        "群众可登录镇政府网站www.mz.gov.cn查询补贴发放情况。",
    ],
)
def test_a_documents_own_contacts_and_government_addresses_stay(line):
    assert strip_boilerplate(_middle(line), PATTERNS).removed_lines == ()


@pytest.mark.parametrize(
    "line",
    [
        "购买请拨打13800001111",
        "服务热线 400-800-1234",
        "@云舒墨卷 每周更新",
        "喜欢的话记得收藏转发～",
        "整理不易，看完再走哦",
        "亲，用得顺手请给个五星好评",
        "感谢阅读，欢迎转发分享！",
        "如需Word版请联系小编。",
        "上传者：云舒墨卷　上传时间：2026-08-01",
        "文档编号：YS2026-0801",
        "责任编辑：张小明",
        "阅读 2.6万 · 评论 88",
        "首页 > 公文范文 > 讲话稿",
        "共4页 第2页",
        "Page 2 of 4",
        "2/4",
        "（接上页）",
        "由某某扫描王扫描创建",
    ],
)
def test_web_and_shop_furniture_seller_numbers_and_a_posts_register_are_wrapper(line):
    assert strip_boilerplate(_middle(line), PATTERNS).removed_lines == (line,)


@pytest.mark.parametrize(
    "title",
    [
        "某某村党支部书记王某某同志先进事迹材料",
        "领导班子民主生活会对照检查材料",
        "在全县老干部迎春茶话会上的祝酒词",
        "某某县2026年春节慰问信",
        "关于某某县2025年财政决算草案的说明",
        "致全县广大退役军人的一封信",
    ],
)
def test_titles_that_name_their_kind_by_a_compound_or_by_their_grammar(title):
    text = f"云舒墨卷\n用心写好每一篇材料\n{title}\n同志们：\n今天召开会议。"
    assert strip_boilerplate(text, PATTERNS).text.split("\n")[0] == title


def test_a_title_that_names_no_kind_is_the_last_line_before_the_body():
    text = "云舒墨卷\n一个山村的十年蝶变\n（2026年9月1日）\n青石村地处深山，十年前还是贫困村。"
    result = strip_boilerplate(text, PATTERNS)
    assert result.removed_lines == ("云舒墨卷",)
    assert result.text.split("\n")[0] == "一个山村的十年蝶变"


def test_a_slogan_title_keeps_its_subtitle_past_wrapper_lines_and_whatever_its_words():
    worded = (
        "★★ 云舒墨卷 ★★\n篇篇华章颂党恩\n——在全县七一表彰大会上的讲话\n同志们：\n今天召开大会。"
    )
    result = strip_boilerplate(worded, PATTERNS)
    assert result.removed_lines == ("★★ 云舒墨卷 ★★",)
    assert result.text.split("\n")[:2] == ["篇篇华章颂党恩", "——在全县七一表彰大会上的讲话"]
    apart = "赓续红色血脉\n📌 收藏备用\n————\n——在全县七一表彰大会上的讲话\n今天召开大会。"
    result = strip_boilerplate(apart, PATTERNS)
    assert result.removed_lines == ("📌 收藏备用", "————")
    assert result.text.split("\n")[0] == "赓续红色血脉"


def test_an_official_documents_header_above_its_title_stays():
    text = (
        "云舒墨卷 · 公文范本\n某某县人民政府办公室文件\n某政办发〔2026〕7号\n"
        "关于做好2026年秋粮收购工作的通知\n各乡镇人民政府：\n现将有关事项通知如下。"
    )
    result = strip_boilerplate(text, PATTERNS)
    assert result.removed_lines == ("云舒墨卷 · 公文范本",)
    assert result.text.startswith("某某县人民政府办公室文件\n某政办发〔2026〕7号\n关于")
    # A county's documents share their header: it is never learned as a source's wrapper.
    assert learnable_lines(text) == ["云舒墨卷 · 公文范本"]


def test_a_templates_blanks_and_a_documents_own_tail_are_never_learned():
    # Templates by different writers share their fill-in lines, and one unit's documents
    # share their contacts and distribution: recurring, they are still the documents'.
    text = "\n".join(
        [
            "云舒墨卷 · 公文范本",
            "联系人：＿＿＿\u3000\u3000联系电话：＿＿＿",
            "联系人：张明，联系电话：0731-5512048",
            "抄送：县委各部门，县人大常委会办公室",
            "填报单位：××镇人民政府",
        ]
    )
    assert learnable_lines(text) == ["云舒墨卷 · 公文范本"]


def test_a_tables_cells_and_a_number_alone_are_never_learned():
    # Word's tables are read a cell a line; every task table heads its columns alike, and
    # a county's plans share their units and deadlines. A row on one line is a table too.
    cells = "序号\n工作任务\n责任单位\n完成时限\n1\n建立河长巡查机制\n县水利局\n2026年6月底前"
    prose = (
        "各单位要加强组织领导，明确责任分工，细化工作措施，确保各项任务落到实处，"
        "每季度末向县领导小组办公室报送工作进展情况和存在的问题。"
    )
    text = f"一、工作任务\n{cells}\n{prose}\n云舒墨卷 · 公文范本\n12"
    assert learnable_lines(text) == ["云舒墨卷 · 公文范本"]
    rows = "序号　工作任务　责任单位\n1　建立河长巡查机制　县水利局"
    assert learnable_lines(f"{rows}\n{prose}\n笃行致远工作室") == ["笃行致远工作室"]
    # Two heads in a row start a table; one alone does not.
    assert learnable_lines("备注\n笃行致远工作室") == ["备注", "笃行致远工作室"]


def test_a_lines_shape_marks_its_numbers():
    assert line_shape("阅读 1234 · 第３页") == line_shape("阅读 7 · 第12页") == "阅读 # · 第#页"


# A speech forwarded out of a chat group, written for this test: the group's banner, the
# forwarder's message about the document, message headers (a name, a day and a clock
# time) before the title, inside the body and after it, and a reply with a sticker.
CHAT_LOG = """—— 以下为「公文交流2群」的聊天记录 ——
王科长  5月8日 20:05
发一篇区里防汛会上的讲话稿给大家
王科长  5月8日 20:06
在全区防汛工作会议上的讲话
同志们：
今年汛期来得早，各街道要把防汛责任压实到人。
老周 2026-05-08 20:07:31
下面，请X书记讲话。
大家鼓掌欢迎。
谢谢大家！
2026-05-08 20:30:12 小李(10001)
收到，学习了[强]
—— 聊天记录结束 ——
"""


def test_a_forwarded_chat_logs_headers_and_messages_are_wrapper():
    result = strip_boilerplate(normalize(CHAT_LOG), PATTERNS)
    assert result.text.split("\n") == [
        "在全区防汛工作会议上的讲话",
        "同志们：",
        "今年汛期来得早，各街道要把防汛责任压实到人。",
        "下面，请X书记讲话。",
        "大家鼓掌欢迎。",
        "谢谢大家！",
    ]
    assert (
        dict(zip(result.removed_lines, result.reasons, strict=True))["老周 2026-05-08 20:07:31"]
        == "推广或声明"
    )


def test_a_title_sent_alone_in_a_chat_message_is_still_the_title():
    text = (
        "王科长  5月8日 20:05\n在全区防汛工作会议上的讲话\n"
        "王科长  5月8日 20:06\n同志们：\n要抓好落实。"
    )
    result = strip_boilerplate(text, PATTERNS)
    assert result.text.split("\n")[0] == "在全区防汛工作会议上的讲话"
    assert result.removed_lines == ("王科长  5月8日 20:05", "王科长  5月8日 20:06")


@pytest.mark.parametrize("line", ["报到时间 5月8日 8:30", "会议议程 5月8日 9:00"])
def test_an_agendas_times_stay(line):
    assert strip_boilerplate(_middle(line), PATTERNS).removed_lines == ()


@pytest.mark.parametrize(
    "last",
    [
        "谢谢大家",
        "散会",
        "会议到此结束，散会",
        "以上发言，不妥之处请批评指正",
        "以上发言，不当之处，敬请批评指正。谢谢大家",
    ],
)
def test_last_words_without_a_stop_end_the_document(last):
    text = f"在全区防汛工作会议上的讲话\n同志们：\n要抓好落实。\n{last}\n笔耕文舍"
    assert strip_boilerplate(text, PATTERNS).removed_lines == ("笔耕文舍",)


@pytest.mark.parametrize(
    "line",
    [
        "区里防汛会的讲话稿，写得很扎实，大家参考",
        "县里用过的述职报告，供参考",
    ],
)
def test_a_message_about_a_document_is_not_its_title(line):
    assert not is_title(line)
    text = f"{line}\n在全区防汛工作会议上的讲话\n同志们：\n要抓好落实。"
    assert strip_boilerplate(text, PATTERNS).text.split("\n")[0] == "在全区防汛工作会议上的讲话"


@pytest.mark.parametrize(
    "title",
    [
        "专题党课讲稿：守初心 担使命",
        "某某镇2026年防汛工作实施方案（讨论稿）",
        "守正创新，奋力开创防汛工作新局面——在全区防汛工作会议上的讲话",
    ],
)
def test_titles_with_a_theme_a_note_or_a_comma_before_their_kind_are_titles(title):
    assert is_title(title)


@pytest.mark.parametrize(
    "line",
    [
        "📎 某某镇防汛工作方案（终稿）.docx",
        "36.5KB ｜ 2026-05-02 上传",
        "分享者：某某文档铺",
        "有效期：永久有效",
        "分享链接永久有效 · 文件已通过病毒检测",
        "本文件由某某PDF转换器（免费版）生成",
        "免费版导出带水印，升级专业版去除",
        "Evaluation Warning: The document was created with a trial.",
        "内部资料 注意保存",
        "AI摘要：本文是一篇防汛工作会议讲话，提出了三点要求。",
        "以上摘要由AI生成，仅供参考",
        "编者按：这篇讲话结构清晰，适合基层同志参考。",
        "▲ 展开全文",
        "2.1万次阅读 · 356人收藏",
        "分享 收藏 点赞 在看",
        "【限时福利】防汛材料合集",
        "原价199元，现价39元，今晚截止",
        "收到，学习了[强]",
        "著作权归作者所有。商业转载请联系作者获得授权。",
    ],
)
def test_share_pages_converters_summaries_ads_and_chat_replies_are_wrapper(line):
    assert strip_boilerplate(_middle(line), PATTERNS).removed_lines == (line,)


def test_a_machine_summary_is_wrapper_at_any_length():
    summary = "AI摘要：" + "本文围绕秋收工作提出要求，强调抢抓农时、压实责任、做好服务。" * 4
    assert len(summary) > MAX_WRAPPER_LINE
    assert strip_boilerplate(_middle(summary), PATTERNS).removed_lines == (summary,)


@pytest.mark.parametrize(
    "line",
    [
        "要严格落实限时办结制度，不让群众多跑腿。",
        "本方案有效期为三年，自印发之日起施行。",
        "要用好AI生成内容识别技术，依法处置网络谣言。",
        "涉及内部资料的，要妥善保管，严防失泄密。",
        "附件：2026年秋收任务分解表.xlsx",
        "全年接待游客3.6万人次，旅游收入增长12%。",
        "（三）推行限时办结",
    ],
)
def test_sentences_and_headings_that_share_words_with_share_pages_and_ads_stay(line):
    assert strip_boilerplate(_middle(line), PATTERNS).removed_lines == ()


# A page's list of other documents whose entries read as titles: above the document it
# would give the document another's title; inside it, its entries are wrapper too.
RELATED_ON_TOP = """猜你喜欢
在全区安全生产工作会议上的讲话
全区防汛工作总结（精选5篇）
在全区防汛工作会议上的讲话
同志们：
今年汛期来得早。
推荐阅读：
关于做好汛期安全工作的通知
防汛抢险应急预案
压实防汛责任
各街道要备齐物资。
谢谢大家！
"""


def test_a_pages_list_of_other_documents_is_wrapper_and_never_the_title():
    result = strip_boilerplate(RELATED_ON_TOP, PATTERNS)
    assert result.text.split("\n") == [
        "在全区防汛工作会议上的讲话",
        "同志们：",
        "今年汛期来得早。",
        "压实防汛责任",  # an unmarked heading of the body ends the list
        "各街道要备齐物资。",
        "谢谢大家！",
    ]


def test_what_a_document_keeps_after_its_signature_is_its_own():
    text = "\n".join(
        [
            "关于开展农村道路安全隐患排查的通知",
            "各村（社区）：",
            "请于本月底前完成排查并上报结果。",
            "石门镇人民政府",
            "2026年3月2日",
            "附件：1.排查台账样表　2.整改销号表",
            "（联系人：某某，联系电话：＿＿＿）",
            "（此件公开发布）",
            "报送：县交通运输局",
            "抄送：镇党委办公室，镇纪委。",
            "石门镇人民政府办公室　　　　2026年3月2日印发",
            "更多公文模板请关注本号，每日更新",
        ]
    )
    result = strip_boilerplate(text, PATTERNS)
    assert result.removed_lines == ("更多公文模板请关注本号，每日更新",)


@pytest.mark.parametrize(
    "line",
    [
        "【课后练习】请梳理本文的层次结构，并仿写一段开头。",
        "名师点评：全文结构清晰，层层递进，值得借鉴。",
        "【温馨提示】本文仅节选主体部分。",
    ],
)
def test_a_course_handouts_exercise_or_comment_on_the_text_is_wrapper(line):
    body = "今年以来，全镇安全形势总体平稳。"
    text = f"在全镇安全生产会议上的讲话\n同志们：\n{body}\n谢谢大家！\n{line}"
    assert strip_boilerplate(text, PATTERNS).removed_lines == (line,)


def test_a_bulletins_column_label_is_not_a_note_on_the_text():
    text = "全镇安全生产工作简报\n【工作动态】本月全镇开展隐患排查，整改问题23处。\n谢谢大家！"
    assert strip_boilerplate(text, PATTERNS).removed_lines == ()


@pytest.mark.parametrize(
    "line",
    [
        "（本文篇幅較長，建議收藏後閱讀）",
        "篇幅较长，建议先收藏再细读",
        "關注本號，每日更新範文",
        "（接上樓，字數限制分兩段發）",
    ],
)
def test_a_resellers_line_in_traditional_script_is_judged_as_in_simplified(line):
    body = "今年以来，全镇安全形势总体平稳。"
    text = f"在全镇安全生产会议上的讲话\n同志们：\n{line}\n{body}\n谢谢大家！"
    assert strip_boilerplate(text, PATTERNS).removed_lines == (line,)


def test_a_forum_threads_furniture_and_the_replies_after_the_document_are_wrapper():
    text = "\n".join(
        [
            "楼主　松间月　发表于 2026-2-9 21:17　只看该作者",
            "在全镇安全生产会议上的讲话",
            "同志们：",
            "今年以来，全镇安全形势总体平稳。",
            "（字数超限，接2楼）",
            "签名：日拱一卒，功不唐捐",
            "2楼　松间月　发表于 2026-2-9 21:19　只看该作者",
            "（接1楼）",
            "各村要落实网格责任。",
            "谢谢大家！",
            "3楼　沙发　竹影扫阶　发表于 2026-2-9 22:03",
            "写得扎实，正好用得上，谢谢楼主！",
            "回复　引用　举报",
        ]
    )
    kept = strip_boilerplate(text, PATTERNS).text.split("\n")
    assert kept == [
        "在全镇安全生产会议上的讲话",
        "同志们：",
        "今年以来，全镇安全形势总体平稳。",
        "各村要落实网格责任。",
        "谢谢大家！",
    ]


def test_a_signature_posted_in_the_last_message_of_a_chat_stays():
    text = "\n".join(
        [
            "关于开展农村道路安全隐患排查的通知",
            "各村（社区）：",
            "请于本月底前完成排查并上报结果。",
            "王科长  5月8日 20:05",
            "石门镇人民政府",
            "2026年3月2日",
        ]
    )
    assert strip_boilerplate(text, PATTERNS).removed_lines == ("王科长  5月8日 20:05",)


@pytest.mark.parametrize(
    "line",
    [
        "💬 评论 · 许岚：第三部分要不要再细化一下？",
        "↳ 陈思远：先这样，送审后再按领导意见改",
        "[批注1] 此处数据请财务科核对。",
        "希望对您有所帮助！如需调整篇幅、语气，请告诉我。",
        "以上。讲稿里的数字和事例大家一定换成自己单位的，别照搬。",
    ],
)
def test_comments_an_assistants_offer_and_advice_on_adapting_the_text_are_wrapper(line):
    assert strip_boilerplate(_between_paragraphs(line), PATTERNS).removed_lines == (line,)


def test_a_speech_that_warns_against_copying_others_keeps_the_sentence():
    line = "学习先进经验，不能照搬照抄，要结合实际创造性开展工作。"
    text = f"在全镇安全生产会议上的讲话\n同志们：\n{line}\n谢谢大家！"
    assert strip_boilerplate(text, PATTERNS).removed_lines == ()


@pytest.mark.parametrize(
    "line",
    [
        "批注 [周晓岚1]：不足部分再具体一些，每条最好有数据支撑。",
        "修订人：陈默  2026/3/2 11:08",
        "页数：3  字数：1872  修订：6处  批注：2条",
        "字号：大 中 小",
        "上一篇：县政府召开第十二次常务会议",
        "00:31",
        "发言人1 00:02:41",  # a transcript's speaker and time
        "[00:12:31]",
    ],
)
def test_a_word_processors_review_a_web_pages_furniture_and_timestamps_are_wrapper(line):
    assert strip_boilerplate(_between_paragraphs(line), PATTERNS).removed_lines == (line,)


def test_speaker_notes_go_with_the_slides_and_a_documents_own_note_stays():
    note = "备注：这一页讲5分钟左右。"
    slides = f"在全镇安全生产会议上的讲话\n幻灯片 2\n同志们：\n{note}\n今年以来，形势平稳。"
    assert strip_boilerplate(slides, PATTERNS).removed_lines == ("幻灯片 2", note)
    plain = "关于开展隐患排查的通知\n各村：\n请于月底前上报。\n备注：表格见附件。"
    assert strip_boilerplate(plain, PATTERNS).removed_lines == ()


@pytest.mark.parametrize(
    "line",
    [
        "9:42 5G 86%",
        "< 返回 笔耕素材圈 ···",
        "首页 素材 消息 我的",
        "2026/3/12 10:05 关于开展安全生产月活动的通知_某某县人民政府",
        "https://www.example.gov.cn/art/2026/3/11/art_1207_58821.html 1/3",
        "主办：某某县人民政府办公室 承办：某某县大数据发展中心",
        "【批注】开头三句话交代背景，干净利落。",
    ],
)
def test_screenshot_bars_a_browsers_print_furniture_and_a_handouts_notes_are_wrapper(line):
    assert strip_boilerplate(_between_paragraphs(line), PATTERNS).removed_lines == (line,)


def test_a_labelled_commentary_after_the_document_runs_to_the_end():
    tail = ["【点评】", "①结构：总—分—总，层层递进。", "②语言：简洁有力。"]
    text = "\n".join(["在全镇安全生产会议上的讲话", "同志们：", "各村要落实网格责任。", *tail])
    assert strip_boilerplate(text, PATTERNS).removed_lines == tuple(tail)
    own = "关于排查的通知\n各村：\n请于月底前上报：\n①排查台账；\n②整改清单。"
    assert strip_boilerplate(own, PATTERNS).removed_lines == ()


@pytest.mark.parametrize(
    "line",
    [
        "转发自 笔杆子素材仓",
        "（2/3）",
        "浏览 6.2K · 21:03",
        "基层治理研究 2026(02)",
        "【学习提示】请保持页面活跃，停留时长计入有效学时",
    ],
)
def test_a_channels_forward_a_journals_running_head_and_a_platforms_prompt_are_wrapper(line):
    assert strip_boilerplate(_between_paragraphs(line), PATTERNS).removed_lines == (line,)


def _between_paragraphs(line: str) -> str:
    """A short speech with ``line`` between two of its paragraphs."""
    body = "今年以来，全镇安全形势总体平稳。"
    return f"在全镇安全生产会议上的讲话\n同志们：\n{body}\n{line}\n各村要落实网格责任。"


@pytest.mark.parametrize(
    "line",
    [
        "3楼 2025-09-02 20:41 来自Android客户端",
        "回复(12)",
        "MAR-14-2025 10:22    FROM：某某镇党政办    TEL/FAX：5550123    P.02/04",
        "收文编号：2025-118　　密级：无　　办理时限：3个工作日",
        "第 2 页 / 共 3 页    打印人：张某    打印时间：2025-03-14 10:40",
        "公文标题：在全镇秋收工作部署会上的讲话",
        "【站长点评】结构清楚，数字换成本单位的。",
        "相关阅读：《秋收讲话怎么写出新意》",
        "视频号：88012345",
    ],
)
def test_a_systems_record_a_floors_header_and_a_pages_furniture_go(line):
    result = strip_boilerplate(_middle(line), PATTERNS)
    assert result.removed_lines == (line,)


def test_a_documents_own_contact_row_and_a_posts_signature_stay_and_comments_go():
    text = (
        "在全镇秋收工作部署会上的讲话\n同志们：\n今天召开会议，部署秋收工作。\n"
        "联系人：王某　　联系电话：5550123\n"
        "柳溪镇党委书记　某某\n#秋收 #讲话稿\n共 8 条评论\n"
        "麦田守望者：写得很实在，已收藏\n小林同学：第二部分能展开吗"
    )
    result = strip_boilerplate(text, PATTERNS)
    assert result.text.split("\n")[-2:] == [
        "联系人：王某　　联系电话：5550123",
        "柳溪镇党委书记　某某",
    ]
    assert result.removed_lines[-2:] == (
        "麦田守望者：写得很实在，已收藏",
        "小林同学：第二部分能展开吗",
    )


def test_a_work_chat_carrying_a_document_in_parts_loses_the_replies_between_them():
    text = (
        "王科长 09:14\n在全镇秋收工作部署会上的讲话\n同志们：\n今天召开会议，部署秋收工作。\n"
        "（接上条 2/3）\n李敏 09:25\n第二部分的数字我再核一下\n王科长 09:26\n好，下午三点前给我\n"
        "王科长 09:27\n各村要抢抓晴好天气，确保颗粒归仓。\n谢谢大家！\n"
        "热门评论\n小满写材料：收藏了\n说点什么…"
    )
    result = strip_boilerplate(text, PATTERNS)
    assert result.text.split("\n") == [
        "在全镇秋收工作部署会上的讲话",
        "同志们：",
        "今天召开会议，部署秋收工作。",
        "各村要抢抓晴好天气，确保颗粒归仓。",
        "谢谢大家！",
    ]


@pytest.mark.parametrize(
    "line",
    [
        "（左滑 3/6）",
        "广告 · 办公室静音无线鼠标，限时直降，去看看＞",
        "首页 ＞ 党政公文 ＞ 工作要点",
        "【我的划线】第142页 · 21:06",
        "【我的想法】数字放在句中，读起来不显得堆砌",
        "展开更多回复",
    ],
)
def test_a_posts_slides_ads_breadcrumbs_and_reading_notes_go(line):
    assert strip_boilerplate(_middle(line), PATTERNS).removed_lines == (line,)


def test_a_signature_with_a_blank_for_the_name_stays():
    text = _middle("各村要抓好落实。").replace("谢谢大家！", "谢谢大家！\n第三组学员　某某")
    assert strip_boilerplate(text, PATTERNS).text.endswith("第三组学员　某某")


@pytest.mark.parametrize(
    "line",
    [
        "送检篇名：关于XX镇农村集体经济发展情况的调研报告",  # a field that names the title
        "title: 街道年度总结（报区委办）",  # a notes app's front matter
        "知衡文本相似度检测报告单（全文对照）",  # a kind inside another word
        "报告编号：ZHJC-20240527-031846",
        "工商联半年工作报告\t许念\t07-10\t待审核",  # a tracker's row
        "分享一篇支部党课讲稿（已脱敏）",  # an offer of a document
        "▍章节 02　发言全文",  # a symbol first
        "校灵通智能校对 · 检查报告",  # a site's section
        "【学习资料】在全市基层治理工作座谈会上的交流发言",  # an app's label first
        "【青简文档铺】全县安全生产工作会议讲话稿 三段式 预留数据位",  # a product's name
        "① 专题党课讲稿：以铁的纪律锤炼过硬作风",  # an entry of a contents list
        "笔阵模板库 › 基层会议讲话稿合集（120篇）",  # a breadcrumb
    ],
)
def test_a_field_or_a_word_that_only_contains_a_kind_is_not_a_title(line):
    assert not is_title(line)


def test_a_title_whose_theme_follows_its_kind_and_a_colon_is_a_title():
    assert is_title("专题党课：学纪知纪明纪守纪")
    assert is_title("柏塘镇2025年工作总结和2026年工作打算")


def test_the_title_is_found_below_a_long_run_of_wrapper_lines():
    front = ["---", "notebook: 综合科 / 年度材料", "tags: [总结]", "created: 2023-12-18 16:05"]
    front += [f"- 目录第{n}项" for n in range(1, 10)]
    text = "\n".join([*front, "XX街道2023年工作总结", "2023年，街道圆满完成了年度目标任务。"])
    assert strip_boilerplate(text, PATTERNS).text.split("\n")[0] == "XX街道2023年工作总结"


def test_a_readers_bracketed_note_is_wrapper_and_a_broken_clause_stays():
    note = "[老师批注] 一句群众原话，胜过十句空话。"
    text = _middle(note).replace("今天召开会议，", "“九五”期间，\n今天召开会议，")
    result = strip_boilerplate(text, PATTERNS)
    assert result.removed_lines == (note,)


@pytest.mark.parametrize("line", ["返回顶部", "↑ 回到顶部", "【返回首页】"])
def test_a_pages_back_to_top_button_is_wrapper_not_a_signature(line):
    # 返回顶部 ends in 部 as an issuing body does (县委宣传部): it must not end the document.
    text = f"在全镇安全生产会议上的讲话\n同志们：\n各村要落实网格责任。\n{line}"
    assert strip_boilerplate(text, PATTERNS).removed_lines == (line,)
    signed = "在全镇安全生产会议上的讲话\n同志们：\n各村要落实网格责任。\n中共某某县委宣传部"
    assert strip_boilerplate(signed, PATTERNS).removed_lines == ()


def test_an_archives_note_on_the_copy_is_wrapper_and_a_documents_own_note_stays():
    note = "备注：此件共2页，原件存局档案室，复印件仅供参考"
    text = f"关于开展隐患排查的通知\n各村：\n请于月底前上报。\n备注：表格见附件。\n{note}"
    assert strip_boilerplate(text, PATTERNS).removed_lines == (note,)


def test_a_decks_running_head_with_its_section_and_the_speakers_notes_are_wrapper():
    # Wordings the learned judge reads as the document's: the rule must find them.
    heads = [
        "全县防汛工作会议 · 压实责任",
        "全县防汛工作会议 · 强化措施",
        "全县防汛工作会议 · 狠抓落实",
    ]
    notes = ["演讲者备注：这一页停一下，请大家翻到手册第5页。"]
    text = "\n".join(
        [
            heads[0],
            "关于做好秋粮收购工作的培训讲稿",
            "同志们：",
            "今年秋粮长势良好，收购任务较重。",
            heads[1],
            "一、压实收购责任",
            "各库点要开足仓容，做到应收尽收。",
            *notes,
            heads[2],
            "大家要把收购工作抓紧抓实。",
        ]
    )
    removed = strip_boilerplate(text, PATTERNS).removed_lines
    assert set(removed) == {*heads, *notes}
    # A document's own 备注 is not a speaker's: it stays where no slide is marked.
    own = "关于开展隐患排查的通知\n各村：\n请于月底前上报。\n备注：表格见附件。"
    assert strip_boilerplate(own, PATTERNS).removed_lines == ()


def test_a_reply_between_the_starters_posts_goes_and_the_starters_posts_stay():
    # A reply the learned judge reads as the document's: the rule must find it.
    reply = ["2楼　田埂上的小刘 发表于 2026-4-2 20:13", "我们镇也在抓防汛排查，台账要建到户。"]
    text = "\n".join(
        [
            "1楼　发表于 2026-4-2 19:55",
            "在全镇防汛工作会议上的讲话",
            "同志们：",
            "汛期将至，各村要立即开展隐患排查。",
            *reply,
            "3楼　老河堤（楼主） 发表于 2026-4-2 20:20",
            "各村支部书记是第一责任人，必须在岗在位。",
            "谢谢大家！",
        ]
    )
    removed = strip_boilerplate(text, PATTERNS).removed_lines
    assert reply[1] in removed
    assert "各村支部书记是第一责任人，必须在岗在位。" not in removed


def test_selected_reader_comments_after_an_article_run_to_its_end():
    tail = ["留言精选", "竹影：写得接地气。", "北坡的雪：第二部分很受启发，谢谢分享"]
    text = "\n".join(["在全镇安全生产会议上的讲话", "同志们：", "各村要落实网格责任。", *tail])
    assert strip_boilerplate(text, PATTERNS).removed_lines == tuple(tail)


def test_a_pages_links_list_after_the_document_goes_though_its_entries_name_bodies():
    links = ["相关链接：", "某某市人民政府", "某某县政务服务网", "某某县生态环境分局"]
    text = "\n".join(["在全镇安全生产会议上的讲话", "同志们：", "各村要落实网格责任。", *links])
    assert strip_boilerplate(text, PATTERNS).removed_lines == tuple(links)
    # Without the list's heading, a body under the text is its signature.
    signed = "在全镇安全生产会议上的讲话\n同志们：\n各村要落实网格责任。\n某某县生态环境分局"
    assert strip_boilerplate(signed, PATTERNS).removed_lines == ()


def test_a_news_pages_byline_under_the_title_goes_and_the_speakers_line_stays():
    byline = ["来源：某某县融媒体中心　2026-03-14 17:36", "作者：记者 刘晓　通讯员 陈默"]
    tip_off = "网络举报电话：0745-3216688"
    text = "\n".join(
        [
            "在全县优化营商环境工作推进会上的讲话",
            *byline,
            "县委书记　王某某",
            "同志们：",
            "今天召开会议，部署优化营商环境工作。",
            "序号　工作任务　牵头单位",
            "1　企业开办　县市场监管局",
            "同志们，优化营商环境没有休止符，只有进行时。希望大家以更实的作风抓好各项任务落实。",
            tip_off,
        ]
    )
    assert strip_boilerplate(text, PATTERNS).removed_lines == (*byline, tip_off)


def test_a_title_that_names_no_kind_under_a_records_fields_is_the_title():
    fields = ["作品编号：QF-0109", "参赛组别：中学生组"]
    title = "爷爷的账本"
    body = [
        "爷爷家的柜子里，锁着一摞泛黄的旧账本，每一笔收支都记得清清楚楚，连一分钱也不含糊。",
        "爷爷常说，公家的钱一分也不能乱花，自家的账也要算明白，这是做人的本分。",
    ]
    result = strip_boilerplate("\n".join([*fields, title, *body]), PATTERNS)
    assert result.removed_lines == tuple(fields)
    assert result.text.split("\n")[0] == title


def test_a_broadcasters_outro_goes_and_a_speech_to_listeners_stays():
    outro = "听众朋友，以上是本期《政策解读》为您播送的全部内容。感谢收听，我们下周再会！"
    speech = "广大听众朋友们，今天我就全县防汛工作同大家谈几点想法。"
    text = f"在全县防汛工作广播讲话\n{speech}\n各村要落实网格责任。\n{outro}"
    assert strip_boilerplate(text, PATTERNS).removed_lines == (outro,)


def test_a_reports_abstract_in_its_title_stays():
    text = "关于2025年政府工作报告（摘要）\n各位代表：\n过去一年，全县经济运行稳中有进。"
    assert strip_boilerplate(text, PATTERNS).removed_lines == ()


@pytest.mark.parametrize(
    "line",
    [
        "（二）强化资金保障……2",  # a table of contents, a reader's bookmarks
        "三、下一步工作打算 ........ 12",
        "★划重点：抓落实要有钉钉子精神",  # a learner's highlight
        "扫一扫在手机打开当前页",
        "【得分点】开头交代背景，用“下面，我讲三点意见”自然过渡，结构完整，层次清楚，值得借鉴。",
        "【亮点】第三部分从“事”转到“人”，使发言由做法上升到体会，层次更加完整。",
        "锟斤拷锟斤拷锟斤拷",  # mojibake
        "烫烫烫烫烫烫烫烫",
        "摘要：本文梳理了一个山区县发展集体经济的做法和困难，并从政策、产业、人才三个方面提出建议。",
        "关键词：集体经济；强村公司；对策建议",
        "作者简介：林某（1985—），男，某某市委党校讲师，主要研究方向为基层治理。",
        "（此处已撕毁）",
    ],
)
def test_contents_entries_learners_and_coachs_notes_mojibake_and_a_papers_matter_are_wrapper(
    line,
):
    assert strip_boilerplate(_between_paragraphs(line), PATTERNS).removed_lines == (line,)


def test_a_title_over_a_distributors_block_gives_way_to_the_documents_own():
    block = [
        "三中全会学习体会",
        "├─ 首先：领会重大意义",
        "└─ 最后：扛起改革责任",
        "由某某脑图导出 2024-08-06 08:05",
    ]
    title = "学习党的二十届三中全会精神心得体会"
    body = "全会是在关键时期召开的一次十分重要的会议，我认真研读了全会公报和《决定》原文。"
    signer = "县财政局预算股 ○○"  # a unit and a blank for the signer's name, not a banner
    result = strip_boilerplate("\n".join([*block, title, body, signer]), PATTERNS)
    assert result.removed_lines == tuple(block)
    assert result.text.split("\n") == [title, body, signer]


def test_a_byline_with_a_blank_for_the_name_is_no_banner():
    # A 述职报告's writer under its title, the name left blank two spaces after the post.
    text = "2023年个人述职报告\n县市场监督管理局副局长  ××\n现将本人履职情况报告如下。"
    assert strip_boilerplate(text, PATTERNS).removed_lines == ()


def test_what_a_distributor_sets_around_the_text_it_marks_off_goes_with_its_marks():
    summary = [
        "AI 摘要",
        "这是一份县工商联的年度工作报告，回顾了一年的做法与成效，部署了新一年的工作。",
        "关键要点",
        "• 组建会员服务群、开展政银企对接，帮助企业解决融资难题",
        "—— 以下为原文 ——",
    ]
    title = "某县工商业联合会2023年工作报告"
    body = "一年来，县工商联组建“会员服务微信群”，及时推送惠企政策。"
    after = ["—— 原文结束 ——", "这条摘要对你有帮助吗？"]
    result = strip_boilerplate("\n".join([*summary, title, body, *after]), PATTERNS)
    assert result.text.split("\n") == [title, body]
    assert result.removed_lines == (*summary, *after)


@pytest.mark.parametrize("own", ["现将《某某通知》全文转发如下，请认真贯彻执行。", "原文如下："])
def test_a_notice_that_forwards_a_document_in_full_keeps_its_lines(own):
    text = f"关于转发《某某通知》的通知\n各乡镇：\n{own}\n一、各乡镇要认真贯彻执行。"
    assert strip_boilerplate(text, PATTERNS).removed_lines == ()


@pytest.mark.parametrize(
    "line",
    [
        "（此处填写发文单位及文号，使用时删除）",
        "（以下活动项目可根据本地实际增减，使用时删除）",
        "【提示：此段可结合本单位实际修改，定稿前请删除】",
    ],
)
def test_a_templates_instructions_to_delete_them_are_wrapper(line):
    assert strip_boilerplate(_between_paragraphs(line), PATTERNS).removed_lines == (line,)


def test_a_blank_to_fill_on_its_own_line_stays():
    line = "（此处填写单位名称）"
    assert strip_boilerplate(_between_paragraphs(line), PATTERNS).removed_lines == ()


def test_a_templates_day_to_fill_and_the_documents_attachments_end_it_as_its_own():
    body = ["关于城区生活垃圾分类工作的实施方案", "各区要按照本方案抓好落实。"]
    signed = ["某某市城市管理局", "X月X日"]
    attachments = ["附件：1.生活垃圾分类工作任务分解表", "2.生活垃圾分类工作领导小组成员名单"]
    page = ["【打印本页】　【关闭窗口】", "我要纠错"]
    result = strip_boilerplate("\n".join([*body, *signed, *attachments, *page]), PATTERNS)
    assert result.text.split("\n") == [*body, *signed, *attachments]
    assert result.removed_lines == tuple(page)


def test_numbered_lines_after_the_document_with_no_attachments_label_are_not_its_own():
    body = ["在全县安全生产会议上的讲话", "同志们：", "安全生产责任重于泰山，大家务必抓好落实。"]
    more = ["1.点击下载更多讲话稿", "2.加入写作交流群"]
    result = strip_boilerplate("\n".join([*body, *more]), PATTERNS)
    assert result.text.split("\n") == body


def test_a_digests_next_item_after_the_document_is_another_piece():
    document = [
        "在全市工商联工作会议上的交流发言",
        "尊敬的各位领导、同志们：",
        "下面，我就有关做法作简要交流。",
    ]
    items = [
        "第2篇 / 共3篇",
        "《商会年度工作总结（精选三篇）》",
        "从服务会员、规范建设到参与社会治理，三篇各有侧重。",
    ]
    result = strip_boilerplate("\n".join(["第1篇 / 共3篇", *document, *items]), PATTERNS)
    assert result.text.split("\n") == document


_SPEECH = [
    "在全县防汛工作会议上的讲话",
    "同志们：",
    "今年入汛以来，全县降雨偏多，防汛形势严峻。",
    "一、压实防汛责任",
    "各乡镇要落实包保责任，确保责任到人。",
    "谢谢大家！",
]


def _cleaned_with(line: str) -> list[str]:
    """The lines the cleaner keeps of _SPEECH with ``line`` after its first paragraph."""
    text = "\n".join([*_SPEECH[:3], line, *_SPEECH[3:]])
    return strip_boilerplate(text, PATTERNS).text.split("\n")


def test_learned_lines_of_a_closing_notice_leave_it_whole():
    # A wiki's licence notice after every report, its words broken into lines: a library
    # learns its short lines (and a sentence where the judge reads it as wrapper), and the
    # notice still takes those it cannot learn (、, 。), as it does where nothing is learned.
    notice = ["本作品是青川国的", "法律", "、", "法规", "，及其官方正式译文。", "公有领域"]
    notice += ["。", "不总是", "具有立法、行政性质的文件。"]
    text = "\n".join([*_SPEECH, *notice])
    known = frozenset(learnable_lines(text))
    assert known >= {"本作品是青川国的", "法律", "法规", "公有领域", "不总是"}
    assert not known & {"、", "。", *_SPEECH}
    for learned in (frozenset(), known):
        assert strip_boilerplate(text, PATTERNS, learned).text.split("\n") == _SPEECH


def test_a_closing_notice_whose_first_line_the_judge_took_alone_still_ends_the_text(
    monkeypatch,
):
    notice = ["本作品是青川国的", "法律", "、", "法规", "，及其官方正式译文。", "公有领域"]
    scores = {"本作品是青川国的": 9.0}
    monkeypatch.setattr(
        "gaoku.core.cleaning._scores", lambda lines: [scores.get(x, -1.0) for x in lines]
    )
    text = "\n".join([*_SPEECH, *notice])
    assert strip_boilerplate(text, PATTERNS).text.split("\n") == _SPEECH


def test_a_parts_name_is_never_learned():
    # Reports of one series each end with a part named 结束语.
    text = "\n".join([*_SPEECH[:5], "结束语", "让我们团结一心，夺取防汛工作的全面胜利。"])
    assert "结束语" not in learnable_lines(text)


@pytest.mark.parametrize(
    "heading",
    [
        "基本情况",
        "存在的问题",
        "对策建议",
        "下一步工作打算",
        "保障措施",
        "附件",
        "此致",
        "敬礼",
        "特此函告",
        "以上报告，请予审议",
        "此页无正文",
        "报：县委、县政府",
    ],
)
def test_a_section_named_without_a_number_or_a_formula_is_never_learned(heading):
    # Reports of a kind head their sections, and close, with the same words.
    text = "\n".join([*_SPEECH[:5], heading, "对照群众期待，还有差距。"])
    assert heading not in learnable_lines(text)


def test_a_part_headed_by_its_number_is_never_learned():
    # Many reports head their second part 第二部分　存在的问题, word for word.
    text = "\n".join([*_SPEECH[:5], "第二部分\u3000存在的问题", "对照群众期待，还有差距。"])
    assert "第二部分\u3000存在的问题" not in learnable_lines(text)


def test_a_paste_sites_gutter_of_line_numbers_comes_off_every_line():
    shown = [f"{n:>3} │ {line}" for n, line in enumerate(_SPEECH, start=1)]
    page = ["贴码台 · 纯文本片段", *shown, "© 贴码台"]
    assert strip_boilerplate("\n".join(page), PATTERNS).text.split("\n") == _SPEECH


def test_an_e_mails_quoting_comes_off_the_quoted_lines():
    reply = ["您好！我已休假，返岗后回复。", "> -------- 原始邮件 --------", "> 发件人：县应急局"]
    quoted = [f"> {line}" for line in _SPEECH]
    result = strip_boilerplate("\n".join([*reply, *quoted]), PATTERNS)
    assert result.text.split("\n") == _SPEECH


@pytest.mark.parametrize(
    "numbered",
    [
        # The document's own lines that start with a number and a bar: too few, or not
        # numbered one by one, to be a viewer's gutter.
        ["1  粮食生产稳定", "2  生猪出栏增长", "3  蔬菜种植扩面"],
        ["1  粮食生产", "3  生猪出栏", "5  蔬菜种植", "7  水产养殖", "9  林业产业"],
    ],
)
def test_a_documents_own_numbered_lines_keep_their_numbers(numbered):
    text = "\n".join([*_SPEECH[:3], *numbered, *_SPEECH[3:]])
    assert strip_boilerplate(text, PATTERNS).text == text


def test_a_web_pages_title_or_a_forms_name_is_not_the_documents_title():
    assert not is_title("“扎根基层 建功岗位”青年干部演讲比赛评分表")  # a form about a speech
    assert not is_title("桐岭镇人民政府工作报告_云岫公文网")
    assert not is_title("在全县优化营商环境大会上的讲话（完整版）- 觅文文档")
    assert is_title("在全县优化营商环境大会上的讲话（2024年5月6日）")
    assert not is_title("在全县防汛工作会议上的讲话 - 某某范文网")
    assert not is_title("在全县防汛工作会议上的讲话 | 某某范文网")
    assert is_title("在全县防汛工作会议上的讲话")


def test_a_screen_readers_announcements_are_wrapper_and_the_title_is_the_documents():
    page = [
        "晓声读屏 正在朗读网页",
        "页面 在全县防汛工作会议上的讲话_云岫公文网",
        "链接 工作报告",
        "链接 讲话致辞",
        "标题 1级",
        *_SPEECH[:3],
        "按钮 分享",
        "列表 3项",
        *_SPEECH[3:],
        "列表结束",
        "链接 返回顶部",
    ]
    assert strip_boilerplate("\n".join(page), PATTERNS).text.split("\n") == _SPEECH


@pytest.mark.parametrize(
    "line",
    [
        "用户山月 送出了 小心心×5",
        "海棠依旧 送出 掌声 ×2",
        "欢迎 用户阿拓 进入直播间",
        "点击段落下方“纠错”帮助我们改进",
        "下期预告：下周二晚19:40，《政务直通车》将播出专题报道，敬请关注。",
    ],
)
def test_a_live_rooms_notices_a_sites_calls_and_a_programmes_trailer_are_wrapper(line):
    assert strip_boilerplate(_between_paragraphs(line), PATTERNS).removed_lines == (line,)


def test_notes_after_the_documents_last_words_are_not_its_own_but_its_signature_is():
    report = [
        "2025年度个人述职报告",
        "一年来，我认真履行分管职责，各项工作取得新成效。",
        "以上述职，不妥之处，请各位领导和同志们批评指正。",
        "某某镇人民政府",
        "2025年12月20日",
    ]
    notes = ["明天交给办公室小宋，让她先排版。", "已同步到云端 · 2分钟前"]
    result = strip_boilerplate("\n".join([*report, *notes]), PATTERNS)
    assert result.text.split("\n") == report
    assert result.removed_lines == tuple(notes)


@pytest.mark.parametrize(
    "line",
    [
        "发言人1  86%",
        "✏️ 想法：联合会这种模式值得关注，可以再查查。",
        "💡 划线：把群众满意作为检验标准",
        "—— l ;",
        "发布科室：法规股\u3000审核人：程立\u3000点击量：412",
        "阅读进度 12%",
        "本章剩余 8 分钟",
        "【新增】第7段：增加“用身边事教育身边人”",
        "[Seg 2] 已确认",
        "句段 12 · 已翻译",
        "表单名称=安全生产目标责任书签订表态发言登记表",
        "以下为 党课讲稿.docx 内容",
        "（下转第3版）",
        "对方已截屏 · 20:41",
        "阅后即焚 · 剩余 19 秒",
        "请A024号到5号窗口办理",
        "报告全文",
        "播出单位：柘源县广播电视台新闻中心",
        "</标题>",
        "<发文机关>青岚县人民政府</发文机关>",
        "接龙 3. 小王 已补第二部分",
        "复制全部",
    ],
)
def test_a_speakers_share_a_readers_notes_and_progress_ocr_noise_and_fields_are_wrapper(line):
    assert strip_boilerplate(_between_paragraphs(line), PATTERNS).removed_lines == (line,)


def test_letters_alone_are_a_piece_of_the_text_not_noise():
    text = (
        "在全县环保工作会议上的讲话\n同志们：\n今年全县\nPM\n2.5平均浓度下降了8%。\n"
        "下一步，我们要坚持精准治污、科学治污、依法治污，持续改善环境质量。"
    )
    assert strip_boilerplate(text, PATTERNS).text == text


def test_a_press_conferences_exchange_after_the_statement_is_wrapper():
    statement = [
        "2024年一季度全市文旅消费运行情况发布词",
        "各位记者朋友：",
        "一季度，全市共接待国内游客1862.4万人次，同比增长21.7%；实现旅游总花费196.3亿元，"
        "同比增长24.5%，各项指标均创历史同期新高，文旅消费对相关产业的带动作用进一步显现。",
        "谢谢大家！",
    ]
    exchange = [
        "主持人：谢谢韩局长。下面进入提问环节。",
        "记者：请问今年“五一”期间有哪些具体安排？",
        "答：谢谢您的提问。我们将提前发布景区客流预警信息，重点景区实行分时预约。",
        "主持人：今天的新闻发布会到此结束。谢谢各位！",
    ]
    host = ["主持人：首先，请韩局长作发布。"]
    result = strip_boilerplate("\n".join([*host, *statement, *exchange]), PATTERNS)
    assert result.text.split("\n") == statement


def test_a_hosts_script_labelled_throughout_keeps_its_lines():
    text = "\n".join(
        [
            "在全县“两优一先”表彰大会上的主持词",
            "主持人：同志们，现在开会。",
            "主持人：今天大会的主要任务是表彰先进、树立典型。",
            "主持人：下面进行第一项议程，宣读表彰决定。",
            "主持人：大会到此结束，散会！",
        ]
    )
    assert strip_boilerplate(text, PATTERNS).text == text


def test_answers_to_reporters_keep_every_question_and_answer():
    text = "\n".join(
        [
            "市发展改革委负责人就优化营商环境若干措施答记者问",
            "问：出台若干措施的背景是什么？",
            "答：近年来，我市持续推进营商环境改革。",
            "问：主要有哪些内容？",
            "答：主要包括五个方面。",
        ]
    )
    assert strip_boilerplate(text, PATTERNS).text == text


def test_a_policy_pages_questions_above_the_document_are_wrapper():
    qa = ["政策问答", "问：哪些企业可以申请？", "答：在本市登记注册的中小微企业均可申请。"]
    document = [
        "关于支持中小微企业稳岗扩岗的实施方案",
        "为进一步稳定和扩大就业，结合我市实际，制定本方案。",
        "一、支持企业稳定岗位。对不裁员或少裁员的企业，按规定返还失业保险费。",
    ]
    result = strip_boilerplate("\n".join([*qa, *document]), PATTERNS)
    assert result.text.split("\n") == document


def test_a_courses_contents_and_its_lecturers_lead_are_wrapper():
    page = [
        "课程：机关文稿写作精讲30讲",
        "课程目录",
        "第1讲 机关文稿的基本功",
        "第2讲 讲话稿的结构与节奏",
        "第3讲 致辞类文稿的分寸与温度（正在收听）",
        "【讲师导语】大家好，这一讲我们一起读一篇完整的颁奖致辞。",
    ]
    speech = ["在全市“最美志愿者”颁奖典礼上的致辞", "各位来宾：", "今天，我们在这里隆重表彰先进。"]
    result = strip_boilerplate("\n".join([*page, *speech]), PATTERNS)
    assert result.text.split("\n") == speech


def test_a_posters_remarks_after_a_quoted_documents_closing_are_not_its_own():
    quoted = ["7# 小满写材料 | 发表于 2024-5-6 14:35", "引用 云舒 发表于 2024-5-6 10:21"]
    document = [
        "以严明纪律锤炼过硬作风专题党课讲稿",
        "同志们：",
        "今天我和大家一起学习党的纪律。",
        "同志们，纪律严明才能无往不胜。让我们以这次党课为新起点，锤炼过硬作风！",
    ]
    remarks = ["我们支部上个月就是照这个框架讲的，效果不错。"]
    result = strip_boilerplate("\n".join([*quoted, *document, *remarks]), PATTERNS)
    assert result.text.split("\n") == document


def test_a_short_line_after_an_unquoted_documents_closing_stays():
    document = [
        "在全县防汛工作会议上的讲话",
        "同志们：",
        "今年入汛以来，全县降雨偏多。",
        "同志们，防汛工作责任重大。让我们迅速行动起来！",
        "本讲话稿经县委办公室审定后印发。",
    ]
    assert strip_boilerplate("\n".join(document), PATTERNS).text.split("\n") == document


def test_a_calls_turns_after_the_text_read_out_are_wrapper():
    turns = ["乙：你念一下吧。", "甲：好，我念了啊。"]
    document = [
        "在全县春节团拜会上的致辞",
        "同志们、朋友们：",
        "过去的一年，全县上下团结奋进，经济社会发展取得新成绩。",
        "祝大家新春快乐、阖家幸福！",
    ]
    after = ["甲：念完了，就这些。", "乙：第一部分那几个数字再核一下，其他没问题。", "甲：好的。"]
    result = strip_boilerplate("\n".join([*turns, *document, *after]), PATTERNS)
    assert result.text.split("\n") == document


@pytest.mark.parametrize("thanks", ["谢谢！", "谢谢大家！"])
def test_a_hosts_script_goes_on_after_thanks(thanks):
    script = [
        "在全县安全生产工作会议上的主持词",
        "同志们：",
        "现在开会。今天会议的主要任务是部署安全生产工作。",
        "下面，请县应急管理局局长作工作部署。",
        thanks,
        "下面，请县委书记作重要讲话。",
        "大家要认真抓好贯彻落实。",
    ]
    assert strip_boilerplate("\n".join(script), PATTERNS).text.split("\n") == script


def test_a_list_numbered_with_spaces_keeps_its_numbers():
    listed = [f"{n}  第{n}项重点工作" for n in range(1, 8)]
    text = "\n".join([*_SPEECH[:3], *listed, *_SPEECH[3:]])
    assert strip_boilerplate(text, PATTERNS).text == text


def test_a_notification_centres_button_at_the_end_is_no_signature():
    document = [*_SPEECH[:5], "县应急管理局"]
    result = strip_boilerplate("\n".join([*document, "清除全部"]), PATTERNS)
    assert result.text.split("\n") == document


def test_a_collections_section_named_by_a_kind_gives_way_to_the_documents_title():
    page = ["Chapter 5", "第五章", "礼仪致辞"]
    speech = ["在全市青年创新创业大赛颁奖仪式上的致辞", "尊敬的各位来宾：", "大家下午好！"]
    result = strip_boilerplate("\n".join([*page, *speech]), PATTERNS)
    assert result.text.split("\n") == speech


def test_an_online_interviews_questions_and_answers_after_the_statement_are_wrapper():
    statement = [
        "在“医保政策进万家”在线访谈中的开场发言",
        "各位网友：",
        "今年以来，我市持续推进医保服务下沉，群众就近办事更加便捷。",
        "下一步，我们将继续优化经办服务，让群众少跑腿、好办事。",
    ]
    exchange = [
        "网友提问：异地就医能直接结算吗？",
        "嘉宾回答：可以的。只要在参保地办理异地就医备案，就可以在我市已开通异地结算的定点医疗机构直接结算。",
        "网友提问：行动不便的老人怎么办理？",
        "嘉宾回答：各乡镇（街道）医保服务站可以提供预约上门服务，请拨打所在站点电话预约。",
        "主持人：由于时间关系，今天的访谈就到这里。",
    ]
    result = strip_boilerplate("\n".join([*statement, *exchange, "本期访谈结束"]), PATTERNS)
    assert result.text.split("\n") == statement


def test_a_drafts_end_mark_a_result_card_and_a_bracketed_unit_under_a_report():
    report = [
        "关于我市县域特色农产品加工业发展情况的调研报告",
        "近期，市政协经济委员会组成调研组，深入企业开展实地调研，形成本报告。",
        "（市政协经济委员会调研组）",
    ]
    planner = ["✎ 草稿结束 ↑", "复盘：第三部分任务太散，明天再归并一下。"]
    card = ["【练习结果】", "正确率：97.7%　退格次数：52", "再接再厉，明天继续练习！"]
    for after in (planner, card):
        result = strip_boilerplate("\n".join([*report, *after]), PATTERNS)
        assert result.text.split("\n") == report


@pytest.mark.parametrize(
    "author", ["（作者单位：中共某市委党校）", "（作者系某县委常委、组织部部长）"]
)
def test_an_articles_author_under_it_in_a_paper_is_its_own(author):
    article = [
        "学习全会精神的几点体会",
        "全会审议通过的《决定》，是指导新征程上进一步全面深化改革的纲领性文件。",
        "总之，学习贯彻全会精神必须落实到具体行动中。",
        author,
    ]
    next_item = [
        "湿地公园二期下月开园",
        "本报讯 记者从市园林中心获悉，湿地公园二期工程已完成主体建设",
    ]
    result = strip_boilerplate("\n".join([*article, *next_item]), PATTERNS)
    assert result.text.split("\n") == article


def test_a_notice_that_stands_twice_beside_wrapper_is_wrapper_even_as_a_sentence(judge_neutral):
    notice = "入井前请主动接受安全检查。"
    refrain = "坚持人民至上。"
    ad = "【普惠】会员专享：影院观影券9.9元起，点击领取"
    text = "\n".join([*_SPEECH[:3], ad, notice, *_SPEECH[3:5], ad, notice, *_SPEECH[5:]])
    assert strip_boilerplate(text, PATTERNS).text.split("\n") == _SPEECH
    # The document's own sentence, twice, once beside the page's line, stays.
    text = "\n".join([*_SPEECH[:3], ad, refrain, *_SPEECH[3:5], refrain, *_SPEECH[5:]])
    assert strip_boilerplate(text, PATTERNS).text.count(refrain) == 2


@pytest.mark.parametrize(
    "line",
    [
        "本系统由某某船舶管理公司信息中心维护，技术支持电话：0532-88417260。",
        "广告　某某航空金卡会员专享：机上免税品满800元减120元",
        "本屏信息由某某站党群工作部发布。",
        "阅读完毕，本次学习可获得成长积分5分。",
        "管理部门：资产管理科 · 请勿撕毁 · 定期盘点",
        "阅读完毕请点击“标记已读”，系统将自动计入本人年度学时。",
        "便利店今日特惠：矿泉水买二送一。",
        "〔系统〕卫星热点监测：辖区内暂无新增热点。",
        "刷新时间：08:15:42",
        "日期：2024-07-16",
        "扫码领取更多典型案例",
        "（插播）本周六上午，镇卫生院医生将在村委会开展免费测血压活动。",
    ],
)
def test_a_systems_notes_its_ads_and_its_labels_are_wrapper(line):
    assert _cleaned_with(line) == _SPEECH


def test_only_a_sentence_the_judge_leans_to_wrapper_on_is_learnable():
    # Official writing's stock sentences, which documents share, score below
    # LEARNED_SENTENCE; a kiosk's notice above it.
    lines = [
        "下面，我讲三点意见。",
        "本机不收取现金，缴费请使用医保电子凭证、就诊卡或扫码支付。",
        "笃行致远",
    ]
    assert learnable_lines("\n".join(lines)) == lines[1:]


_PARAGRAPHS = [
    "今年以来，全院上下认真落实改善就医感受提升患者体验主题活动部署，门诊预约诊疗率达到百分之八十五。",
    "下一步，我们将继续优化预约挂号、检查检验、取药缴费等就诊流程，让患者少跑腿、少排队。",
]


def test_a_sentence_other_documents_hold_stays_between_the_documents_paragraphs():
    # One issuer's notices share their own reminders there, which the judge leans to
    # wrapper on as it does on a kiosk's notice: the two cannot be told apart.
    reminder = "停电期间请注意用电安全。"
    lines = [
        "关于城东片区计划停电的通知",
        "为保障电网安全可靠运行，我公司定于2024年6月15日8:00至18:00对城东片区暂停供电。",
        reminder,
        "停电范围包括城东大道以东、滨江路以南的居民小区和沿街商铺，届时请做好准备。",
        "国网澜州供电公司",
        "2024年6月10日",
    ]
    assert reminder in learnable_lines("\n".join(lines))
    text = "\n".join(lines)
    assert strip_boilerplate(text, PATTERNS, frozenset({reminder})).text == text


def test_stock_sentences_one_offices_documents_share_stay_at_the_ends_of_their_writing():
    # The office's three notices share their courtesies, which the judge leans to wrapper
    # on: above the signature, the contacts or the attachments they are the document's.
    shared = [
        "停电期间请您关闭家用电器，防止来电时损坏。",
        "由此给您带来的不便，敬请谅解！",
        "感谢您的支持与配合！",
    ]
    lines = [
        "关于城西片区计划停电的通知",
        "尊敬的客户：",
        "因城西110千伏变电站设备检修，我公司定于2024年6月15日8:00至18:00对城西片区停电。",
        "一、停电范围：城西大道以西、滨江路以北的居民小区和沿街商铺。",
        *shared,
        "联系人：客户服务中心　周敏",
        "澜州供电公司",
        "2024年6月10日",
    ]
    text = "\n".join(lines)
    assert strip_boilerplate(text, PATTERNS, frozenset(shared)).text == text
    # Only such sentences may be learned from the notice (as far as the judge leans to
    # wrapper on them), never its facts, contact or signature.
    assert set(learnable_lines(text)) <= set(shared)
    at_end = [*lines[:4], *shared, "附件：停电区域示意图"]
    assert strip_boilerplate("\n".join(at_end), PATTERNS, frozenset(shared)).removed_lines == ()


def test_a_sentence_other_documents_hold_after_the_signature_is_the_pages():
    notice = "本机不收取现金，缴费请使用医保电子凭证、就诊卡或扫码支付。"
    lines = ["关于调整门诊时间的通知", *_PARAGRAPHS, "澜州市中心医院", "2024年5月20日", notice]
    result = strip_boilerplate("\n".join(lines), PATTERNS, frozenset({notice}))
    assert result.removed_lines == (notice,)


@pytest.mark.parametrize(
    "line",
    [
        "本次学习获益匪浅，我深刻认识到必须坚持人民至上。",
        "学习结束后，请各支部于月底前报送心得体会。",
        "本站为一等客运站，日均发送旅客3万人次。",
        "本平台由市大数据局统一建设，各部门按职责做好数据共享。",
        "本小程序由市总工会开发，职工可在线申请困难帮扶。",
        "阅读结束后请各支部组织交流研讨，形成书面材料。",
        "完成本次学习合格者授予学分6学时。",
        "组织各大商超推出限时特惠、满减优惠等促销活动。",
        "报名成功即享免费体检一次，名额有限。",
        "检查日期：2024-07-16",
        "（插播宣传片《扎根》）",
        "各村播报完毕后，须在镇防汛工作群内报告播报情况。",
    ],
)
def test_a_documents_own_sentences_on_its_study_its_station_or_its_platform_stay(line):
    assert _cleaned_with(line) == [*_SPEECH[:3], line, *_SPEECH[3:]]


def test_a_bulletins_section_on_messages_and_a_plans_repeated_deadlines_stay():
    bulletin = [
        "全市12345热线工作简报",
        "一、本周受理情况",
        "本周共受理群众诉求3260件，按时办结率98.6%。",
        "网友留言",
        "本周通过网站受理网友留言412件，主要反映道路维修、噪声扰民等问题。",
        "二、下一步工作",
        "各承办单位要对照诉求清单逐件办理，按时反馈办理结果。",
    ]
    # A section named so is no head of comments: the sections after it stay.
    kept = strip_boilerplate("\n".join(bulletin), PATTERNS).text.split("\n")
    assert kept[-3:] == bulletin[-3:]
    tasks = [
        "全县农村人居环境整治提升实施方案",
        "为改善农村人居环境，结合我县实际，制定本方案。",
        "（一）推进农村厕所改造。",
        "牵头单位：县农业农村局",
        "完成时限：2025年12月底前。",
        "（二）推进生活垃圾治理。",
        "牵头单位：县住建局",
        "完成时限：2025年12月底前。",
    ]
    kept = strip_boilerplate("\n".join(tasks), PATTERNS).text.split("\n")
    assert kept.count("完成时限：2025年12月底前。") == 2


def test_a_notices_own_contact_after_its_link_stays():
    notice = [
        "关于举办全市职工技能大赛的通知",
        "各区总工会：",
        "请各单位于6月30日前完成报名。",
        "市总工会",
        "2025年6月3日",
        "报名网址：https://match.example.cn/sign",
        "联系人：李晓红",
        "联系电话：0571-88001234",
    ]
    result = strip_boilerplate("\n".join(notice), PATTERNS)
    assert result.text.split("\n")[-2:] == notice[-2:]


def test_comments_under_a_head_with_their_count_are_wrapper():
    comments = [
        "热门评论（2）",
        "临江老周：说得在理，已经转到我们小区群里了。",
        "江边散步的人：数据挺详细。",
    ]
    result = strip_boilerplate("\n".join([*_SPEECH, *comments]), PATTERNS)
    assert result.text.split("\n") == _SPEECH


def test_a_sentence_naming_the_documents_own_members_group_stays():
    line = "活动信息通过“临江市场监管”微信公众号和各门店会员群同步发布，欢迎居民参与。"
    assert _cleaned_with(line) == [*_SPEECH[:3], line, *_SPEECH[3:]]
    assert _cleaned_with("加入会员群 领取全年范文") == _SPEECH


@pytest.mark.parametrize("tail", [[], ["联系人：邹晓峰", "电话：0517-83316119"]])
def test_any_short_name_between_the_last_sentence_and_the_date_signs_the_document(tail):
    report = [
        "关于候车室适老化服务改造工作情况的报告",
        "集团公司客运部：",
        "按照集团公司要求，我站于2024年启动候车室适老化服务改造，现将有关情况报告如下。",
        "特此报告。",
        *tail,
        "青屿站",
        "二〇二五年四月十日",
    ]
    assert strip_boilerplate("\n".join(report), PATTERNS).text.split("\n") == report


def test_a_reports_bracketed_label_and_a_staff_signature_are_its_own():
    report = [
        "参加党纪学习教育的心得体会",
        "按照公司党委统一部署，我认真参加了党纪学习教育。",
        "【典型案例】",
        "2024年7月，石门库5号仓在例行检查中发现局部粮温异常，保管员及时处置。",
        "总之，这次学习对我来说是一次思想上的“大扫除”。",
        "河湾库保管员\u3000覃立伟",
    ]
    page = ["附件下载（0）", "上一篇：支部集中学习安排\u3000\u3000下一篇：无"]
    result = strip_boilerplate("\n".join([*report, *page]), PATTERNS)
    assert result.text.split("\n") == report


def test_a_profiles_headings_without_numbers_stay_and_a_viewers_remarks_go(monkeypatch):
    paragraph = "每天凌晨4点半，她就从家里出发，把负责的街巷清扫得干干净净，二十年来从未间断。" * 3
    headings = ["起得最早的人", "最“较真”的班长", "不忘初心的老党员"]
    remarks = ["主播声音好好听", "收藏了明天开会用", "上岸的来还愿了"]
    scored = {"起得最早的人": 2.4, **{remark: 5.5 for remark in remarks}}
    monkeypatch.setattr(
        "gaoku.core.cleaning._scores", lambda lines: [scored.get(x, -5.0) for x in lines]
    )
    title = ["一把扫帚扫出一条“最美街巷”", "柳春梅，女，1976年出生，现任城东二中队班长。"]
    profile = [*title, *[line for heading in headings for line in (heading, paragraph)]]
    assert strip_boilerplate("\n".join(profile), PATTERNS).text.split("\n") == profile
    streamed = [*title, *[line for remark in remarks for line in (paragraph, remark)], paragraph]
    result = strip_boilerplate("\n".join(streamed), PATTERNS)
    assert result.removed_lines == tuple(remarks)


def test_comments_after_a_posts_counters_go():
    tail = ["点赞 21\u3000评论 3", "李秀英（国画三班）：盼着早点开课，我第一个报名！"]
    assert strip_boilerplate("\n".join([*_SPEECH, *tail]), PATTERNS).text.split("\n") == _SPEECH


def test_who_chaired_a_meeting_is_the_minutes_own_line(monkeypatch):
    chair = "主持：总经理\u3000岑国梁"
    monkeypatch.setattr(
        "gaoku.core.cleaning._scores", lambda lines: [4.0 if x == chair else -5.0 for x in lines]
    )
    minutes = [
        "某公司2025年第一季度安全生产工作会议纪要",
        "时间：2025年3月14日上午",
        chair,
        "3月14日，公司召开第一季度安全生产工作会议，传达学习上级有关会议精神。",
    ]
    assert strip_boilerplate("\n".join(minutes), PATTERNS).text.split("\n") == minutes


def test_a_petrol_stations_name_is_no_brand_and_minutes_keep_who_attended():
    minutes = [
        "金桥路加油站党支部安全生产专题会议纪要",
        "2025年9月26日，支部召开安全生产专题会议，研究部署国庆期间安全工作。",
        "会议明确，由站长牵头，每日开展安全巡查。",
        "出席：钟远山\u3000罗振华\u3000施文斌",
        "列席：各班组负责人",
        "记录：葛小芸",
    ]
    brand = "砚田文稿——写材料的人自己的加油站"
    result = strip_boilerplate("\n".join([brand, *minutes]), PATTERNS)
    assert result.text.split("\n") == minutes


def test_a_pages_contact_after_its_buttons_goes_and_the_documents_own_stays():
    notice = [
        "关于开展食品安全知识进社区活动的通知",
        "各超市门店：",
        "活动结束后3个工作日内，各门店要将活动开展情况报市局。",
        "联系人：许晴",
        "电话：0577-66120835",
        "临江市市场监督管理局",
        "2025年6月3日",
    ]
    page = [
        "【下载原文】　【加入收藏】　【返回列表】",
        "联系人：培养办 周老师",
        "电话：0579-86203317",
    ]
    result = strip_boilerplate("\n".join([*notice, *page]), PATTERNS)
    assert result.text.split("\n") == notice
    # One unit's documents share their contact's telephone: it is never learned.
    assert learnable_lines("电话：0577-66120835") == []
    # The notice's own e-mail under its contact and telephone is its own too...
    mail = [*notice[:-2], "邮箱：lj_scjg@linjiang.gov.cn", *notice[-2:]]
    assert strip_boilerplate("\n".join(mail), PATTERNS).text.split("\n") == mail
    # ...not a writing service's, between the paragraphs or with its ad in a field.
    ad = ["联系人：李老师", "电话：13912345678", "邮箱：xiezuo_vip@163.com"]
    between = [*notice[:3], *ad, "各门店要高度重视，认真组织，确保活动取得实效。", *notice[-2:]]
    result = strip_boilerplate("\n".join(between), PATTERNS)
    assert result.removed_lines == tuple(ad[1:])
    field = [*notice[:-2], "地址：本站长期承接各类公文材料代写业务", *notice[-2:]]
    result = strip_boilerplate("\n".join(field), PATTERNS)
    assert result.removed_lines == ("地址：本站长期承接各类公文材料代写业务",)


def test_a_line_opening_with_letters_and_digits_is_no_piece_of_a_broken_term(monkeypatch):
    # PM / 2.5 is a term a converter broke; a station screen's train line is not.
    train = "K806 次\u3000开往 南岭\u3000晚点约 25 分钟\u3000检票口 B1"
    monkeypatch.setattr(
        "gaoku.core.cleaning._scores", lambda lines: [7.0 if x == train else -5.0 for x in lines]
    )
    speech = [*_SPEECH[:3], "（领导讲话）", *_SPEECH[3:]]
    text = "\n".join([*speech[:4], train, *speech[4:]])
    assert strip_boilerplate(text, PATTERNS).text.split("\n") == speech


def test_a_papers_jump_and_its_repeated_headline_are_wrapper():
    text = "\n".join(
        [
            *_SPEECH[:3],
            "（下转第3版）",
            "第3版：综合",
            "（上接第1版）",
            "防汛工作会议讲话",
            *_SPEECH[3:],
        ]
    )
    assert strip_boilerplate(text, PATTERNS).text.split("\n") == _SPEECH


def test_a_slogan_under_a_heading_that_announces_it_is_the_documents():
    plan = [
        "全区“高效办成一件事”集中宣传月活动方案",
        "为扩大改革的社会知晓度，现制定方案如下。",
        "一、活动主题",
        "高效办成一件事　便民利企暖人心",
        "二、活动内容",
        "组织开展政策宣讲、现场咨询等活动。",
    ]
    assert strip_boilerplate("\n".join(plan), PATTERNS).text.split("\n") == plan


def test_an_appeal_keeps_its_own_slogan_and_loses_one_that_stands_twice(judge_neutral):
    appeal = [
        "关于厉行节约、反对食品浪费的倡议书",
        "全市广大消费者朋友们：",
        "我们倡议广大消费者按需采购，不囤积、不跟风。",
        "按需选购不囤积\u3000光盘行动我先行",
        "让我们携起手来，让勤俭节约成为全社会的自觉行动。",
    ]
    assert strip_boilerplate("\n".join(appeal), PATTERNS).text.split("\n") == appeal
    brand = "鲜邻生活\u3000品质到家"
    text = "\n".join([*appeal[:3], brand, *appeal[3:4], brand, *appeal[4:]])
    assert strip_boilerplate(text, PATTERNS).text.split("\n") == appeal


@pytest.mark.parametrize(
    "book",
    ["《柘岭县委理论学习中心组学习研讨材料汇编》", "《临渚市基层治理工作现场推进会交流材料》"],
)
def test_a_booklets_name_above_the_title_is_not_the_title(book):
    speech = [
        "在全市基层治理工作现场推进会上的交流发言",
        "各位领导、同志们：",
        "下面，我作简要交流。",
    ]
    result = strip_boilerplate("\n".join(["校次：二校", book, *speech]), PATTERNS)
    assert result.text.split("\n") == speech


def test_a_kind_named_only_in_a_label_is_no_title():
    # A question bank's item over its model answer: 【…】 holds the category.
    assert not is_title("第 37 题　【组织管理类·交流发言】")
    assert is_title("在全县防汛工作会议上的讲话【完整版】")
    text = "\n".join(["第 37 题　【组织管理类·交流发言】", "【参考范文】", *_SPEECH])
    assert strip_boilerplate(text, PATTERNS).text.split("\n") == _SPEECH


@pytest.mark.parametrize(
    "line",
    ["（内容较长，分 2 条发送，第 1/2 条）", "（材料较长，可上下滑动阅读）", "第 2 页（共 3 页）"],
)
def test_a_senders_split_notice_a_reading_hint_and_a_page_counter_are_wrapper(line):
    assert _cleaned_with(line) == _SPEECH
    own = [*_SPEECH[:3], "今年分3条发送短信提醒群众，经济下滑的原因要查看清楚。", *_SPEECH[3:]]
    assert strip_boilerplate("\n".join(own), PATTERNS).text.split("\n") == own


def test_a_records_fields_under_a_rule_go_with_their_date_and_a_signature_block_stays(
    judge_neutral,
):
    record = ["————————", "著录人：钟晓岚　审核人：邱文彬", "著录日期：2024-03-08"]
    record.append("电子文件格式：OFD")
    assert strip_boilerplate("\n".join([*_SPEECH, *record]), PATTERNS).text.split("\n") == _SPEECH
    signed = ["————————", "述职人：钟晓岚", "日期：2024年3月8日"]
    text = "\n".join([*_SPEECH, *signed])
    assert strip_boilerplate(text, PATTERNS).text.split("\n") == [*_SPEECH, *signed[1:]]


def test_an_sms_exports_headers_and_the_reply_after_the_document_are_wrapper(judge_neutral):
    header = ["时间：2024-11-03 08:16:40", "号码：106575208866", "类型：接收"]
    reply = ["时间：2024-11-03 08:20:11", "号码：106575208866", "类型：发送", "收到，谢谢！"]
    text = "\n".join([*header, *_SPEECH[:3], *header, *_SPEECH[3:], *reply])
    assert strip_boilerplate(text, PATTERNS).text.split("\n") == _SPEECH


def test_a_voice_assistants_wake_words_and_answers_are_wrapper_and_a_cheer_is_not():
    text = "\n".join([*_SPEECH[:3], "小智小智，声音大一点", "音量已调到 60%。", *_SPEECH[3:]])
    assert strip_boilerplate(text, PATTERNS).text.split("\n") == _SPEECH
    cheer = [*_SPEECH[:3], "加油加油，我们一定能行！", *_SPEECH[3:]]
    assert strip_boilerplate("\n".join(cheer), PATTERNS).text.split("\n") == cheer


def test_a_label_over_a_summary_and_a_catalogues_subject_entry_are_no_titles():
    assert not is_title("本文要点：")
    assert not is_title("Ⅰ．①基…　Ⅱ．①云…　Ⅲ．①讲话—汇编—中国　Ⅳ．①D630.1")
    assert is_title("专题党课：坚定理想信念")
    summary = ["AI 速览", "本文要点：", "1. 通报全县防汛工作", "2. 部署下一步任务"]
    result = strip_boilerplate("\n".join([*summary, *_SPEECH]), PATTERNS)
    assert result.text.split("\n") == _SPEECH


@pytest.mark.parametrize(
    "line",
    [
        "1,203人划线",
        "加载失败，点击重试",
        "[图片加载中…]",
        "—— 点击加载更多 ——",
        "Q2：怎样理解纪律面前没有小事？",
    ],
)
def test_highlight_counts_loading_states_and_discussion_questions_are_wrapper(line, judge_neutral):
    assert _cleaned_with(line) == _SPEECH
    own = [*_SPEECH[:3], "系统加载中经常卡顿，要尽快点击排查。", *_SPEECH[3:]]
    assert strip_boilerplate("\n".join(own), PATTERNS).text.split("\n") == own


def test_a_notebooks_printed_labels_on_every_page_go_and_a_scripts_own_labels_stay(
    judge_neutral,
):
    page = ["学习笔记 · 第 24 页", "日期：____年__月__日", "学习内容："]
    foot = ["心得：", "青简 · 每天进步一点点"]
    text = "\n".join([*_SPEECH[:3], *foot, *page, *_SPEECH[3:5], *foot, *page, _SPEECH[5]])
    assert strip_boilerplate(text, PATTERNS).text.split("\n") == _SPEECH
    script = [
        "全县表彰大会主持词",
        "主持人：",
        "同志们，现在开会。",
        "主持人：",
        "下面请县委书记讲话。",
    ]
    assert strip_boilerplate("\n".join(script), PATTERNS).text.split("\n") == script


def test_a_hotline_after_a_rule_and_a_wrapper_line_under_the_last_words_goes(judge_neutral):
    rule, promo = "--------------------------------", "更多范文请关注公众号：公文写作助手"
    slip = [rule, promo, "咨询电话：6612 3345　工作日 9:00-17:00"]
    assert strip_boilerplate("\n".join([*_SPEECH, *slip]), PATTERNS).text.split("\n") == _SPEECH
    # A distributor's line between the document's paragraphs, under a rule, is one line.
    middle = [*_SPEECH[:3], rule, promo, *_SPEECH[3:]]
    assert strip_boilerplate("\n".join(middle), PATTERNS).text.split("\n") == _SPEECH


def test_a_file_name_is_no_title_and_a_tagged_ad_is_wrapper(judge_neutral):
    assert not is_title("申报材料（1/1）：实施方案正文.docx（已转文本）")
    ad = "— 推广 — 栖读会员 7 天免费试用，订阅源无上限"
    text = "\n".join(
        ["申报材料（1/1）：实施方案正文.docx（已转文本）", *_SPEECH[:3], ad, *_SPEECH[3:]]
    )
    assert strip_boilerplate(text, PATTERNS).text.split("\n") == _SPEECH
    own = [*_SPEECH[:3], "推广，就是要把好经验推开。", *_SPEECH[3:]]
    assert strip_boilerplate("\n".join(own), PATTERNS).text.split("\n") == own


def test_a_trending_list_and_a_glossary_note_between_paragraphs_are_wrapper(judge_neutral):
    trending = [
        "热搜榜　换一换",
        "1 春耕一线：无人机播种忙 热",
        "2 县域医共体改革新进展 新",
        "3 夜市烟火气回来了 爆",
        "查看完整榜单 >",
    ]
    note = "【注释】一网通办：政务服务事项在一个网上平台统一办理。"
    text = "\n".join([*_SPEECH[:3], *trending, *_SPEECH[3:5], note, _SPEECH[5]])
    assert strip_boilerplate(text, PATTERNS).text.split("\n") == _SPEECH


def test_pinyin_over_a_line_is_wrapper(judge_neutral):
    text = "\n".join([_SPEECH[0], "tóng zhì men：", *_SPEECH[1:]])
    result = strip_boilerplate(text, PATTERNS)
    assert result.text.split("\n") == _SPEECH
    assert "tóng zhì men：" in result.removed_lines


def test_a_pull_quote_repeating_a_sentence_goes_and_the_sentence_stays(judge_neutral):
    sentence = "今年入汛以来，全县降雨偏多，防汛形势严峻。"
    quote = f"▌金句：“{sentence}”"
    assert _cleaned_with(quote) == _SPEECH
    # A document's own quoted line that no other line repeats stays.
    own = [*_SPEECH[:3], "“要把防汛责任落实到每一个村、每一座水库、每一处险段。”", *_SPEECH[3:]]
    assert strip_boilerplate("\n".join(own), PATTERNS).text.split("\n") == own


def test_a_title_ending_in_a_draft_word_is_a_title():
    assert is_title("在全县安全生产工作会议上的讲话稿")
    assert is_title("全县工作会议发言稿")
    assert not is_title("发言计时 剩余 05:00")


@pytest.mark.parametrize(
    "line",
    [
        "发言计时 剩余 04:12",
        "第 3 段已被 2 人校对",
        "认领本段 ▸ 第4段",
        "【待确认】疑似标点错误 1 处",
        "⚠ 安全提示：对方不是你的好友，涉及转账、验证码请先核实身份",
        "举报 / 加入黑名单 / 不再提示",
    ],
)
def test_a_timer_proofreaders_marks_and_a_safety_banner_are_wrapper(line, judge_neutral):
    assert _cleaned_with(line) == _SPEECH
    own = [*_SPEECH[:3], "该村已被3人举报过，距离截止时间剩余两天。", *_SPEECH[3:]]
    assert strip_boilerplate("\n".join(own), PATTERNS).text.split("\n") == own


def test_a_copys_certification_stamp_goes_with_its_fields(judge_neutral):
    stamp = ["复 印 件", "此复印件与原件—致", "经办人：钟晓棠", "核对日期：2024.06.11"]
    text = "\n".join([*_SPEECH, *stamp])
    assert strip_boilerplate(text, PATTERNS).text.split("\n") == _SPEECH


def test_a_label_naming_a_kind_over_a_title_in_its_grammar_gives_way_to_it():
    speech = ["在全县安全生产工作会议上的表态发言", "尊敬的各位领导：", "我们将坚决落实会议部署。"]
    text = "\n".join(["乡镇党委书记表态发言", *speech])
    result = strip_boilerplate(text, PATTERNS)
    assert result.text.split("\n") == speech


def test_a_petitions_fields_under_its_label_give_way_to_the_title(judge_neutral):
    page = ["联名倡议", "发起人：晴川安全生活志愿服务队", "倡议正文："]
    result = strip_boilerplate("\n".join([*page, *_SPEECH]), PATTERNS)
    assert result.text.split("\n") == _SPEECH
    # A salutation under a title is not passed over: the title stays.
    report = [
        "2012年政府工作报告",
        "各位代表：",
        "现在，我代表国务院，向大会报告政府工作，并请提出意见",
    ]
    assert strip_boilerplate("\n".join(report), PATTERNS).text.split("\n") == report


def test_a_shops_buyer_questions_an_invoice_and_an_ads_close_button_are_wrapper(judge_neutral):
    ask = ["问大家（12）", "问：这个模板好用吗？", "答：挺好用的，议程改一改就能直接用。"]
    invoice = ["电子发票（普通发票）", "发票代码：044001900111", "开票日期：2024年05月08日"]
    text = "\n".join([*_SPEECH[:3], "关闭广告", *_SPEECH[3:], *ask, *invoice])
    assert strip_boilerplate(text, PATTERNS).text.split("\n") == _SPEECH


def test_a_speakers_field_with_a_blank_signs_the_document(judge_neutral):
    signed = [*_SPEECH, "交流人：＿＿＿"]
    assert strip_boilerplate("\n".join(signed), PATTERNS).text.split("\n") == signed


@pytest.mark.parametrize(
    "line",
    [
        "(!) 消息发送失败，点击重发",
        "网络不可用，请检查网络设置",
        "请尽快完成身份验证，以免影响正常使用",
        "第 1 页，共 3 页　　字数 1,161 · 段落 15",
        "中文(中国)　　插入　　100%",
        "番茄 2/4　·　专注中 24:58",
        "省电模式已开启",
        "电量低于 20%，请及时充电",
        # An input method's candidates, a reading site's chapter header, a lucky draw.
        "1.人居环境\u30002.人居\u30003.仁菊\u30004.人具\u30005.忍俱\u3000◀ ▶",
        "第52章 党课讲稿（五） 字数：976",
        "138****2211 抽中 10元话费",
        "活动规则：每日登录送1次抽奖机会，阅读满3分钟再送1次；奖品将在7个工作日内发放。",
        # A wire's continuation, a display's panel jumps, a chat box's prompt, a scanning
        # pen's log, a running app's announcements.
        "（续一）",
        "（下转展板 ZB-04）",
        "展板 ZB-04（共12块）",
        "输入消息…",
        "第1行 扫描成功",
        "【语音播报】已跑 1.0km，用时 6分21秒，配速 6分21秒/公里",
        "心率区间：燃脂区 131 次/分\u3000请注意调整呼吸",
        "● 录屏中 00:15:47",
        # An OCR engine's layout lines, a notebook's cells and timings.
        "页 1 区块 4",
        "bbox 212 392 1028 444  置信度 0.960",
        "In [3]:",
        "运行时间：0.02 s",
    ],
)
def test_a_devices_an_editors_and_a_pages_notices_are_wrapper(line, judge_neutral):
    assert _cleaned_with(line) == _SPEECH


def test_a_dictionary_popup_goes_word_reading_glosses_and_buttons(judge_neutral):
    popup = ["防汛", "fáng xùn", "n. flood prevention; flood control", "收藏到生词本    更多释义"]
    assert _cleaned_with("\n".join(popup)) == _SPEECH
    # A short line over a reading of another length is not a looked-up word.
    heading = [*_SPEECH[:3], "压实防汛责任", "yā shí zé rèn", *_SPEECH[3:]]
    assert "压实防汛责任" in strip_boilerplate("\n".join(heading), PATTERNS).text


def test_the_replies_under_a_class_notice_go_with_their_count(judge_neutral):
    replies = [
        "家长回复（4）",
        "孙一诺妈妈：收到",
        "黄子轩爸爸：收到，支持学校工作！",
        "刘思涵家长：收到",
        "何俊熙奶奶：收到了",
    ]
    text = "\n".join([*_SPEECH[:-1], *replies])
    assert strip_boilerplate(text, PATTERNS).text.split("\n") == _SPEECH[:-1]


def test_a_row_of_fields_naming_the_writer_signs_the_document(judge_neutral):
    signed = [*_SPEECH, "（研讨人：＿＿＿\u3000\u3000所在支部：＿＿＿）"]
    assert strip_boilerplate("\n".join(signed), PATTERNS).text.split("\n") == signed
    # So does a team's members, blanks for names.
    team = [*_SPEECH, "调研组成员：××、某某"]
    assert strip_boilerplate("\n".join(team), PATTERNS).text.split("\n") == team
    # A row of a page's fields that names no writer is the page's.
    page = [*_SPEECH, "发布时间：2024-05-01\u3000\u3000来源单位：某某文库"]
    assert strip_boilerplate("\n".join(page), PATTERNS).text.split("\n") == _SPEECH


def test_a_reading_sites_chapter_header_above_the_title_is_not_the_title(judge_neutral):
    lesson = [
        "“坚定理想信念、永葆政治本色”专题党课讲稿",
        "各位党员同志：",
        "今天我和大家一起学习交流，谈谈如何坚定理想信念。",
    ]
    text = "\n".join(["第52章 党课讲稿（五） 字数：976", *lesson])
    assert strip_boilerplate(text, PATTERNS).text.split("\n") == lesson


def test_a_reposts_note_on_where_the_text_came_from_is_wrapper_a_data_source_is_not():
    note = "以上通知转自行业主管部门及合作单位，供学员了解。"
    own = "以上数据来源于县统计局。"
    text = f"在全镇安全生产会议上的讲话\n同志们：\n要抓好落实。\n{own}\n{note}"
    assert strip_boilerplate(text, PATTERNS).removed_lines == (note,)


def test_who_liked_a_post_and_the_comments_under_it_are_wrapper():
    tail = [
        "❤ 王老师、豆豆爸爸、果果妈妈等9人觉得很赞",
        "果果妈妈：说到我们心坎上了！",
        "王老师：感谢家长们的关注～",
    ]
    text = "\n".join(["在全区学前教育工作会议上的发言", "各位领导：", "要办好学前教育。", *tail])
    assert strip_boilerplate(text, PATTERNS).removed_lines == tuple(tail)


def test_a_notes_line_among_an_apps_entries_between_paragraphs_is_wrapper():
    note = "备注：六条够了，念起来大概五分钟"
    lines = [
        "在全镇防汛工作会议上的表态发言",
        "一是思想认识再提高。牢固树立防大汛、抗大灾的思想，克服麻痹思想和侥幸心理。",
        "17:55  交通 · 加油    -¥100.00",
        note,
        "二是责任落实再压实。严格落实以行政首长负责制为核心的防汛责任制，把责任落实到每一座水库、"
        "每一处险工险段。",
        "请县委、县政府放心！",
    ]
    assert note in strip_boilerplate("\n".join(lines), PATTERNS).removed_lines


def test_a_notices_own_notes_after_its_body_stay():
    lines = [
        "关于开展全镇安全生产大检查的通知",
        "各村（社区）、各有关单位：",
        "为切实做好安全生产工作，经研究，决定在全镇开展安全生产大检查。",
        "备注：检查情况请于3月5日前报镇安办。",
        "1.各单位要高度重视，明确专人负责，认真组织开展自查自纠工作，确保不留死角。",
        "某某镇人民政府",
        "2026年3月1日",
    ]
    assert strip_boilerplate("\n".join(lines), PATTERNS).removed_lines == ()


def test_a_marked_end_of_the_text_ends_it_with_what_follows():
    tail = ["—— 以上内容由村委会发布 ——", "给村里点个赞 👍 312", "买本村的货，帮本村的人。"]
    text = "\n".join(["在全村产业发展大会上的讲话", "同志们：", "要把茶叶产业做强。", *tail])
    assert strip_boilerplate(text, PATTERNS).removed_lines == tuple(tail)


def test_a_one_line_message_from_another_sender_is_a_reply_even_as_a_sentence():
    lines = [
        "林一诺 22:41",
        "○○镇集体婚礼主持词",
        "尊敬的各位领导、各位来宾：",
        "大家上午好！今天是一个吉祥美好的日子。",
        "赵蕾 22:50",
        "流程挺顺的，宣誓词再短一点？",
        "林一诺 22:51",
        "请全体起立，奏唱国歌。请坐。下面，有请镇党委书记为新人们致辞，大家掌声欢迎！"
        "感谢书记的热情致辞和殷切希望！",
    ]
    result = strip_boilerplate("\n".join(lines), PATTERNS)
    assert "流程挺顺的，宣誓词再短一点？" in result.removed_lines
    assert result.text.endswith("感谢书记的热情致辞和殷切希望！")


def test_a_removed_line_is_put_back_where_it_stood():
    from gaoku.core.ingest import prepare_text, restore_line

    raw = "\n".join(
        [
            "笔耕文舍",
            "在全镇安全生产会议上的讲话",
            "同志们：",
            "一、提高认识。",
            "关注公众号：bigengwenshe2021",
            "二、压实责任。",
            "要抓好落实。",
        ]
    )
    prepared = prepare_text(raw, PATTERNS)
    assert prepared.removed_lines == ("笔耕文舍", "关注公众号：bigengwenshe2021")
    assert prepared.removed_positions == (0, 4)
    back = restore_line(prepared.text, prepared.removed_lines, prepared.removed_positions, 1)
    assert back.text.split("\n")[2:4] == ["一、提高认识。", "关注公众号：bigengwenshe2021"]
    assert back.removed_lines == ("笔耕文舍",) and back.removed_positions == (0,)
    again = restore_line(back.text, back.removed_lines, back.removed_positions, 0)
    assert again.text == normalize(raw) and again.removed_lines == ()


def test_a_kept_line_is_removed_where_it_stood_and_can_be_put_back():
    from gaoku.core.ingest import prepare_text, remove_lines, restore_line

    raw = "\n".join(
        [
            "笔耕文舍",
            "在全镇安全生产会议上的讲话",
            "同志们：",
            "一、提高认识。",
            "今日午后有雷阵雨，请值班人员做好防雷准备。",
            "关注公众号：bigengwenshe2021",
            "二、压实责任。",
            "要抓好落实。",
        ]
    )
    prepared = prepare_text(raw, PATTERNS)
    assert prepared.removed_positions == (0, 5)
    notice = prepared.text.split("\n").index("今日午后有雷阵雨，请值班人员做好防雷准备。")
    cut = remove_lines(prepared.text, prepared.removed_lines, prepared.removed_positions, {notice})
    assert cut.text.split("\n") == [
        "在全镇安全生产会议上的讲话",
        "同志们：",
        "一、提高认识。",
        "二、压实责任。",
        "要抓好落实。",
    ]
    assert cut.removed_positions == (0, 4, 5)
    assert cut.removal_reasons == ("", "编辑删去", "")  # no reasons were given for the others
    assert cut.removed_lines[1] == "今日午后有雷阵雨，请值班人员做好防雷准备。"
    assert [p.heading for p in cut.outline.parts] == ["一、提高认识", "二、压实责任"]
    back = restore_line(cut.text, cut.removed_lines, cut.removed_positions, 1)
    assert back.text == prepared.text and back.removed_positions == (0, 5)
    every = range(len(cut.text.split("\n")))
    with pytest.raises(ImportRejected, match="没有剩下正文"):
        remove_lines(cut.text, cut.removed_lines, cut.removed_positions, set(every))


def test_a_letters_own_reply_form_and_its_note_stay():
    lines = [
        "关于开通月捐的倡议书",
        "各位爱心人士：",
        "每月一份善意，帮助山区孩子吃上营养午餐。",
        "此致",
        "敬礼！",
        "澄州市青禾公益服务中心",
        "2024年3月1日",
        "附：月捐意向回执",
        "姓名：＿＿＿   联系电话：＿＿＿",
        "每月捐赠金额：＿＿＿元   扣款日期：每月＿＿＿日",
        "（填写后拍照发送至本中心邮箱，或在项目页直接开通月捐）",
        "我要捐款   一起捐   分享",
    ]
    result = strip_boilerplate("\n".join(lines), PATTERNS)
    assert result.removed_lines == ("我要捐款   一起捐   分享",)


@pytest.mark.parametrize("line", ["主要做法", "存在的问题", "此致"])
def test_a_section_name_or_a_formula_between_wrapper_lines_stays(line):
    text = "\n".join(
        [
            "关于竹编合作社发展情况的调研报告",
            "近年来，合作社发展较快，带动农户增收明显。",
            "⊕ 点击放大查看原件",
            line,
            "合作社坚持统一收购、统一销售，建立了稳定的销售渠道。",
        ]
    )
    assert line not in strip_boilerplate(text, PATTERNS).removed_lines


def test_a_title_naming_its_kind_as_a_letter_of_proposal_is_the_title():
    assert is_title("文明祭扫 绿色清明倡议书") and is_title("安全生产目标责任书")
    assert not is_title("倡议书模板下载")


def test_a_bulletins_issue_and_its_distribution_are_its_own_and_a_journals_are_not():
    bulletin = [
        "安全生产简报",
        "2024年第15期（总第318期）",
        "临澜公交集团安全管理部编　　2024年4月12日",
        "一、一周安全形势",
        "本周集团共发生各类交通事故4起，均为轻微事故，未造成人员伤亡。",
        "各车队要以案为鉴、举一反三，切实把安全责任落实到每一辆车、每一名驾驶员。",
        "报：集团领导班子成员",
        "送：各分公司、各车队、各场站",
    ]
    assert strip_boilerplate("\n".join(bulletin), PATTERNS).removed_lines == ()
    # A journal that carries an article: its issue above the contents and its
    # distribution under the article are the journal's.
    article = [
        "参加读书班的心得体会",
        "首先，要在学深悟透上下功夫。",
        "总之，这次读书班让我深受教育。",
    ]
    journal = ["枫林区党建工作简报", "第9期", "中共枫林区委组织部编印", "━━━━━━━━", *article]
    journal += ["━━━━━━━━", "报：市委组织部，区委常委", "送：区人大常委会、区政府"]
    assert strip_boilerplate("\n".join(journal), PATTERNS).text.split("\n") == article


def test_signers_of_other_forms_stay():
    lines = [
        "学习党的二十届三中全会精神心得体会",
        "桥吊二队　司机　韦晓川",  # the team, the post and the name under the title
        "作为一名在码头一线工作了十一年的桥吊司机，我通过集中学习对全会精神有了新的认识。",
        "以上发言，不妥之处请各位领导批评指正。",
        "××",  # a blank for the signer's name above the date
        "2024年4月18日",
    ]
    assert strip_boilerplate("\n".join(lines), PATTERNS).removed_lines == ()
    # One issuer's signature with the name it also goes by is never learned.
    assert learnable_lines("沅澄水务集团党委办公室（集团办公室）") == []


def test_comments_under_a_counted_head_or_after_reading_counters_go():
    text = [*_SPEECH, "阅读 3108　点赞 244　评论 2", "春燕呢喃：颁奖环节写得很细，赞一个。"]
    assert strip_boilerplate("\n".join(text), PATTERNS).text.split("\n") == _SPEECH
    text = [*_SPEECH, "精选评论（2）", "桂香嫂子：主持词格式清楚，下周村里开会就用上了。"]
    assert strip_boilerplate("\n".join(text), PATTERNS).text.split("\n") == _SPEECH


def test_a_devices_sentence_on_itself_is_learnable_down_to_a_lower_score(monkeypatch):
    monkeypatch.setattr("gaoku.core.cleaning._scores", lambda lines: [-0.8] * len(lines))
    lines = [
        "本机为抄表作业专用设备，严禁安装其他软件。",
        "本机关各部门要认真落实。",
        "成员如有变动，由本系统相应岗位人员自行递补。",  # a sector's own word
        "本设备操作人员须经培训合格后持证上岗。",
    ]
    assert learnable_lines("\n".join(lines)) == lines[:1]


def test_a_documents_own_note_and_what_follows_it_stay_where_the_judge_takes_the_note():
    report = [
        "某某县2024年统计工作报告",
        "今年以来，县统计局坚持依法统计、依法治统，统计数据质量稳步提升，为县委、县政府科学决策提供了有力支撑。",
        "注：报告中部分数据为预计数，最终以年报为准。",
        "某某县统计局",
        "2024年12月20日",
    ]
    kept = strip_boilerplate("\n".join(report), PATTERNS).text.split("\n")
    assert kept[-2:] == report[-2:]


def test_a_counter_under_the_title_heads_no_comments():
    notice = ["关于开展2024年度党员冬训工作的通知", "阅读 2316　评论 4", *_SPEECH[1:]]
    assert strip_boilerplate("\n".join(notice), PATTERNS).text.split("\n")[1:] == _SPEECH[1:]


def test_a_sites_credits_and_an_apps_episode_are_no_documents():
    credits = [*_SPEECH, "县融媒体中心　编辑　李娜", "县委宣传部　审核　张强"]
    assert strip_boilerplate("\n".join(credits), PATTERNS).text.split("\n") == _SPEECH
    episode = ["每日一学", "第15期", *_SPEECH]
    assert strip_boilerplate("\n".join(episode), PATTERNS).text.split("\n") == _SPEECH


def test_a_bulletins_columns_print_run_and_a_host_s_last_direction_stay():
    bulletin = [
        "苇塘县公安局党纪学习教育简报",
        "第6期",
        "一、学习动态",
        "全局各党支部本周集中学习《中国共产党纪律处分条例》，开展专题研讨12场。",
        "【基层声音】",
        "城关派出所民警表示，要把纪律要求落实到每一次接处警中。",
        "报：县委党纪学习教育领导小组办公室",
        "送：局党委委员，各党支部",
        "（共印35份）",
    ]
    assert strip_boilerplate("\n".join(bulletin), PATTERNS).removed_lines == ()
    script = [*_SPEECH[:5], "现在，我宣布：大会到此结束。", "（奏乐，散会）", "—— 已到底部 ——"]
    assert strip_boilerplate("\n".join(script), PATTERNS).removed_lines == ("—— 已到底部 ——",)


def test_a_unit_that_speaks_a_data_note_and_an_e_mail_above_the_signature_stay():
    lines = [
        "2024年上半年班组长述职报告",
        "转炉工段乙班",  # the unit that speaks, above the greeting
        "各位领导、各位工友：",
        "我是转炉工段乙班班长钱永泰，现将上半年履职情况报告如下，请予评议。",
        "注：报告中2024年全年数据为快报数，最终以统计部门核定数据为准。",
        "联系人：市局专卖监督管理科　韩书宁",
        "电话：0698-3316725",
        "邮箱：zmk_hj@yyt-hengjiang.cn",
        "蘅江市烟草专卖局",
        "2024年9月10日",
    ]
    page = ["精选评论（2）", "南门便民超市 老葛：讲得很实在，转给隔壁几家店看看。"]
    text = "\n".join([*lines, *page])
    assert strip_boilerplate(text, PATTERNS).text.split("\n") == lines
    # A site's upkeep under the text is no signer.
    credits = [*_SPEECH, "迅邦速运华东三区综合管理部　维护"]
    assert strip_boilerplate("\n".join(credits), PATTERNS).text.split("\n") == _SPEECH


def test_the_third_reviews_lines_stay_or_go_as_they_should():
    # A post named with a credit's word signs; a credit alone does not.
    for signer in ("城关派出所　主办民警　韦晓川", "市政务数据中心　运维主管　林晓东"):
        report = [*_SPEECH[:5], "特此报告。", signer]
        assert strip_boilerplate("\n".join(report), PATTERNS).removed_lines == ()
    # What the host says after the last direction is the script's.
    script = [*_SPEECH[:5], "（奏乐，散会）", "请各位代表带好随身物品，有序离场。"]
    assert strip_boilerplate("\n".join(script), PATTERNS).removed_lines == ()
    # A site's brand under the title is no speaker, nor its slogan a subtitle; a site's
    # columns are learnable, as a bulletin's are not; a template's note on its figures goes.
    assert not is_speaker("公文写作服务站", "同志们：")
    assert is_speaker("转炉工段乙班", "各位领导、各位工友：")
    assert not is_subtitle("跟着老班长学写材料") and is_subtitle("厂长\u3000郗卫东")
    assert learnable_lines("【热点动态】\n会员风采\n基层声音") == ["【热点动态】", "会员风采"]
    note = "注：文中数据均为示例，请结合本单位实际修改使用。"
    assert strip_boilerplate("\n".join([*_SPEECH, note]), PATTERNS).text.split("\n") == _SPEECH


def test_a_devices_status_between_paragraphs_goes_and_a_scripts_directions_stay():
    # Notes in brackets and labels inside the body stay the document's, as a review found
    # they must (a judge leans on "(" and on a colon at the end).
    for line in ("(此处略)", "（单位：万元）", "(奏唱国歌)", "申报材料：", "（掌声）"):
        assert line in _cleaned_with(line)
    # A caption app's notes on its own state are its own, in brackets or not.
    for status in (
        "（识别暂停：网络不稳定）",
        "（已恢复识别）",
        "（检测到多人说话，已按说话人自动分段）",
    ):
        assert status not in _cleaned_with(status)
    # A symbol before a space makes no table's cell: two such lines are no table.
    paused = ["⏸ 录音已暂停（00:17:02）", "▶ 录音已恢复（01:21:45）"]
    text = "\n".join([*_SPEECH[:3], *paused, *_SPEECH[3:]])
    assert strip_boilerplate(text, PATTERNS).text.split("\n") == _SPEECH
    # Nor do the spaces of mixed text (jhzj-dangjian 邮件组).
    footer = [
        "jhzj-dangjian 邮件组 · 成员 132 人",
        "您收到此邮件是因为您是 jhzj-dangjian 邮件组成员。",
        "退订或修改接收方式：https://lists.jhzj.gov.cn/manage/jhzj-dangjian",
    ]
    assert strip_boilerplate("\n".join([*_SPEECH, *footer]), PATTERNS).text.split("\n") == _SPEECH
    # A host's direction under the last sentence, and a host's last words above a pen's
    # footer, are the script's.
    script = [*_SPEECH[:5], "现在，我宣布：放映活动正式开始！", "（放映开始）", "—— 第2段完 ——"]
    assert strip_boilerplate("\n".join(script), PATTERNS).text.split("\n") == script[:-1]
    last = "开班仪式到此结束。下面休息10分钟，9点40分开始第一堂课。"
    pen = [
        "〔页边手写，未识别〕",
        "本页书写 412 字\u3000用时 18 分 37 秒",
        "导出自 墨点笔记 Android 3.4.1",
    ]
    text = "\n".join([*_SPEECH[:5], last, *pen])
    assert strip_boilerplate(text, PATTERNS).text.split("\n") == [*_SPEECH[:5], last]


def test_a_speakers_bare_name_a_duty_phone_and_titles_of_files_and_trackers():
    lines = [
        "在全县春季农业生产推进会上的讲话（摘要）",
        "邵启明",
        "（2025年3月17日）",
        "同志们：",
        "今天召开这次会议，主要任务是安排部署春季农业生产工作。",
        "联系人：卢晓菡（社区网格员）",
        "联系电话：8526 0417",
        "物业服务中心24小时值班电话：8526 0999",
        "嘉樾社区居民委员会",
        "2025年3月25日",
    ]
    cleaned = strip_boilerplate("\n".join(lines), PATTERNS)
    assert cleaned.text.split("\n") == lines
    assert parse_outline(cleaned.text).salutation == "同志们："
    assert is_speaker("邵启明", "（2025年3月17日）") and is_speaker("邵启明", "同志们：")
    assert not is_speaker("邵启明", "今天召开这次会议。")
    for line in (
        "docs/2024/党课讲稿-第二季度.md\u3000+46 −39",
        "KR3\u3000完成年度述职并通过民主测评\u3000\u3000进度 50%",
    ):
        assert not is_title(line)


def test_tables_titles_dividers_and_a_schools_labels_that_a_review_found_stay():
    table = ["乡镇 检查企业数 发现隐患数 整改率", "城关镇 32 98 96.9%", "青石镇 28 76 100%"]
    assert (
        strip_boilerplate("\n".join([*_SPEECH[:3], *table, *_SPEECH[3:]]), PATTERNS).removed_lines
        == ()
    )
    for title in ("G7 国道沿线环境综合整治工作方案", "S15 青石至河口高速公路建设工作推进方案"):
        assert is_title(title)
    notice = [
        "关于开展楼道堆物清理的通知",
        "各位居民：",
        "为消除消防安全隐患，社区决定开展楼道堆物集中清理。",
        "--",
        "一、清理范围",
        "各楼栋楼道、消防通道。",
        "嘉樾社区居民委员会",
        "2025年3月25日",
    ]
    assert strip_boilerplate("\n".join(notice), PATTERNS).removed_lines == ("--",)
    mail = [*_SPEECH, "--", "章以宁", "市住建局机关党委办公室", "内线 8021"]
    assert strip_boilerplate("\n".join(mail), PATTERNS).text.split("\n") == _SPEECH
    score = "得分点：能正确求出函数解析式的学生约占65%，能完成第二问的学生不足30%。"
    assert score in _cleaned_with(score)
    for box in (
        "〔高频考点〕中央八项规定于2012年12月4日经中央政治局会议审议通过",
        "【易错点】纪律处分的种类",
    ):
        assert box not in _cleaned_with(box)


def test_a_two_row_table_and_a_table_under_its_lead_in_stay():
    # A header the judge leans on (序号　姓名…) stays beside its one row, as a review found
    # it must; a device's two rows of fields between paragraphs read the same and stay too.
    table = [
        "序号\u3000姓名\u3000工作单位\u3000备注",
        "1\u3000张晓军\u3000县财政局预算股\u3000股长",
    ]
    text = "\n".join([*_SPEECH[:3], *table, *_SPEECH[3:]])
    assert strip_boilerplate(text, PATTERNS).removed_lines == ()
    notice = [
        "关于公布县政府规范性文件清理结果的通知",
        "各乡镇人民政府，县政府各部门：",
        "根据上级统一部署，县政府对现行有效的规范性文件进行了全面清理，决定废止以下规范性文件：",
        "序号\u3000文件名称\u3000文号",
        "1\u3000县人民政府关于加强农村宅基地管理的通知\u3000青政发〔2012〕18号",
        "2\u3000县人民政府关于进一步规范建设工程招投标的意见\u3000青政发〔2014〕7号",
        "3\u3000县人民政府办公室关于加强城区犬类管理的通知\u3000青政办发〔2015〕31号",
        "上述文件自本通知印发之日起废止。",
        "县人民政府",
        "2025年5月12日",
    ]
    assert strip_boilerplate("\n".join(notice), PATTERNS).removed_lines == ()


def test_a_unit_and_its_speakers_name_and_a_working_papers_marks():
    assert is_speaker("纳税服务科\u3000龚一帆", "各位领导、同事们：")
    assert is_speaker("岚溪中心支公司理赔服务部", "尊敬的各位领导，同志们：")
    # A writing service and its owner are no speaker, as a review found.
    for brand in ("墨香图文馆\u3000小周", "启航文稿服务部\u3000王磊", "晨曦公考辅导学校\u3000李娜"):
        assert not is_speaker(brand, "同志们：")
    # A bulletin's supplier (县应急管理局　供稿) signs it.
    bulletin = [*_SPEECH, "县应急管理局\u3000供稿", "报：市安委办", "送：县安委会各成员单位"]
    assert strip_boilerplate("\n".join(bulletin), PATTERNS).removed_lines == ()
    for mark in (
        "〔T〕营业收入、利润总额与审定报表核对相符。",
        "〔复核注〕资产负债率请编制人补充说明。",
    ):
        assert mark not in _cleaned_with(mark)
    # A drill's and an incident report's notes in brackets are their own.
    for line in ("（信号弱，对讲机通话中断）", "（检测到异常后已及时处置）"):
        assert line in _cleaned_with(line)


def test_speakers_a_plenums_report_page_furniture_and_an_editors_notes():
    speech = [
        "在2025年春节服刑人员文艺汇演上的致辞",
        "蔚北监狱党委书记、监狱长\u3000单承志",
        "（2025年1月28日）",
        "服刑人员们：",
        "今天是农历除夕，我们在这里举行文艺汇演。",
    ]
    assert parse_outline("\n".join(speech)).salutation == "服刑人员们："
    assert is_speaker("五监区服刑人员代表", "各位警官，各位同改：")
    assert is_subtitle("主讲人：××同志（XX项目党支部书记）")
    report = parse_outline(
        "在中共桐川市委十三届八次全体会议上的报告\n同志们：\n现在，我代表市委常委会报告工作。"
    )
    assert document_type(report) == "工作报告"
    assert guess_doc_type("在全县个体私营企业协会全体会员大会上的讲话") == "讲话稿"
    assert guess_doc_type("学习党的二十届三中全会精神的几点体会") == "心得体会"
    crumbs = "\n".join(["学习专区 ▸ 述职材料参考 ▸ 正文", *_SPEECH])
    assert strip_boilerplate(crumbs, PATTERNS).text.split("\n") == _SPEECH
    note = "〔审读〕“8.2万亩”原稿手写改为“8.4万亩”，以县农业农村局统计为准，待核。"
    assert note not in _cleaned_with(note)
    duty = "考点值班电话：0735-8826317（考试期间24小时值守）"
    assert duty in _cleaned_with(duty)
    # A screen's row of fields with a duty phone in it is no document's contact.
    assert "值长：潘立群\u3000值班电话：0886-7712305" not in _cleaned_with(
        "值长：潘立群\u3000值班电话：0886-7712305"
    )


def test_minutes_keep_their_meeting_fields_and_attendance_above_the_first_sentence():
    minutes = [
        "某某社区2024年第二季度党员大会会议记录",
        "会议时间：2024年6月28日\u3000会议地点：社区党群服务中心",
        "应到党员\u300042人\u3000实到党员\u300038人",
        "会议由社区党委书记张红主持，全体党员首先重温了入党誓词。",
        "会议表决通过了2名预备党员按期转正的决议。",
    ]
    cleaned = strip_boilerplate("\n".join(minutes), PATTERNS)
    assert cleaned.removed_lines == ()
    assert parse_outline(cleaned.text).title == minutes[0]


def test_the_third_reviews_page_fields_brands_and_a_plans_stages():
    # Only minutes' own fields are a meeting's (会议时间, 主持人); a screen's are its own.
    screen = "开始时间：2024-06-01 08:00\u3000\u3000结束时间：2024-06-07 18:00"
    text = "\n".join([_SPEECH[0], screen, *_SPEECH[1:]])
    cleaned = strip_boilerplate(text, PATTERNS)
    assert cleaned.text.split("\n") == _SPEECH
    assert parse_outline(cleaned.text).salutation == "同志们："
    assert not is_subtitle("主讲人：笔杆子写作学院金牌讲师")
    assert not is_speaker("小红书博主代表", "尊敬的各位领导、同志们：")
    stages = "3月 ▸ 动员部署\u30005月 ▸ 自查自纠\u30009月 ▸ 督查评估"
    assert not promotion(stages)  # a plan's stages (the judge may still weigh the line)
    assert "首页 ▸ 政务公开 ▸ 通知公告" not in _cleaned_with("首页 ▸ 政务公开 ▸ 通知公告")
    instruction = "〔批注〕同意。请县财政局按程序办理。"
    assert instruction in _cleaned_with(instruction)


def test_a_machines_log_lines_go_and_a_hosts_direction_on_the_last_line_stays():
    for log in (
        "[08:05:52] JOB#0102 证件打印\u3000参会证（主席台）\u3000成功",
        "19:43:05 PGM ← CAM5 台下反打",
    ):
        assert log not in _cleaned_with(log)
    assert not promotion("08:30\u3000开幕式")  # a schedule's hour
    last = "现在，我宣布：招聘会正式开始！请各位领导巡馆指导。（奏乐）"
    script = [
        *_SPEECH[:5],
        last,
        "下一项 P05：领导巡馆（暂停提词）",
        "操作员：阮嘉\u3000\u3000控制台 02",
    ]
    assert strip_boilerplate("\n".join(script), PATTERNS).text.split("\n") == [*_SPEECH[:5], last]
    bulletin = ["县市场监管局质量安全工作简报", "20XX年第3期", *_SPEECH[2:]]
    assert "20XX年第3期" in strip_boilerplate("\n".join(bulletin), PATTERNS).text.split("\n")


def test_a_pages_tips_go_from_a_speech_and_stay_in_a_notice_or_a_hosts_script():
    tip = "温馨提示：本馆每周一闭馆（法定节假日除外），参观请提前通过官方渠道预约。"
    assert tip not in _cleaned_with(tip)
    tip = "小贴士：长按段落可引用到讨论区，发言请文明理性、就事论事。"
    assert tip not in _cleaned_with(tip)
    own = "友情提醒：请参会人员提前15分钟到场签到，会议期间手机调至静音。"
    titles = ("关于做好清明节期间森林防火工作的通知", "全镇新春文艺汇演主持词")
    titles += ("关于召开2024年度科级干部述职评议会议的通知",)  # a notice about reports
    for title in titles:
        text = "\n".join([title, *_SPEECH[1:3], own, *_SPEECH[3:]])
        assert own in strip_boilerplate(text, PATTERNS).text.split("\n")
    # A speech's or a report's own tips: it goes on after one, or speaks of them.
    for own in (
        "安全提醒：上下楼梯靠右行，课间不追逐打闹。请同学们牢牢记住这两句话。",
        "安全提示：我们通过家校微信群每周推送一次，请家长督促孩子。",
        "温馨提醒：每逢极端天气，学校第一时间向家长推送预警信息。",
    ):
        assert own in _cleaned_with(own)


def test_a_systems_note_on_its_page_goes_and_a_reports_note_on_its_platform_stays():
    note = "本记录由系统自动生成，如有疑问请联系基地接待中心。"
    assert note not in _cleaned_with(note)
    for line in (
        "本表数据由财政一体化系统自动生成。",
        "该平台报表由系统根据业务数据自动生成，基层干部不再重复填报。",
        "以上统计数据由县大数据中心监测平台自动生成，截至2024年11月30日。",
    ):
        assert not promotion(line)


def test_a_blank_or_a_unit_under_the_title_is_its_speaker_and_a_signer_no_running_head():
    speech = ["在全县电商培训班开班式上的讲话", "××", "（2025年4月15日）", "各位学员，同志们："]
    speech += _SPEECH[2:]
    cleaned = strip_boilerplate("\n".join(speech), PATTERNS)
    assert cleaned.text.split("\n") == speech
    assert parse_outline(cleaned.text).salutation == "各位学员，同志们："
    for speaker in ("XX县农业农村局\u3000××", "通衢物流园区管委会"):
        assert is_speaker(speaker, "尊敬的各位领导，同志们：")
    # A screen's head names the centre that signs the report under it.
    report = ["青枫山殡仪服务中心 · 大厅信息发布屏", "青枫山殡仪服务中心2024年工作总结"]
    report += [*_SPEECH[2:], "青枫山殡仪服务中心", "2025年1月10日"]
    kept = strip_boilerplate("\n".join(report), PATTERNS).text.split("\n")
    assert kept == report[1:]


def test_the_sixth_rounds_forms_scripts_minutes_and_tips():
    # An approval form's opinion above the text is no title: a title has no full stop.
    assert not is_title("核稿意见：数据已与各科室核对一致。（孟长庚 07-02 17:25）")
    # A contract's parties sign and seal under it.
    assert "甲方（盖章）：澄江区机关事务服务中心" in _cleaned_with(
        "甲方（盖章）：澄江区机关事务服务中心"
    )
    # A broadcast script's hosts speak in turn, their sign-off too.
    script = [
        "五四青年节特别节目主持词",
        "男：亲爱的同学们，大家好！",
        "女：欢迎收听今天的特别节目。",
    ]
    script += [
        "男：同学们，青春是用来奋斗的。愿我们都能不负韶华。",
        "女：感谢收听本期特别节目，欢迎继续通过广播台公众号给我们留言。",
        "合：强国有我，青春告白！我们下期再见！",
    ]
    assert strip_boilerplate("\n".join(script), PATTERNS).text.split("\n") == script
    assert promotion("感谢收听本期节目，我们下期再见。")  # a station's, around a text it read
    # Minutes carry their issue in brackets under the title.
    minutes = ["青梧县政务服务中心主任办公会议纪要", "（第5期）", *_SPEECH[2:]]
    assert strip_boilerplate("\n".join(minutes), PATTERNS).text.split("\n") == minutes
    # A page's tip goes from a 党课 whose title names its theme after the kind; a speech's
    # own orders under labels of its own, or to its own audience, stay.
    tip = "温馨提示：本院从未委托任何个人或机构代为挂号，谨防上当受骗。"
    lesson = ["“七一”专题党课讲稿：坚守医者初心", *_SPEECH[1:3], tip, *_SPEECH[3:]]
    assert tip not in strip_boilerplate("\n".join(lesson), PATTERNS).text.split("\n")
    for own in (
        "特别提醒：请各乡镇（街道）于3月20日前完成辖区林区入口卡点设置，严禁携带火种进山。",
        "廉洁提醒：中秋、国庆将至，严禁用公款购买赠送月饼等节礼。",
        "温馨提示：春节期间请大家注意防火防盗，不要燃放烟花爆竹。",
    ):
        # no rule takes it (the judge weighs it as it weighs any sentence)
        text = "\n".join([*_SPEECH[:3], own, *_SPEECH[3:]])
        removed = strip_boilerplate(text, PATTERNS)
        assert (own, PROMOTION) not in zip(removed.removed_lines, removed.reasons, strict=True)
    assert promotion("⌚ 抬起手腕，即可在手表上继续阅读本文。")
    assert not promotion("很多读者在听了分享会后，主动借书继续阅读全文。")
    # A slogan title has full stops of its own.
    assert is_title("守初心。担使命。——在全县警示教育大会上的讲话")


def test_the_seventh_rounds_footers_blank_lists_and_read_receipts():
    # A site's footer for reports of illegal content goes; a report's sentence on opening
    # such a line stays.
    assert promotion("网络举报电话：0745-3216688")
    own = "（三）着力提升网络综合治理水平。健全部门协作机制，开通网络违法和不良信息举报受理电话。"
    assert not promotion(own)
    # A list of blank names is no banner framed by ×.
    assert "出席：××、××、××、××" in _cleaned_with("出席：××、××、××、××")
    assert promotion("本纪要已推送至“第二党支部”工作群，3人未读。")
    assert not promotion("个别支部督促不力，推送的学习材料至今仍有5人未读。")
    for own in ("二、网络举报工作规范有序", "网络举报受理电话：0771-12377"):
        assert not promotion(own)


def test_a_pages_path_is_no_title_and_a_title_may_have_one_slash():
    assert not is_title("文档中心 / 制度与学习材料 / 预览")
    assert is_title("2023 / 2024学年第一学期教学工作总结")


def test_a_portals_no_attachment_field_goes_and_a_documents_own_stays():
    page = [*_SPEECH, "附件：无", "【打印本页】\u3000【关闭窗口】"]
    assert strip_boilerplate("\n".join(page), PATTERNS).text.split("\n") == _SPEECH
    notice = [*_SPEECH[:5], "附件：无", "某某县应急管理局", "2026年4月3日"]
    assert strip_boilerplate("\n".join(notice), PATTERNS).text.split("\n") == notice


def test_the_ninth_rounds_imprints_recorder_notes_empty_attachments_and_posts():
    # A document's imprint in brackets after its closing is its own…
    for imprint in (
        "（○○镇党委办公室\u3000X月X日印发）",
        "（XX镇人民政府调研组\u3000执笔：＿＿＿）",
        "（××\u30002024年9月）",
    ):
        text = [*_SPEECH, imprint, "[07-03 09:31:50] 拦截短信 106****5521\u3000已自动删除"]
        assert strip_boilerplate("\n".join(text), PATTERNS).text.split("\n") == [*_SPEECH, imprint]
    # …and a distributor's credit in the same shape is not.
    credit = "（笔杆子写作工作室\u3000执笔：老王）"
    assert credit not in strip_boilerplate("\n".join([*_SPEECH, credit]), PATTERNS).text
    assert promotion("（06:38—06:42 音频不清晰，未能识别）")
    assert not promotion("（抽查的120条通话中，有7条录音不清晰，无法识别诉求内容）")
    # A page's notice under its 附件：无 makes the field the page's too…
    page = [
        *_SPEECH,
        "附件：无",
        "本平台公开的法律文书仅供公众查询参考，不具有法律效力，请以送达的纸质文书为准。",
    ]
    assert "附件：无" not in strip_boilerplate("\n".join(page), PATTERNS).text.split("\n")
    # …but not where the document signs and dates it under that sentence.
    notice = [
        *_SPEECH[:5],
        "附件：无",
        "本通知电子版已上传至镇政务群，请自行下载。",
        "某某镇人民政府",
    ]
    notice.append("2026年4月3日")
    assert "附件：无" in strip_boilerplate("\n".join(notice), PATTERNS).text.split("\n")
    assert is_speaker("营长\u3000××", "同志们：") or is_subtitle("营长\u3000××")


def test_a_labelled_host_is_the_speaker_and_minutes_name_who_took_them():
    assert is_speaker("主持人：××", "尊敬的各位领导、各位嘉宾，女士们、先生们：")
    assert not is_speaker("主持人：张明", "会议时间：2025年3月5日")  # minutes' field
    assert not is_speaker("主讲人：笔杆老师", "尊敬的各位领导、同志们：")  # a course's teacher
    imprint = "（纪要整理：市社会信用体系建设联席会议办公室）"
    text = [*_SPEECH, imprint, "免责声明：本文内容来源于公开渠道，仅供参考。"]
    assert strip_boilerplate("\n".join(text), PATTERNS).text.split("\n") == [*_SPEECH, imprint]
    # A distributor's credit in an imprint's shape is not the document's.
    for credit in (
        "（小编\u30002025年3月）",
        "（记录整理：小编）",
        "（某某老师整理\u30002024年9月）",
    ):
        assert credit not in strip_boilerplate("\n".join([*_SPEECH, credit]), PATTERNS).text


def test_the_date_a_document_was_issued_and_a_part_it_leaves_out_are_its_own():
    text = [*_SPEECH, "XX海关办公室", "20XX年X月X日印发", "—— 第2页 / 共2页 ——"]
    assert strip_boilerplate("\n".join(text), PATTERNS).text.split("\n") == text[:-1]
    minutes = [
        *_SPEECH[:5],
        "参会单位及人员名单（略）",
        "上一篇：全省演出市场信用监管工作推进会在我市召开",
    ]
    assert strip_boilerplate("\n".join(minutes), PATTERNS).text.split("\n") == minutes[:-1]


def test_the_twelfth_rounds_screens_annotations_credits_and_statuses():
    for line in (
        "【学习园地】第 2 屏 / 共 3 屏",
        "【律师批注·邵启闻】“年内实现全覆盖”为硬性表述，建议斟酌。",
        "完成课后测验（5题，80分合格）后，本讲学时将于次月10日前同步至执业管理系统。",
    ):
        assert promotion(line), line
    for own in (
        "（一）城市运行总览\u3000第1屏",  # a plan names its own screens
        "县长批注：请农业农村局会同财政局研究补贴政策，月底前报县政府。",
        "书记批注：课后服务是民生实事，要在提质上下功夫。",
        "本讲学时安排为讲授1.5学时、交流研讨0.5学时。",
        "（三）校本课程。各校结合实际自主开设，校本课学时不少于总学时的30%。",
    ):
        assert not promotion(own), own
    # A device's status names a centre without being one; a centre that signs stays.
    assert "已读回执已发送至调度中心" not in _cleaned_with("已读回执已发送至调度中心")
    signed = [*_SPEECH, "县政务服务中心"]
    assert strip_boilerplate("\n".join(signed), PATTERNS).text.split("\n") == signed
    # A device's readout in columns is no piece of the sentence a kept line above it leaves
    # open; a piece with a converter's wide spaces is.
    readout = "航速 16 km/h\u3000\u3000水位 2.31 m\u3000\u3000风力 3 级"
    text = [*_SPEECH[:3], "请勿倚靠舷窗，儿童须由成人陪同看护", readout, *_SPEECH[3:]]
    assert readout not in strip_boilerplate("\n".join(text), PATTERNS).text.split("\n")
    broken = [
        *_SPEECH[:3],
        "二是严格执行预案。各乡镇要按照县政府办公室印发的《全县防汛应急预案",
        "方案》  （县政办发〔2024〕12号）执行。",
    ]
    kept = strip_boilerplate("\n".join([*broken, *_SPEECH[3:]]), PATTERNS).text.split("\n")
    assert broken[-1] in kept


def test_a_spaced_list_of_blank_names_and_a_units_issue_date_are_the_documents():
    assert "出席：××\u3000××\u3000××\u3000××" in _cleaned_with("出席：××\u3000××\u3000××\u3000××")
    text = [*_SPEECH, "蓝屿中心渔港管理站                 2025年4月3日印发", "相关附件：无"]
    assert strip_boilerplate("\n".join(text), PATTERNS).text.split("\n") == text[:-1]


def test_a_pages_notice_after_the_documents_end_goes_and_its_last_words_stay():
    page = ["--------------------", "第2页/共2页"]
    notice = "送电时间以现场实际为准，如提前完成作业将不再另行通知。"
    signed = [*_SPEECH[:5], "XX县供电局办公室\u3000\u3000\u3000\u30002025年3月12日印发"]
    text = [*signed, *page, notice, "操作员：调度值班 郑晓岚"]
    assert strip_boilerplate("\n".join(text), PATTERNS).text.split("\n") == signed
    for own in ("谢谢大家！", "以上报告，请予审议。"):
        text = [*_SPEECH[:5], "同志们，让我们共同努力。", *page, own, "【返回列表】"]
        assert own in strip_boilerplate("\n".join(text), PATTERNS).text.split("\n")


def test_the_thirteenth_rounds_cards_counters_notes_and_a_lecturers_signature():
    # An app's cards with their links between paragraphs are no table's rows.
    cards = [
        "2号滚筒洗衣机\u3000空闲\u3000\u3000去洗衣 ›",
        "烘干机 D1\u3000空闲\u3000\u3000去烘干 ›",
    ]
    text = [*_SPEECH[:3], *cards, *_SPEECH[3:]]
    assert strip_boilerplate("\n".join(text), PATTERNS).text.split("\n") == _SPEECH
    for line in (
        "— 1 / 3 —\u3000云印坊校园自助打印",
        "第 1 页 / 共 3 页\u3000打印时间：2025-01-22 10:36",
        "（内容较长，以下为续页）",
        "（批注已隐藏 2 条）",
    ):
        assert promotion(line), line
    for own in (
        "第3页 共3页 三、2025年工作打算",
        "— 2 —\u3000（三）强化宣传。",
        "（评论已省略 23 条）",
    ):
        assert not promotion(own), own
    assert not is_subtitle("— 1 / 3 —\u3000云印坊校园自助打印")
    assert is_subtitle("——在全县防汛工作会议上的讲话")
    assert is_subtitle("－1－5月份全县经济运行情况分析")
    # A table's rows may end with an arrow of their own.
    table = ["序号\u3000项目名称\u3000进展情况", "1\u3000城东污水厂\u3000完成主体工程 »"]
    assert _cleaned_with("\n".join(table))[3:5] == table
    # A lecture signed by its lecturer after its closing; not a course's teacher.
    signed = [*_SPEECH, "主讲人：机关党委书记\u3000某某", "30 秒无操作将进入待机轮播"]
    assert strip_boilerplate("\n".join(signed), PATTERNS).text.split("\n") == signed[:-1]
    course = [*_SPEECH, "主讲人：笔杆老师"]
    assert strip_boilerplate("\n".join(course), PATTERNS).text.split("\n") == _SPEECH


def test_the_fourteenth_rounds_screens_bylines_queue_calls_and_machine_notes():
    assert not is_title("校园通知 ▸ 正在播放 2/5")  # a screen's section and its counter
    # Minutes' issue with its year under their title is theirs.
    minutes = ["岚州市施工图审查工作联席会议纪要", "（2024年第4期）", *_SPEECH[2:]]
    assert strip_boilerplate("\n".join(minutes), PATTERNS).text.split("\n") == minutes
    # A byline under a title goes on no sentence of it.
    byline = ["来源：岚溪县纪委监委\u30002024-05-09 09:20", "作者：通讯员 龚文博"]
    text = [_SPEECH[0], *byline, *_SPEECH[1:]]
    assert strip_boilerplate("\n".join(text), PATTERNS).text.split("\n") == _SPEECH
    # A queue's call with spaces around its number is no table's cell beside a rate board.
    calls = [
        "挂牌利率\u3000一年期整存整取 1.45%\u3000\u3000三年期 1.85%",
        "【叫号】请 A043 号客户到 2 号窗口办理业务",
    ]
    kept = strip_boilerplate("\n".join([*_SPEECH[:3], *calls, *_SPEECH[3:]]), PATTERNS).text
    assert calls[1] not in kept.split("\n")
    for line in (
        "（本页检测到倾斜 1.3°，已自动纠偏）",
        "（此段含人名，已按会前词库校正）",
        "【公告信息】滚动播放 3/4",
        "距期中考试还有 18 天",
    ):
        assert promotion(line), line
    for own in (
        "（数据截至2024年10月底，下同）",
        "（系统已自动生成预警线索126条）",
        "（全区规上企业关键工序已自动化率达72%）",
        "距中考还有100天！",
    ):
        assert not promotion(own), own
    # A device's status lines, their marks first, are no table's rows; a table typed with
    # single spaces is.
    status = ["‖ 15:04:33 已暂停（静音超过 3 秒）", "● 15:05:02 继续录音"]
    assert _cleaned_with("\n".join(status)) == _SPEECH
    table = ["乡镇 检查企业数 发现隐患 整改率", "城东镇 28家 76处 100%", "河口镇 19家 45处 95.6%"]
    assert _cleaned_with("\n".join(table))[3:6] == table
    # A piece of a sentence under a line that leaves a book title open goes on it.
    broken = ["各地要认真落实《关于推进5G+智慧农业的意见", "》（农办发〔2024〕3号）"]
    assert _cleaned_with("\n".join(broken))[3:5] == broken
    # A page's sentence after the document's closing formula and the page's lines.
    report = [*_SPEECH[:5], "以上报告，请予审议。"]
    page = ["────────────────", "记录结束 14:35:38\u3000时长 5 分 26 秒"]
    device = "本终端由无障碍服务点提供，散会后请交还会务组或放回签到台。"
    text = [*report, *page, device, "[导出完成] 文件已保存至 U 盘"]
    assert strip_boilerplate("\n".join(text), PATTERNS).text.split("\n") == report
    # …not the document's own note after its formula over a page break.
    own = "报告中部分数据为初步统计数，最终以统计部门年报公布数据为准。"
    text = [*report, *page, own, "[导出完成] 文件已保存至 U 盘"]
    assert own in strip_boilerplate("\n".join(text), PATTERNS).text.split("\n")


def test_the_fifteenth_rounds_page_jumps_and_copy_hints():
    for line in ("（上接A05版）", "（下转A06版）", "（长按段落可复制到个人笔记）"):
        assert promotion(line), line
    assert not promotion("（长按二维码识别的办法已在附件中说明，请各单位转发）")


def test_the_sixteenth_rounds_notes_brands_blank_speakers_and_buttons():
    assert not is_title("本报告仅对本次受检项目负责")
    assert is_title("2024年度述职述廉报告")
    assert is_title("本文件汇编说明")
    speech = [_SPEECH[0], "××", "（20XX年X月X日）", *_SPEECH[1:]]
    assert strip_boilerplate("\n".join(speech), PATTERNS).text.split("\n") == speech
    assert promotion("（平台提示：文中涉及的当事人信息已作隐去处理）")
    assert not promotion("（三）平台提示功能。系统对逾期事项自动提醒。")
    assert not promotion("（系统说明：名称自主申报通过后保留30日，逾期需重新申报）")
    text = [*_SPEECH, "头盔戴好\u3000安全到家", "返回接单大厅"]
    assert strip_boilerplate("\n".join(text), PATTERNS).text.split("\n") == _SPEECH


def test_the_seventeenth_rounds_counters_continuations_tickers_and_pictures():
    for line in (
        "（上滑翻页\u3000第3/5屏）",
        "（附件内容续上页）",
        "（接上条）",
        "值班调度 · 安全推送（2/4）",
        "【实时】今日受理 37 件\u3000办结 41 件",
        "（配图：见附件 IMG_0102_01.jpg）",
    ):
        assert promotion(line), line
    for line in (
        "（一）完善第2/4季度考核",
        "会议通知（1/2）",
        "接上级通知，现将有关事项通知如下：",
        "青春未完待续",
        "三、奋斗未完待续",
        "【实时】截至21日18时，全县平均降雨量86.5毫米。",
    ):
        assert not promotion(line), line


def test_a_sentence_under_the_page_after_its_end_buttons_is_the_pages():
    speech = [*_SPEECH[:5], "同志们，防汛工作责任重大，让我们齐心协力，坚决打赢这场硬仗！"]
    page = ["阅读确认：已读 27 人 / 应读 41 人", "[确认已读]\u3000[下载PDF]\u3000[返回列表]"]
    notice = "值班安排以防汛办通知为准，本通知不作调度依据。"
    footer = ["打印时间：2025-05-09 16:42:07\u3000打印人：某某", "© 某县防汛办\u3000版本 4.6.1"]
    text = [*speech, *page, notice, *footer]
    assert strip_boilerplate("\n".join(text), PATTERNS).text.split("\n") == speech
    # …not where the page's lines do not say the text has ended: the speech may go on.
    text = [*speech, "阅读 27\u3000点赞 3", "字号：大 中 小", notice, *footer]
    assert notice in strip_boilerplate("\n".join(text), PATTERNS).text.split("\n")
    # …nor after the document's own end mark (—完—): its notes may follow it.
    text = [*speech, "—完—", "第5页", notice, "第6页"]
    assert notice in strip_boilerplate("\n".join(text), PATTERNS).text.split("\n")


def test_the_eighteenth_rounds_countdowns_alarms_posts_timers_and_rounds():
    for line in (
        "［检修倒计时］ 距本日检修开始 01:20:05",
        "距考试结束 00:45:12",
        "【实时告警】3号楼烟感探测器报警，已通知值班人员。",
        "本帖已被版主设为精华，计入本学期研修学分。",
        "-------------------- 第 2 页 / 共 3 页 --------------------",
        "已阅览 03:05\u3000本篇建议阅览时长 8 分钟",
    ):
        assert promotion(line), line
    for line in (
        "距离会议开始还有10分钟，请大家就座。",
        "【报警】发现火情后立即报告值班室",
        "每次建议阅读时长30分钟，保证学习效果。",
    ):
        assert not promotion(line), line
    # A class's or a meeting's round in a title is no periodical's issue number.
    assert is_title("在第五期处级干部进修班结业式上的讲话")
    assert is_title("初中语文学科组第三期主题教研活动主持词")
    for line in ("范文精选第3期：述职报告", "讲话稿分享 第3期", "第12期 领导讲话"):
        assert not is_title(line), line


def test_the_nineteenth_rounds_ruled_page_marker_opening_a_line():
    assert promotion("—— 第 2 页 ——\u3000字体：标宋体 ✓已嵌入\u3000仿宋体 ✓已嵌入")
    for line in ("—— 第 2 页 ——\u3000三、工作打算", "—— 第 2 页 ——\u3000（三）强化宣传。"):
        assert not promotion(line), line


def test_the_twentieth_rounds_menu_counters():
    assert promotion("待办提醒（0）\u3000会诊邀请（1）\u3000院内通知（3）")
    assert promotion("待办（3）\u3000消息（99+）\u3000公告（1）")
    assert not promotion("门诊诊疗（3256）\u3000住院（1247）\u3000转诊（318）")
    # A document's own figures as a row of counted items are its own, as a table is.
    minutes = [
        "某村2024年第二次村民代表会议纪要",
        "会议审议了村集体经济发展项目实施方案，表决结果如下：",
        "同意（27）\u3000反对（1）\u3000弃权（1）",
        "会议同意该方案，由村委会抓好组织实施。",
    ]
    assert strip_boilerplate("\n".join(minutes), PATTERNS).text.split("\n") == minutes


def test_rules_read_word_and_space_classes_as_python_does():
    # RE2 reads \W as ASCII: ^\W* would pass over a sentence's Han characters.
    rule = compile_patterns([r"^\W*(请勿|严禁)(外传|转载)"])[0]
    assert not rule.search("报名成功后，请加入培训班微信群，请勿外传。")
    assert rule.search("★请勿外传★")
    assert compile_patterns([r"第\s*\d+\s*页"])[0].search("第\u30002\u3000页")
    assert compile_patterns([r"[\w.]+@qq"])[0].search("某某@qq")


_RECORDS = [
    "××社区居民议事会会议记录",
    "会议时间：2024年9月20日下午3:00",
    "记录人：林某某",
    "会议审议了加装电梯方案，表决结果如下：",
    "应到人数：7人",
    "实到人数：6人",
    "同意：6票",
    "反对：0票",
    "会议议定，由社区党委牵头推进加装电梯工作。",
    "咨询电话如下：",
    "县委值班室：0558-8011111",
    "城关第一中学：0558-8120022",
    "附件：1. 加装电梯意见汇总表",
    "2. 居民签名表",
    "记录人：林某某",
]


def test_a_documents_own_records_stay():
    """Fields of counted figures, units' landlines, an attachment list with spaces after
    its numbers and the recorder named above and below are the document's."""
    cleaned = strip_boilerplate("\n".join(_RECORDS), PATTERNS).text.split("\n")
    assert cleaned == _RECORDS


def test_a_plans_bare_chapters_a_questionnaire_and_a_bulletins_columns_stay():
    plan = [
        "某市化工园区危险化学品泄漏事故应急预案",
        "1\u3000总则",
        "1.1\u3000编制目的",
        "为有效预防和处置危险化学品泄漏事故，制定本预案。",
        "2\u3000组织机构",
        "园区成立应急指挥部，统一领导应急处置工作。",
    ]
    survey = [
        "关于全县居家养老服务需求的调研报告",
        "本次调研共发放问卷600份，结果如下。",
        "问题1：您对目前享受的居家养老服务总体是否满意？",
        "A. 满意\u300062%",
        "B. 基本满意\u300028%",
        "调研表明，群众对居家养老服务总体认可。",
    ]
    bulletin = [
        "××县政务服务工作简报",
        "【工作动态】",
        "县政务服务中心开展“午间不打烊”服务，累计办件1200余件。",
        "【基层信息】",
        "城关镇便民服务中心新增社保自助终端2台。",
        "【工作动态】",
        "县政务服务中心召开窗口人员业务培训会。",
        "【基层信息】",
        "河西乡开展代办员业务培训。",
    ]
    notice = [
        "中共××县委办公室\u3000××县人民政府办公室",
        "关于做好2024年元旦春节期间有关工作的通知",
        "各乡镇党委、政府，县直各单位：",
        "元旦、春节将至，为确保全县人民度过欢乐祥和的节日，现就有关事项通知如下。",
    ]
    for document in (plan, survey, bulletin, notice):
        cleaned = strip_boilerplate("\n".join(document), PATTERNS).text.split("\n")
        assert cleaned == document, document[0]


def test_a_regulations_chapters_minutes_numbers_service_lines_and_print_counts_stay():
    rules = [
        "某县机关事务管理办法",
        "第一章\u3000总\u3000则",
        "第一条\u3000为规范机关事务管理，制定本办法。",
        "第二章\u3000经费管理",
        "第二条\u3000机关经费实行预算管理。",
        "第三章\u3000资产管理",
        "第三条\u3000机关资产实行统一登记。",
        "第四条\u3000本办法自发布之日起施行。",
    ]
    minutes = [
        "县政府常务会议纪要",
        "〔2024〕第8次",
        "2024年5月10日，县长主持召开县政府常务会议，研究供暖保障工作。",
        "会议要求，县热力公司做好供暖设施检修，群众可拨打下列电话反映问题：",
        "县热力公司24小时服务热线：0937-6200000",
        "会议同意上述安排。",
        "县政府办公室",
        "2024年5月11日印发",
        "共印20份",
    ]
    for document in (rules, minutes):
        cleaned = strip_boilerplate("\n".join(document), PATTERNS).text.split("\n")
        assert cleaned == document, document[0]


def _kept(document: list[str]) -> list[str]:
    return strip_boilerplate("\n".join(document), PATTERNS).text.split("\n")


def test_a_timetable_a_contact_block_and_a_form_stay_whole():
    """Rows under a heading before the first sentence are the document's table, not a
    byline; a block of contact fields stands or falls whole; a form's boxes, blanks, place
    to sign, date to fill and lines to answer on are the document's."""
    timetable = [
        "关于××中学2025年春季学期期中考试安排的通知",
        "各年级组、各班主任：",
        "经研究，期中考试定于4月22日至23日举行。现将有关安排通知如下：",
        "一、考试时间",
        "日期\u3000\u3000时间\u3000\u3000\u3000\u3000初一\u3000\u3000初二",
        "4月22日\u3000\u30008:00—10:00\u3000\u3000语文\u3000\u3000语文",
        "14:30—16:00\u3000\u3000数学\u3000\u3000数学",
        "4月23日\u3000\u30008:00—9:30\u3000\u3000英语\u3000\u3000英语",
        "二、有关要求",
        "各班主任要组织学生认真复习，严肃考风考纪，确保考试公平公正。",
    ]
    notice = [
        "关于××县拟任职干部的公示",
        "经县委研究，拟任用以下同志，现予公示。",
        "王某某，男，1983年5月生，拟任县水利局局长。",
        "公示期间，干部群众可通过来电、来信、来访等方式向县委组织部反映。",
        "举报电话：0558-8011234",
        "短信举报：13900001234",
        "电子邮箱：xwzzb_jb@163.com",
        "邮\u3000\u3000编：236000",
        "中共××县委组织部",
        "2025年3月2日",
    ]
    bank = [
        "关于防范电信网络诈骗的风险提示",
        "近期，冒充客服办理退款的诈骗案件多发，请广大客户提高警惕，切勿向陌生人转账。",
        "如发现可疑情况，请立即拨打：",
        "反诈专线：96110",
        "报警电话：110",
        "××农商银行",
        "2025年5月6日",
    ]
    form = [
        "××社区居民养老服务需求调查问卷",
        "为了解居民的养老服务需求，请您如实填写本问卷。",
        "1.您的性别：",
        "□男\u3000\u3000□女",
        "2.您需要哪些服务？",
        "□助餐\u3000□助浴\u3000□助医\u3000□其他________",
        "3.您对社区养老服务有何建议？",
        "________________________________________",
        "________________________________________",
        "序号\u3000姓名\u3000\u3000联系电话",
        "1\u3000________\u3000________",
        "2\u3000________\u3000________",
        "居民签字：__________\u3000（盖章）",
        "审核人签字：__________\u3000（盖章）",
        "____年____月____日",
    ]
    for document in (timetable, notice, bank, form):
        assert _kept(document) == document, document[0]


def test_a_bulletins_editors_note_and_what_a_document_appends_under_its_end_stay():
    bulletin = [
        "××县农业农村工作简报",
        "第3期",
        "县委农村工作领导小组办公室编\u3000\u3000\u3000\u30002025年4月10日",
        "【编者按】",
        "今年以来，各乡镇因地制宜发展特色产业，现将部分做法刊发，供学习借鉴。",
        "【工作动态】",
        "◆县里召开春耕生产调度会，安排部署春耕备耕工作。",
        "◆全县高标准农田项目开工，涉及6个乡镇1.5万亩。",
    ]
    speech = [
        "在全县人民代表大会开幕式上的主持词",
        "各位代表、同志们：",
        "××县第十届人民代表大会第三次会议现在开幕。",
        "现在休会。",
        "附：大会主席团常务主席名单",
        "张某某\u3000李某某\u3000王\u3000某\u3000赵某某",
    ]
    plan = [
        "××园区危险化学品事故应急预案",
        "一、总则",
        "为有效处置园区危险化学品事故，保障人民群众生命财产安全，制定本预案。",
        "注：本预案自发布之日起施行，由园区应急管理局负责解释。",
        "附表：应急指挥部成员通讯录",
        "总指挥\u3000\u3000张某某\u3000\u300013900001001",
        "副总指挥\u3000\u3000李某某\u3000\u300013900001002",
    ]
    for document in (bulletin, speech, plan):
        assert _kept(document) == document, document[0]
    # An attachment a page only names, with the page's lines under it: those go.
    page = [
        "关于推进老旧小区改造的实施方案",
        "为改善居民居住条件，街道决定实施老旧小区改造，现制定本方案。",
        "一、工作目标",
        "年内完成3个老旧小区改造，惠及居民1200户。",
        "附件：老旧小区改造任务分工表",
        "（责任编辑：某某）",
        "浏览次数：972\u3000\u3000发布时间：2025-03-22",
    ]
    assert _kept(page) == page[:5]


def test_an_official_header_and_an_issuer_over_a_spaced_or_public_notice_title_stay():
    from gaoku.core.cleaning.title import is_title
    from gaoku.core.ingest import prepare_text

    notice = [
        "000037",
        "秘密★6个月",
        "特急",
        "××县征兵工作领导小组文件",
        "关于做好2026年上半年征兵工作的通知",
        "各乡镇人民政府：",
        "现将上半年征兵工作有关事项通知如下。",
    ]
    court = [
        "××市中级人民法院",
        "公\u3000告",
        "（2025）××民终字第12号",
        "某某：",
        "本院受理的上诉人某某与被上诉人某某合同纠纷一案，现依法向你公告送达判决书。",
    ]
    for document in (notice, court):
        assert _kept(document) == document, document[0]
    assert prepare_text("\n".join(court), PATTERNS).outline.title == "公\u3000告"
    assert is_title("××县人民医院医用耗材采购项目招标公告")
    assert is_title("服务公告")
    for line in ("公告详情", "网站公告", "公告栏\u30001/6", "××乡政务公告"):
        assert not is_title(line), line


def test_a_documents_field_rows_and_a_mailbox_its_sentence_names_stay():
    notice = [
        "关于举办2025年基层统计人员业务培训班的通知",
        "各乡镇人民政府，县直各部门：",
        "为提高基层统计人员业务能力，县统计局决定举办业务培训班。现将有关事项通知如下：",
        "一、培训安排",
        "培训时间：2025年5月12日至13日\u3000\u3000培训地点：县委党校报告厅",
        "二、报名方式",
        "请各单位于5月8日前将报名回执发送至县统计局邮箱。",
        "邮箱：xtjj_px@163.com",
        "三、有关要求",
        "参训人员须全程参加培训，不得无故缺席。",
        "附件1",
        "2025年基层统计人员业务培训班报名回执",
        "单位（盖章）：＿＿＿＿＿＿\u3000\u3000联系人：＿＿＿＿",
        "××县统计局",
        "2025年4月28日",
        "2025年基层统计人员业务培训班报名回执",
        "姓名：＿＿＿＿\u3000\u3000职务：＿＿＿＿",
    ]
    tally = [
        "××村第十二届村民委员会选举计票结果公告",
        "公开时间：2025年7月8日\u3000\u3000公开期限：30天",
        "本次选举应到选民1,236人，实到1,102人，选举有效。",
        "计票人：某某某\u3000\u3000监票人：某某某",
        "××村村民选举委员会",
        "2025年7月8日",
    ]
    for document in (notice, tally):
        assert _kept(document) == document, document[0]
    # A page's record of itself is still the page's.
    assert promotion("发布时间：2025-03-22\u3000\u3000来源：县统计局")
    assert promotion("上传时间：2025-03-22\u3000\u3000页数：5页")


def test_a_pages_lines_in_the_forms_a_document_keeps_still_go():
    """What a review wrote against the rules that keep a document's structured lines: a
    shop's contacts in a block beside the document's, a page's labels in a bulletin, its
    readers' boxes and hours, a trade's name over the title, a page's number, a shop's
    contact rows and receipts under an attachment."""
    notice = [
        "关于开展安全生产大检查的通知",
        "各乡镇人民政府：",
        "为切实做好安全生产工作，县政府决定开展安全生产大检查。请各单位认真组织实施。",
        "联系人：王某某\u3000\u3000联系电话：0558-8011234",
        "范文代写热线：13905781234",
        "课程顾问手机：13912345678",
        "××县人民政府办公室",
        "2025年3月2日",
    ]
    assert strip_boilerplate("\n".join(notice), PATTERNS).removed_lines == tuple(notice[4:6])
    bulletin = [
        "××县农业工作简报",
        "【每日一签】",
        "编者按：本简报由公文素材网编辑整理，转载请保留出处。",
        "【工作动态】",
        "县里召开春耕生产调度会，安排部署春耕备耕工作。",
        "□收藏\u3000□点赞\u3000□转发",
        "9:00-18:00\u3000人工客服在线",
        "18:00-22:00\u3000智能客服值守",
    ]
    removed = strip_boilerplate("\n".join(bulletin), PATTERNS).removed_lines
    assert set(removed) == {bulletin[1], bulletin[2], *bulletin[5:]}
    page = [
        "笔杆子写作服务中心",
        "关于做好春季森林防火工作的通知",
        "各乡镇人民政府：",
        "当前正值春季森林防火关键期，请各地切实加强火源管控，确保森林资源安全。",
        "××县人民政府办公室",
        "2025年3月2日",
        "附件1",
        "防火值班表",
        "售后客服\u3000小周\u300013800001111",
        "写作顾问\u3000林老师\u300013500002222",
        "订单回执",
        "支付金额：9.90元",
    ]
    removed = strip_boilerplate("\n".join(page), PATTERNS).removed_lines
    assert set(removed) == {page[0], *page[8:]}
    assert (
        "025431"
        in strip_boilerplate(
            "文档编号：\n025431\n关于做好春季森林防火工作的通知\n" + "\n".join(page[2:6]), PATTERNS
        ).removed_lines
    )


def test_an_issuers_header_signature_dates_and_contact_rows_stay_when_they_repeat():
    """Notices set one after another repeat their signature and date; an issuer's name
    heads the header over the title and signs it under its attachment list; a row of
    contacts and a row of a vote's tally are the document's."""
    notices = [
        "××县人民法院公告",
        "（2025）××民初18号",
        "张某某：",
        "本院受理原告某某银行诉你金融借款合同纠纷一案，现依法向你公告送达起诉状副本。",
        "特此公告。",
        "××县人民法院",
        "二〇二五年四月二日",
        "（2025）××民初20号",
        "李某某：",
        "本院受理原告某某公司诉你买卖合同纠纷一案，现依法向你公告送达起诉状副本。",
        "特此公告。",
        "××县人民法院",
        "二〇二五年四月二日",
    ]
    header = [
        "中共××县委组织部",
        "×组通〔2025〕21号",
        "关于举办村（社区）党组织书记示范培训班的通知",
        "各乡镇党委：",
        "经研究，决定举办全县村（社区）党组织书记示范培训班，现将有关事项通知如下。",
        "地址：××县人民路66号\u3000\u3000邮编：332500",
        "值班电话：0735-5212360\u3000\u3000传真：0735-5212361",
        "发出选票：61张\u3000收回选票：61张\u3000有效票：61张",
        "附件：1．参训名额分配表",
        "2．参训回执",
        "中共××县委组织部",
        "2025年3月31日",
    ]
    for document in (notices, header):
        assert _kept(document) == document, document[0]
    # A shop's address beside its sale's dates is its ad's.
    assert promotion("地址：滨江路88号\u3000活动时间：8月16日—8月25日")


def test_an_offices_instruments_and_a_charter_are_titles():
    from gaoku.core.cleaning.title import is_title

    for line in ("责令改正通知书", "行政处罚决定书", "××区老年书画协会章程", "××公司招生简章"):
        assert is_title(line), line
    assert is_title("关于做好秋粮收购工作的通知")


def test_an_issuer_signing_over_a_seal_or_its_joint_issuer_and_questions_answered_stay():
    """The issuer over the title signs the document too — over a seal's place, a joint
    issuer or nothing but its date — and no page repeats it; a seal's place ends a court's
    notice; questions with their answers (Q1：/A：, 问1：/答：, 记者：…？/负责人：) are the
    document's, not a study guide's."""
    seal = [
        "××县市场监督管理局",
        "责令改正通知书",
        "×市监责改〔2025〕046号",
        "××县福满楼餐饮店：",
        "经查，你单位存在未按规定公示食品经营许可证的行为，现责令你单位于5日内改正。",
        "联系电话：0591-6627318",
        "××县市场监督管理局",
        "（印章）",
        "2025年5月20日",
    ]
    joint = [
        "中共××市委办公室",
        "××市人民政府办公室",
        "关于做好重要会议期间安全稳定工作的通知",
        "各县（市、区）党委和人民政府：",
        "为确保会议期间全市安全稳定，现就有关事项通知如下。",
        "请各单位于10月27日前报送本单位值班表。",
        "中共××市委办公室",
        "××市人民政府办公室",
        "2025年10月20日",
    ]
    court = [
        "××市中级人民法院",
        "公　告",
        "李某某：",
        "本院受理原告某某公司诉你买卖合同纠纷一案，现依法向你公告送达起诉状副本。",
        "特此公告。",
        "××市中级人民法院",
        "二〇二五年五月十九日",
        "（院印）",
    ]
    answers = [
        "灵活就业人员参加社保政策问答",
        "记者：参保人如何享受待遇？需要办理什么手续吗？",
        "负责人：不需要另行办理手续，就医时直接结算即可。",
        "Q1：哪些人可以以灵活就业人员身份参加职工养老保险？",
        "A：年满16周岁、未达到法定退休年龄的灵活就业人员均可参加。",
        "Q2：每个月必须按时缴费吗？",
        "A：可以按月、按季度或按年缴费。",
    ]
    for document in (seal, joint, court, answers):
        assert _kept(document) == document, document[0]
    # A study guide's question for discussion, with no answer, is still a page's.
    guide = [*answers, "Q3：学习本文有什么现实意义？"]
    assert "Q3：学习本文有什么现实意义？" not in _kept(guide)


def test_regulations_interpretations_and_transcripts_are_titles_and_a_news_deck_is_not():
    from gaoku.core.cleaning.title import is_title
    from gaoku.core.ingest import prepare_text

    for line in (
        "××市城市绿化管理条例",
        "《××市城市更新条例》十问十答",
        "《××办法》解读",
        "××新闻发布会文字实录",
        "政策问答",
    ):
        assert is_title(line), line
    for line in ("程鹤年出席并讲话", "二、准确把握《条例》修订的主要内容", "（文字实录）"):
        assert not is_title(line), line
    news = [
        "全县宣传思想文化工作会议召开",
        "程鹤年出席并讲话",
        "1月16日，全县宣传思想文化工作会议召开。县委书记程鹤年出席会议并讲话。",
    ]
    assert prepare_text("\n".join(news), PATTERNS).outline.title == news[0]


def test_a_numbered_list_of_channels_and_a_contact_block_over_more_contacts_stay():
    """A notice seeking opinions numbers its channels (1．电子邮件：…, 2．传真：…) under the
    line that asks for them, past one that is no contact (1．登录…网站…在线提交); a tender's
    contact blocks go on under a heading of more contacts (3.项目联系方式)."""
    opinions = [
        "××市电动自行车管理办法（征求意见稿）公开征求意见的公告",
        "为提高立法质量，现将《××市电动自行车管理办法（征求意见稿）》全文公布，征求社会各界意见。",
        "公众可在2025年8月20日前，通过以下方式提出意见建议：",
        "1.登录××市人民政府网站（www.xx.gov.cn）“政民互动—意见征集”栏目在线提交；",
        "2.发送电子邮件至：xxfzd_fgk@163.com；",
        "3.传真：0576-85126619。",
        "××市司法局",
        "2025年7月20日",
    ]
    tender = [
        "××县第二人民医院信息化设备采购项目招标公告",
        "××县第二人民医院的信息化设备采购项目已具备招标条件，现对该项目进行公开招标。",
        "1.采购人信息",
        "名称：××县第二人民医院",
        "联系人：杨卫东",
        "联系方式：0873-6213372",
        "2.采购代理机构信息",
        "名称：××诚信工程咨询有限公司",
        "联系人：李晓萌",
        "联系方式：0873-6227815",
        "邮箱：dzcx_zb2025@163.com",
        "3.项目联系方式",
        "项目联系人：李晓萌",
        "电话：0873-6227815",
        "××县第二人民医院",
        "2025年4月17日",
    ]
    for document in (opinions, tender):
        assert _kept(document) == document, document[0]
    # A list's shop or service mailbox is still a page's.
    shop = [*opinions[:3], "1.客服邮箱：kefu@fanwen.com", *opinions[4:]]
    assert "1.客服邮箱：kefu@fanwen.com" not in _kept(shop)


def test_the_parties_signing_a_contract_stay_though_their_fields_repeat():
    """Two parties sign a contract with the same fields, one block under the other or side
    by side; a printed page's fields that repeat on every page still go."""
    contract = [
        "房屋租赁合同",
        "出租方（甲方）：××市机关事务管理局",
        "承租方（乙方）：××市城市管理执法局",
        "第一条　甲方将位于××市人民路18号的办公用房出租给乙方使用，租期三年。",
        "第二条　本合同一式四份，甲方执三份，乙方执一份，自双方签字盖章之日起生效。",
        "（以下无正文）",
        "甲方（盖章）：",
        "法定代表人或委托代理人（签字）：",
        "签订日期：\u3000\u3000年\u3000\u3000月\u3000\u3000日",
        "乙方（盖章）：",
        "法定代表人或委托代理人（签字）：",
        "签订日期：\u3000\u3000年\u3000\u3000月\u3000\u3000日",
    ]
    agreement = [
        *contract[:5],
        "甲方（盖章）：××市城市管理执法局",
        "法定代表人或授权代表：＿＿＿＿＿＿",
        "日期：2025年2月24日",
        "乙方（盖章）：××招标代理有限公司",
        "法定代表人或授权代表：＿＿＿＿＿＿",
        "日期：2025年2月24日",
    ]
    side_by_side = [
        *contract[:5],
        "甲方单位：（盖章）\u3000\u3000\u3000\u3000乙方单位：（盖章）",
        "法定代表人：\u3000\u3000\u3000\u3000\u3000\u3000法定代表人：",
        "\u3000\u3000年\u3000\u3000月\u3000\u3000日\u3000\u3000\u3000\u3000\u3000\u3000年\u3000\u3000月\u3000\u3000日",
    ]
    for document in (contract, agreement, side_by_side):
        assert _kept(document) == document, document[-1]


def test_a_tables_rows_with_tabs_and_its_blank_rows_to_fill_stay():
    """A table pasted from a sheet separates its cells with tabs; a form's table leaves
    rows of blank cells under its heads, and minutes a row of blanks to sign under 签字："""
    tender = [
        "××县第二中学录播教室设备采购需求",
        "本项目采购录播教室设备一批，具体需求如下：",
        "序号\t设备名称\t单位\t数量",
        "1\t高清跟踪摄像机\t台\t4",
        "2\t录播主机\t套\t2",
        "供应商应于合同签订后30日内完成安装调试。",
    ]
    form = [
        "关于报送防汛值班人员名单的通知",
        "各村（社区）：",
        "请于6月1日前将值班人员名单报镇防汛办。",
        "姓名\u3000\u3000职务\u3000\u3000联系电话\u3000\u3000备注",
        "＿＿＿\u3000＿＿＿\u3000＿＿＿＿＿\u3000＿＿＿",
        "＿＿＿\u3000＿＿＿\u3000＿＿＿＿＿\u3000＿＿＿",
        "××镇防汛办",
        "2025年5月20日",
    ]
    for document in (tender, form):
        assert _kept(document) == document, document[0]


def test_a_documents_table_of_contents_stays():
    """A regulation lists its chapters under 目录 and heads them below; a compilation lists
    its parts with their pages."""
    regulation = [
        "××市城市绿化管理条例",
        "目\u3000\u3000录",
        "第一章\u3000总则",
        "第二章\u3000规划与建设",
        "第三章\u3000附则",
        "第一章\u3000总\u3000\u3000则",
        "第一条\u3000为了促进城市绿化事业发展，改善生态环境和人居环境，制定本条例。",
        "第二章\u3000规划与建设",
        "第二条\u3000城市绿化规划应当纳入国土空间规划。",
        "第三章\u3000附\u3000\u3000则",
        "第三条\u3000本条例自2025年3月1日起施行。",
    ]
    compilation = [
        "××县财政局机关内部管理制度",
        "目\u3000录",
        "一、局党组会议议事规则……………………1",
        "二、局长办公会议制度……………………3",
        "一、局党组会议议事规则",
        "第一条\u3000局党组会议由党组书记召集并主持。",
        "二、局长办公会议制度",
        "第一条\u3000局长办公会议一般每两周召开一次。",
    ]
    for document in (regulation, compilation):
        assert _kept(document) == document, document[0]


def test_minutes_issue_in_bracketed_year_stays_beside_their_title():
    minutes = [
        "中共××镇委员会会议纪要",
        "〔2025〕第6期",
        "2025年4月7日下午，镇党委书记主持召开镇党委会议，研究春耕生产等事项。现将会议议定事项纪要如下：",
        "一、会议要求各村抓好春耕生产。",
    ]
    assert _kept(minutes) == minutes


def test_a_blank_tables_numbered_rows_stay():
    form = [
        "关于推荐参加全县培训班学员的通知",
        "各乡镇（街道）：",
        "请于5月20日前将推荐人选报县委组织部。",
        "序号\u3000姓名\u3000性别\u3000职务\u3000手机号码",
        "1",
        "2",
        "3",
        "填表人：________\u3000\u3000联系电话：________",
    ]
    assert _kept(form) == form


def test_a_sellers_lines_dressed_as_an_issuer_a_qa_a_title_or_contents_still_go():
    """What a reviewer wrote as a distributor exploiting the rules for a document's own
    issuer, questions, titles and contents."""
    notice = [
        "关于加强冬季消防安全工作的通知",
        "各乡镇人民政府：",
        "为切实做好冬季消防安全工作，现将有关事项通知如下。",
        "一、全面开展火灾隐患排查整治。",
        "二、加强消防宣传教育培训。",
        "县消防救援大队",
        "2025年11月20日",
    ]
    # A page's head on every page, though it looks like an office signing.
    shop = [
        "第1页",
        "鼎信文印办公室",
        *notice[:4],
        "第2页",
        "鼎信文印办公室",
        *notice[4:6],
        "（印章）",
        "鼎信文印办公室",
        notice[6],
    ]
    assert "鼎信文印办公室" not in _kept(shop)
    # Questions about the copy itself, and a seller's answer, are a page's.
    faq = [*notice[:5], "问1：本文档可以免费下载吗？", "答：可以。", *notice[5:]]
    assert "问1：本文档可以免费下载吗？" not in _kept(faq)
    asked = [*notice[:5], "问：想要同类通知？", "答：私信小编即可领取。", *notice[5:]]
    assert "答：私信小编即可领取。" not in _kept(asked)
    from gaoku.core.cleaning.title import is_title

    for line in ("2025最新版物业管理条例", "写作训练营直播实录", "物业管理条例大全"):
        assert not is_title(line), line


def test_an_institutions_own_mailbox_stays_and_a_sellers_goes():
    notice = [
        "致全校学生家长的一封信",
        "尊敬的家长：",
        "新学期即将开始，为做好开学各项工作，现将有关事项告知如下。",
        "一、学生于9月1日上午8:00到校报到。",
        "如有意见建议，欢迎来信。",
        "校长信箱：bxsyxx_xzxx@126.com",
        "××市实验小学",
        "2025年8月25日",
    ]
    assert _kept(notice) == notice
    seller = [*notice[:5], "投稿邮箱：fanwen_tougao@126.com", *notice[6:]]
    assert "投稿邮箱：fanwen_tougao@126.com" not in _kept(seller)


def test_a_letters_greeting_that_leads_in_to_its_points_stays():
    letter = [
        "致一年级新生家长的一封信",
        "尊敬的家长：",
        "您好！欢迎您的孩子成为××路小学的一员！为帮助孩子顺利入学，现将有关事项告知如下：",
        "一、新生于9月1日上午8:00到校报到。",
        "二、请家长为孩子准备好学习用品。",
        "××路小学",
        "2025年8月25日",
    ]
    assert _kept(letter) == letter


def test_a_timetables_slots_label_nothing_and_a_logs_times_still_do():
    agenda = [
        "关于召开全市基层卫生健康工作研讨会的通知",
        "各县（市、区）卫生健康局：",
        "经研究，定于2025年6月12日召开全市基层卫生健康工作研讨会，现将会议议程通知如下。",
        "9:00—9:30\u3000\u3000开幕式",
        "9:30—10:30\u3000\u3000主旨报告一：县域医共体建设的实践",
        "10:45—11:35\u3000\u3000主旨报告二：基层慢病管理数字化路径",
        "11:35—12:00\u3000\u3000会议总结",
        "请各单位于6月5日前报送参会人员名单。",
    ]
    assert _kept(agenda) == agenda
    from gaoku.core.cleaning.promotion import promotion

    assert promotion("10:00\u3000水位 84.95 m（落0.01）\u3000报汛：已发")


def test_an_office_and_its_phone_on_one_row_stay():
    guide = [
        "××县第十八届人民代表大会第五次会议须知",
        "一、代表应按时出席会议，因故不能出席的，须向大会秘书处请假。",
        "二、会议期间，大会秘书处设在清河宾馆一楼。",
        "秘书组：县人大常委会办公室\u3000电话：0315-5123201",
        "会务组：清河宾馆一楼会务室\u3000电话：0315-5128800",
        "大会秘书处",
        "2025年1月8日",
    ]
    assert _kept(guide) == guide


def test_a_letters_kind_alone_a_letter_by_its_issuer_and_a_plans_groups_are_the_documents():
    from gaoku.core.cleaning.title import is_title

    for line in (
        "感谢信",
        "介\u3000绍\u3000信",
        "证\u3000明",
        "××市人力资源和社会保障局关于商请协助开展评估工作的函",
    ):
        assert is_title(line), line
    plan = [
        "××商场消防演练方案",
        "为提高商场员工处置初起火灾和组织疏散的能力，制定本方案。",
        "一、组织机构",
        "灭火行动组\u3000组长：陶磊\u3000成员：微型消防站队员6人\u3000负责初起火灾扑救",
        "疏散引导组\u3000组长：蒋玉芬\u3000成员：各楼层楼长\u3000负责人员疏散",
        "二、演练时间：2025年11月9日上午9:30。",
    ]
    assert _kept(plan) == plan
