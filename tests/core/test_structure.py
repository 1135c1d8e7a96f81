import pytest

from gaoku.core.generator import generate_corpus
from gaoku.core.structure import (
    find_dated_references,
    find_placeholders,
    guess_doc_type,
    is_document_header,
    is_subtitle,
    parse_outline,
)

SPEECH = """在全县2021年机关党建工作会议上的讲话
——XX县委书记 XXX
（2021年3月15日）
同志们：
今天，我们召开全县机关党建工作会议。今年是“十四五”开局之年，党的十九届五中全会作出了部署。
一、提高政治站位，切实增强抓好机关党建的责任感。要把党的十九大精神贯彻到底。一是强化理论武装，持续深化党史学习教育；二是压实主体责任。三是严肃考核问责，确保落实。
各级党组织要对标对表。
二、突出工作重点，推动机关党建提质增效
首先，要抓班子带队伍。其次，要建制度、立规矩。最后，要强监督，防风险。
三、加强组织领导：
（一）落实领导责任。X部长要亲自抓。
（二）加强督促检查
同志们，做好今年的工作意义重大。让我们团结一心，奋力开创新局面！
"""


def test_speech_outline_has_parts_points_and_closing():
    outline = parse_outline(SPEECH)
    assert outline.to_dict() == {
        "title": "在全县2021年机关党建工作会议上的讲话",
        "salutation": "同志们：",
        "parts": [
            {
                "heading": "一、提高政治站位，切实增强抓好机关党建的责任感",
                "points": ["一是强化理论武装", "二是压实主体责任", "三是严肃考核问责"],
            },
            {
                "heading": "二、突出工作重点，推动机关党建提质增效",
                "points": ["首先，要抓班子带队伍", "其次，要建制度、立规矩", "最后，要强监督"],
            },
            {"heading": "三、加强组织领导", "points": ["（一）落实领导责任", "（二）加强督促检查"]},
        ],
        "closing": "同志们，做好今年的工作意义重大",
    }
    assert outline.opening.startswith("今天，我们召开")
    assert [(p.start, p.end) for p in outline.parts] == [(5, 7), (7, 9), (9, 12)]


def test_inline_di_yi_headings_and_a_lone_yi_shi_is_not_a_point():
    text = (
        "在年度工作总结大会上的发言\n各位领导、同志们：\n一年来，我们做了大量工作。\n"
        "第一，要提高认识。一是要学习。这一点很重要。\n"
        "第二，要狠抓落实。一要抓项目；二要抓服务；三要抓作风。\n"
        "总之，任务艰巨。"
    )
    outline = parse_outline(text)
    assert [p.heading for p in outline.parts] == ["第一，要提高认识", "第二，要狠抓落实"]
    assert outline.parts[0].points == ()
    assert outline.parts[1].points == ("一要抓项目", "二要抓服务", "三要抓作风")
    assert outline.salutation == "各位领导、同志们："
    assert outline.closing == "总之，任务艰巨"


def test_document_without_parts():
    outline = parse_outline("关于做好节日值班的通知\n各单位要安排好值班。")
    assert outline.to_dict() == {
        "title": "关于做好节日值班的通知",
        "salutation": "",
        "parts": [],
        "closing": "",
    }
    assert parse_outline("").title == ""


def test_placeholders_with_roles_and_places():
    text = "请X部长、XXX同志和XX县的××、某某单位在＿＿＿＿前上报，Windows X11 和 3×4 不算。"
    assert find_placeholders(text) == ["X部长", "XXX同志", "XX县", "××", "某某单位", "＿＿＿＿"]


def test_dated_references():
    text = (
        "2020年是脱贫攻坚决胜之年。今年是建党100周年，也是“十四五”开局之年。"
        "深入学习党的十九届六中全会和党的二十大精神，二〇二二年统筹新冠肺炎疫情防控，"
        "三大攻坚战取得成效，第十大项目开工。"
    )
    assert find_dated_references(text) == [
        "2020年",
        "脱贫攻坚",
        "今年是建党100周年，也是“十四五”开局之年",
        "党的十九届六中全会",
        "党的二十大",
        "二〇二二年",
        "新冠肺炎疫情",
    ]


def test_a_quoted_principle_of_education_is_no_campaign():
    assert find_dated_references("牢固树立“健康第一”的教育理念，坚持“五育并举”的教育方针。") == []
    assert find_dated_references("开展“三讲”教育活动。") == ["“三讲”教育活动"]
    assert find_dated_references("完成“三讲”教育目标任务。") == ["“三讲”教育"]
    assert find_dated_references("“三讲”教育实践活动内容") == ["“三讲”教育实践活动"]
    assert find_dated_references("“学党史、悟思想”学习教育内容") == ["“学党史、悟思想”学习教育"]


def test_guess_doc_type():
    assert guess_doc_type("在全市安全生产工作会议上的讲话") == "讲话稿"
    assert guess_doc_type("2023年度个人述职报告") == "述职报告"
    assert guess_doc_type("主题教育心得体会") == "心得体会"
    assert guess_doc_type("关于印发某某的通知") is None
    # A kind of its own at the end names the type, whatever the title mentions before it.
    assert guess_doc_type("扩建项目环境影响报告书技术审查会会议纪要") is None
    assert guess_doc_type("关于报送2024年度工作总结的通知") is None
    assert guess_doc_type("2024年工作总结暨2025年工作计划") == "总结"
    # A seminar's paper, whatever it is called; a pledge at a meeting is a 发言.
    assert guess_doc_type("关于做实社区老年助餐服务的研讨发言") == "心得体会"
    assert guess_doc_type("在图审中心党支部党纪学习教育专题研讨会上的发言") == "心得体会"
    # A speech at a meeting is of the kind said after the meeting.
    assert guess_doc_type("在全县乡镇党委书记抓基层党建工作述职评议会议上的主持词") == "讲话稿"
    assert guess_doc_type("2024年度述职述廉报告") == "述职报告"
    assert guess_doc_type("在2024年度县直部门述职评议会上的报告") == "述职报告"
    assert guess_doc_type("心得体会：认真学习总书记在中央经济工作会议上的重要讲话") == "心得体会"
    for speech in ("县长在全县招商引资研讨会上的发言", "在全县教育高质量发展研讨会上的表态发言"):
        assert guess_doc_type(speech) == "发言材料", speech
    assert guess_doc_type("在全县招商引资攻坚大会上的表态发言") == "发言材料"


def test_generated_documents_are_parsed_exactly():
    """The labelled set: every outline, placeholder and dated reference found exactly."""
    docs = list(generate_corpus(120, seed=11))
    wrong = [d for d in docs if parse_outline(d.text).to_dict() != d.outline]
    assert not wrong, (wrong[0].outline, parse_outline(wrong[0].text).to_dict())
    for doc in docs:
        assert find_placeholders(doc.text) == list(doc.placeholders)
        assert find_dated_references(doc.text) == list(doc.dated_references)


def test_parts_written_as_shouxian_qici_zuihou_and_points_inline_after_commas():
    text = "\n".join(
        [
            "学习心得体会",
            "通过学习，我有三点体会。",
            "首先，要坚定理想信念。一要读原著，二要悟原理，三要用实践检验。",
            "其次，要提高本领。",
            "最后，要严守纪律。",
        ]
    )
    outline = parse_outline(text).to_dict()
    assert [p["heading"] for p in outline["parts"]] == [
        "首先，要坚定理想信念",
        "其次，要提高本领",
        "最后，要严守纪律",
    ]
    assert outline["parts"][0]["points"] == ["一要读原著", "二要悟原理", "三要用实践检验"]


def test_year_and_date_placeholders_and_a_place_before_a_figure():
    text = "20XX年X月X日，XX市2026年计划由××同志牵头。"
    assert find_placeholders(text) == ["20XX年", "X月X日", "XX市", "××同志"]


def test_placeholders_carry_any_leaders_title():
    text = "由X主席带队，X副县长、××秘书长参加。"
    assert find_placeholders(text) == ["X主席", "X副县长", "××秘书长"]


def test_a_lone_mark_on_a_ballot_is_no_placeholder():
    text = "同意的画“○”，不同意的画“×”。请X书记讲话，XX乡代表发言。"
    assert find_placeholders(text) == ["X书记", "XX乡"]


def test_placeholders_carry_the_unit_they_name():
    text = "○○社区、XX集团和××产业园的负责同志参加。"
    assert find_placeholders(text) == ["○○社区", "XX集团", "××产业园"]
    text = "○○中学、○○小学和XX花园的师生、居民参加。"
    assert find_placeholders(text) == ["○○中学", "○○小学", "XX花园"]
    assert find_placeholders("在XX中学习贯彻会议精神，○○小学生守则") == ["XX", "○○"]


def test_a_number_left_blank_is_one_placeholder_with_what_it_counts():
    text = "新建XX个站点，培训XXX名干部，投资XX亿元，增长X%，服务XX人次；XX处长、XX所长参加。"
    assert find_placeholders(text) == [
        "XX个", "XXX名", "XX亿元", "X%", "XX人次", "XX处长", "XX所长"
    ]  # fmt: skip
    text = "拍摄XX部短片，组建X支队伍，XX部门和X支部参加，XX项目如期完工。"
    assert find_placeholders(text) == ["XX部", "X支", "XX部门", "X支部", "XX"]


def test_blanks_naming_different_bodies_are_different_placeholders():
    """XX驾校 and XX客运公司 are two names to fill: as XX alone they would be one."""
    text = "××支队长、XX驾校和XX客运公司、○○科技有限公司参加，发放XX面锦旗，检查X台次，X号线开通。"
    assert find_placeholders(text) == [
        "××支队长", "XX驾校", "XX客运公司", "○○科技有限公司", "XX面", "X台次", "X号线"
    ]  # fmt: skip
    assert find_placeholders("XX家公司、XX个部门") == ["XX家", "XX个"]
    # A branch of a company or a bank is a body to name, not a count of 支.
    assert find_placeholders("我代表XX支公司、XX支行发言") == ["XX支公司", "XX支行"]
    # Two waters are two names to fill: as ○○ alone they would be one.
    text = "特别是○○水库、○○河湾、○○河段和XX湖，近年发生过溺水事故。"
    assert find_placeholders(text) == ["○○水库", "○○河湾", "○○河段", "XX湖"]
    # A word's first character is no water (XX渠道, XX山区), nor a bullet's (○河道清淤).
    assert find_placeholders("通过XX渠道宣传，XX山区县、XX江苏分行参加") == ["XX"]
    assert find_placeholders("重点工作：○河道清淤疏浚　○山洪灾害防御") == []
    text = "用时X分钟，XX对新人共摆XX桌，××对此高度重视。"
    assert find_placeholders(text) == ["X分钟", "XX对", "XX桌", "××"]
    text = "增长X.X%，完成X.X亿元，○○家企业，○个村，○ 项目一，培训XX学时，○○港。"
    assert find_placeholders(text) == ["X.X%", "X.X亿元", "○○家", "○个", "XX学时", "○○港"]


def test_learning_campaigns_of_recent_years_are_dated_references():
    text = "扎实开展党纪学习教育，巩固主题教育成果，做好过渡期衔接。"
    assert find_dated_references(text) == ["党纪学习教育", "主题教育", "过渡期"]


def test_a_three_year_campaign_is_a_dated_reference():
    text = "深入推进安全生产治本攻坚三年行动，压紧压实企业主体责任。"
    assert find_dated_references(text) == ["安全生产治本攻坚三年行动"]


def test_a_lesson_and_a_host_script_are_speeches():
    assert guess_doc_type("七一专题党课：坚定理想信念") == "讲话稿"
    assert guess_doc_type("推进大会主持词") == "讲话稿"


def test_a_slogan_title_takes_its_type_from_the_subtitle():
    from gaoku.core.structure import document_type

    outline = parse_outline("凝心聚力谋发展\n——在全镇干部大会上的讲话\n同志们：\n今天开会。")
    assert outline.title == "凝心聚力谋发展"
    assert document_type(outline) == "讲话稿"
    assert outline.to_dict().keys() == {"title", "salutation", "parts", "closing"}


def test_plenums_named_together_are_one_reference():
    text = "全面贯彻党的十九大和十九届二中、三中全会精神，落实二十届二中、三中、四中全会部署。"
    assert find_dated_references(text) == [
        "党的十九大",
        "十九届二中、三中全会",
        "二十届二中、三中、四中全会",
    ]


def test_a_year_phrase_is_one_reference_unless_it_names_something_dated():
    text = (
        "2018年是改革开放四十周年之年。新的一年是全面攻坚的关键之年。"
        "明年是“十五五”规划开局之年。2021年是党史学习教育的开展之年。"
    )
    assert find_dated_references(text) == [
        "2018年是改革开放四十周年之年",
        "新的一年是全面攻坚的关键之年",
        "十五五",
        "2021年",
        "党史学习教育",
    ]


def test_quoted_education_campaigns_and_five_year_plans_are_dated_references():
    text = (
        "巩固“守初心、担使命”的教育成果，深化“四史”专题教育，推进“两学一做”学习教育。"
        "“十五”期间打下的基础，要在第十二个五年规划中用好。"
    )
    assert find_dated_references(text) == [
        "“守初心、担使命”的教育",
        "“四史”专题教育",
        "两学一做",  # the calendar's spelling wins for a slogan it knows
        "十五",
        "第十二个五年规划",
    ]


def test_named_crises_disasters_and_outbreaks_are_dated_references():
    text = (
        "应对国际金融危机冲击，做好汶川特大地震灾后重建，"
        "防控甲型H1N1流感疫情和H7N9疫情，妥善处置突发疫情，援助抗击埃博拉疫情。"
    )
    assert find_dated_references(text) == [
        "国际金融危机",
        "汶川特大地震",
        "甲型H1N1流感疫情",
        "H7N9疫情",
        "埃博拉疫情",
    ]


def test_a_heading_broken_inside_a_book_title_is_read_as_one():
    text = "\n".join(
        [
            "关于计划执行情况的报告",
            "一、今年工作回顾",
            "各项工作稳步推进。",
            "二、关于《",
            "XX市城市总体规划（修编稿）",
            "》的说明",
            "规划期限为十五年。",
            "三、明年工作安排。要继续贯彻《",
            "条例",
            "》。",
        ]
    )
    outline = parse_outline(text)
    assert [p.heading for p in outline.parts] == [
        "一、今年工作回顾",
        "二、关于《XX市城市总体规划（修编稿）》的说明",
        "三、明年工作安排",
    ]
    assert [(p.start, p.end) for p in outline.parts] == [(1, 3), (3, 7), (7, 10)]


def test_a_seminar_paper_is_a_xinde_unless_its_title_names_another_kind():
    assert guess_doc_type("深入推进移风易俗专题研讨交流材料") == "心得体会"
    assert guess_doc_type("在全县乡村治理专题研讨班上的讲话") == "讲话稿"
    assert guess_doc_type("乡村治理专题研讨会筹备工作方案") == "方案"


def test_a_year_to_fill_is_the_year_whether_or_not_it_names_a_fiscal_year():
    text = "20XX年度个人述职报告\n20XX年，本人在X书记领导下工作。"
    assert find_placeholders(text) == ["20XX年", "X书记"]


def test_an_official_documents_header_is_not_its_title():
    text = (
        "某某县人民政府办公室文件\n某政办发〔2026〕7号\n关于做好秋粮收购工作的通知\n"
        "各乡镇人民政府：\n现将有关事项通知如下。\n一、加强组织领导\n二、做好资金保障"
    )
    outline = parse_outline(text)
    assert outline.title == "关于做好秋粮收购工作的通知"
    assert outline.salutation == "各乡镇人民政府："
    assert [p.heading for p in outline.parts] == ["一、加强组织领导", "二、做好资金保障"]
    assert [(p.start, p.end) for p in outline.parts] == [(5, 6), (6, 7)]
    assert not is_document_header("关于做好秋粮收购工作的通知")
    assert not is_document_header("认真学习文件")
    # A page's field naming the number is the page's, not the document's header.
    assert is_document_header("某政办发〔2026〕7号")
    assert not is_document_header("文号：某政办发〔2026〕7号")


@pytest.mark.parametrize(
    "subtitles",
    [
        ["县委书记　王某某"],
        ["市委常委、县委书记　王某某", "（2026年5月8日）"],
        ["镇长 ××同志", "2026年5月8日"],
        ["二〇二六年五月八日"],
        ["××镇党委委员、副镇长\u3000某某"],
        ["澄岭县总商会会长\u3000某某"],
        ["XX镇妇联"],  # the unit that speaks, above the salutation
        ["厂长\u3000郗卫东", "（2024年6月4日）"],
        ["市烟草专卖局（公司）副局长\u3000姚振川"],
        ["棠溪县柘湾镇和顺便利店"],
    ],
)
def test_a_speaker_or_a_date_alone_under_the_title_is_a_subtitle(subtitles):
    text = "\n".join(
        ["在全镇防汛工作会议上的讲话", *subtitles, "同志们：", "今年汛期来得早。", "一、压实责任"]
    )
    outline = parse_outline(text)
    assert outline.title == "在全镇防汛工作会议上的讲话"
    assert outline.subtitle == "\n".join(subtitles)
    assert outline.salutation == "同志们："
    assert [part.heading for part in outline.parts] == ["一、压实责任"]


@pytest.mark.parametrize(
    "line", ["县委书记", "县委书记讲话", "压实防汛责任", "各位委员同志们", "中共某某镇委员会"]
)
def test_a_post_without_a_name_or_an_unmarked_heading_is_no_subtitle(line):
    assert not is_subtitle(line)


def test_a_unit_under_the_title_without_a_greeting_after_it_is_no_subtitle():
    outline = parse_outline("在全镇防汛工作会议上的讲话\nXX镇妇联\n今年汛期来得早。")
    assert outline.subtitle == "" and outline.opening.startswith("XX镇妇联")
    # An addressee over two lines, or one unit and the next, greets nobody.
    for first, second in (("各乡镇人民政府", "县直各有关单位："), ("县财政局", "县人民政府：")):
        outline = parse_outline(
            f"关于做好汛期安全防范工作的通知\n{first}\n{second}\n现将有关事项通知如下。"
        )
        assert outline.subtitle == "" and outline.salutation == ""


def test_a_quoted_five_year_plan_before_education_is_the_plan_not_a_campaign():
    # “三讲”教育 is a campaign quoted by its slogan; “十四五”教育发展规划 is a plan.
    text = "落实“十四五”教育发展规划，回顾“三讲”教育的经验。"
    assert find_dated_references(text) == ["十四五", "“三讲”教育"]


def test_a_villagers_group_is_a_blanks_unit_and_an_organisation_is_not():
    text = "观摩了○○村、○○组两个现场，请某某组织部和XX组长参加。"
    assert find_placeholders(text) == ["○○村", "○○组", "某某", "XX组长"]


def test_a_campaign_quoted_by_its_slogan_is_one_dated_reference():
    text = "2019年，全党开展“不忘初心、牢记使命”主题教育，成效明显。"
    assert find_dated_references(text) == ["2019年", "“不忘初心、牢记使命”主题教育"]


def test_a_speakers_post_or_a_lectures_theme_under_the_title_leaves_the_greeting():
    for under in (
        "第三征收工作组组长\u3000○○○",
        "○○街道党工委书记",
        "守住检测数据生命线\u3000当好工程质量“守门人”",
    ):
        outline = parse_outline(
            f"在全区防汛工作部署会上的表态发言\n{under}\n同志们：\n一、压实责任\n要压实。"
        )
        assert outline.salutation == "同志们：", under


def test_a_greeting_over_two_lines_is_no_theme_line():
    lines = [
        "在全市文化旅游节开幕式上的致辞",
        "尊敬的各位领导　各位来宾",
        "女士们、先生们、朋友们：",
        "今天开幕。",
    ]
    assert parse_outline("\n".join(lines)).salutation == ""


def test_a_header_with_copy_number_secrecy_and_urgency_and_an_issuer_over_its_title():
    for line in ("000058", "秘密★1年", "机密★6个月", "特急", "加急"):
        assert is_document_header(line), line
    assert not is_document_header("123456")  # a copy number has its leading zeros
    text = (
        "××市中级人民法院\n公\u3000告\n（2025）××民终字第12号\n某某：\n"
        "本院受理的上诉一案，现依法向你公告送达。"
    )
    assert parse_outline(text).title == "公\u3000告"
    minutes = "××水务集团有限公司\n总经理办公会议纪要\n〔2025〕第7期\n会议研究了供水管网改造工作。"
    assert parse_outline(minutes).title == "总经理办公会议纪要"
    # A name over a sentence is no issuer over a title.
    assert parse_outline("××县人民政府\n本届政府任期内完成各项目标任务。").title == "××县人民政府"


def test_minutes_issue_a_copy_count_a_numbered_reference_and_joint_issuers_head_a_title():
    for line in (
        "〔2025〕第3期",
        "第\u30001\u3000份\u3000共\u30005\u3000份",
        "青信审字〔2025〕第0316号",
        "内部资料",
    ):
        assert is_document_header(line), line
    minutes = "〔2025〕第3期\n2025年度县直部门预算评审工作会议纪要\n会议研究了预算评审事项。"
    assert parse_outline(minutes).title == "2025年度县直部门预算评审工作会议纪要"
    joint = (
        "中共××市委办公室\n××市人民政府办公室\n关于做好安全稳定工作的通知\n"
        "各县（市、区）：\n现就有关事项通知如下。"
    )
    assert parse_outline(joint).title == "关于做好安全稳定工作的通知"


def test_a_table_of_contents_heads_no_part():
    text = "\n".join(
        [
            "××县财政局机关内部管理制度",
            "目\u3000录",
            "一、局党组会议议事规则……………………1",
            "二、局长办公会议制度……………………3",
            "一、局党组会议议事规则",
            "第一条\u3000局党组会议由党组书记召集并主持。",
            "二、局长办公会议制度",
            "第一条\u3000局长办公会议一般每两周召开一次。",
        ]
    )
    outline = parse_outline(text)
    assert [part.heading for part in outline.parts] == [
        "一、局党组会议议事规则",
        "二、局长办公会议制度",
    ]
    assert outline.opening.startswith("目\u3000录")
