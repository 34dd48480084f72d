"""The one registry of fields and resources.

Every column is defined once here (ASCII snake_case name, Chinese title, type, unit,
description); every resource lists the columns it uses.  `datapackage.json` schemas and the
site's data dictionary are both generated from this module, so they cannot disagree.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

# The layouts of extracted text (`extract.text` tells them apart; the documents' `layout`).
LAYOUTS = ("pdf-tsv", "docx-cells", "plain")
WAN_YUAN = "万元"
# The units a narrative figure may be stated in (a template's narrative uses some of them).
FIGURE_UNITS = ("万元", "%", "辆", "个", "台（套）", "分")


@dataclass(frozen=True)
class Field:
    name: str
    title: str
    type: str
    description: str
    unit: str | None = None
    enum: tuple[str, ...] | None = None
    required: bool = False
    labels: dict[str, str] | None = None  # each enum value as a reader's page says it

    def label(self, value: str) -> str:
        """A value as the pages show it: its Chinese label where the field has one."""
        return (self.labels or {}).get(value, value)

    def descriptor(self, title=None, required=None, enum: tuple[str, ...] | None = None) -> dict:
        out = {
            "name": self.name,
            "title": title or self.title,
            "type": self.type,
            "description": self.description,
        }
        if self.unit:
            out["unit"] = self.unit
        constraints = {}
        if required if required is not None else self.required:
            constraints["required"] = True
        if enum or self.enum:
            constraints["enum"] = list(enum or self.enum)
        if constraints:
            out["constraints"] = constraints
        return out


def _amount(name: str, title: str, description: str = "") -> Field:
    text = f"{title}，单位万元，按文件印刷的精度；已有行中的空白单元格记为 0。{description}"
    return Field(name, title, "number", text.strip(), unit=WAN_YUAN)


def _printed(name: str, title: str) -> Field:
    """An amount of the nine tables: in the unit the document prints (the row's `unit`)."""
    text = (
        f"{title}，按文件印刷的金额和精度；九张表中单位见同一行的 unit 列（元或万元），"
        "政府采购预算中为万元。已有行中的空白单元格记为 0，模板未印刷的栏目为空。"
    )
    return Field(name, title, "number", text)


_FIELDS = [
    Field(
        "dataset_id",
        "数据集标识",
        "string",
        "文件的唯一标识：辖区拼音-部门编码-预算年度，ASCII，可用于网址。",
        required=True,
    ),
    Field("jurisdiction", "辖区", "string", "部门所属的政府（市、县、区），按文件印刷。"),
    Field("agency", "部门名称", "string", "部门名称，按文件印刷。"),
    Field(
        "department_code",
        "部门编码",
        "string",
        "部门在本级政府预算中的编码（如 316）；不同辖区可重复。",
    ),
    Field("year", "预算年度", "integer", "预算年度。"),
    Field("source_file", "源文件", "string", "源文件在 documents/ 中的文件名。"),
    Field("sha256", "SHA-256 校验值", "string", "源文件的 SHA-256 校验值。"),
    Field(
        "layout",
        "文本版式",
        "string",
        "源文本的版式：pdf-tsv（PDF 提取，制表符分隔）、docx-cells（DOCX 提取，每行一个单元格）、plain。",
        enum=LAYOUTS,
    ),
    Field("encoding", "编码", "string", "读取源文件时使用的字符编码。"),
    Field(
        "unit",
        "金额单位",
        "string",
        "金额的单位，按文件印刷（元、千元、万元、亿元）；文件一级为多数表格所用的单位。",
    ),
    Field(
        "kind",
        "文件类型",
        "string",
        "department 部门预算（部门本级及所属单位的综合预算），unit 单位预算（一个预算单位）。",
        enum=("department", "unit"),
        labels={"department": "部门预算", "unit": "单位预算"},
    ),
    Field(
        "department_id",
        "部门标识",
        "string",
        "同一部门各年度、部门预算与单位预算共用的标识：辖区拼音-部门编码（模板印刷部门编码时），"
        "否则辖区拼音-部门名称拼音（去掉辖区）。",
    ),
    Field("template", "模板", "string", "读取该文件所用的模板（省份和时期的版式）。"),
    Field(
        "subject",
        "对象",
        "string",
        "function 一般公共预算财政拨款支出的功能分类科目；three_public “三公”经费的一项"
        "（total 合计、abroad 因公出国（境）、vehicles 公务用车购置及运行、vehicle_purchase 购置、"
        "vehicle_operation 运行维护、reception 公务接待）。",
        enum=("function", "three_public"),
        labels={"function": "功能分类科目", "three_public": "“三公”经费"},
    ),
    _amount("approved", "预算数", "年初批准的预算（出处见 budget_source）。"),
    _amount("executed", "决算数", "决算文件中的实际支出。"),
    _amount("difference", "差额", "决算数 − 预算数，精确计算；两者缺一时为空。"),
    Field(
        "execution_rate",
        "执行率（%）",
        "number",
        "决算数 ÷ 预算数 × 100，四舍五入到两位小数（本站计算）；预算数为 0 或不知时为空。",
        unit="%",
    ),
    Field(
        "budget_source",
        "预算数出处",
        "string",
        "budget_document 同一部门同一年度的预算文件（budget_dataset_id）；stated_in_final 决算自己写明的"
        "预算数（年初预算、三公表的预算数列）；空：不知道。",
        enum=("budget_document", "stated_in_final", ""),
        labels={"budget_document": "预算文件", "stated_in_final": "决算所述"},
    ),
    Field("budget_dataset_id", "预算文件标识", "string", "预算数取自的预算文件（预算文件时）。"),
    Field(
        "budget_line", "预算数出处行", "integer", "预算数在其文件中的行（PDF 为抽取文本的行号）。"
    ),
    Field("executed_line", "决算数出处行", "integer", "决算数在决算文件中的行。"),
    Field(
        "document_type",
        "文件性质",
        "string",
        "budget 部门预算（年初批准的预算）；final_accounts 部门决算（年度终了的实际收支）。",
        enum=("budget", "final_accounts"),
        labels={"budget": "预算", "final_accounts": "决算"},
    ),
    Field(
        "phase",
        "预算阶段",
        "string",
        "Fiscal Data Package 的阶段词汇：approved 批准的预算数，executed 执行数（决算数）。"
        "决算表中与决算数并列印刷的预算数也是 approved。",
        enum=("approved", "executed"),
        labels={"approved": "预算数", "executed": "执行数"},
    ),
    Field(
        "source_format",
        "读取格式",
        "string",
        "本项目读取的文件：text 提取的文本，pdf 原始 PDF，docx 原始 DOCX。",
        enum=("text", "pdf", "docx"),
        labels={"text": "文本", "pdf": "PDF", "docx": "DOCX"},
    ),
    Field("title", "标题", "string", "来源信息中的文件标题。"),
    Field("publisher", "发布机构", "string", "来源信息中的发布机构。"),
    Field("original_format", "原始格式", "string", "原始文件格式（PDF、DOCX）。"),
    Field("obtained_from", "获取来源", "string", "原始文件的获取地址或来源说明。"),
    Field("retrieved", "获取日期", "string", "获取原始文件的日期（YYYY-MM-DD）。"),
    Field(
        "added",
        "加入日期",
        "string",
        "文件加入本站的日期（YYYY-MM-DD）：add 写入来源记录；此前加入的为其首次提交的日期。",
    ),
    Field(
        "division_code",
        "行政区划代码",
        "string",
        "辖区的六位行政区划代码（GB/T 2260，2020 年版）；中央部门和未能定位的辖区为空。",
    ),
    Field("province", "省级", "string", "辖区所在的省、自治区或直辖市；中央部门为“中央”。"),
    Field(
        "prefecture",
        "地级",
        "string",
        "辖区所在的地级市、自治州或地区；直辖市为其本身，省直辖的县级单位为空。",
    ),
    Field("county", "县级", "string", "辖区为区、县或县级市时的名称；市本级和省本级为空。"),
    Field("table", "表格", "string", "九张部门预算公开表之一。", required=True),
    Field("table_title", "表格标题", "string", "表格标题，按文件印刷。"),
    Field(
        "table_status",
        "表格状态",
        "string",
        "parsed（已解析）、empty（空表，印有“空表列示”或没有数据行）、missing（文件中没有此表）、unreadable（版式不符，未读取，见警告）。",
        enum=("parsed", "empty", "missing", "unreadable"),
        labels={
            "parsed": "已解析",
            "empty": "空表",
            "missing": "文件中没有",
            "unreadable": "无法读取",
        },
        required=True,
    ),
    Field("rows", "行数", "integer", "表格的数据行数（含合计行）；读取报告中，章节为段落数。"),
    Field(
        "part_number", "部分序号", "integer", "读取报告中各部分的顺序（从 1 起）。", required=True
    ),
    Field(
        "part_kind",
        "部分类型",
        "string",
        "table 九张标准表之一；other_table 九张表以外的表（识别出标题，尚未发布）；section 情况说明的章节；"
        "document 封面、目录等其余部分。",
        enum=("table", "other_table", "section", "document"),
        labels={
            "table": "标准表",
            "other_table": "其他表",
            "section": "章节",
            "document": "其余部分",
        },
        required=True,
    ),
    Field("part", "部分", "string", "表的代号、章节代号，或九张表以外的表的标题。"),
    Field("part_title", "标题", "string", "文件中印刷的标题。"),
    Field(
        "part_status",
        "读取状态",
        "string",
        "read（已读取）、empty（空表）、unreadable（识别出但版式不符，未读取）、missing（文件中没有）、"
        "not_read（识别出，本站尚未发布其内容）。",
        enum=("read", "empty", "unreadable", "missing", "not_read"),
        labels={
            "read": "已读取",
            "empty": "空表",
            "unreadable": "无法读取",
            "missing": "文件中没有",
            "not_read": "已识别，尚未发布",
        },
        required=True,
    ),
    Field(
        "columns_not_read",
        "未读取的栏目",
        "string",
        "印出但没有对应发布字段的栏目标题，以“；”分隔。",
    ),
    Field("figures_printed", "印出的数字", "integer", "这一部分印出的数字（金额、百分比）个数。"),
    Field(
        "figures_captured",
        "已收录的数字",
        "integer",
        "其中被某个资源（同一行、同一数值）收录的个数。",
    ),
    Field("figures_uncaptured", "未收录的数字", "integer", "其中没有被任何资源收录的个数。"),
    Field("figure_number", "序号", "integer", "未收录数字的顺序（从 1 起）。", required=True),
    Field(
        "table_number",
        "表序",
        "integer",
        "九张表以外的表在文件中的顺序（从 1 起）。",
        required=True,
    ),
    Field("column_number", "栏序", "integer", "单元格所在的栏（从 1 起）。", required=True),
    Field("column_label", "栏目", "string", "印在该栏上方的栏目标题（多行表头以“ / ”连接）。"),
    Field("cell", "单元格", "string", "单元格的文字，按文件印刷。"),
    Field(
        "cell_amount",
        "单元格数值",
        "number",
        "单元格印刷的数字（去掉千分位逗号），单位见 unit；不是数字时为空。",
    ),
    Field("figure", "数字", "string", "按文件印刷的数字（保留分隔符和百分号）。"),
    Field("context", "上下文", "string", "数字所在的文字或表格行（节选）。"),
    Field("note", "表注", "string", "表格下方的注释，按文件印刷。"),
    Field(
        "row_number",
        "序号",
        "integer",
        "表格中印刷的序号；模板不印序号时为行在表中的顺序（从 1 起）。",
        required=True,
    ),
    Field(
        "code",
        "科目编码",
        "string",
        "功能分类或经济分类科目编码，按文件印刷（字符串，保留前导零）；合计行为空。",
    ),
    Field("name", "科目名称", "string", "科目或项目名称，按文件印刷，仅去掉 PDF 换行插入的空格。"),
    Field(
        "level",
        "层级",
        "integer",
        "0 为合计/小计行；科目编码 1=类、2=款、3=项；“三公”表 1=一级项目、2=其中项。",
    ),
    Field(
        "parent_code", "上级科目编码", "string", "上级科目的编码（款的上级为类，项的上级为款）。"
    ),
    Field("measure", "指标", "string", "金额所在的栏目（宽表的列名）。", required=True),
    Field(
        "amount",
        "金额",
        "number",
        "金额，按文件印刷的数值和精度，单位见 unit 列；已有行中的空白单元格记为 0。",
    ),
    Field(
        "amount_wan_yuan",
        "金额（万元）",
        "number",
        "金额换算为万元的精确值（元 ÷ 10000，不四舍五入：21,601,733.00 元 = 2160.1733 万元），"
        "可在各文件之间比较；以万元印刷的金额按原样。",
        unit=WAN_YUAN,
    ),
    Field(
        "source_line",
        "源文件行号",
        "integer",
        "该行在源文件文本中开始的行号（从 1 起）。PDF、DOCX 原件为从中提取的文本的行号："
        "一段文字或一行表格一行，换页处一行（`budget-portal check --text` 列出）。",
    ),
    Field("source_page", "源文件页码", "integer", "PDF 原件中的页码（从 1 起）；其他格式为空。"),
    Field(
        "source_ref",
        "源文件位置",
        "string",
        "DOCX 原件中的位置：paragraph N（正文第 N 段）或 table T row R（第 T 个表格第 R 行）；其他格式为空。",
    ),
    Field(
        "source_pages", "源文件页码（全部）", "string", "所涉各行在 PDF 原件中的页码，以逗号分隔。"
    ),
    Field(
        "source_lines",
        "源文件行号（全部）",
        "string",
        "构成该行的所有源文件行号（跨页拆分的行有多个），以逗号分隔。",
    ),
    Field("income_name", "收入项目", "string", "收入方项目名称，按文件印刷。"),
    Field("expenditure_name", "支出项目", "string", "支出方项目名称，按文件印刷。"),
    Field(
        "expenditure_code",
        "支出功能分类类编码",
        "string",
        "支出项目名称对应的功能分类“类”级编码（如 208 社会保障和就业支出）。",
    ),
    Field(
        "classification",
        "分类",
        "string",
        "functional（支出功能分类）或 economic（部门支出经济分类）。",
        enum=("functional", "economic"),
        labels={"functional": "功能分类", "economic": "经济分类"},
        required=True,
    ),
    Field("names", "其他名称", "string", "同一编码在文件中出现过的其他名称，以“；”分隔。"),
    Field("message", "说明", "string", "问题说明。"),
    Field("from_year", "起始年度", "integer", "名称开始使用的预算年度；为空表示没有已知的起点。"),
    Field("to_year", "终止年度", "integer", "名称最后使用的预算年度；为空表示仍在使用。"),
    Field("source", "来源", "string", "名称及其更名的来源。"),
    Field("entry_number", "条目序号", "integer", "目录条目的顺序（从 1 起）。", required=True),
    Field("entry", "条目", "string", "目录条目，按文件印刷（去掉点线和页码）。"),
    Field("printed_page", "印刷页码", "integer", "目录中印刷的页码；未印刷为空。"),
    Field(
        "target_kind",
        "指向",
        "string",
        "条目指向九张表之一（table）或情况说明的章节（section）；无法识别为空。",
        enum=("table", "section"),
    ),
    Field(
        "target",
        "指向的表或章节",
        "string",
        "表的代号（同 document_tables.table）或章节代号（同 narrative.section）。",
    ),
    Field("audit_id", "核对编号", "integer", "同一数据集内核对结果的顺序号。", required=True),
    Field(
        "identity",
        "规则组",
        "integer",
        "核对规则所属的组（1–27 为最初的算术恒等式，28 起为完整性、科目名称和文字表述等规则）。"
        "已弃用：请改用 check 和 family，本列将在下一个主要版本移除。",
        required=True,
    ),
    Field(
        "check",
        "核对规则",
        "string",
        "核对规则的代号，见核对规则目录（audit_checks）。",
        required=True,
    ),
    Field(
        "family",
        "规则类别",
        "string",
        "completeness 完整性、arithmetic 表内与表间运算、narrative 叙述与表格、"
        "changes 增减变化、names 科目名称、wording 文字表述。",
        enum=("completeness", "arithmetic", "narrative", "changes", "names", "wording"),
        labels={
            "completeness": "完整性",
            "arithmetic": "表内与表间运算",
            "narrative": "叙述与表格",
            "changes": "增减变化",
            "names": "科目名称",
            "wording": "文字表述",
        },
        required=True,
    ),
    Field("family_title", "类别名称", "string", "规则类别的中文名称。"),
    Field(
        "severity",
        "严重程度",
        "string",
        "error（数字相互矛盾或必备内容缺失）或 warning（名称、文字和格式问题）。",
        enum=("error", "warning"),
        labels={"error": "错误", "warning": "提醒"},
        required=True,
    ),
    Field("check_title", "规则名称", "string", "核对规则的中文名称。"),
    Field("formula", "公式", "string", "规则核对的关系，用文字写出。"),
    Field("templates", "适用模板", "string", "规则适用的模板（documents.template），以逗号分隔。"),
    Field(
        "description",
        "说明",
        "string",
        "说明文字：核对项的中文说明，或绩效指标描述（按文件印刷）。",
    ),
    Field("left_label", "左边", "string", "左边读取的内容。"),
    Field("left_value", "左边数值", "number", "左边的数值，单位见 left_unit；文字核对为空。"),
    Field(
        "left_unit",
        "左边单位",
        "string",
        "左边数值的单位：万元（表中以元印刷的金额已精确换算）、%、辆；文字核对为空。",
    ),
    Field("right_label", "右边", "string", "右边读取的内容。"),
    Field("right_value", "右边数值", "number", "右边的数值，单位见 right_unit；文字核对为空。"),
    Field("right_unit", "右边单位", "string", "右边数值的单位，同 left_unit。"),
    Field("difference", "差额", "number", "左边数值减右边数值，单位同两边。"),
    Field(
        "left_text",
        "左边原文",
        "string",
        "未通过时，左边所在行的原文（表格行的各单元格以 | 分隔；叙述为所在句子），过长截断。",
    ),
    Field("right_text", "右边原文", "string", "未通过时，右边所在行的原文，同 left_text。"),
    Field("left_lines", "左边行号", "string", "左边读取自的源文件行号，以逗号分隔。"),
    Field("right_lines", "右边行号", "string", "右边读取自的源文件行号，以逗号分隔。"),
    Field("left_pages", "左边页码", "string", "左边所在的 PDF 原件页码，以逗号分隔；非 PDF 为空。"),
    Field(
        "right_pages", "右边页码", "string", "右边所在的 PDF 原件页码，以逗号分隔；非 PDF 为空。"
    ),
    Field(
        "status",
        "结果",
        "string",
        "pass（通过）；fail（未通过：一项关于源文件的发现）；rounding（相差在印刷小数位的四舍五入误差之内，"
        "即尾差，不算不符）；not_checked（未核对：所需的行或栏目没有读到，不等于通过）。",
        enum=("pass", "fail", "rounding", "not_checked"),
        labels={"pass": "通过", "fail": "未通过", "rounding": "尾差", "not_checked": "未核对"},
        required=True,
    ),
    Field(
        "paragraph_number",
        "段落序号",
        "integer",
        "段落在文件情况说明中的顺序（从 1 起）。",
        required=True,
    ),
    Field(
        "section",
        "章节",
        "string",
        "情况说明的一级章节：duties 部门职责（及机构设置）、institutions 机构设置、overview 总体情况（预算编制说明）、operating_costs 机关运行经费、three_public “三公”经费、performance 预算绩效、special_funds 专项资金、projects 项目预算及绩效目标、procurement 政府采购、assets 国有资产、glossary 名词解释、other 其他事项。",
        enum=(
            "duties",
            "institutions",
            "overview",
            "operating_costs",
            "three_public",
            "performance",
            "special_funds",
            "projects",
            "procurement",
            "assets",
            "glossary",
            "other",
        ),
        required=True,
        labels={
            "duties": "部门职责",
            "institutions": "机构设置",
            "overview": "总体情况",
            "operating_costs": "机关运行经费",
            "three_public": "“三公”经费",
            "performance": "预算绩效",
            "special_funds": "专项资金",
            "projects": "项目",
            "procurement": "政府采购",
            "assets": "国有资产",
            "glossary": "名词解释",
            "other": "其他事项",
        },
    ),
    Field("section_title", "章节标题", "string", "章节标题，按文件印刷（不含序号）。"),
    Field("heading", "小标题", "string", "段落所属的小标题（如“（一）收入说明”），按文件印刷。"),
    Field("text", "正文", "string", "段落文字；跨页断开的句子已接上，PDF 换行插入的空格已去掉。"),
    Field("term_number", "序号", "integer", "名词解释的序号，按文件印刷。", required=True),
    Field("term", "名词", "string", "名词，已去掉 Markdown 残留（**、- ）。"),
    Field("definition", "解释", "string", "名词的解释，按文件印刷。"),
    Field("unit_name", "单位名称", "string", "部门所属单位（或内设机构）的名称，按文件印刷。"),
    Field(
        "organization_type",
        "机构类型",
        "string",
        "unit 预算单位（机构设置表或情况说明列出的单位），division 内设机构。",
        enum=("unit", "division"),
        labels={"unit": "预算单位", "division": "内设机构"},
    ),
    Field("parent_unit_name", "所属单位", "string", "内设机构所属的单位，按文件印刷。"),
    Field("remark", "备注", "string", "文件对该单位的说明（如“不单列预算”），按文件印刷。"),
    Field("unit_nature", "单位性质", "string", "行政、事业等，按文件印刷。"),
    Field("unit_rank", "单位规格", "string", "单位规格（级别），按文件印刷。"),
    Field("funding_form", "经费保障形式", "string", "经费保障形式，按文件印刷。"),
    Field("item", "项目", "string", "固定资产项目，按文件印刷。"),
    Field(
        "asset_item",
        "资产类别",
        "string",
        "total 资产总额、buildings 房屋、office_buildings 其中办公用房、vehicles 车辆、"
        "vehicle_category 其中某类用车、equipment 大型设备、other 其他固定资产。",
        enum=(
            "total",
            "buildings",
            "office_buildings",
            "vehicles",
            "vehicle_category",
            "equipment",
            "other",
            "",
        ),
        labels={
            "total": "资产总额",
            "buildings": "房屋",
            "office_buildings": "其中：办公用房",
            "vehicles": "车辆",
            "vehicle_category": "其中：某类用车",
            "equipment": "大型设备",
            "other": "其他固定资产",
        },
    ),
    Field(
        "quantity",
        "数量",
        "number",
        "数量，单位见 quantity_unit；“—”（不适用）为空，已有行中的空白记为 0。",
    ),
    Field(
        "quantity_unit",
        "数量单位",
        "string",
        "数量的单位，取自项目名称中的括号（平方米、台、辆）。",
    ),
    Field("value", "价值", "number", "价值，单位万元；已有行中的空白记为 0。", unit=WAN_YUAN),
    Field(
        "equipment_threshold",
        "设备单价标准",
        "integer",
        "“单价在 N 万元以上的设备”中的 N（20 或 50），单位万元。",
        unit=WAN_YUAN,
    ),
    Field("as_of", "截止时间", "date", "固定资产统计的截止日期。"),
    Field(
        "row_type",
        "行类型",
        "string",
        "item 采购品目；subtotal 单位小计；total 合计。合计与小计不应与品目重复相加。",
        enum=("item", "subtotal", "total"),
        labels={"item": "品目", "subtotal": "小计", "total": "合计"},
        required=True,
    ),
    Field(
        "project_name",
        "项目名称",
        "string",
        "采购所属的预算项目（合计、小计行为其标签），按文件印刷。",
    ),
    Field("item_name", "采购物品名称", "string", "采购物品或服务的名称，按文件印刷。"),
    Field(
        "catalogue_code",
        "政府采购目录序号",
        "string",
        "政府采购品目分类目录编码（如 A02010105），按文件印刷。",
    ),
    Field("measure_unit", "计量单位", "string", "采购数量的计量单位，按文件印刷。"),
    _amount("project_budget", "项目预算资金", "合计、小计行为空。"),
    _amount("unit_price", "单价", "合计、小计行为空。"),
    _amount("unit_funds", "单位资金"),
    _amount("other_sources", "其他来源收入"),
    _amount("appropriation_carryover", "财政拨款结转"),
    _amount("non_appropriation_carryover", "非财政拨款结转结余"),
    _amount("sme_reserved", "预留中小微企业份额"),
    Field(
        "project_id",
        "项目序号",
        "integer",
        "绩效目标表在文件中的顺序（从 1 起），数据集内唯一。",
        required=True,
    ),
    Field("title_number", "表序号", "integer", "绩效目标表标题中印刷的序号。"),
    Field(
        "fund_prefix",
        "资金类别前缀",
        "string",
        "标题中的资金类别前缀（FM、XZ、ZH、ZK、ZX23 等），按文件印刷。",
    ),
    Field("code_prefix", "编码前缀", "string", "标题中方括号内的编码（如 [323]），按文件印刷。"),
    Field(
        "code_hint",
        "标题中的科目编码",
        "string",
        "标题括号中印刷的功能分类科目编码（如 2080799）。",
    ),
    _amount("amount_hint", "标题中的金额", "标题括号中印刷的金额（如“199万”）。"),
    Field("project_code", "项目编码", "string", "预算项目编码，按文件印刷。"),
    Field("project_name", "项目名称（表内）", "string", "表内“项目名称”栏，按文件印刷。"),
    _amount("budget", "预算数", "仅部分模板印刷。"),
    _amount("fiscal_funds", "其中：财政资金"),
    _amount("other_funds", "其他资金"),
    Field("fund_use", "资金用途", "string", "预算规模及资金用途栏的文字，按文件印刷。"),
    _amount("plan_march", "资金支出计划：3月底", "累计金额（文件标为“%”，实为万元）。"),
    _amount("plan_june", "资金支出计划：6月底", "累计金额。"),
    _amount("plan_october", "资金支出计划：10月底", "累计金额。"),
    _amount("plan_december", "资金支出计划：12月底", "累计金额。"),
    Field("goal", "绩效目标", "string", "项目的绩效目标，多段时以换行或空格分隔。"),
    Field("summary", "项目概述", "string", "项目经费情况说明中的项目概述，按文件印刷。"),
    Field("legal_basis", "立项依据", "string", "立项依据，按文件印刷，多段以换行分隔。"),
    Field("implementer", "实施主体", "string", "实施主体，按文件印刷。"),
    Field("implementation_plan", "实施方案", "string", "实施方案，按文件印刷。"),
    Field("implementation_period", "实施周期", "string", "实施周期，按文件印刷。"),
    Field("budget_text", "年度预算安排", "string", "年度预算安排一段的原文。"),
    Field(
        "item_number",
        "分项序号",
        "integer",
        "分项在所属项目（或列表）中的顺序（从 1 起）。",
        required=True,
    ),
    _amount("item_amount", "分项金额", "项目年度预算中写明的一项（如“支持外贸发展370.00万”）。"),
    Field(
        "function_names",
        "功能分类名称（按文件印刷）",
        "string",
        "情况说明写出的“…（类）…（款）…（项）”，按文件印刷。",
    ),
    _amount(
        "stated_amount",
        "写明的金额",
        "情况说明中为该项写明的金额：预算文件为本年预算，决算文件为支出决算数。",
    ),
    Field(
        "completion_percent",
        "完成预算（%）",
        "number",
        "决算文件写明的支出决算占年初预算的百分比（“完成年初预算的 Z%”）。",
        unit="%",
    ),
    Field(
        "previous_label",
        "比较基数口径",
        "string",
        "与之比较的数字的说法（如“2023年当年预算执行数”；决算文件为“年初预算”）。",
    ),
    _amount("previous_amount", "比较基数", "情况说明写明的上年数字；决算文件为该项的年初预算。"),
    _amount(
        "restated_amount",
        "再次写明的本年预算",
        "同一段中再次写明的本年预算安排（应与本年预算一致）。",
    ),
    Field(
        "change_direction",
        "增减",
        "string",
        "写明的增减：增加、减少、持平；未写明为空。",
        enum=("增加", "减少", "持平", ""),
    ),
    Field("change_percent", "增减幅度（%）", "number", "写明的增减百分比，减少为负。", unit="%"),
    Field("purpose", "主要用途", "string", "“主要用于……”的内容，按文件印刷。"),
    Field("reason", "增减原因", "string", "“主要原因是……”的内容，按文件印刷。"),
    Field("indicator_number", "指标序号", "integer", "指标在本项目中的顺序。", required=True),
    Field(
        "level1",
        "一级指标",
        "string",
        "产出指标、效益指标（或效果指标）、满意度指标；合并单元格已向下填充。",
    ),
    Field("level2", "二级指标", "string", "数量指标、质量指标等；合并单元格已向下填充。"),
    Field("level3", "三级指标", "string", "三级指标名称，按文件印刷。"),
    Field("target_value", "指标值", "string", "指标值，按文件印刷（如“≥97 百分比”）。"),
    Field(
        "comparator",
        "比较符",
        "string",
        "指标值中的比较符（≥ ≤ < > =），未印刷为空。",
        enum=("≥", "≤", "<", ">", "=", ">=", "<=", ""),
    ),
    Field("target_number", "指标数值", "number", "指标值中的数字；文字指标值为空。"),
    Field(
        "target_unit", "指标单位", "string", "指标值数字后的单位（%、个、人、万元…），按文件印刷。"
    ),
    Field("basis", "指标值确定依据", "string", "指标值确定依据，按文件印刷。"),
    Field(
        "figure_key",
        "数字代号",
        "string",
        "叙述中数字的稳定代号：章节.含义（如 overview.income_total、three_public.change_total）；未识别的为 章节.item_N。",
        required=True,
    ),
    Field("label", "叙述标签", "string", "数字前面印刷的文字（到上一个标点或上一个数字为止）。"),
    Field(
        "figure_value", "数值", "number", "叙述中的数值；“减少X万元”记为 -X。单位见 figure_unit。"
    ),
    Field(
        "figure_unit",
        "单位",
        "string",
        "万元（文件写“万”的也是万元），增减幅度的 %，或数量的单位（辆、个、台（套））；"
        "“持平”为空（写明没有变化，值为 0）。",
        enum=FIGURE_UNITS,
    ),
    Field("sentence", "原句", "string", "数字所在的句子，按文件印刷。"),
    Field("activity_id", "活动序号", "integer", "职责活动在表中的顺序（从 1 起）。", required=True),
    Field(
        "parent_activity_id", "上级活动序号", "integer", "二级活动所属的一级活动；一级活动为空。"
    ),
    Field("indicator", "绩效指标", "string", "绩效指标，按文件印刷。"),
    Field("grade_excellent", "评价标准：优", "string", "评价标准第一档（优），按文件印刷。"),
    Field("grade_good", "评价标准：良", "string", "评价标准第二档（良），按文件印刷。"),
    Field("grade_fair", "评价标准：中", "string", "评价标准第三档（中），按文件印刷。"),
    Field("grade_poor", "评价标准：差", "string", "评价标准第四档（差），按文件印刷。"),
    _printed("income", "收入预算数"),
    _printed("expenditure", "支出预算数"),
    _printed("total", "合计"),
    _printed("subtotal", "本年收入小计"),
    _printed("fiscal_appropriation", "财政拨款收入"),
    _printed("fiscal_special_account", "财政专户收入"),
    _printed("business", "事业收入"),
    _printed("operating", "经营收入或经营支出"),
    _printed("superior_subsidy", "上级补助收入"),
    _printed("subordinate_remittance", "附属单位上缴收入"),
    _printed("other", "其他收入"),
    _printed("carryover", "上年结转"),
    _printed("basic", "基本支出"),
    _printed("project", "项目支出"),
    _printed("remittance_to_superior", "上解上级支出"),
    _printed("subsidy_to_subordinate", "对附属单位补助支出"),
    _printed("personnel", "人员经费"),
    _printed("public", "公用经费"),
    _printed("opening_balance", "年初结转和结余"),
    _printed("year_income", "本年收入"),
    _printed("closing_balance", "年末结转和结余"),
    _printed("budgeted", "预算数"),
    _printed("initial_budget", "年初预算数"),
    _printed("adjusted_budget", "调整预算数"),
    _printed("general_budget", "一般公共预算财政拨款"),
    _printed("government_fund", "政府性基金预算财政拨款"),
    _printed("state_capital", "国有资本经营预算财政拨款"),
]
FIELDS: dict[str, Field] = {f.name: f for f in _FIELDS}


@dataclass(frozen=True)
class Resource:
    name: str
    title: str
    description: str
    fields: tuple[str, ...]
    primary_key: tuple[str, ...]
    foreign_keys: tuple[dict, ...] = ()
    titles: dict[str, str] = field(default_factory=dict)  # per-resource title overrides
    enums: dict[str, tuple[str, ...]] = field(default_factory=dict)  # per-resource enum overrides

    def schema(self, with_dataset_id: bool = False) -> dict:
        names = self.fields
        key = list(self.primary_key)
        if with_dataset_id and names[0] != "dataset_id":
            names, key = ("dataset_id", *names), ["dataset_id", *key]
        out = {
            "fields": [
                FIELDS[n].descriptor(
                    self.titles.get(n), required=True if n in key else None, enum=self.enums.get(n)
                )
                for n in names
            ],
            "missingValues": [""],
        }
        if key:
            out["primaryKey"] = key
        if self.foreign_keys:
            out["foreignKeys"] = [dict(fk) for fk in self.foreign_keys]
        return out


_CODE_FK = (
    {"fields": ["code"], "reference": {"resource": "classification_codes", "fields": ["code"]}},
)
_CODED = ("row_number", "code", "name", "level", "parent_code")
_SOURCE = ("unit", "source_line", "source_lines")

TABLES: dict[str, Resource] = {
    r.name: r
    for r in (
        Resource(
            "income_expenditure_summary",
            "部门预算收支总表",
            "收入与支出两栏对照；支出项目按功能分类“类”列示。",
            (
                "row_number",
                "income_name",
                "income",
                "expenditure_name",
                "expenditure_code",
                "expenditure",
                "personnel",
                "public",
                "project",
                *_SOURCE,
            ),
            ("row_number",),
            titles={"income": "收入预算数", "expenditure": "支出预算数"},
        ),
        Resource(
            "income",
            "部门预算收入总表",
            "按支出功能分类科目列示的收入。",
            (
                *_CODED,
                "total",
                "subtotal",
                "fiscal_appropriation",
                "fiscal_special_account",
                "business",
                "operating",
                "superior_subsidy",
                "subordinate_remittance",
                "other",
                "carryover",
                *_SOURCE,
            ),
            ("row_number",),
            _CODE_FK,
            titles={"operating": "经营收入"},
        ),
        Resource(
            "expenditure",
            "部门预算支出总表",
            "按支出功能分类科目列示的支出。",
            (
                *_CODED,
                "total",
                "basic",
                "project",
                "operating",
                "remittance_to_superior",
                "subsidy_to_subordinate",
                *_SOURCE,
            ),
            ("row_number",),
            _CODE_FK,
            titles={"operating": "经营支出"},
        ),
        Resource(
            "fiscal_appropriation_summary",
            "部门预算财政拨款收支总表",
            "财政拨款收入与按资金性质列示的财政拨款支出。",
            (
                "row_number",
                "income_name",
                "income",
                "expenditure_name",
                "expenditure_code",
                "total",
                "general_budget",
                "government_fund",
                "state_capital",
                *_SOURCE,
            ),
            ("row_number",),
            titles={"income": "收入金额"},
        ),
        Resource(
            "general_budget_expenditure",
            "部门预算一般公共预算财政拨款支出表",
            "一般公共预算财政拨款支出，按功能分类科目。",
            (*_CODED, "total", "basic", "project", *_SOURCE),
            ("row_number",),
            _CODE_FK,
        ),
        Resource(
            "basic_expenditure",
            "部门预算一般公共预算财政拨款基本支出表",
            "一般公共预算基本支出，按部门支出经济分类科目。",
            (*_CODED, "total", "personnel", "public", *_SOURCE),
            ("row_number",),
            _CODE_FK,
        ),
        Resource(
            "government_fund_expenditure",
            "部门预算政府性基金预算财政拨款支出表",
            "政府性基金预算财政拨款支出，按功能分类科目。",
            (*_CODED, "total", "basic", "project", *_SOURCE),
            ("row_number",),
            _CODE_FK,
        ),
        Resource(
            "state_capital_expenditure",
            "部门预算国有资本经营预算财政拨款支出表",
            "国有资本经营预算财政拨款支出，按功能分类科目。",
            (*_CODED, "total", "basic", "project", *_SOURCE),
            ("row_number",),
            _CODE_FK,
        ),
        Resource(
            "three_public",
            "部门预算财政拨款“三公”经费支出表",
            "因公出国（境）费、公务用车购置及运行维护费、公务接待费（及部分文件列示的会议费、培训费）。",
            (
                "row_number",
                "name",
                "level",
                "total",
                "general_budget",
                "government_fund",
                "state_capital",
                *_SOURCE,
            ),
            ("row_number",),
            titles={"name": "项目"},
        ),
    )
}

# The table set of each document type, by role: a role is what a table is for (收支总表, 支出
# 表…), the same in a 预算 and a 决算, so the reader, the audit and the pages work from roles;
# a 决算's tables are published under the role's name with `final_` before it.
ROLES = tuple(TABLES)
DOCUMENT_TYPES = {"budget": "部门预算", "final_accounts": "部门决算"}
PHASES = {"budget": "approved", "final_accounts": "executed"}
_FINAL_TABLES = (
    Resource(
        "final_income_expenditure_summary",
        "收入支出决算总表",
        "本年收入、使用非财政拨款结余、年初结转和结余与本年支出、结余分配、年末结转和结余两栏对照；"
        "支出按功能分类“类”列示。",
        (
            "row_number",
            "income_name",
            "income",
            "expenditure_name",
            "expenditure_code",
            "expenditure",
            *_SOURCE,
        ),
        ("row_number",),
        titles={"income": "收入决算数", "expenditure": "支出决算数"},
    ),
    Resource(
        "final_income",
        "收入决算表",
        "按支出功能分类科目列示的本年收入。",
        (
            *_CODED,
            "total",
            "fiscal_appropriation",
            "superior_subsidy",
            "business",
            "operating",
            "subordinate_remittance",
            "other",
            *_SOURCE,
        ),
        ("row_number",),
        _CODE_FK,
        titles={"total": "本年收入合计", "operating": "经营收入"},
    ),
    Resource(
        "final_expenditure",
        "支出决算表",
        "按支出功能分类科目列示的本年支出。",
        (
            *_CODED,
            "total",
            "basic",
            "project",
            "remittance_to_superior",
            "operating",
            "subsidy_to_subordinate",
            *_SOURCE,
        ),
        ("row_number",),
        _CODE_FK,
        titles={"total": "本年支出合计", "operating": "经营支出"},
    ),
    Resource(
        "final_fiscal_appropriation_summary",
        "财政拨款收入支出决算总表",
        "财政拨款本年收入、年初结转和结余与按资金性质列示的本年支出、年末结转和结余。",
        (
            "row_number",
            "income_name",
            "income",
            "expenditure_name",
            "expenditure_code",
            "total",
            "general_budget",
            "government_fund",
            "state_capital",
            *_SOURCE,
        ),
        ("row_number",),
        titles={"income": "收入决算数"},
    ),
    Resource(
        "final_general_budget_expenditure",
        "一般公共预算财政拨款支出决算表",
        "一般公共预算财政拨款本年支出，按功能分类科目；部分地区并列印刷年初预算数和调整预算数。",
        (*_CODED, "total", "basic", "project", "initial_budget", "adjusted_budget", *_SOURCE),
        ("row_number",),
        _CODE_FK,
    ),
    Resource(
        "final_basic_expenditure",
        "一般公共预算财政拨款基本支出决算表",
        "一般公共预算财政拨款基本支出，按部门支出经济分类科目；人员经费与公用经费分栏印刷时，"
        "每行的决算数记入 total 及其所在一栏（personnel 或 public），两栏合计各为一行。",
        (*_CODED, "total", "personnel", "public", *_SOURCE),
        ("row_number",),
        _CODE_FK,
    ),
    Resource(
        "final_government_fund_expenditure",
        "政府性基金预算财政拨款收入支出决算表",
        "政府性基金预算财政拨款的年初结转和结余、本年收入、本年支出与年末结转和结余，按功能分类科目。",
        (
            *_CODED,
            "opening_balance",
            "year_income",
            "total",
            "basic",
            "project",
            "closing_balance",
            *_SOURCE,
        ),
        ("row_number",),
        _CODE_FK,
        titles={"total": "本年支出小计"},
    ),
    Resource(
        "final_state_capital_expenditure",
        "国有资本经营预算财政拨款支出决算表",
        "国有资本经营预算财政拨款本年支出（部分文件并列年初结转和结余、本年收入、年末结转和结余），"
        "按功能分类科目。",
        (
            *_CODED,
            "opening_balance",
            "year_income",
            "total",
            "basic",
            "project",
            "closing_balance",
            *_SOURCE,
        ),
        ("row_number",),
        _CODE_FK,
        titles={"total": "本年支出合计"},
    ),
    Resource(
        "final_three_public",
        "财政拨款“三公”经费支出决算表",
        "因公出国（境）费、公务用车购置及运行维护费、公务接待费：决算数（total）与并列印刷的预算数"
        "（budgeted）。",
        ("row_number", "name", "level", "total", "budgeted", *_SOURCE),
        ("row_number",),
        titles={"name": "项目", "total": "决算数"},
    ),
)
_FINAL_BY_ROLE = {
    "income_expenditure_summary": "final_income_expenditure_summary",
    "income": "final_income",
    "expenditure": "final_expenditure",
    "fiscal_appropriation_summary": "final_fiscal_appropriation_summary",
    "general_budget_expenditure": "final_general_budget_expenditure",
    "basic_expenditure": "final_basic_expenditure",
    "government_fund_expenditure": "final_government_fund_expenditure",
    "state_capital_expenditure": "final_state_capital_expenditure",
    "three_public": "final_three_public",
}
TABLE_SETS: dict[str, dict[str, str]] = {
    "budget": {role: role for role in ROLES},
    "final_accounts": _FINAL_BY_ROLE,
}
TABLES.update((r.name, r) for r in _FINAL_TABLES)
ROLE_OF = {key: role for tables in TABLE_SETS.values() for role, key in tables.items()}
DOCUMENT_TYPE_OF = {key: t for t, tables in TABLE_SETS.items() for key in tables.values()}


def table_set(document_type: str) -> dict[str, str]:
    """The tables of a document type, role → published key, in the order of the roles."""
    return TABLE_SETS[document_type]


# The wide tables decide which values `table` and `measure` may take in the long form.
TABLE_KEYS = tuple(TABLES)
MEASURES = tuple(
    dict.fromkeys(f for t in TABLES.values() for f in t.fields if FIELDS[f].type == "number")
)
FIELDS["table"] = replace(FIELDS["table"], enum=TABLE_KEYS)
FIELDS["measure"] = replace(FIELDS["measure"], enum=MEASURES)

_DOC_FK = (
    {"fields": ["dataset_id"], "reference": {"resource": "documents", "fields": ["dataset_id"]}},
)

RESOURCES: dict[str, Resource] = {
    r.name: r
    for r in (
        Resource(
            "documents",
            "文件",
            "每个预算公开文件一行：部门、年度、源文件及其校验值。",
            (
                "dataset_id",
                "jurisdiction",
                "agency",
                "department_code",
                "year",
                "source_file",
                "sha256",
                "layout",
                "encoding",
                "unit",
                "title",
                "publisher",
                "original_format",
                "obtained_from",
                "retrieved",
                "kind",
                "department_id",
                "template",
                "source_format",
                "document_type",
                "phase",
                "added",
                "division_code",
                "province",
                "prefecture",
                "county",
            ),
            ("dataset_id",),
        ),
        Resource(
            "document_tables",
            "表格清单",
            "九张标准表和情况说明中各表在每个文件中的状态：已解析、空表或文件中没有。",
            ("table", "table_title", "table_status", "rows", "note", "unit", "source_line"),
            ("table",),
            titles={"table": "表格或资源"},
            enums={
                "table": (
                    *TABLE_KEYS,
                    "organizations",
                    "projects",
                    "activities",
                    "procurement",
                    "fixed_assets",
                    "glossary",
                    "expenditure_items",
                )
            },
        ),
        Resource(
            "budget_lines",
            "预算明细（长表）",
            "九张标准表中每一行的每一个金额单元格，一行一个数。",
            (
                "dataset_id",
                "jurisdiction",
                "agency",
                "department_code",
                "year",
                "table",
                "row_number",
                "code",
                "name",
                "level",
                "parent_code",
                "measure",
                "phase",
                "amount",
                "unit",
                "amount_wan_yuan",
                "source_line",
            ),
            ("dataset_id", "table", "row_number", "measure"),
            (*_DOC_FK, *_CODE_FK),
        ),
        Resource(
            "classification_codes",
            "科目编码表",
            "文件中出现的支出功能分类和部门支出经济分类科目，含层级和上级科目。",
            ("code", "classification", "name", "level", "parent_code", "names"),
            ("code",),
            ({"fields": ["parent_code"], "reference": {"resource": "", "fields": ["code"]}},),
            titles={"name": "科目名称（最常见）"},
        ),
        Resource(
            "audit",
            "核对结果",
            "文件应满足的每条核对规则的结果：表内与表间的算术、叙述与表格、增减变化、完整性、"
            "科目名称和文字表述。fail 是关于源文件的发现，附两边的数值、单位、原文和出处；数字按印刷发布，不作修改。",
            (
                "dataset_id",
                "audit_id",
                "identity",
                "check",
                "description",
                "table",
                "code",
                "name",
                "left_label",
                "left_value",
                "right_label",
                "right_value",
                "difference",
                "status",
                "source_lines",
                "source_pages",
                "family",
                "severity",
                "left_unit",
                "right_unit",
                "message",
                "left_text",
                "right_text",
                "left_lines",
                "left_pages",
                "right_lines",
                "right_pages",
            ),
            ("dataset_id", "audit_id"),
            (
                *_DOC_FK,
                {
                    "fields": ["check"],
                    "reference": {"resource": "audit_checks", "fields": ["check"]},
                },
            ),
            titles={"table": "核对的表或资源", "message": "发现说明"},
            enums={
                "table": (
                    *TABLE_KEYS,
                    "narrative_figures",
                    "narrative",
                    "projects",
                    "procurement",
                    "fixed_assets",
                    "expenditure_items",
                    "document_tables",
                    "table_of_contents",
                )
            },
        ),
        Resource(
            "classification_names",
            "科目名称沿革",
            "参考数据：每个科目编码在各年度的名称及其来源（核对规则 names.code_name_by_year 据此核对）。"
            "起止年度为空表示没有已知的起点或终点；覆盖本站所收文件中出现的全部编码。",
            ("code", "classification", "name", "from_year", "to_year", "source"),
            ("code", "name"),
            titles={"name": "科目名称"},
        ),
        Resource(
            "audit_checks",
            "核对规则目录",
            "审核所用的每条规则：代号、类别、严重程度、名称、公式和适用的模板。与核对结果（audit）的 check 列对应。",
            (
                "check",
                "family",
                "family_title",
                "severity",
                "check_title",
                "formula",
                "templates",
                "identity",
            ),
            ("check",),
        ),
        Resource(
            "organizations",
            "机构设置",
            "部门所属单位（机构设置表或情况说明列出的单位）及内设机构：名称、性质、规格和经费保障形式。",
            (
                "dataset_id",
                "row_number",
                "unit_name",
                "unit_nature",
                "unit_rank",
                "funding_form",
                "organization_type",
                "parent_unit_name",
                "remark",
                "source_line",
            ),
            ("dataset_id", "row_number"),
            _DOC_FK,
            titles={"row_number": "顺序号"},
        ),
        Resource(
            "fixed_assets",
            "固定资产占用情况",
            "某一日期的固定资产数量和价值（资产表；或情况说明写明的车辆和大型设备）。",
            (
                "dataset_id",
                "row_number",
                "item",
                "asset_item",
                "quantity",
                "quantity_unit",
                "value",
                "equipment_threshold",
                "as_of",
                "source_line",
            ),
            ("dataset_id", "row_number"),
            _DOC_FK,
            titles={"row_number": "顺序号"},
        ),
        Resource(
            "projects",
            "项目",
            "每个项目一行：项目绩效目标表（标题、编码、预算、资金支出计划和绩效目标），"
            "或项目经费情况说明（概述、立项依据、实施主体、实施方案、实施周期、年度预算）。",
            (
                "dataset_id",
                "project_id",
                "title_number",
                "title",
                "fund_prefix",
                "code_prefix",
                "code_hint",
                "amount_hint",
                "project_code",
                "project_name",
                "budget",
                "fiscal_funds",
                "other_funds",
                "fund_use",
                "plan_march",
                "plan_june",
                "plan_october",
                "plan_december",
                "goal",
                "summary",
                "legal_basis",
                "implementer",
                "implementation_plan",
                "implementation_period",
                "budget_text",
                "source_line",
            ),
            ("dataset_id", "project_id"),
            _DOC_FK,
            titles={"title": "标题（绩效目标表或经费情况说明）"},
        ),
        Resource(
            "project_budget_items",
            "项目年度预算分项",
            "项目经费情况说明的年度预算安排中写明的各项金额（单位万元）。",
            ("dataset_id", "project_id", "item_number", "label", "item_amount", "source_line"),
            ("dataset_id", "project_id", "item_number"),
            (
                *_DOC_FK,
                {
                    "fields": ["dataset_id", "project_id"],
                    "reference": {"resource": "projects", "fields": ["dataset_id", "project_id"]},
                },
            ),
            titles={"label": "分项"},
        ),
        Resource(
            "expenditure_items",
            "财政拨款支出主要内容",
            "情况说明逐项写明的一般公共预算（财政拨款）支出：功能分类（所印编码，或由所写名称在本文件表格中"
            "找到编码）、金额、上年数、增减和原因（单位万元）。序号按文件印刷，几组列表时可以重复，"
            "每项以出处行区分。",
            (
                "dataset_id",
                "item_number",
                "code",
                "name",
                "function_names",
                "stated_amount",
                "previous_label",
                "previous_amount",
                "restated_amount",
                "change_direction",
                "change_percent",
                "purpose",
                "reason",
                "source_line",
                "completion_percent",
            ),
            ("dataset_id", "source_line"),
            (*_DOC_FK, *_CODE_FK),
            titles={"name": "科目名称（项）"},
        ),
        Resource(
            "performance_indicators",
            "项目绩效指标",
            "项目绩效目标表中的每个指标一行。",
            (
                "dataset_id",
                "project_id",
                "indicator_number",
                "level1",
                "level2",
                "level3",
                "description",
                "target_value",
                "comparator",
                "target_number",
                "target_unit",
                "basis",
                "source_line",
            ),
            ("dataset_id", "project_id", "indicator_number"),
            (
                *_DOC_FK,
                {
                    "fields": ["dataset_id", "project_id"],
                    "reference": {"resource": "projects", "fields": ["dataset_id", "project_id"]},
                },
            ),
            titles={"description": "绩效指标描述"},
        ),
        Resource(
            "activities",
            "部门职责-工作活动绩效目标",
            "2018 年模板的职责活动：一级、二级活动，年度预算数、内容描述和绩效目标。",
            (
                "dataset_id",
                "activity_id",
                "parent_activity_id",
                "level",
                "name",
                "budget",
                "description",
                "goal",
                "source_line",
            ),
            ("dataset_id", "activity_id"),
            _DOC_FK,
            titles={
                "name": "职责活动",
                "budget": "年度预算数",
                "level": "活动层级",
                "description": "内容描述",
            },
        ),
        Resource(
            "activity_indicators",
            "职责活动绩效指标",
            "每个职责活动的绩效指标及四档评价标准。",
            (
                "dataset_id",
                "activity_id",
                "indicator_number",
                "indicator",
                "grade_excellent",
                "grade_good",
                "grade_fair",
                "grade_poor",
                "source_line",
            ),
            ("dataset_id", "activity_id", "indicator_number"),
            (
                *_DOC_FK,
                {
                    "fields": ["dataset_id", "activity_id"],
                    "reference": {
                        "resource": "activities",
                        "fields": ["dataset_id", "activity_id"],
                    },
                },
            ),
        ),
        Resource(
            "procurement",
            "政府采购预算",
            "每个采购品目一行；合计、单位小计行以 row_type 标明。模板未印的栏目为空。",
            (
                "dataset_id",
                "row_number",
                "row_type",
                "unit_name",
                "project_name",
                "project_budget",
                "item_name",
                "catalogue_code",
                "measure_unit",
                "quantity",
                "unit_price",
                "total",
                "general_budget",
                "government_fund",
                "state_capital",
                "fiscal_special_account",
                "unit_funds",
                "other_sources",
                "appropriation_carryover",
                "non_appropriation_carryover",
                "sme_reserved",
                "source_line",
            ),
            ("dataset_id", "row_number"),
            _DOC_FK,
            titles={
                "row_number": "顺序号",
                "total": "政府采购金额合计",
                "fiscal_special_account": "财政专户核拨",
                "general_budget": "一般公共预算拨款",
                "government_fund": "基金预算拨款",
                "state_capital": "国有资本经营预算拨款",
                "unit_name": "所属单位",
            },
        ),
        Resource(
            "narrative_figures",
            "叙述中的数字",
            "情况说明中陈述的金额和增减（与表格分开保存，并与表格核对）。",
            (
                "dataset_id",
                "figure_key",
                "section",
                "label",
                "figure_value",
                "figure_unit",
                "sentence",
                "source_line",
            ),
            ("dataset_id", "figure_key"),
            _DOC_FK,
        ),
        Resource(
            "table_of_contents",
            "目录",
            "文件印刷的目录：每个条目、印刷的页码，以及它指向的表或章节（按模板识别；分组标题等无法识别的条目为空）。",
            (
                "dataset_id",
                "entry_number",
                "entry",
                "printed_page",
                "target_kind",
                "target",
                "source_line",
            ),
            ("dataset_id", "entry_number"),
            _DOC_FK,
        ),
        Resource(
            "glossary",
            "名词解释",
            "文件末尾的名词解释。",
            ("dataset_id", "term_number", "term", "definition", "source_line"),
            ("dataset_id", "term_number"),
            _DOC_FK,
        ),
        Resource(
            "narrative",
            "情况说明正文",
            "情况说明的文字，按章节和小标题分段。",
            (
                "dataset_id",
                "paragraph_number",
                "section",
                "section_title",
                "heading",
                "text",
                "source_line",
                "source_lines",
            ),
            ("dataset_id", "paragraph_number"),
            _DOC_FK,
        ),
        Resource(
            "warnings",
            "读取警告",
            "读取文件时没有十足把握的地方，附源文件行号。",
            ("dataset_id", "source_line", "message"),
            (),
            _DOC_FK,
        ),
        Resource(
            "execution",
            "预算执行",
            "每份决算中每个科目（一般公共预算财政拨款支出，按功能分类）和每项“三公”经费的预算数与决算数："
            "预算数取自同一部门同一年度的预算文件（本站收有时），否则取决算自己写明的预算数"
            "（“年初预算为…”、三公表的预算数列），并注明出处。单位万元。",
            (
                "dataset_id",
                "department_id",
                "year",
                "subject",
                "code",
                "name",
                "approved",
                "executed",
                "difference",
                "execution_rate",
                "budget_source",
                "budget_dataset_id",
                "budget_line",
                "executed_line",
            ),
            ("dataset_id", "subject", "code"),
            _DOC_FK,
            titles={"code": "科目编码或项目", "name": "名称"},
        ),
        Resource(
            "reading_report",
            "读取报告",
            "文件的每一部分（九张表、九张表以外的表、情况说明各章节、封面与目录）是否识别和读取、读了多少行、"
            "哪些印出的栏目没有对应的发布字段，以及其中印出的数字有多少被某个资源收录。",
            (
                "dataset_id",
                "part_number",
                "part_kind",
                "part",
                "part_title",
                "part_status",
                "rows",
                "columns_not_read",
                "figures_printed",
                "figures_captured",
                "figures_uncaptured",
                "source_line",
            ),
            ("dataset_id", "part_number"),
            _DOC_FK,
        ),
        Resource(
            "other_tables",
            "九张表以外的表",
            "文件在九张标准表以外印刷的表（项目支出表、政府采购表、绩效目标表……），每个有文字的单元格一行："
            "表题、行、栏及其栏目标题、文字和数值。这些表尚无专门的结构，按印刷的样子原样收录。",
            (
                "dataset_id",
                "table_number",
                "table_title",
                "row_number",
                "column_number",
                "column_label",
                "cell",
                "cell_amount",
                "unit",
                "source_line",
            ),
            ("dataset_id", "table_number", "row_number", "column_number"),
            _DOC_FK,
        ),
        Resource(
            "uncaptured_figures",
            "未收录的数字",
            "文件中印出、但没有被任何资源收录的每一个数字（金额、百分比），附出处和上下文：读取报告的明细。",
            (
                "dataset_id",
                "figure_number",
                "part_kind",
                "part",
                "figure",
                "context",
                "source_line",
            ),
            ("dataset_id", "figure_number"),
            _DOC_FK,
        ),
    )
}


def _located(resource: Resource) -> Resource:
    """Every resource whose rows say where they were read gives the PDF page and the DOCX
    position too, right after the line (or lines)."""
    names = resource.fields
    if "source_line" not in names or "source_page" in names:
        return resource
    at = max(names.index(n) for n in ("source_line", "source_lines") if n in names) + 1
    return replace(resource, fields=(*names[:at], "source_page", "source_ref", *names[at:]))


TABLES = {name: _located(r) for name, r in TABLES.items()}
RESOURCES = {name: _located(r) for name, r in RESOURCES.items()}
