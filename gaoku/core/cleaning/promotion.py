"""What makes a line promotion, a notice or page furniture rather than the document.

Each sign is read from the line alone: a web address or contact number, a disclaimer or
copyright line, a banner framed by symbols, a slogan of what a site offers, what a web
page leaves behind (a bracketed label such as [图片], emoji, an entry of its reading list,
its calls to action, a note of reading time, its counters and fields), a post's register
(#话题, @名字, a closing ～). Strong signs remove even a line that reads as a sentence;
offers remove a short sentence; weak signs only a line that does not read as one, so a
document's own sentences that mention 会员, QQ群 or 公众号 stay.
"""

from __future__ import annotations

import re
import unicodedata

from gaoku.core.text import simplified

# A letter, digit or Han character: a line without one is filler.
MEANINGFUL = re.compile(r"[0-9A-Za-z\u3400-\u9fff]")
HAN = re.compile(r"[\u3400-\u9fff]")
# A line that ends as a sentence, and one that opens with a heading marker.
SENTENCE_END = re.compile("(?:[。！？!?…]|(?<=[\u4e00-\u9fff])\\.)[”’」』）)]*$")
HEADING = re.compile(
    r"^(?:[一二三四五六七八九十]{1,3}、|第[一二三四五六七八九十]{1,3}(?:[，、,]|部分(?!的))|"
    r"[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,2}[.．、](?!\d))"
)
# A short line wholly in quotation marks: a slogan, even when it ends as a sentence.
_QUOTED = re.compile("“[^“”]{2,38}”")
_QUOTES = "\"'“”‘’「」『』"
# A language model, as a web page names the one that wrote its summary.
_AI = "(?:AI|ＡＩ|人工智能|大模型|智能)"
# A note the publisher set above or into the text, labelled so at the start of its line:
# a summary a language model wrote (AI摘要：…, 【AI导读】, 以上摘要由AI生成), an editor's
# note (编者按：…, 【导读】) or a teacher's exercise in a course handout. A document's own
# sentence about AI never opens so, and none of the documents imported here carries an
# editor's note or an exercise of its own.
_PUBLISHER_NOTE = (
    rf"^\W*{_AI}\s*(?:摘要|总结|导读|速读|概要|解读|提炼)\s*(?:[:：】\]］]|$)|"
    rf"^\W*(?:以上|以下|本文|本篇|该|文章|全文)?(?:摘要|总结|导读|概要|内容)\W*(?:由|为)\s*{_AI}\s*"
    r"(?:生成|整理|提炼)|"
    r"^\W*(?:编者按|编者的话|编者注|编辑按|小编按|导读|[\u4e00-\u9fff]{0,2}导语)\s*[:：】\]］]|"
    # A teacher's exercise or comment on the text in a course's handout (【课后练习】请…,
    # 名师点评：…), and any labelled line that speaks of the text itself (【提示】本文…).
    r"^\W*(?:课后|课堂|随堂)?(?:练习|作业|思考题|练习题|[\u4e00-\u9fff]{0,4}点评|写作要点|写法点拨|"
    r"批改意见|[\u4e00-\u9fff]{0,2}总评|[\u4e00-\u9fff]{0,2}评语|"
    r"学习要点)\s*[:：】\]］]|"
    # A reviewer's annotation, signed in its bracketed label (【律师批注·邵启闻】…), not a
    # leader's, which reports carry as their point (县长批注：…, 〔批注〕同意。…).
    r"^[【\[［〔](?![^】\]］〕]*(?:长|书记|领导|主任|主席))[\u4e00-\u9fff]{0,4}批注"
    r"[·•・][\u4e00-\u9fff]{2,4}[】\]］〕]|"
    # An exam-prep app's box between a text's parts, its label in brackets (〔高频考点〕…,
    # 【真题链接】…); a school's 得分点：… and an exam notice's 考点：… are their own.
    r"^[〔【\[［](?:(?:高频|必考|常考|核心|重要|易错)考点|真题(?:链接|回顾|再现|演练)|易错点|"
    r"必背(?:金句|要点)?|得分点|答题要点)[〕】\]］]|"
    # A working paper's tick mark or an editor's note on the text (〔T〕…核对相符。, 〔复核注〕…,
    # 〔审读〕…, 〔编辑批注·范秋禾〕…);
    # a quiz's options and a plan's classes are 【A】, not 〔A〕.
    r"^〔(?:[A-Za-z]|复核注|审读|校对提示|编辑批注[^〕]{0,8})〕\S|"
    # A machine's log line, stamped to the second ([08:05:52] JOB#0102 证件打印…, 19:43:05 PGM ←
    # CAM5…); a document's schedule gives hours and minutes (08:30 开幕式).
    r"^[\[［【]?\d{1,2}:\d{2}:\d{2}[\]］】]?\s|"
    # A recorder's or a caption app's note on its own state, in brackets between what it
    # heard (（识别暂停：网络不稳定）, （已恢复识别）, （检测到多人说话，已按说话人自动分段）).
    # A drill's (信号弱，对讲机通话中断) or an incident's (检测到异常后已及时处置) are their own.
    r"^[（(][^（）()]*(?:识别(?:已?暂停|中断|已?恢复)|恢复识别|离线识别|录音已?(?:暂停|恢复)|"
    r"自动分段|单侧拾音)[^（）()]*[）)]$|"
    # …and its note on a stretch it could not hear ((06:38—06:42 音频不清晰，未能识别)); a
    # report's own (（抽查的通话中，有7条录音不清晰，无法识别诉求内容）) names no time.
    r"^[（(]\d{1,2}:\d{2}(?::\d{2})?(?:\s*[—\-–~至]\s*\d{1,2}:\d{2}(?::\d{2})?)?\s*"
    r"(?:音频|语音|录音)[^（）()]{0,6}(?:不清|未能识别|无法识别)[^（）()]*[）)]$|"
    # A programme's notice of its next show after a broadcast text (下期预告：…).
    r"^\W*(?:下期|本期|节目|明日|下周)预告\s*[:：】\]］]|"
    r"^[【\[［〖][^】\]］〗]{1,8}[】\]］〗].{0,12}(?:本文|全文|上文|此文|该文|本篇)|"
    # An academic paper's front and back matter around a reprinted text (摘要：…, 关键词：…,
    # 作者简介：…, 基金项目：…, 中图分类号：…).
    r"^\W*(?:内容)?(?:摘\s*要|提\s*要)\s*[:：】\]］]|^\W*关\s*键\s*[词字]\s*[:：】\]］]|"
    r"^\W*(?:作者简介|基金项目|中图分类号|文献标识码|文章编号)\s*[:：】\]］]|"
    # …or a reader's or teacher's note under a bracketed label ([老师批注] …, 【旁批】…), and
    # an exam coach's marks on a model essay (【得分点】…, 【亮点】…, 【名师点睛】…).
    r"^[【\[［〖][^】\]］〗]{0,6}(?:批注|旁批|眉批|评注|点评|按语|注释|生词|得分点|失分点|采分点|亮点|点睛|"
    r"考点|易错点|技巧点拨|解析)[】\]］〗]"
)
# The header of a message in a forwarded chat log: a name, a day and a clock time
# (王科长  5月8日 20:05, 老周 2026-05-08 20:06:31). No line of a document ends in a clock
# time after a bare name; an agenda's times are labelled (报到时间 5月8日 8:30).
_AGENDA_WORDS = "时间|日期|地点|截止|期限|报到|签到|会议|议程|开幕|闭幕|开班|结业|集合|出发|考试"
# A document's own fields, which it sets two to a row: its meeting's or its activity's
# time and place (培训时间：…　培训地点：…), a notice's term (公开时间：…　公开期限：…), the count
# (应到：45人　实到：43人, 参加测评人数：86人　有效票：86张, 优秀率：…) and who counted,
# presided or was assessed (计票人：…　监票人：…,
# 工会主席：…　副主席：…, 被测评人：…　职务：…), the parties signing a contract — not a
# page's (发布时间, 更新时间, 浏览次数).
_MINUTES_FIELD = re.compile(
    r"^(?:会议|培训|活动|公开|报到|集合|公示|测评|座谈|调研|比赛|演练|开班)?"
    r"(?:时间|日期|地点|期限|形式|主持人?|记录人?|"
    r"(?:参加|出席|列席|缺席|请假|应到|实到)(?:人员|人数|代表|村民代表)?|"
    r"计票人|监票人|唱票人|统计人|被测评人|职务|成员|组员|"
    r"[\u4e00-\u9fff]{0,4}(?:主席|书记|主任|组长|会长|秘书长|理事长)|"
    r"[\u4e00-\u9fff]{0,6}(?:人数|票数|选票|率)|有效票|无效票|赞成票?|反对票?|弃权票?|"
    # …and the parties signing a contract side by side (甲方单位：（盖章）　乙方单位：（盖章）)
    r"[甲乙丙丁]方[\u4e00-\u9fff]{0,6}|法定代表人|委托代理人|授权代表)[:：]$"
)
# …and its own contacts set two to a row, nothing else beside them (地址：…　邮编：…,
# 值班电话：…　传真：…; a shop's 地址：…　活动时间：… is its ad's).
_CONTACT_LABEL = re.compile(
    r"^[\u4e00-\u9fff]{0,8}(?:电话|传真|邮编|邮政编码|地址|邮箱|信箱)[:：]$"
)
# An office or a post that answers the phone (秘书组：, 村务监督委员会主任：, 组织委员：).
_OFFICE = re.compile(
    r"^[\u4e00-\u9fff]{0,10}(?:委员会|委员|主任|书记|组长|组|办公室|处|科|室)[:：]$"
)
_NOT_AGENDA = rf"(?![^\s]*(?:{_AGENDA_WORDS}|第.{{1,3}}[天日场期]))"
_CLOCK = r"\d{1,2}[:：]\d{2}(?:[:：]\d{2})?"
# A copy's certification stamp (复印件 / 此复印件与原件一致, an OCR's 一 read as —).
_CERTIFIED_COPY = r"此复印件与原件[一—-]致|^复\s*印\s*件$"
CERTIFIED_COPY = re.compile(_CERTIFIED_COPY)
# A machine's clock to the second in a labelled field (时间：2024-11-03 08:16:40, 刷新时间：
# 08:15:42): an export's header over each message it logs, a screen's refresh.
_LOG_CLOCK = r"^[^：:，。]{0,8}[:：]\s*(?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2}\s+)?\d{1,2}:\d{2}:\d{2}$"
# A machine's date under a bare label (日期：2024-07-16): a document dates itself in words
# (2024年7月16日), and a record's own ISO date names what it dates (检查日期：…).
_FIELD_ISO_DATE = r"^(?:日期|时间)[:：]\s*\d{4}-\d{2}-\d{2}$"
_CHAT_HEADER = (
    rf"^{_NOT_AGENDA}[^\s，。：:！？；、]{{1,12}}[ \u3000]+"
    r"(?:(?:\d{4}[-/.年])?\d{1,2}[-/.月]\d{1,2}日?|昨天|前天|今天|星期[一二三四五六日天]|"
    r"周[一二三四五六日天])[ \u3000]*(?:上午|下午|中午|晚上|凌晨)?[ \u3000]*"
    rf"{_CLOCK}$|"
    # …or a name and the time alone, as a work chat shows today's messages (王科长 09:14).
    rf"^{_NOT_AGENDA}[^\s，。：:！？；、\d]{{2,12}}[ \u3000]+{_CLOCK}$|"
    # …or the day and time first, then the name (2026-05-08 20:05:31 王科长(10001)).
    r"^(?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}月\d{1,2}日)[ \u3000]+"
    rf"{_CLOCK}[ \u3000]+[^\s，。：:！？；、]{{1,20}}$"
)
# Signs that a line is promotion or a notice, not the document. Strong ones remove even a
# line that reads as a sentence; weak ones only a line that does not.
# Where a paper's article goes on from another page: (上接第1版), (上接A05版).
_FROM_PAGE = "上接|接"
CONTINUED_FROM = re.compile(rf"^[（(](?:{_FROM_PAGE})第?\s*[A-Z]?\d+\s*版[）)]$")
# What awaits a user on a system's menu, with its count (待办（3）, 会诊邀请（1）, 消息（99+）).
_AWAITING = r"[\u4e00-\u9fff]{0,6}(?:提醒|通知|邀请|消息|待办|公告|审批)[（(]\d{1,3}\+?[）)]"
_STRONG = re.compile(
    r"(?:QQ|ＱＱ|qq)群?\s*[:：]?\s*\d{5,}|"
    r"群\s*[:：]\s*\d{5,}|公众号\s*[:：]|免责声明|版权所有|转载请注明|不得转载|请勿商用|"
    r"著作权归|商业转载|仅代表作者|^Powered by|^(?:装\s*订\s*线|密\s*封\s*线)$|"
    # A news site's footer for reports of illegal content (网络举报电话：…, 违法和不良信息举报：…),
    # not a report's sentence on opening such a line (…开通网络违法和不良信息举报受理电话，…).
    r"(?:网络举报|不良信息举报)(?:电话|邮箱|热线|中心|平台|网站)?\s*[:：]|"
    # A note on the copy's state where its text is missing (（此处已撕毁）, （以下缺页）).
    r"^[（(\[［【]?(?:此处|该处)(?:已被?)?(?:撕毁|撕去|缺失|破损|污损|遮挡|字迹模糊|无法辨认)[)）\]］】]?$|"
    r"^[（(\[［【]?以下(?:缺页|缺失|残缺|无法辨认)[)）\]］】]?$|"
    # A template's instruction to whoever fills it, on a line of its own in brackets
    # （此处填写单位名称，使用时删除）: a blank to fill without it is the document's.
    r"^[（(\[［【][^）)\]］】]*(?:(?:使用|用|定稿|打印|提交|正式使用)[时前后]?(?:请)?删除|请(?:自行)?删除)"
    r"[^）)\]］】]*[)）\]］】]$|"
    # A broadcaster's words to its audience around what it read (…为您播送的…，感谢收听),
    # not a script's own host speaking them in turn (女：感谢收听本期特别节目…), and what it
    # puts between (（插播）本周六上午…; a 主持词's （插播宣传片《扎根》） is a stage direction).
    r"^(?!(?:[男女合甲乙]|男声|女声|主持人[甲乙AB]?)[:：]).*?"
    r"(?:为您(?:播送|播报|朗读|诵读)|感谢(?:您的)?(?:收听|收看))|"
    r"^[（(【\[［]插播[）)】\]］]\s*\S|"
    # A page's hint on how to read it (（材料较长，可上下滑动阅读）, 左滑查看更多,
    # （长按段落可复制到个人笔记）).
    r"(?:上下|左右|向上|向下|[上下左右])滑(?:动)?(?:阅读|查看|浏览)|"
    r"^[（(]长按[^（）()]{0,10}(?:复制|收藏|引用|分享|保存)[^（）()]{0,10}[）)]$|"
    r"以下为正文|正文完|来源[:：].{0,24}(?:网|站|号|平台|文库)$|"
    # A system's note on itself with its support line (本系统由…信息中心维护，技术支持电话：…。),
    # and a screen's or a page's on what it shows (本屏信息由…发布。): a document about a
    # platform says who builds it and what it will do (本平台由市大数据局统一建设…).
    r"^本(?:系统|平台|网站|站|终端|应用|小程序)[^。！？]{0,30}(?:技术支持|客服电话|服务热线)|"
    r"^本(?:屏|页面)(?:信息|内容)?由|"
    # A reading app's reward for reading the text (阅读完毕，本次学习可获得成长积分5分。,
    # 阅读满10分钟可获得积分2分。); a document's own 阅读结束后请各支部…, 本次学习获益匪浅
    # or 本次学习计入学时 is no reward.
    r"^阅读(?:完毕|完成)[^。！？]{0,20}(?:积分|学时|已读)|^阅读满\s*\d+\s*(?:分钟|秒)|"
    r"本次(?:阅读|学习)可?(?:获得|领取)[^。，！？]{0,4}积分\s*\d+\s*分|本次(?:阅读|学习)已计入(?:学习)?时长|"
    # …and a course's credit for this lesson going to a system (…后，本讲学时将于次月10日前
    # 同步至…; a lesson plan's 本讲学时安排为… and 校本课学时 are its own).
    r"(?<![\u4e00-\u9fff])本(?:讲|课|节|章)(?:学时|学分)[^。！？]{0,8}(?:同步|计入|记入|获得)|"
    # A system's message labelled so (〔系统〕卫星热点监测：…).
    r"^[〔\[［【(（]系统(?:消息|通知|提示|公告)?[〕\]］】)）]|"
    # A repost's note on where the text above came from (以上通知转自…，供学员了解。).
    r"^\W*以上[^。！？]{0,10}?(?:转自|转载自|转载于|转发自)|"
    # Page furniture, alone or after a brand: 第2页 共5页, 共5页 第2页, 第2/5页, 2/5,
    # Page 2 of 5, - 2 -, — 2 —, · 2 ·, and a screen's with its total (【学习园地】第 2 屏 /
    # 共 3 屏; a plan's （一）城市运行总览　第1屏 names its own screens).
    r"(?:第\s*\d+\s*页\s*[/／,，（(]?\s*(?:共\s*\d+\s*页[）)]?)?|共\s*\d+\s*页\s*[/／,，]?\s*第\s*\d+\s*页|"
    r"第\s*\d+\s*[/／]\s*\d+\s*[页屏]|第\s*\d+\s*屏\s*[/／,，]?\s*共\s*\d+\s*屏|"
    r"[Pp]age\s*\d+(?:\s*(?:of|/)\s*\d+)?)$|"
    r"^\d{1,3}\s*[/／]\s*\d{1,3}$|^[-—–－·•]\s*\d{1,4}\s*[-—–－·•]$|"
    # …or opening a line, the page's print time or brand after it (第 1 页 / 共 3 页　打印时间：…,
    # — 1 / 3 —　云印坊校园自助打印, —— 第 2 页 ——　字体：…), not a heading or a sentence of
    # the text a scan joined to it (第3页 共3页 三、2025年工作打算, — 2 —　（三）强化宣传。).
    r"^(?:第\s*\d+\s*[页屏]\s*[/／,，]?\s*共\s*\d+\s*[页屏]|第\s*\d+\s*[/／]\s*\d+\s*[页屏]|"
    r"[-—–－·•]\s*\d{1,4}\s*(?:[/／]\s*\d{1,4}\s*)?[-—–－·•]|"
    r"[-—–－·•]+\s*第\s*\d+\s*[页屏]\s*[-—–－·•]+)[ \u3000]+"
    r"(?![一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|第[一二三四五六七八九十]+[，、])"
    r"[^，。；！？]*$|"
    # A fax machine's header on every page: its clock in Latin letters and the page
    # counter (JUN-03-2024 15:28  FROM：…  P.02/03).
    r"^[A-Z]{3}-\d{1,2}-\d{4}\s+\d{1,2}:\d{2}|\bP\.\s?\d{1,3}\s*/\s*\d{1,3}$|"
    # An entry of a table of contents or a reader's bookmarks: a leader and a page
    # (一、主要举措和成效……1, （二）强化保障 ........ 12).
    r"(?:…{2,}|[.．·]{3,})\s*\d{1,4}$|"
    # A learner's highlight set between the paragraphs (★划重点：…, 我的笔记：…).
    r"^\W*(?:划重点|我的笔记|学习笔记)\s*[:：]|"
    # A forum floor's header: its number and time, or the app it came from (2楼
    # 2024-05-20 21:19 来自Android客户端).
    r"^\d+\s*楼[ \u3000]+\S*\d{1,2}:\d{2}|来自\S{0,12}客户端$|"
    # A field of a record that repeats the title or names an account (公文标题：…,
    # 星球号：51268403, 微信号：…), and a web page's list of further reading (相关阅读：《…》).
    r"^(?:公文|文件|文章|稿件)?(?:标题|题目)\s*[:：]|"
    r"^(?:星球|微信|抖音|快手|小红书|视频|账|帐|店铺|会员|频道|公众)(?:号|ID|ＩＤ)\s*[:：]\s*\S+$|"
    r"^(?:相关阅读|延伸阅读|推荐阅读|往期回顾|往期推荐|相关推荐|猜你喜欢)\s*[:：]|"
    # Where a page or a message breaks the text: （接上页）, （附件内容续上页）, （下转第3页）,
    # （未完待续）, a messenger's （接上条）, （内容较长，以下为续页）.
    r"^[（(]?(?:[接续]上[页条]|转下页|[上下][接转]第\s*\d+\s*页|未完[，,]?待?续)[）)]?$|"
    r"^[（(][^（）()\s，。！？]{1,6}[接续]上[页条][）)]$|"
    r"^[（(][^（）()]{0,8}(?:以下|下面)为?(?:续页|接续页)[）)]$|"
    # A platform's note on what it did to the text it shows, labelled so in brackets
    # (（平台提示：文中涉及的当事人信息已作隐去处理）); a guide's quoted prompt (（系统说明：名称
    # 自主申报通过后保留30日…）) is its own.
    r"^[（(](?:平台|系统|网站|本站|页面)(?:提示|说明|声明|提醒)[:：][^（）()]*"
    r"(?:隐去|隐藏|脱敏|转载|转自)|"
    # A screen's carousel counter (【公告信息】滚动播放 3/4, 校园通知 ▸ 正在播放 2/5) and a
    # class board's countdown alone on its line (距期中考试还有 18 天; a speech's 距中考还有
    # 100天！ is a sentence).
    r"(?:滚动播放|正在播放|轮播)[^，。]{0,4}\d{1,3}\s*[/／]\s*\d{1,3}$|"
    # …and a pushed item's counter after a short label (调度下发 · 学习推送（2/3）; a notice's
    # 会议通知（1/2） is a heading).
    r"^[^，。！？的]{0,12}(?:推送|消息)\s*[（(]\d{1,3}\s*[/／]\s*\d{1,3}[）)]$|"
    r"^距[^，。！？\s]{2,12}还有\s*\d{1,4}\s*天$|"
    # …and a countdown on a clock, under a label or none (［天窗倒计时］ 距本日天窗开始 02:16:40).
    r"^(?:[【\[［][^】\]］]{1,8}[】\]］]\s*)?距[^，。！？\s]{2,12}(?:开始|结束|还有|剩余)\s*"
    r"\d{1,2}:\d{2}(?::\d{2})?$|"
    # A picture's place by its file name (（配图：见附件 IMG_0311_01.jpg）).
    r"^[（(][^（）()]*\.(?:jpe?g|png|gif|bmp|webp|heic|JPE?G|PNG)[）)]$|"
    # A screen's ticker of figures under its display mode in brackets, its fields parted by
    # wide gaps (【实时】今日新收案件 37 件　执结 41 件; a bulletin's 【实时】截至18时，… is
    # its own).
    r"^[【\[［](?:实时|滚动|轮播|跑马灯)[】\]］][^，。；！？;]*\d[^，。；！？;]*"
    r"(?:\u3000| {2,})[^，。；！？;]*\d[^，。；！？;]*$|"
    # …and a monitoring system's live alarm under its label (【实时告警】…剩余电流超限，…; a
    # plan's 【报警】 step is its own).
    r"^[【\[［]实时(?:告警|报警)[】\]］]|"
    # A menu's row of what awaits the user, each with its count (危急值提醒（0）　会诊邀请（1）
    # 院内通知（1）; a report's 门诊诊疗（3256）　住院（1247） is its own).
    rf"^(?:{_AWAITING}[ \u3000]+){{2,}}{_AWAITING}$|"
    # A forum's note on what its moderators did with the post (本帖已被学科组长设为精华，…).
    r"^本帖(?:已被|已由|被)[^，。！？]{1,12}(?:设为|加为|评为|推荐为)(?:精华|置顶|推荐)|"
    # A machine's note in brackets on what it did to the text (（本页检测到倾斜 1.3°，已自动
    # 纠偏）, （此段含人名，已按会前词库校正）).
    r"^[（(][^（）()]*(?:已自动(?:纠偏|纠正|校正|旋转|裁切|识别|转写|断句|分段|续接)|"
    r"已按[^（）()]{0,8}词库校正)[^（）()]*[）)]$|"
    # An export's note on what it hid of the file (（批注已隐藏 2 条）, （已折叠 3 条修订）); an
    # author leaves out (（评论已省略 23 条）).
    r"^[（(](?:(?:批注|修订)[^（）()]{0,2}(?:已|被)?(?:隐藏|折叠)\s*\d+\s*条|"
    r"已(?:隐藏|折叠)\s*\d+\s*条(?:批注|修订))[）)]$|"
    # A swipe hint in brackets with the screen's counter (（左滑翻页　第2/4屏）).
    r"^[（(][^（）()]{0,10}?(?:第\s*\d+\s*[/／]\s*\d+\s*[页屏]|"
    r"第\s*\d+\s*[页屏]\s*[/／,，]?\s*共\s*\d+\s*[页屏])[）)]$|"
    # What a scanning app stamps on each page (由某某扫描王扫描创建), and what a converter
    # or scanner says it made (本文件由某某转换器（试用版）生成).
    r"扫描(?:创建|生成)$|(?:转换器|转换工具|扫描王|扫描仪)[^，。；]{0,10}(?:生成|转换|导出|创建)|"
    # …and what a system says of the page it made, with its disclaimer (本记录由系统自动生成，
    # 如有疑问…); a report's own note on what its platform makes (本表数据由…系统自动生成。,
    # 该平台报表由系统自动生成，基层干部不再重复填报…) has none.
    r"^(?:本|此|以上|该)[^，。；：\s]{0,8}由[^，。；]{1,16}自动生成[，,；;\s·—]*"
    r"(?:如有疑问|如有异议|仅供参考|请勿|请以|以[^，。]{1,12}为准|可能存在|未经|存疑)|"
    # A messenger's read receipt on what it pushed (…已推送至“第二党支部”工作群，3人未读。); a
    # report's count (推送的材料仍有12人未读。) is its own.
    r"(?:^|[，,、\s])\d+\s*人(?:未读|已读)[。.]?$|"
    # A device's prompt to read on where it shows the text (抬起手腕，即可在手表上继续阅读本文。);
    # a reading campaign's readers go on with a book (借书继续阅读全文).
    r"(?:即可|可|请)(?:在[^，。]{1,8}上)?继续(?:阅读|收听|观看)(?:本文|本篇)|"
    # A classification mark printed on every page of a scanned copy (内部资料 注意保存):
    # the whole line, so a sentence about 内部资料 stays.
    r"^内部(?:资料|材料)(?:[\s，,]*(?:注意保存|妥善保管|注意保密|请勿外传))?$|"
    # A note of the publisher's (AI摘要：本文为…, 以上摘要由AI生成, 编者按：…).
    rf"{_PUBLISHER_NOTE}|"
    # What a converter stamps in English (Evaluation Warning: …, Created with …).
    r"Evaluation (?:Warning|Only|Version)|^Created (?:with|by) |"
    # A shared document's comment thread (💬 评论 · 许岚：…, ↳ 陈思远：…, [批注1] …), and
    # what a word processor leaves of its review (批注 [周某1]：…, 修订人：…) and its
    # statistics (页数：3  字数：1872).
    r"^\W*(?:评论|批注|留言)\s*\d*\s*[·•:：]|^[↳↪⤷└]\s*[^\s：:]{1,12}[:：]|^[\[［【]批注\s*\d*[\]］】]|"
    r"^批注\s*[\[［【(（][^\]］】)）]{1,16}[\]］】)）]\s*[:：]|^修订人\s*[:：]|^(?:页数|字数)\s*[:：]\s*\d+|"
    # A web page's furniture around an article (字号：大 中 小, 上一篇：…, 下一篇：…), a
    # transcript's timestamps alone on their lines, after a speaker's number or not (00:31,
    # 发言人1 00:02:41, [00:12:31]), a slide's number (幻灯片 2).
    r"字号\s*[:：]?\s*[【\[]?大[】\]]?\s*[【\[]?中[】\]]?\s*[【\[]?小|^(?:上一篇|下一篇|上一条|下一条)\s*[:：]|"
    r"^(?:发言人|说话人|讲话人|[Ss]peaker)\s*\d{0,2}[ \u3000]+\d{1,3}(?:\.\d+)?\s*%$|"
    r"^(?:(?:发言人|说话人|讲话人|[Ss]peaker)\s*\d{0,2}[ \u3000]*)?[\[［]?\d{1,2}[:：]\d{2}"
    r"(?:[:：]\d{2})?[\]］]?$|^(?:幻灯片|第\s*\d+\s*张幻灯片|[Ss]lide)\s*\d*$|"
    # A phone screenshot's bars read by OCR: the status bar (9:41 5G 87%), the app's bar
    # (< 返回 某某 ···) and its tabs (首页 素材 消息 我的).
    r"^\d{1,2}:\d{2}\s+(?:[2-6]G|Wi-?Fi|WIFI|LTE)?\s*\d{1,3}\s*%$|^[<‹〈＜]\s*返回|"
    r"^(?:[\u4e00-\u9fff]{1,4}\s+){2,5}我的$|"
    # A screen reader's words for what it reads out (链接 首页, 按钮 分享, 标题 2级, 列表
    # 3项), and a live room's notices (某某 送出了 鲜花×10, 欢迎 某某 进入直播间).
    r"^(?:链接|按钮|图片|图形|编辑框|文本框|复选框|单选按钮|组合框|菜单项?|选项卡|地标|页面|列表项)"
    r"[ \u3000]+\S{1,40}$|^(?:标题[ \u3000]*[1-6]\s*级|列表[ \u3000]*\d+\s*项|列表结束|表格结束)$|"
    r"送出了?[ \u3000]*\S{1,10}[ \u3000]*[×xX✕]\s*\d+$|"
    r"^欢迎[ \u3000]*\S{1,16}[ \u3000]*(?:进入|来到)直播间|"
    # What a browser prints on every page: the time with the page's title, and its
    # address with the page number (2026/3/12 10:05 标题_某县人民政府; https://… 1/3), and a
    # government site's footer (主办：…　承办：…).
    r"^\d{4}[/-]\d{1,2}[/-]\d{1,2}\s+\d{1,2}:\d{2}(?::\d{2})?\s+\S|"
    r"^(?:https?://|www\.)\S+(?:\s+\d{1,3}\s*/\s*\d{1,3})?$|"
    r"^主办(?:单位)?\s*[:：][^，。；]{2,30}\s+承办(?:单位)?\s*[:：][^，。；]{2,30}$|"
    # A channel's forward stamp, a long post's part counter and its views (转发自 某频道,
    # （2/3）, 浏览 6.2K · 21:03); a journal's running head (某某研究 2026(02)); a study
    # platform's prompt about its page (请保持页面活跃，停留时长计入有效学时).
    r"^转发自\s*\S|^[（(][^（）()\d]{0,6}\d{1,2}\s*/\s*\d{1,2}[）)]$|"
    # An advertisement inline (广告 · 某某鼠标，限时直降，去看看＞, 广告　某卡会员专享…), an
    # e-reader's notes (【我的划线】第142页 · 21:06, 【我的想法】…) and a book's running label
    # (范例三).
    r"^(?:广告|推广|赞助)(?:\s*[·•|｜:：]|\s+\S)|^[【\[［](?:我的)?(?:划线|想法|笔记|书签|标注)[】\]］]|"
    r"^[^\w\s]+\s*(?:我的)?(?:划线|想法|笔记|书签|标注)\s*[:：]|"
    # An e-reader's progress at a page turn (阅读进度 12%, 本章剩余 8 分钟), and a comparison
    # tool's note on a change ([新增]第7段：…).
    r"^(?:阅读进度|已读|本章剩余|剩余)\s*[:：]?\s*\d+(?:\.\d+)?\s*(?:%|％|分钟|页)$|"
    # …a reading terminal's timer (已阅览 04:37　本篇建议阅览时长 10 分钟),
    r"^已阅(?:览|读)\s*\d{1,2}:\d{2}|^(?:本篇)?建议(?:阅读|阅览)时长\s*\d+\s*分钟$|"
    # …and a page counter between rules (------ 第 1 页 / 共 3 页 ------).
    r"^[-—–－=＝_~·•*\s]{2,}(?:第\s*\d+\s*[页屏](?:\s*[/／,，]?\s*共\s*\d+\s*[页屏])?|"
    r"\d{1,4}\s*[/／]\s*\d{1,4})[-—–－=＝_~·•*\s]{2,}$|"
    r"^[【\[［](?:修改|新增|删除|插入|替换|改动)[】\]］]\s*第\s*\d+\s*[段行处]|"
    # A form's fields exported as key=value (表单名称=…, 盖章=已盖章), and an archive
    # tool's line over a file it unpacked (以下为 讲话稿.docx 内容).
    r"^[\u4e00-\u9fffA-Za-z_]{2,12}\s*=\s*\S|"
    r"^以下(?:为|是)\s*\S{1,40}\.(?:docx?|wps|pdf|txt|rtf|odt)\s*(?:的)?(?:内容|全文|正文)|"
    # A paper's jump between pages ((下转第3版), (上接第1版)), a messenger's notices (对方已
    # 截屏, 阅后即焚 · 剩余 19 秒, 某某 撤回了一条消息), a queue screen's call (请A024号到5号窗口
    # 办理), a label over the text (报告全文), a broadcast's fields (播出单位：…).
    rf"^[（(](?:下转|转|{_FROM_PAGE})第?\s*[A-Z]?\d+\s*版[）)]$|对方已截屏|阅后即焚|消息已销毁|撤回了一条消息|"
    r"^请?[A-Z]?\d{2,4}号(?:到|至|前往)\d+号窗口|^\W*(?:报告|讲话|发言|文章|材料)?全文\W*$|"
    r"^(?:播出|播发|首播)(?:单位|时间|频道|时长)\s*[:：]|"
    # A log's header fields over each message: its clock and the number it came from
    # (号码：106575208866); a voice assistant's wake word and its answers (小智小智，继续 /
    # 音量已调到 60%。).
    rf"{_LOG_CLOCK}|{_FIELD_ISO_DATE}|"
    r"^(?:号码|对方号码|发信人|收信人|发送方|接收方)\s*[:：]\s*\+?\d[\d -]{4,}$|"
    r"^(?P<wake>[\u4e00-\u9fff]{2})(?P=wake)[，,][^\s。！？!?]{1,20}$|"
    r"音量(?:已)?(?:调|设置|调整)?(?:到|为|至)\s*\d{1,3}\s*%|"
    # A speaker timer's countdown (发言计时 剩余 05:00), a crowd proofreading site's marks (第
    # 3 段已被 2 人校对, 认领本段, 【待确认】…), a messenger's safety banner and its buttons
    # (对方不是你的好友…, 举报 / 加入黑名单 / 不再提示), a copy's certification stamp.
    r"剩余\s*\d{1,2}[:：]\d{2}$|已被\s*\d+\s*人(?:校对|阅读|查看|认领|浏览)$|认领本段|^[【\[](?:待确认|待审核|待处理)[】\]]|"
    rf"对方不是你的好友|加入黑名单|^\W*不再提示\W*$|/\s*不再提示|{_CERTIFIED_COPY}|"
    # A messenger's delivery notices ((!) 消息发送失败，点击重发 / 已重新发送 / 网络不可用…)
    # and a phone's system notices over what it shows (省电模式已开启, 电量低于 20%).
    r"消息发送失败|点击重发|^\W*已重新发送\W*$|^\W*网络不可用|完成身份验证|立即验证|稍后提醒|"
    # A word processor's status bar (字数 1,161 · 段落 15, 中文(中国)　插入) and a pomodoro
    # timer's rounds (番茄 2/4　·　专注中 24:58).
    r"字数\s*[\d,]+\s*[·•]\s*段落\s*\d+|^中文\s*[(（]中国[)）]|^番茄\s*\d+\s*/\s*\d+|专注中\s*\d{1,2}:\d{2}|"
    r"^\W*(?:省电|低电量|飞行|勿扰|免打扰)模式已(?:开启|关闭)\W*$|电量低于\s*\d{1,2}\s*%|"
    # An input method's row of candidates left in a pasted text (1.人居环境　2.人居　3.仁菊
    # 4.人具　◀ ▶), a reading site's chapter header with its count (第52章 … 字数：976), a
    # masked phone number that won or bought (138****2211 抽中…; a list's own masks its
    # members' numbers) and a lucky draw's chances.
    r"^1[.．]\S{1,6}\s+2[.．]\S{1,6}\s+3[.．]\S{1,6}\s+4[.．]\S{1,6}(?:\s+\d[.．]\S{1,6})*"
    r"(?:\s+[◀▶<>‹›]+)*$|(?:^|\s)字数\s*[:：]\s*[\d,]+$|1[3-9]\d[*＊]{4}\d{4}\s*"
    r"(?:刚刚|已|成功|抽中|获得|领取|购买|下单|开通|加入|中奖|兑换)|抽奖(?:机会|次数)|"
    # A wire's continuation marks (（续一）), a display's panel jumps (（下转展板 ZB-04）,
    # 展板 ZB-04（共12块）), a chat box's prompt (输入消息…), a scanning pen's log (第1行
    # 扫描成功) and a running app's announcements (已跑 1.0km…配速…, 心率区间：… 142 次/分).
    r"^[（(]续[一二三四五六七八九十\d]{0,3}[）)]$|^[（(]?下转[^）)]{1,16}[）)]?$|"
    r"^\S{1,6}\s*[A-Za-z]{0,3}-?\d{1,3}\s*[（(]共\s*\d+\s*[块页张幅屏][）)]$|"
    r"^(?:输入消息|说点什么吧?|发条友善的评论吧?)[.…。]*$|^第\s*\d+\s*行\s*(?:扫描|识别)(?:成功|失败|中)|"
    r"已跑\s*[\d.]+\s*(?:km|公里)|配速\s*\d|心率[^，。]{0,12}\d+\s*次/分|"
    # An OCR engine's layout lines (页 1 区块 4, bbox 212 392 1028 444  置信度 0.960) and a
    # notebook's cells and timings (In [3]:, 运行时间：0.02 s).
    r"^页\s*\d+\s*区块\s*\d+$|^bbox(?:\s+\d+){4}|置信度\s*[:：]?\s*0?\.\d+|"
    r"^(?:In|Out)\s*\[\d*\]\s*:|^运行时间\s*[:：]\s*[\d.]+\s*(?:s|ms|秒)$|"
    # A screen recorder's state with its clock (● 录屏中 00:15:47, ‖ 暂停录制 00:09:12).
    r"(?:录屏中|录制中|(?:暂停|开始|结束|继续)录制)\s*\d{1,2}:\d{2}|"
    # An electronic invoice's lines pasted with a bought document (电子发票（普通发票）,
    # 发票代码：…, 开票日期：…, 价税合计（大写）…).
    r"^(?:电子)?(?:普通|增值税|专用)?发票[（(]|发票(?:代码|号码)\s*[:：]|价税合计|^开票(?:日期|人)\s*[:：]|"
    # A page's loading states (图片加载中…, 加载失败，点击重试, 点击加载更多), and a
    # study guide's numbered questions for discussion (Q1：…有什么现实意义？).
    r"^\W*(?:图片|页面|内容)?加载(?:中|失败)|点击(?:重试|加载)|加载更多\W*$|^[QＱ]\d{1,2}\s*[:：.．、].{2,60}[？?]$|"
    # A relay's entries in a group chat (接龙 3. 小王 已补第二部分), and a message cut in
    # parts by its sender (（内容较长，分 2 条发送，第 1/2 条）).
    r"^接龙\s*\d+\s*[.．、]|^[（(][^（）()]{0,12}(?:分\s*\d+\s*条发送|第\s*\d+\s*[/／]\s*\d+\s*条)|"
    # Markup left on its own line by an export (</标题>, <发文机关>某某县人民政府</发文机关>).
    r"^<[/!?]?[\w\u4e00-\u9fff:-]+[^<>]*>(?:[^<>]*</[\w\u4e00-\u9fff:-]+>)?$|"
    # A translation tool's segment marker before each paragraph ([Seg 12] 已确认, 句段 3).
    r"^[\[［【]?(?:Seg(?:ment)?|句段)\s*\d+[\]］】]?\s*(?:[·•]\s*)?"
    r"(?:已确认|已翻译|未翻译|已审校|待审校|草稿|锁定)?$|"
    r"(?:范例|例文|样文)[一二三四五六七八九十\d]{1,3}$|^(?:浏览|阅读|播放)\s*[\d.]+\s*[KkWw万千]?\s*[·•]|"
    r"^\S{2,16}\s+\d{4}\s*[（(]\d{1,2}[)）]$|(?:页面|本页)[^。，]{0,6}(?:活跃|停留|刷新)|计入(?:有效)?学时|"
    # A forum's post split in two (（字数超限，接2楼）, （接1楼）) and its writer's signature.
    r"^[（(]?(?:[^（）()]{0,8}[，,])?[接续]\s*\d+\s*楼[）)]?$|^[（(][接续]上楼[，,][^（）()]{0,16}[）)]$|"
    r"^(?:个性)?签名(?:档)?\s*[:：]\s*[^＿_\s]|"
    # An assistant's offer to whoever asked for the text (希望对您有所帮助！如需调整…请告诉我),
    # and advice on adapting the text (讲稿里的数字…换成自己单位的，别照搬).
    r"希望(?:以上)?(?:内容)?(?:能|可以)?(?:对您|对你|帮到您|帮到你)有?所?帮助|"
    r"如需(?:调整|修改|补充|润色|扩写|精简|改写)[^。！？]{0,30}(?:告诉|联系|私信|留言)我|"
    r"(?:讲稿|稿子|范文|模板|本文|全文|文中|这篇)[^。！？]{0,16}(?:换成|替换|改成|照搬|照抄|套用)|"
    + _CHAT_HEADER
)
# A web or mail address is a sign of promotion too, unless it is a government's (a
# document gives its own portal or mailbox: …gov.cn), or a mailbox named in a sentence
# of the document's own length (报送至县委办邮箱…@163.com。).
_ADDRESS = re.compile(r"https?://|www\.|\.(?:com|cn|net|org)\b")
_GOVERNMENT_ADDRESS = re.compile(r"[\w.@:/-]*\.gov\.cn[\w./-]*", re.ASCII)
_MAILBOX = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# Offers and notices a document's own sentence may also use (a school's 校友会终身会员
# 资格, a report on 举报核实): they remove a sentence only when it is short.
_SHORT = 32
_OFFER = re.compile(
    r"仅供学习交流|严禁倒卖|一经查实|举报(?:属实|核实)|免费会员|会员资格|"
    # An archive's or a copier's note on the copy (原件存档案室，复制件仅供查阅).
    r"(?:复制件|复印件|副本)仅供(?:查阅|参考|使用)|"
    r"更多.{0,4}(?:范文|材料|资料|精品|好稿)|海量.{0,2}(?:范文|材料|资料|文档|精品|好稿)|"
    r"每[日周天][一二三四五六日]?更新|本(?:文|资料|材料|文档)由.{1,12}整理|"
    # A blogger's asks: 点个在看, 给个关注, 求转发; 小编 is a blogger's word for himself.
    r"(?:点个|给个|求)(?:关注|赞|在看|好评|收藏|转发)|小编|"
    # A post's thanks and calls to its reader, which no document makes of its audience.
    r"感谢(?:您的)?(?:阅读|观看)|欢迎(?:转发|分享|收藏|关注|订阅)|记得(?:关注|收藏|转发|点赞)|"
    r"点击(?:关注|阅读)|点击.{0,4}(?:下方|上方|链接|按钮)|"
    # A shop's and a blog's own words, in a sentence too.
    r"[Ww]ord(?:原)?版|提取码|评论区|后台回复|知识星球|本店|包邮|秒发|五星好评|(?:今日|限时)特惠[:：]|"
    # A price offer (原价699元，限时199元; ¥199; a coupon): a document states a cost in
    # 元 without a shop's 原价/限时/券后 or a currency sign.
    r"(?:原价|特价|现价|限时|优惠价|券后|到手价?|秒杀价?)\s*[¥￥]?\s*\d+(?:\.\d+)?\s*元|"
    r"[¥￥]\s*\d|(?:优惠|无门槛|代金|满减)券"
)
_WEAK = re.compile(
    "|".join(
        (
            r"[｜|]|第[一二三四五六七八九十百\d]+[辑期]|您|原创|精品|范文|精选|文库|书斋|文苑|笔苑|"
            r"文舍|资料站|素材坊|材料铺|篇篇|字字|整理|下载|搜索|获取|关注",
            # A writer's "filling station" is a site's brand (写材料的人自己的加油站, 笔杆子加油站);
            # a petrol station is a place (金桥路加油站党支部上半年工作总结).
            r"(?:的|笔杆子|文字|写作|公文|材料|文稿)加油站",
            # A line wholly in brackets is a label: a brand's (【…】, 〔…〕) or what a web
            # page left where it held a picture or a code to scan ([图片], [二维码]).
            r"^[【〔〖\[［].*[】〕〗\]］]$",
            # Emoji (the pictographs of U+1F000–U+1FAFF, the arrows and stars of
            # U+2B00–U+2BFF, the emoji presentation selector) are a web post's; official
            # prose never uses them.
            "[\U0001f000-\U0001faff\u2b00-\u2bff\ufe0f]",
            # An entry of a post's table of contents or reading list (01 …): official
            # numbering is 一、 1. （1）, never zero-padded.
            r"^0\d[ \u3000]",
            # A note on the text's length or reading time (本文约1200字，预计阅读4分钟),
            # or a suggestion to save it for later (篇幅较长，建议收藏后阅读).
            r"本文(?:约|共)\s*[\d.,，万千]+\s*字|预计阅读|建议(?:先)?收藏|收藏后(?:再)?(?:阅读|细读|看)|"
            r"篇幅(?:较|很|太)?长",
            # The calls to action of a social-media post and a web shop's promises: words
            # that no official title or heading uses, since these judge titles too (so
            # 二维码, 抢购, 助教, 扫一扫 and 推荐阅读 are not among them: 关于推行二维码门牌
            # 的实施方案, 银龄助教行动方案 and 推荐阅读书目 are titles).
            r"本站|长按识别|转发给|星标|私信|阅读原文|拍下|拉黑|"
            r"点个赞|三连|点个.?在看|店内|网盘|直接套用",
            # A seller's group (会员群, 资料群, 范文群): a document names its own (各门店会员群
            # 同步发布) in a sentence.
            r"(?:会员|免费|VIP|vip|资料|写作|材料|范文)群(?!众|体)",
            # A page's boxes for its readers' actions (□收藏　□点赞　□转发).
            r"^[□☐]\s*(?:收藏|点赞|转发|分享|在看|关注|打赏)",
            # A sticker's or a label's own instruction (资产管理科 · 请勿撕毁 · 定期盘点).
            r"请勿(?:撕毁|撕掉|揭下)",
            # A social-media topic tag (#公文写作, #述职报告#) or handle (@某某笔记): a post's,
            # never a document's; a tag is # and a word, not # and a number (#1机组).
            r"[#＃][^\s#＃\d]|@[^\s@]{2,}",
            # The casual register of a post: a ～ or a 哦/啦/呀 at the end, a postscript, an
            # address to the reader as 亲.
            r"[～~]$|(?:哦|啦|呀|噢|哟)[～~]*$|^(?:PS|ＰＳ|P\.S\.)\s*[:：]|^亲[，,]",
            # A mobile or a company's 400 number with no one named (a document names its
            # contact person: 联系人：…).
            r"(?<!\d)(?:1[3-9]\d{9}|400[-\s]?\d{3}[-\s]?\d{4})(?!\d)",
            # The fields of a document-sharing or news page (文档编号, 上传者, 下载积分,
            # 浏览次数, 责任编辑：…, 发布时间：…), its counters (阅读 3.2万 · 评论 36), its
            # breadcrumbs (首页 > 工作动态 > 领导讲话) and buttons (打印本页 关闭窗口 返回顶部).
            r"文档(?:编号|页数|大小|格式)|上传(?:者|人|时间|日期)|贡献者|浏览(?:次数|量)|"
            r"下载(?:次数|积分|券|量)|阅读(?:量|数)|收藏数|点赞数|"
            r"^(?:责任编辑|编辑|审核|审校|校对|发布(?:时间|日期)|更新时间|分享到|当前位置|"
            r"您的位置)\s*[:：]|^(?:编辑|发布|更新)于\s*\d|"
            r"(?:阅读|浏览|点赞|赞同|评论|转发|收藏|播放)\s*[:：]?\s*\d[\d.,]*\s*[万千wW]?\s*(?:[·|｜]|$)|"
            r"[>»›＞].*[>»›＞]|\S[ \u3000][›»][ \u3000]\S|打印本页|关闭窗口|"
            # …▸ too, between words alone (学习专区 ▸ 述职材料参考 ▸ 正文; a plan's 3月 ▸ 动员部署
            # names its stages).
            r"^[^\d\u3000▸]+(?:▸[^\d\u3000▸]+){2,}$|"
            r"^\W*(?:返回|回到)(?:顶部|首页|列表|目录|上一?页)\W*$|^\W*查看(?:完整|全部|更多)\S{0,4}\W*$|"
            r"^\W*(?:清除全部|全部清除|一键清除|全部已读|标为已读|复制全部|全部复制|一键复制)\W*$|"
            r"扫一扫.{0,4}(?:在|用)?手机.{0,4}(?:打开|查看|阅读|浏览)|"
            r"^\W*(?:广告|推广|赞助|关闭广告|跳过广告)\W*$|^[\[［【（(—\-–·•\s]{1,3}(?:广告|推广|赞助)[\]］】）)—\-–·•\s]{1,3}\S|"
            # Counters written number first (3.6万次阅读 · 412人收藏).
            r"\d[\d.,]*\s*[万千wW]?\s*(?:次|人|条)?\s*(?:阅读|浏览|收藏|点赞|下载|评论|转发|播放|划线)"
            r"\s*(?:[·|｜]|$)|"
            # A page's buttons that fold the text (▼ 展开全文, 查看全文, 加载更多).
            r"展开全文|查看全文|阅读全文|全文阅读|余下全文|展开剩余|点击展开|继续阅读|收起全文|"
            r"加载更多|查看更多|展开更多|^说点什么|^(?:写|发表|添加)评论|"
            # A file-sharing page: a file's name with its extension (not an attachment the
            # document lists: 附件：…), its size, its sharer and how long the link lasts.
            r"^(?!附件).*\.(?:docx?|wps|pdf|pptx?|xlsx?|zip|rar)$|\d(?:\.\d+)?\s*[KMGkmg][Bb]\b|"
            r"分享(?:者|人|时间)\s*[:：]|文件(?:大小|格式|类型|名称?)\s*[:：]|永久有效|"
            r"有效期\s*[:：]\s*(?:永久|长期|\d+\s*天)|(?:过期|失效)时间\s*[:：]|"
            r"已通过.{0,4}(?:安全|病毒)(?:检测|扫描)|"
            # A converter's trial watermark (试用版导出内容带水印，升级专业版即可去除).
            r"试用版|专业版|[带去无]水印|去除水印|扫描王|扫描全能王|[Pp][Dd][Ff]转|转[Pp][Dd][Ff]|"
            # A shop's calls to buy (立即抢购, 购买链接).
            r"立即(?:购买|抢购|下单)|购买链接|[Vv][Ii][Pp]|ＶＩＰ|"
            r"自动发货|拍前咨询|付款后|确认收货|点击(?:购买|领取|报名|下载)|"
            # A social-media page's own lines: its row of buttons (分享 收藏 点赞 在看),
            # where and when a post went up (发表于浙江, IP属地), its prompts to swipe
            # or scan, a forum's floors (楼主, 3楼, 只看该作者).
            r"^(?:(?:分享|收藏|点赞|在看|转发|评论|举报|打赏|喜欢|赞)[\s·|｜/]*){2,}$|"
            r"IP属地|发表于\s*(?:\d|[\u4e00-\u9fff]{2,3}$)|滑动看下一个|轻触阅读原文|"
            r"扫码(?:关注|添加|下载|领取|进群|加群)|只看(?:该作者|楼主)|^(?:楼主|沙发|板凳|\d+\s*楼)$|"
            r"(?:阅读|浏览|评论|回复|转发|收藏|点赞)\s*[(（]\d[\d.,]*[万千wW]?[)）]|"
            # A paywall's notices (试读结束, 付费后查看全文, 剩余70%未读).
            r"试读|付费(?:内容|阅读|后|查看|解锁)|解锁全文|剩余\s*\d+\s*%|"
            # A forwarded mail's header and a phone's signature (发件人：…, 发自我的手机);
            # a document's own 抄送：, 主题：, 附件： are not among them.
            r"^(?:发件人|收件人|发送时间|From|To|Sent|Subject)\s*[:：]|转发的邮件|原始邮件|"
            r"[Ff]orwarded message|^(?:发自|来自)我的|^Sent from my|"
            # An OCR's notice on its own errors (识别有误请以原件为准).
            r"以原件为准|"
            # A chat app's sticker, written as its name in brackets ([抱拳], [微笑]).
            r"\[[\u4e00-\u9fff]{1,4}\]|"
            # A shop's label in brackets opening a line (【好课推荐】…, 【限时福利】…): what
            # it sells, not a bulletin's column (【工作动态】).
            r"^[【\[［〖][^】\]］〗]{0,6}(?:好课|课程|好书|好物|福利|优惠|特惠|特价|限时|招生|"
            r"报名|团购|秒杀|上新|广告|推广)[^】\]］〗]{0,4}[】\]］〗]",
        )
    )
)
# The fields of a record laid out in a row (发文字号：…　　缓急程度：…　　公开属性：…,
# 第 1 页 / 共 2 页　　打印人：…　　打印时间：…): a label opening the line or after a wide
# space; two or more make a system's record, not a sentence (a document's own contact
# row, 联系人：…　联系电话：…, is judged before).
_FIELD_LABEL = re.compile(r"(?:^|\u3000|[ \u3000]{2,})[^\s：:，。]{2,8}[:：]")
# A timetable's slot (10:45—11:35), whose colons label nothing; a log's time (10:00) counts
# as its label.
_SLOT = re.compile(r"\d{1,2}[:：]\d{2}\s*[—–\-~～至]{1,2}\s*\d{1,2}[:：]\d{2}")
# A document gives its own contacts (联系人：…，联系电话：…, 监督举报电话：…): such a line
# is the document's, whatever numbers or mailboxes it gives, unless a strong sign (a QQ
# group) says otherwise.
_OWN_CONTACT = re.compile(r"(?:联系人|(?:联系|举报|监督|咨询)电话|(?:联系|举报)邮箱)\s*[:：]")


_AGENDA = re.compile(rf"^[^\s，。：:]{{0,6}}(?:{_AGENDA_WORDS})[\s:：]")


def agenda(line: str) -> bool:
    """Whether a line is a labelled item of a document's own arrangements (报到时间 5月8日
    8:30, 会议地点：…), which reads like a page's fields and is not one."""
    return _AGENDA.match(line) is not None


def own_contact(line: str) -> bool:
    """Whether a line gives the document's own contacts (联系人：…，联系电话：…) or a
    government site's address (www.mz.gov.cn)."""
    return bool(_OWN_CONTACT.search(line) or _GOVERNMENT_ADDRESS.search(line))


# Blanks to fill in by hand (姓名：＿＿＿   联系电话：＿＿＿).
_FILL_IN = re.compile("[＿_]{2,}")


def promotion(line: str) -> bool:
    """Whether a line reads as promotion or a notice rather than the document (judged in
    simplified script: a reseller's traditional-script line is the same line)."""
    line = simplified(line)
    if _STRONG.search(line):
        return True
    if _OWN_CONTACT.search(line) or _FILL_IN.search(line):
        return False  # a document's own contacts, or a form of its own to fill in
    labels = [label.strip() for label in _FIELD_LABEL.findall(_SLOT.sub("", line))]
    # …a system's record, unless all its fields are minutes' own (会议时间：…　会议地点：…,
    # 主持人：…　记录人：…) or contacts, or it names an office and its phone (村务监督委员会
    # 主任：…　电话：…, 秘书组：…　电话：…); a screen's 开始时间 and 考试地点 are a system's.
    own = any(
        all(field.match(label) for label in labels) for field in (_MINUTES_FIELD, _CONTACT_LABEL)
    )
    office = len(labels) == 2 and _OFFICE.match(labels[0]) and _CONTACT_LABEL.match(labels[1])
    if len(labels) >= 2 and not (own or office):
        return True
    if _address(line):
        return True
    if HEADING.match(line) or len(line) > 60:
        return False
    if _OFFER.search(line) and (len(line) <= _SHORT or not SENTENCE_END.search(line)):
        return True
    if _banner(line) or related_list_heading(line):
        return True
    if (SENTENCE_END.search(line) or _LEADS_IN.search(line)) and not _QUOTED.fullmatch(line):
        return False
    return bool(_WEAK.search(line))


# A sentence, then a lead-in to what follows (…感谢您的支持。现将有关事项告知如下：).
_LEADS_IN = re.compile(r"[。！？!?][^。！？!?]{4,}[：:]$")


def _address(line: str) -> bool:
    """Whether a line gives a web or mail address that is not the document's own."""
    line = _GOVERNMENT_ADDRESS.sub("", line)
    if SENTENCE_END.search(line) and len(line) > _SHORT:
        line = _MAILBOX.sub("", line)
    return bool(_ADDRESS.search(line))


def _banner(line: str) -> bool:
    """A line framed by symbols (★★★ …, ◆ … ◆, ……·…·……, ═══): a banner, whatever the
    symbol. Marks that touch the text, or end it a space after it, are a blank to fill,
    not a frame (○○镇人民政府, 书记：○○, 预算股 ○○, 副局长  ××)."""
    start = not _BLANK_AT_START.match(line)
    end = not (_BLANK_AT_END.search(line) or _BLANK_LIST.match(line))
    ends = (line[:2] if start else "", line[-2:] if end else "")
    if any(
        len(end) == 2 and all(unicodedata.category(c).startswith("S") for c in end) for end in ends
    ):
        return True
    first = line[0]
    return (
        start
        and end
        and len(line) >= 3
        and first == line[-1]
        and first not in _QUOTES
        and not MEANINGFUL.match(first)
        and unicodedata.category(first)[0] in "SP"
    )


# The marks a writer leaves as a blank (○○, □□, ××) where they touch the text.
_BLANK_AT_START = re.compile(r"^[○□×]{1,4}(?=[0-9A-Za-z\u3400-\u9fff])")
# …or a space from it, as a signer's blank name stands after the unit (预算股 ○○), or the
# last of a list of blank names (出席：××、××、××).
_BLANK_AT_END = re.compile(r"[0-9A-Za-z\u3400-\u9fff：:、，,][ \u3000]{0,4}[○□×]{1,4}$")
# …or a label over blank names parted by spaces (出席：××　××　××).
_BLANK_LIST = re.compile(r"^[\u3400-\u9fff]{1,8}[：:](?:[ \u3000]*[○□×]{2,4})+$")


def unmistakable(line: str) -> bool:
    """Whether a line bears a sign that no title uses: a strong sign, an offer, a frame of
    symbols or an address (what :func:`promotion` checks before the weak signs)."""
    return bool(_STRONG.search(line) or _OFFER.search(line) or _banner(line) or _address(line))


# A slogan set as display text: two or three runs of Han characters, four to twelve
# each, parted by spaces, with no punctuation (笔耕不辍　与君同行). Prose parts its
# phrases with ，、；, and a name list has names of two or three characters.
_SPACED_SLOGAN = re.compile(r"[\u4e00-\u9fff]{4,12}(?:[ \u3000]+[\u4e00-\u9fff]{4,12}){1,2}")


def display_slogan(line: str) -> bool:
    """Whether a line has the form of a slogan set as display text (笔耕不辍　与君同行);
    the caller judges where it stands (a slogan title is the title)."""
    return _SPACED_SLOGAN.fullmatch(line) is not None


_PUBLISHER_NOTE_LINE = re.compile(_PUBLISHER_NOTE)


def publisher_note(line: str) -> bool:
    """Whether a line is a note the publisher labelled as its own (AI摘要：…, 编者按：…),
    which is wrapper at any length: a document does not open a paragraph so."""
    return _PUBLISHER_NOTE_LINE.search(line) is not None


# The heading of a page's list of other documents, alone on its line (相关文档推荐,
# 推荐阅读：, 猜你喜欢, ▍往期精选).
# A course's or a series' contents (课程目录 / 第1讲 … / 第2讲 …).
_CONTENTS = "(?:课程|本课|专栏|系列|合集|章节)目录|课程列表|章节列表"
# A news page's list of trending headlines beside the text (热搜榜　换一换).
_TRENDING = r"(?:(?:热搜|热点|热门|实时|新闻|阅读)(?:榜|榜单|排行榜?)|排行榜)(?:[ \u3000]*换一换)?"
_RELATED_LIST = re.compile(
    r"^\W*(?:相关(?:文档|文章|资料|范文|材料)?(?:推荐|阅读|下载)|相关(?:公告|新闻|链接|报道)|友情链接|"
    r"(?:推荐|延伸|扩展|热门)(?:阅读|文章|文档|下载|范文)|热门推荐|往期(?:推荐|精选|回顾)|"
    r"猜你(?:喜欢|想看)|大家(?:都在|还在)看|你可能(?:还)?(?:喜欢|感兴趣|需要)|"
    r"更多(?:相关|精彩)?(?:范文|文章|文档|资料|材料)(?:推荐)?|"
    rf"{_CONTENTS}|{_TRENDING})\W*$"
)


def related_list_heading(line: str) -> bool:
    """Whether a line heads a page's list of other documents (相关文档推荐, 推荐阅读)."""
    return _RELATED_LIST.match(line) is not None


_LINKS_HEADING = re.compile(rf"^\W*(?:相关链接|友情链接|{_CONTENTS}|{_TRENDING})\W*$")


def links_heading(line: str) -> bool:
    """Whether a line heads a page's list of links, which name sites and bodies rather
    than documents (相关链接：/ 某某市人民政府 / 某某县政务服务网), or a course's contents,
    whose entries name its lessons (课程目录 / 第2讲 讲话稿的结构与节奏)."""
    return _LINKS_HEADING.match(line) is not None


_CHAT_HEADER_LINE = re.compile(_CHAT_HEADER)


# The header of a forum post: its floor, or when it went up (3楼　沙发　某某　发表于
# 2026-2-9 22:03, 楼主　某某　发表于 …); and a log's clock over each message it logs.
_POST_HEADER = re.compile(
    rf"^(?:楼主|沙发|板凳|地板|\d+\s*楼)(?:[\s　]|$)|发表于\s*\d|{_LOG_CLOCK}"
)


def slide_marker(line: str) -> bool:
    """Whether a line marks a slide of a presentation exported to text (幻灯片 2)."""
    return _SLIDE.match(line) is not None


_SLIDE = re.compile(r"^(?:幻灯片|第\s*\d+\s*张幻灯片|[Ss]lide)\s*\d*$")


def post_header(line: str) -> bool:
    """Whether a line heads a post of a forum thread or a message of a chat log."""
    return _POST_HEADER.search(line) is not None or chat_header(line)


def chat_header(line: str) -> bool:
    """Whether a line heads a message of a forwarded chat log (王科长  5月8日 20:05)."""
    return _CHAT_HEADER_LINE.match(line) is not None
