"""Why a line was removed, in the editor's words (shown beside each removed line)."""

BEFORE_TITLE = "标题之前"
AFTER_END = "正文之后"
FILLER = "分隔线"
PATTERN = "清理规则"
PROMOTION = "推广或声明"
RECURRING = "多份文件中重复"
