"""User-facing messages of the readers, one constant each, reused by the tests.

Each message is one line of Chinese for the person importing the file. The templates
with ``{…}`` fields are filled with ``str.format`` where they are raised.
"""

EMPTY = "文件为空，或其中没有可提取的文字。"
TOO_LARGE = "文件过大：超过 {limit_mb:g} MB 的大小上限。"
UNREADABLE = "无法读取文件：{path}"
UNSUPPORTED_FORMAT = "不支持的文件格式：请导入 TXT、Markdown、DOCX、PDF 或 PNG/JPEG 图片。"
LEGACY_WORD = "不支持旧版 Word 文档（.doc）或 RTF 文档：请在 Word 中另存为 .docx 后重新导入。"
UNDECODABLE = "无法识别文本文件的编码：请另存为 UTF-8 编码后重新导入。"

DOCX_CORRUPT = "Word 文档已损坏，无法读取。"
DOCX_ENCRYPTED = "Word 文档设有打开密码：请取消密码保护后重新导入。"
DOCX_ZIP_BOMB = "Word 文档的压缩结构异常（疑似压缩炸弹），已拒绝导入。"

PACK_CORRUPT = "压缩包已损坏，无法读取。"
PACK_ZIP_BOMB = "压缩包的结构异常（文件过多、过大或疑似压缩炸弹），已拒绝导入。"
PACK_ENTRY_ENCRYPTED = "压缩包中的这个文件设有密码：请解除密码后重新导入。"
PACK_NESTED = "压缩包中的压缩包不会展开：请先解压，再导入。"

PDF_CORRUPT = "PDF 文件已损坏，无法读取。"
PDF_ENCRYPTED = "PDF 文件设有打开密码：请取消密码保护后重新导入。"
PDF_AES_UNAVAILABLE = "PDF 使用 AES 加密，服务器缺少解密组件（cryptography），暂时无法读取。"
PDF_TOO_MANY_PAGES = "PDF 页数过多：超过 {max_pages} 页的上限。"

IMAGE_CORRUPT = "图片已损坏，无法识别。"
IMAGE_TOO_LARGE = "图片尺寸过大：超过 {max_megapixels} 百万像素的上限。"

OCR_UNAVAILABLE = (
    "OCR 不可用：服务器未安装 tesseract 及其简体中文语言包（chi_sim）或 pdftoppm，"
    "无法识别扫描件和图片。"
)
OCR_FAILED = "OCR 识别失败或超时，请检查文件后重试。"
