"""Heuristics for the fact and quote extractors, kept as data.

Everything here is written in simplified Chinese; the extractors fold traditional input to
simplified (character for character, so offsets are preserved) before matching.
"""

from __future__ import annotations

# --- numerals ---------------------------------------------------------------------------

#: Chinese digit characters and their values.
CN_DIGITS: dict[str, int] = {
    "零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
    "六": 6, "七": 7, "八": 8, "九": 9,
}
#: Small place-value characters (below 万).
CN_SMALL_UNITS: dict[str, int] = {"十": 10, "百": 100, "千": 1000}
#: Large multipliers, applied to everything before them.
MULTIPLIERS: dict[str, float] = {
    "十": 10, "百": 100, "千": 1e3, "万": 1e4, "亿": 1e8, "万亿": 1e12, "兆": 1e12,
    "十万": 1e5, "百万": 1e6, "千万": 1e7, "十亿": 1e9, "百亿": 1e10, "千亿": 1e11,
}
#: English scale words ("$1.2 billion").
EN_MULTIPLIERS: dict[str, float] = {
    "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
    "k": 1e3, "m": 1e6, "bn": 1e9,
}

# --- units ------------------------------------------------------------------------------

#: Unit as written (simplified) -> normalised unit.  Longest match wins, so compound units
#: (人次, 平方米, 个百分点) must be listed as such.
UNITS: dict[str, str] = {
    # currencies
    "元人民币": "元", "元": "元", "块钱": "元", "人民币": "元",
    "美元": "美元", "美金": "美元", "欧元": "欧元", "港元": "港元", "港币": "港元",
    "日元": "日元", "英镑": "英镑", "韩元": "韩元", "卢布": "卢布", "澳元": "澳元",
    "加元": "加元", "新台币": "新台币", "台币": "新台币", "瑞郎": "瑞郎", "法郎": "法郎",
    # percentages
    "个百分点": "个百分点", "百分点": "个百分点", "个基点": "个基点", "基点": "个基点",
    # people (名, 位, 个人, 口人 are all 人)
    "人次": "人次", "万人次": "人次", "个人": "人", "口人": "人", "人": "人", "名": "人",
    "位": "人", "户": "户",
    # counts
    "家": "家", "个": "个", "项": "项", "列": "列", "车": "车", "辆": "辆", "款": "款",
    "台": "台", "部": "部", "架": "架", "艘": "艘", "座": "座", "所": "所", "条": "条",
    "次": "次", "场": "场", "件": "件", "份": "份", "张": "张", "篇": "篇", "本": "本",
    "首": "首", "块": "块", "种": "种", "类": "类", "间": "间", "层": "层", "幢": "幢",
    "栋": "栋", "套": "套", "颗": "颗", "根": "根", "支": "支", "批": "批", "笔": "笔",
    "宗": "宗", "起": "起", "单": "单", "只": "只", "头": "头", "株": "株", "棵": "棵",
    "期": "期", "记": "记", "幅": "幅", "盒": "盒", "瓶": "瓶", "包": "包", "箱": "箱",
    "袋": "袋", "处": "处", "片": "片", "趟": "趟", "班": "班", "轮": "轮", "届": "届",
    "枚": "枚", "辆次": "辆次", "架次": "架次", "门": "门", "口": "口", "所学校": "所",
    "倍": "倍", "级": "级", "点": "点", "大类": "类",
    # measures
    "标箱": "标箱", "TEU": "标箱", "吨": "吨", "总吨": "总吨", "千克": "千克", "公斤": "公斤",
    "克": "克", "斤": "斤", "千瓦时": "千瓦时", "度电": "千瓦时", "千瓦": "千瓦",
    "兆瓦": "兆瓦", "瓦": "瓦", "平方米": "平方米", "平米": "平方米", "平方公里": "平方公里",
    "平方千米": "平方公里", "平方厘米": "平方厘米", "平方英尺": "平方英尺", "公顷": "公顷",
    "亩": "亩", "立方米": "立方米", "方": "立方米", "升": "升", "毫升": "毫升",
    "公里/小时": "公里/小时", "公里": "公里", "千米": "公里", "米": "米", "厘米": "厘米",
    "毫米": "毫米", "纳米": "纳米", "微米": "微米", "公分": "公分", "英寸": "英寸",
    "英里": "英里", "海里": "海里", "像素": "像素", "℃": "℃", "摄氏度": "℃", "度": "度",
    "元/平方米": "元/平方米", "元/吨": "元/吨", "元/小时": "元/小时",
    # symbols, kept as written
    "GB": "GB", "TB": "TB", "MB": "MB", "KB": "KB", "mAh": "mAh", "W": "W", "kW": "kW",
    "kWh": "kWh", "Hz": "Hz", "GHz": "GHz", "MHz": "MHz", "Gbps": "Gbps", "Mbps": "Mbps",
    "IPS/W": "IPS/W", "IPS": "IPS", "TOPS": "TOPS", "km": "km", "kg": "kg", "nm": "nm",
    "mm": "mm", "cm": "cm", "fps": "fps", "%": "%", "‰": "‰",
}
#: Units that are written without a space only; symbol units may follow a space ("78563 IPS").
SYMBOL_UNITS: frozenset[str] = frozenset(
    u for u in UNITS if u.isascii() and u not in ("%",)
)
#: Characters after a unit that show it was not a measure word but part of a longer word
#: (个月, 个小时, 名单, 位置, 次日, 家庭 ...): unit -> forbidden next characters.
UNIT_BLOCKERS: dict[str, str] = {
    "个": "月小工交多", "名": "单字称次义额列", "位": "置于数列", "次": "日年月要序数",
    "家": "庭人长属乡中里", "人": "民工类们员士心性气生", "台": "湾风阶上下", "部": "分门长署委",
    "条": "件例款约", "起": "来步点诉见始飞", "期": "间待望限货", "点": "击钟评头", "方": "面式案向法",
    "度": "过假", "间": "隔", "头": "条部", "门": "槛户", "口": "号岸径罩", "块": "钱",
    "张": "开", "本": "身地土科质", "首": "先次都席", "班": "子级长", "轮": "胎船", "处": "理于长",
    "层": "面次级", "级": "别", "片": "区刻", "场": "景所合面地", "单": "位独元", "支": "持付出撑队",
    "架": "构", "只": "是有要能", "包": "括含", "届": "时", "种": "植子", "类": "似型",
    "所": "有以在谓得属", "项": "目", "车": "辆厢站", "列": "车入为举",
}
#: Unit characters that are never a measure word after a bare single digit 一 (一起, 一度 ...):
#: "one" with these is an adverb, not a count.
ONE_AMBIGUOUS: frozenset[str] = frozenset("起度点些直样边方道头口片只部种次项家个位批")

# --- approximations --------------------------------------------------------------------

#: Words before a number, longest first.  Value is the approx sign.
APPROX_BEFORE: dict[str, str] = {
    "超过": ">", "逾": ">", "超": ">", "突破": ">", "至少": ">", "起码": ">", "多达": ">",
    "破": ">", "过": ">", "上": ">",
    "不到": "<", "不足": "<", "低于": "<", "不及": "<", "跌破": "<", "不会超过": "<",
    "不超过": "<", "少于": "<", "未满": "<",
    "近": "~", "约": "~", "约合": "~", "大约": "~", "接近": "~", "近乎": "~", "将近": "~",
    "大概": "~", "约为": "~",
}
#: Words right after the number or the multiplier (2000余家, 20多万, 十来个).
APPROX_INNER: dict[str, str] = {"余": ">", "多": ">", "来": "~", "几": ">"}
#: Words after the unit.
APPROX_AFTER: dict[str, str] = {
    "以上": ">", "多": ">", "有余": ">", "左右": "~", "上下": "~", "以下": "<", "以内": "<",
    "之内": "<",
}
#: Words after a number that make it a vague amount, never a fact (数百人, 上万人).
VAGUE_BEFORE: tuple[str, ...] = ("数", "几", "成千", "上")

# --- not facts -------------------------------------------------------------------------

#: Idioms that contain numerals and measure words.
IDIOMS: tuple[str, ...] = (
    "一亩三分地", "一盘棋", "三心二意", "一石二鸟", "一举两得", "九牛一毛", "一臂之力",
    "一席之地", "一步一个脚印", "一针一线", "一砖一瓦", "一草一木", "一点一滴", "一五一十",
    "千方百计", "千家万户", "万无一失", "一口气", "一把手", "一条龙", "一揽子", "一站式",
    "一系列", "一大批", "一部分", "一方面", "两方面", "一块儿", "一带一路", "两会", "三农",
    "一次性", "一线", "一些", "一下", "一点", "一起", "一样", "一直", "一批批", "一个个",
    "四面八方", "七上八下", "五花八门", "一模一样", "独一无二", "十全十美", "百分之百",
    "一体化", "一流", "一半", "万一", "一二", "两岸", "一带", "第一", "唯一", "两手",
)
#: A number right after one of these is an ordinal or a rank.
ORDINAL_BEFORE: tuple[str, ...] = ("第", "前", "排名", "top", "Top", "TOP", "No.", "NO.", "#")
#: Characters right after the number or multiplier that make it a date, time, duration or
#: age (unit lists never contain these, but they stop a range or a list being stitched).
TIME_AFTER: str = "年月日号时秒岁周天"

# --- periods ---------------------------------------------------------------------------

#: Words that put a figure on a cumulative total up to publication (open cut-off).
CUMULATIVE_WORDS: tuple[str, ...] = ("截至目前", "截止目前", "目前", "累计", "迄今", "至今", "已经", "已")
#: Relative year words -> offset from the publication year.
REL_YEARS: dict[str, int] = {"今年": 0, "本年": 0, "去年": -1, "上年": -1, "前年": -2, "明年": 1, "后年": 2}
#: Half-year and quarter words.
HALVES: dict[str, str] = {"上半年": "H1", "下半年": "H2"}
QUARTERS: dict[str, int] = {
    "一季度": 1, "第一季度": 1, "二季度": 2, "第二季度": 2, "三季度": 3, "第三季度": 3,
    "四季度": 4, "第四季度": 4, "首季": 1,
}
#: "前N季度" -> month range.
CUM_QUARTERS: dict[str, int] = {"前三季度": 9, "前两季度": 6, "前二季度": 6}

# --- quotes ----------------------------------------------------------------------------

#: Speech verbs, longest first matters only for display; matching takes the whole list.
SPEECH_VERBS: tuple[str, ...] = (
    "表示", "说道", "说", "称", "指出", "介绍", "认为", "强调", "透露", "坦言", "回忆", "直言",
    "告诉", "解释", "补充", "感慨", "回答", "提到", "谈到", "指出", "说明", "叮嘱", "写道",
    "表态", "呼吁", "坦承", "感叹", "笑称", "回应", "分析", "建议", "提醒", "问道", "答道",
    "讲", "道", "还记得", "记得", "承认", "宣布", "声称",
)
#: Role titles, matched at the end of the text before a name (longest first).
ROLE_TITLES: tuple[str, ...] = (
    "党工委书记", "党委书记", "书记", "副书记", "董事长", "副董事长", "总经理", "副总经理",
    "总裁", "副总裁", "高级副总裁", "首席执行官", "首席技术官", "首席财务官", "首席经济学家",
    "创始人", "联合创始人", "合伙人", "主席", "副主席", "轮值主席", "局长", "副局长", "处长",
    "副处长", "科长", "主任", "副主任", "区长", "副区长", "市长", "副市长", "省长", "副省长",
    "县长", "副县长", "镇长", "村长", "部长", "副部长", "厅长", "副厅长", "司长", "院长",
    "副院长", "校长", "副校长", "所长", "副所长", "站长", "队长", "总监", "经理", "副经理",
    "教授", "副教授", "研究员", "副研究员", "院士", "主任医师", "副主任医师", "医生", "医师",
    "老师", "教师", "律师", "会长", "副会长", "秘书长", "理事长", "总工程师", "工程师",
    "分析师", "首席分析师", "负责人", "发言人", "新闻发言人", "专家", "学者", "记者",
    "总领事", "副总领事", "大使", "外相", "外长", "总理", "总统", "主管", "警官", "民警",
    "博士", "研究生", "学生", "作曲家", "艺人", "董事", "行长", "副行长", "总编辑", "主编",
    "团长", "总干事", "组长", "执行董事", "首席", "CEO", "CTO", "业务指导",
)
#: Suffixes that end an organisation or place name (used to split org from role).
ORG_SUFFIXES: tuple[str, ...] = (
    "公司", "集团", "局", "委员会", "委", "厅", "部", "处", "中心", "院", "所", "大学", "学院",
    "学校", "中学", "小学", "医院", "银行", "协会", "学会", "商会", "基金会", "研究会", "联合会",
    "办", "办公室", "区", "市", "县", "省", "镇", "村", "街道", "站", "队", "馆", "社", "会",
    "科技", "实验室", "政府", "法院", "检察院", "公安局", "分局", "大队", "支队", "总领馆",
    "领馆", "使馆", "党", "所", "厂", "行", "台", "报",
)
#: Common Chinese surnames (single and compound), for telling a name from its title.
SURNAMES_COMPOUND: tuple[str, ...] = (
    "欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "令狐", "夏侯",
    "长孙", "宇文", "司徒", "端木", "独孤", "南宫", "西门",
)
SURNAMES: str = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程"
    "苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝"
    "龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左"
    "柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶"
    "解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟"
    "邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班"
    "储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阚花权强帅屠豆朴盖练廉禹井祖漆巴丰支卿国"
    "狄平计索宣晋相初门云容敬来扈晁芮都普阙浦戈伏鹿薄邸雍辜羊阿乌母裘亓修邰赫杭况那宿鲜印逯隆茹"
    "诸战慕危玉银亢嵇公哈湛宾戎勾茅利於呼居揭干但尉冶斯元束檀衣信展阴昝智幸奉植衡富尧闭由"
)
#: Words that, written before a name, address the person (小王, 老张) or a kinship form.
NAME_PREFIXES: str = "小老阿"
#: Honorific suffixes that make a surname alone a name (冯警官, 李女士, 陈校长).
NAME_HONORIFICS: tuple[str, ...] = (
    "女士", "先生", "小姐", "警官", "老师", "校长", "医生", "教授", "总", "师傅", "大爷", "阿姨",
    "书记", "主任", "局长", "院长", "经理", "老",
)
#: Pronouns that refer back to the last named speaker.
PRONOUNS: tuple[str, ...] = ("他", "她", "其")
#: Minimum length (characters) of quoted words to count as speech when the speaker is only
#: inferred from context (shorter quoted strings are titles, names or scare quotes).
MIN_CONTEXT_QUOTE_CHARS: int = 12
#: How far back (characters) a quote with no attribution next to it may look for the last
#: named speaker; beyond this the quote is left unattributed.
SPEAKER_CARRY_WINDOW: int = 600
