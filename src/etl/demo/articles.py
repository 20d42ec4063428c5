"""The demo site's articles, written by hand for this project.

The portal (渤海经济网 / 渤海經濟網 / Bohai Economic Review), the people and the figures
are fictional. Articles span ISO weeks 2024-W41..W43 and carry the pathologies the
pipeline must cope with; each one lists them in ``pathologies``:

- ``gbk-no-charset``: bytes are GBK and neither header nor page names a charset;
- ``big5``: traditional text served as Big5 with ``charset=big5`` in the header;
- ``pinyin``: readings glued after traditional characters, e.g. ``推動(dòng)``,
  next to real parentheses ``(AI)`` and ``（天津）`` that must survive repair;
- ``formula-title``: a headline starting with ``=`` (spreadsheet formula injection);
- ``plain-text``: a ``text/plain`` article;
- ``traditional``, ``english``, ``xinhua``: language / agency variety.
"""

from __future__ import annotations

from etl.demo.model import DemoArticle, KeyFact, Photo, at

Q1_Q3 = "2024-01..2024-09"
JAN_AUG = "2024-01..2024-08"

ARTICLES: tuple[DemoArticle, ...] = (
    # ---------------------------------------------------------------- 2024-W41
    DemoArticle(
        slug="golden-week-tourism",
        published=at(8, 10, 15, 32),
        date_style="seconds",
        title="国庆假期天津接待游客1905.6万人次 旅游收入同比增长7.4%",
        byline="记者 马骏 苏雅婷",
        authors=("马骏", "苏雅婷"),
        source="渤海经济网",
        section="消费",
        paragraphs=(
            "本网讯 记者从天津市文化和旅游局获悉，国庆假期7天，全市共接待游客1905.6万人次，"
            "同比增长5.8%；实现旅游收入198.3亿元，同比增长7.4%。",
            "假期期间，五大道、意式风情区、古文化街等重点景区累计接待游客316万人次。"
            "海河游船推出夜游线路，7天运送游客12.8万人次，上座率超过九成。",
            "消费市场热度不减。据天津市商务局监测，假期全市重点商圈客流量达1260万人次，"
            "同比增长6.2%；重点监测的120家零售企业实现销售额23.5亿元，同比增长4.1%。",
            "“今年国庆假期，外地游客占比达到56%，比去年提高3个百分点，‘跟着演出去旅行’"
            "成为新的亮点。”天津市文化和旅游局局长王建英说。",
            "天津市商务局副局长赵立新表示：“以旧换新政策持续释放效应，假期全市汽车以旧换新"
            "申请量超过5800份，家电销售额同比增长21.6%。”",
        ),
        photo=Photo("golden-week-tourism.jpg", "国庆假期，游客在天津五大道游览。", "记者 马骏 摄"),
        editor="陈晓",
        comments=52,
        likes=318,
        key_facts=(
            KeyFact(
                "实现旅游收入198.3亿元", "198.3亿元", 19_830_000_000, "元", "2024-10-01..2024-10-07"
            ),
        ),
    ),
    DemoArticle(
        slug="binhai-nev-cluster",
        published=at(9, 9, 30),
        title="滨海新区新能源汽车产业链加速成势 全年产值有望突破800亿元",
        byline="记者 赵光辉",
        authors=("赵光辉",),
        source="渤海经济网",
        section="产业",
        paragraphs=(
            "本网讯 在天津经济技术开发区的一家整车工厂，每76秒就有一辆新能源汽车下线。"
            "记者从滨海新区工业和信息化局了解到，今年1至8月，新区新能源汽车产量达到18.6万辆，"
            "同比增长42.3%。",
            "目前，滨海新区已集聚新能源汽车整车及零部件企业280余家，覆盖动力电池、电机电控、"
            "智能座舱等环节，本地配套率提高到约45%。",
            "“我们的目标是到2025年形成千亿级新能源汽车产业集群，今年全产业链产值有望突破800亿元。”"
            "滨海新区工业和信息化局局长郑海峰说。",
            "动力电池领域，新区电池企业今年前8个月出货量达28.4吉瓦时，同比增长36%。"
            "一家电池企业负责人透露，公司正在建设的二期项目总投资65亿元，投产后年产能将新增20吉瓦时。",
            "天津经济技术开发区管委会副主任钱卫东表示：“开发区将设立规模50亿元的产业引导基金，"
            "重点支持固态电池、车规级芯片等关键环节。”",
        ),
        photo=Photo(
            "binhai-nev-cluster.jpg",
            "天津经济技术开发区一家新能源汽车工厂的总装车间。",
            "记者 赵光辉 摄",
        ),
        editor="刘洋",
        comments=27,
        likes=145,
        key_facts=(KeyFact("新区新能源汽车产量达到18.6万辆", "18.6万辆", 186_000, "辆", JAN_AUG),),
    ),
    DemoArticle(
        slug="hebei-steel-green",
        published=at(10, 16, 20),
        title="河北钢铁行业加快绿色转型 前8个月吨钢综合能耗下降3.1%",
        byline="记者 郭晓峰",
        authors=("郭晓峰",),
        source="渤海经济网",
        section="产业",
        encoding="gbk",
        pathologies=("gbk-no-charset",),
        paragraphs=(
            "本网讯 记者从河北省工业和信息化厅获悉，今年前8个月，全省重点钢铁企业吨钢综合能耗"
            "541千克标准煤，同比下降3.1%；吨钢二氧化硫排放量同比下降11.4%。",
            "河北是全国钢铁第一大省。今年前8个月，全省粗钢产量1.39亿吨，同比下降4.6%；"
            "钢材出口量1286万吨，同比增长18.9%。",
            "在唐山，一座氢冶金示范工程已累计生产直接还原铁超过30万吨，与传统高炉工艺相比，"
            "每吨铁可减少二氧化碳排放约70%。",
            "“钢铁行业正在从‘规模扩张’转向‘质量效益’，高端板材、特种钢等产品占比提高到38%。”"
            "河北省工业和信息化厅副厅长马向荣说。",
            "河北钢铁集团有限公司董事长于振江表示：“集团今年计划投入技改资金120亿元，"
            "力争到2025年底全部完成超低排放改造。”",
            "据了解，全省已有41家钢铁企业完成全流程超低排放改造评估监测，"
            "约占全省钢铁企业总数的七成。",
        ),
        photo=Photo(
            "hebei-steel-green.jpg", "唐山一家钢铁企业的智能化轧钢生产线。", "记者 郭晓峰 摄"
        ),
        photo_after=2,
        editor="王敏",
        comments=19,
        likes=88,
        key_facts=(KeyFact("全省粗钢产量1.39亿吨", "1.39亿吨", 139_000_000, "吨", JAN_AUG),),
    ),
    DemoArticle(
        slug="tianjin-port-sea-rail",
        published=at(11, 8, 45),
        title="Tianjin Port sea-rail container volume up 12.5% in first eight months",
        byline="By Zhang Wei and Li Na",
        authors=("Zhang Wei", "Li Na"),
        source="Bohai Economic Review",
        section="Business",
        lang="en",
        pathologies=("english",),
        paragraphs=(
            "TIANJIN, Oct 11 — Sea-rail intermodal container volume at Tianjin Port reached "
            "912,000 TEUs in the first eight months of 2024, up 12.5% year-on-year, the port "
            "operator said on Thursday.",
            'The port now has 43 inland "dry ports" across 13 provinces, and freight trains run '
            "on 38 scheduled routes to Inner Mongolia, Shanxi and Xinjiang. Cargo moved through "
            "the China-Europe rail corridor via Tianjin rose 23% to 48,600 TEUs.",
            '"Rail links are turning the port into a gateway for inland exporters," said Wang '
            'Liqun, general manager of Tianjin Port Group. "We expect sea-rail volume to exceed '
            '1.3 million TEUs for the full year."',
            "The group plans to invest $1.2 billion over the next three years in automated "
            "terminals and rail sidings, including a 4.5-kilometer dedicated line linking the "
            "Beijiang container terminals.",
            "Li Jianguo, deputy director of the Tianjin Municipal Transport Commission, said "
            "logistics costs for shippers using the sea-rail route had fallen by about 15% "
            "compared with road haulage.",
        ),
        photo=Photo(
            "tianjin-port-sea-rail.jpg",
            "Freight trains wait to load containers at Tianjin Port.",
            "Photo by Zhao Guanghui",
        ),
        editor="Sun Yue",
        comments=8,
        likes=41,
        key_facts=(KeyFact("invest $1.2 billion", "$1.2 billion", 1_200_000_000, "美元", None),),
    ),
    DemoArticle(
        slug="tianjin-hk-finance",
        published=at(12, 11, 0),
        date_style="cn",
        title="津港金融合作提速 前8個月跨境人民幣結算額達3260億元",
        byline="記者 陳家豪",
        authors=("陳家豪",),
        source="渤海經濟網",
        section="金融",
        lang="zh-Hant",
        encoding="big5",
        pathologies=("big5", "traditional"),
        paragraphs=(
            "本網訊 記者從中國人民銀行天津市分行獲悉，今年前8個月，天津與香港之間跨境人民幣"
            "結算額達3260億元，同比增長18.7%，佔全市跨境人民幣結算總額的比重為41.2%。",
            "截至8月末，已有126家香港金融機構在津設立分支機構或辦事處，香港投資者通過"
            "「債券通」持有天津企業發行的債券餘額約480億元。",
            "「香港是天津企業走向國際市場的重要平台，兩地在融資租賃、綠色金融方面互補性很強。」"
            "天津市委金融辦副主任林志明說。",
            "融資租賃是兩地合作的亮點。天津東疆綜合保稅區已累計引進租賃企業超過4000家，"
            "飛機、船舶租賃資產規模分別佔全國的八成和六成以上。",
            "香港貿易發展局華北首席代表何美玲表示：「今年以來，已有超過50家天津企業在香港"
            "舉辦推介活動，我們預計全年簽約金額將突破100億港元。」",
        ),
        photo=Photo("tianjin-hk-finance.jpg", "天津東疆綜合保稅區一景。", "記者 陳家豪 攝"),
        editor="黃敏",
        comments=14,
        likes=76,
        key_facts=(
            KeyFact("跨境人民幣結算額達3260億元", "3260億元", 326_000_000_000, "元", JAN_AUG),
        ),
    ),
    # ---------------------------------------------------------------- 2024-W42
    DemoArticle(
        slug="foreign-trade-q3",
        published=at(14, 9, 0),
        title="前三季度天津外贸进出口6148.2亿元 民营企业占比首次超过五成",
        byline="记者 刘畅",
        authors=("刘畅",),
        source="渤海经济网",
        section="外贸",
        paragraphs=(
            "本网讯 记者从天津海关获悉，今年前三季度，天津外贸进出口总值6148.2亿元，同比增长2.3%。"
            "其中，出口2736.5亿元，增长6.9%；进口3411.7亿元，下降1.1%。",
            "民营企业活力增强。前三季度，天津民营企业进出口3096.4亿元，增长8.7%，"
            "占全市外贸总值的50.4%，占比首次超过五成。",
            "从产品看，机电产品出口1823.6亿元，增长9.4%，占出口总值的66.6%；其中电动汽车、"
            "锂电池、太阳能电池“新三样”出口增长24.5%。",
            "“前三季度天津外贸呈现‘出口稳、结构优’的特点，东盟、共建‘一带一路’国家市场拓展成效明显。”"
            "天津海关综合业务处处长高文斌说。",
            "对东盟进出口812.3亿元，增长12.6%；对欧盟进出口905.8亿元，下降3.4%。"
            "天津市商务局对外贸易处副处长林晓雯表示：“我们将组织不少于200家企业参加第136届广交会，"
            "帮助企业抢订单、拓市场。”",
        ),
        photo=Photo("foreign-trade-q3.jpg", "天津港东疆港区的集装箱码头。", "记者 刘畅 摄"),
        editor="陈晓",
        comments=33,
        likes=129,
        key_facts=(
            KeyFact("天津外贸进出口总值6148.2亿元", "6148.2亿元", 614_820_000_000, "元", Q1_Q3),
        ),
    ),
    DemoArticle(
        slug="ai-industry-chain",
        published=at(15, 14, 30),
        title="天津人工智能核心產業規模突破300億元 推動製造業數字化轉型",
        byline="記者 黃詩涵",
        authors=("黃詩涵",),
        source="渤海經濟網",
        section="科技",
        lang="zh-Hant",
        pathologies=("pinyin", "traditional"),
        # The readings in parentheses are the pathology; "(AI)" and "（天津）" are real text.
        paragraphs=(
            "本網訊 記者從天津市工業和信息化局獲悉，今年前三季度，天津人工智能(AI)核心產業規模"
            "達到312億元，同比增長16.8%，帶動(dòng)相關產(chǎn)業(yè)規模超過1800億元。",
            "天津正在推動(dòng)產(chǎn)業(yè)鏈上下游協同發(fā)展(zhǎn)。目前，全市已集聚人工智能企業"
            "超過1200家，其中國家級專精特新「小巨人」企業47家，建成智能工廠和數字化車間共386個。",
            "「人工智能正在從實驗室走進(jìn)生產線，今年全市新增工業機器人應用超過5000台。」"
            "天津市工業和信息化局總工程師劉振國說。",
            "在位於濱海新區的中科智算（天津）產業基地，新一代高性能計算設備生產線已投產，"
            "年產能達到10萬台。企業負責人介紹，基地今年營業收(shōu)入預計增長(zhǎng)25%以上。",
            "天津市科學技術局副局長吳曉明表示：「天津將設立規模100億元的人工智能產業基金，"
            "支持大模型在港口、鋼鐵、石化等12個重點行業落地應用。」",
            "據統計，天津已發布(bù)人工智能應用場景清單3批共150個，累計撮合項目金額約42億元。",
        ),
        photo=Photo("ai-industry-chain.jpg", "天津一家智能工廠的機器人生產線。", "記者 黃詩涵 攝"),
        editor="林靜",
        comments=61,
        likes=402,
        key_facts=(KeyFact("核心產業規模達到312億元", "312億元", 31_200_000_000, "元", Q1_Q3),),
    ),
    DemoArticle(
        slug="bohai-ports-september",
        published=at(16, 10, 0),
        title='=HYPERLINK("http://evil.example","点击")港口数据：9月环渤海港口货物吞吐量同比增长3.8%',
        byline="记者 刘畅",
        authors=("刘畅",),
        source="渤海经济网",
        section="港口",
        pathologies=("formula-title",),
        paragraphs=(
            "本网讯 据环渤海港口运行监测数据，9月份，环渤海地区主要港口完成货物吞吐量4.27亿吨，"
            "同比增长3.8%；完成集装箱吞吐量812万标箱，同比增长6.1%。",
            "分港口看，天津港9月完成货物吞吐量4150万吨，唐山港完成7320万吨，大连港完成2860万吨，"
            "秦皇岛港完成1590万吨。",
            "“9月份铁矿石、煤炭等大宗散货运输需求有所恢复，集装箱航线运力投放保持高位。”"
            "环渤海港口联盟秘书长宋立军说。",
            "监测显示，9月环渤海港口铁矿石接卸量6350万吨，环比增长4.2%；煤炭下水量5820万吨，"
            "同比下降2.7%。",
        ),
        photo=Photo("bohai-ports-september.jpg", "唐山港京唐港区码头一景。", "记者 刘畅 摄"),
        editor="王敏",
        comments=5,
        likes=23,
        key_facts=(KeyFact("货物吞吐量4.27亿吨", "4.27亿吨", 427_000_000, "吨", "2024-09"),),
    ),
    DemoArticle(
        slug="hydrogen-action-plan",
        published=at(17, 15, 40),
        title="天津发布氢能产业发展行动方案 到2027年产业规模力争达到1000亿元",
        byline="记者 王思远",
        authors=("王思远",),
        source="渤海经济网",
        section="能源",
        kind="text",
        pathologies=("plain-text",),
        paragraphs=(
            "本网讯 天津市发展和改革委员会10月17日发布"
            "《天津市氢能产业发展行动方案（2024—2027年）》，"
            "提出到2027年，全市氢能产业总产值力争达到1000亿元，建成加氢站30座，"
            "推广燃料电池汽车2000辆。",
            "目前，天津已聚集氢能产业链企业超过100家，2023年氢能产业产值约145亿元。"
            "全市已建成加氢站12座，燃料电池汽车累计推广约900辆。",
            "“天津工业副产氢资源丰富，每年可利用的副产氢约15万吨，具备发展氢能产业的良好基础。”"
            "天津市发展和改革委员会副主任张宏伟说。",
            "方案明确，将在滨海新区布局3个氢能产业园，到2025年氢能产业产值突破300亿元。"
            "一家能源企业有关负责人表示：“公司正在建设的光伏制氢项目年产绿氢可达2万吨。”",
        ),
        editor="李娜",
        key_facts=(
            KeyFact("2023年氢能产业产值约145亿元", "145亿元", 14_500_000_000, "元", "2023"),
        ),
    ),
    DemoArticle(
        slug="jingjinji-industry",
        published=at(18, 9, 20),
        title="前8个月京津冀规上工业企业营业收入5.1万亿元 利润总额增长6.8%",
        byline="记者 张晓明 李思琪",
        authors=("张晓明", "李思琪"),
        source="渤海经济网",
        section="区域",
        paragraphs=(
            "本网讯 记者从京津冀三地统计部门获悉，今年前8个月，京津冀三地规模以上工业企业"
            "实现营业收入5.1万亿元，同比增长3.6%；实现利润总额2862.4亿元，同比增长6.8%。",
            "分地区看，北京市规模以上工业企业营业收入1.9万亿元，天津市1.6万亿元，河北省1.6万亿元。"
            "三地利润总额增速分别为9.2%、5.4%和4.9%。",
            "产业协同持续深化。截至8月末，京津冀共建的6条重点产业链累计签约项目超过300个，"
            "总投资约2100亿元。北京企业在津冀两地设立分支机构累计达1.2万家。",
            "“三地产业链、创新链正在加速融合，汽车、生物医药、集成电路等领域的配套率明显提升。”"
            "北京市经济和信息化局副局长刘振华说。",
            "河北省工业和信息化厅党组书记、厅长韩向东表示：“河北承接北京非首都功能疏解项目"
            "已超过4000个，今年前8个月新增承接项目356个。”",
            "记者注意到，京津冀地区新能源汽车产量前8个月达到52.3万辆，同比增长31.7%，"
            "占全国的比重为6.8%。",
        ),
        photo=Photo(
            "jingjinji-industry.jpg",
            "北京经济技术开发区一家智能网联汽车工厂的总装车间。",
            "记者 张晓明 摄",
        ),
        editor="刘洋",
        comments=44,
        likes=210,
        key_facts=(
            KeyFact("实现营业收入5.1万亿元", "5.1万亿元", 5_100_000_000_000, "元", JAN_AUG),
        ),
    ),
    DemoArticle(
        slug="hebei-offshore-wind",
        published=at(19, 13, 20),
        title=(
            "Hebei breaks ground on $4.8 billion offshore wind projects, capacity to reach 3.2 GW"
        ),
        byline="By Chen Hao",
        authors=("Chen Hao",),
        source="Bohai Economic Review",
        section="Energy",
        lang="en",
        pathologies=("english",),
        paragraphs=(
            "SHIJIAZHUANG, Oct 19 — Hebei province broke ground on four offshore wind projects "
            "off the coast of Tangshan and Cangzhou on Saturday, with total investment of "
            "34.5 billion yuan ($4.8 billion), the provincial development and reform commission "
            "said.",
            "The projects will add 1.8 gigawatts of capacity, bringing the province's offshore "
            "wind fleet to 3.2 GW by the end of 2026. In the first nine months of this year, "
            "Hebei's wind and solar power generation rose 18.4% to 96.7 billion kilowatt-hours, "
            "accounting for 27.3% of total output.",
            '"Offshore wind gives the Bohai Rim a steady source of clean power close to its '
            'industrial centers," said Han Xiangdong, director of the Hebei Department of '
            "Industry and Information Technology.",
            "Turbine makers in the province have secured orders worth more than 12 billion yuan "
            "this year, and local suppliers now provide about 60% of components, according to "
            "the commission.",
            "Liu Mei, an analyst at Bohai Securities, said the projects could cut carbon dioxide "
            'emissions by 4.1 million tons a year. "The key constraint is grid capacity, not '
            'turbines," she said.',
        ),
        photo=Photo(
            "hebei-offshore-wind.jpg",
            "Workers install a turbine foundation off the coast of Tangshan.",
            "Photo by Ma Jun",
        ),
        editor="Sun Yue",
        comments=3,
        likes=19,
        key_facts=(
            KeyFact("rose 18.4% to 96.7 billion kilowatt-hours", "18.4%", 18.4, "%", Q1_Q3),
        ),
    ),
    # ---------------------------------------------------------------- 2024-W43
    DemoArticle(
        slug="port-throughput",
        published=at(21, 9, 30),
        title="前三季度天津港集装箱吞吐量1850万标箱 同比增长5.2%",
        byline="记者 张晓明 刘畅",
        authors=("张晓明", "刘畅"),
        source="渤海经济网",
        section="港口",
        paragraphs=(
            "本网讯 今年前三季度，天津港集装箱吞吐量1850万标箱，同比增长5.2%，"
            "增速较上半年加快0.8个百分点。其中，9月份完成集装箱吞吐量215万标箱，创单月历史新高。",
            "记者从天津港集团获悉，前三季度天津港累计完成货物吞吐量3.6亿吨，同比增长2.1%；"
            "新开通集装箱航线12条，航线总数达到146条，其中“一带一路”沿线航线超过70条。",
            "“港口是观察经济运行的窗口。前三季度吞吐量稳中有进，说明腹地外贸需求正在回暖。”"
            "天津港集团总经理王立群说。",
            "海铁联运方面，前三季度天津港完成海铁联运量102.6万标箱，同比增长11.3%，"
            "内陆“无水港”数量增至43个，辐射京津冀及中西部地区13个省份。",
            "智慧港口建设持续推进。北疆港区C段智能化集装箱码头自动化岸桥作业效率提高约两成，"
            "单箱能耗下降近三成。天津市交通运输委员会副主任李建国表示：“下一步将加快建设"
            "世界一流港口，力争全年集装箱吞吐量突破2400万标箱。”",
            "据测算，天津港全年有望带动港口相关产业新增产值超过300亿元。",
        ),
        photo=Photo(
            "port-throughput.jpg",
            "天津港北疆港区C段智能化集装箱码头一景。",
            "记者 赵光辉 摄",
        ),
        editor="陈晓",
        comments=87,
        likes=536,
        key_facts=(
            KeyFact("天津港集装箱吞吐量1850万标箱", "1850万标箱", 18_500_000, "标箱", Q1_Q3),
            KeyFact("同比增长5.2%", "5.2%", 5.2, "%", Q1_Q3),
        ),
    ),
    DemoArticle(
        slug="tianjin-gdp-q3",
        published=at(22, 10, 10),
        date_style="cn",
        title="天津前三季度地区生产总值12713.45亿元 同比增长4.7%",
        byline="记者 苏雅婷",
        authors=("苏雅婷",),
        source="渤海经济网",
        section="宏观",
        paragraphs=(
            "本网讯 天津市统计局10月21日发布数据，初步核算，今年前三季度全市地区生产总值"
            "12713.45亿元，按不变价格计算，同比增长4.7%。",
            "分产业看，第一产业增加值198.62亿元，增长2.9%；第二产业增加值4620.18亿元，增长4.1%；"
            "第三产业增加值7894.65亿元，增长5.1%。",
            "工业生产稳中有升。前三季度，全市规模以上工业增加值同比增长4.4%，其中高技术制造业"
            "增加值增长8.6%，占规模以上工业增加值的比重为15.3%，比上年同期提高1.2个百分点。",
            "“三季度经济运行呈现企稳回升态势，新动能支撑作用进一步增强。”"
            "天津市统计局副局长、新闻发言人周文静说。",
            "消费市场方面，前三季度全市社会消费品零售总额2856.7亿元，同比增长3.2%；"
            "网上零售额增长9.8%。固定资产投资（不含农户）同比下降1.5%，降幅比上半年收窄2.3个百分点。",
            "居民收入稳步增长。前三季度全市居民人均可支配收入40236元，同比增长4.5%。",
        ),
        photo=Photo("tianjin-gdp-q3.jpg", "天津滨海新区于家堡金融区一景。", "记者 赵光辉 摄"),
        editor="刘洋",
        comments=120,
        likes=688,
        key_facts=(KeyFact("全市地区生产总值", "12713.45亿元", 1_271_345_000_000, "元", Q1_Q3),),
    ),
    DemoArticle(
        slug="bohai-shipbuilding",
        published=at(23, 16, 5),
        date_style="cn",
        title="環渤海造船業訂單飽滿 前三季度新接訂單同比增長62.5%",
        byline="記者 林佳慧 周子健",
        authors=("林佳慧", "周子健"),
        source="渤海經濟網",
        section="產業",
        lang="zh-Hant",
        pathologies=("traditional",),
        paragraphs=(
            "本網訊 記者從環渤海地區船舶工業協會獲悉，今年前三季度，環渤海地區造船完工量"
            "1126萬載重噸，同比增長14.2%；新接訂單量2350萬載重噸，同比增長62.5%；截至9月底，"
            "手持訂單量5480萬載重噸，比上年末增長27.8%。",
            "綠色船舶成為訂單主力。前三季度，區域內船企承接的液化天然氣(LNG)動力船、"
            "甲醇雙燃料船等綠色船型訂單佔比達到68%，比上年同期提高21個百分點。",
            "「手持訂單已經排到2028年，船台和碼頭都很緊張。」大連海灣重工集團總經理孫海濤說。",
            "遼寧省工業和信息化廳副廳長鄭國強表示：「我們將推動船舶配套本地化，"
            "力爭到2026年配套率提高到60%以上。」",
            "據測算，前三季度環渤海地區船舶工業實現營業收入1860億元，同比增長19.3%；"
            "利潤總額96.4億元，同比增長近一倍。",
        ),
        photo=Photo(
            "bohai-shipbuilding.jpg",
            "大連一家造船廠的船塢內，一艘液化天然氣運輸船正在建造。",
            "記者 周子健 攝",
        ),
        editor="黃敏",
        comments=22,
        likes=97,
        key_facts=(KeyFact("新接訂單量2350萬載重噸", "2350萬載重噸", 23_500_000, "载重吨", Q1_Q3),),
    ),
    DemoArticle(
        slug="tiankai-science-park",
        published=at(24, 9, 0),
        title="天开高教科创园注册企业超2000家 四成由高校师生团队创办",
        byline="记者 马骏",
        authors=("马骏",),
        source="渤海经济网",
        section="科技",
        paragraphs=(
            "本网讯 记者从天开高教科创园获悉，截至目前，园区累计注册企业超过2000家，"
            "其中科技型企业占比约六成，四成企业由高校师生团队创办。",
            "今年1至9月，园区企业实现技术合同成交额38.6亿元，同比增长56.2%；"
            "累计获得股权融资近25亿元，吸引投资机构超200家。",
            "“一年多以来，我们把高校实验室里的成果搬到了园区的生产线上。”天开高教科创园管委会主任"
            "孙立波说，园区已建成概念验证中心8个、中试平台15个。",
            "天津大学科研院副院长陈志远表示：“学校有127项专利通过‘先使用后付费’方式许可给园区企业，"
            "转化效率比过去提高了三分之一。”",
            "在园区企业天大智图科技有限公司，一套遥感影像智能解译系统正在调试。公司总经理贾明哲介绍，"
            "今年公司订单金额达到3200万元，是去年的3倍，员工从18人增加到65名。",
            "根据规划，到2027年园区将集聚科技型企业5000家以上，培育国家级专精特新“小巨人”企业20家。",
        ),
        photo=Photo("tiankai-science-park.jpg", "天开高教科创园核心区一景。", "记者 马骏 摄"),
        editor="陈晓",
        comments=39,
        likes=254,
        key_facts=(
            KeyFact("园区累计注册企业超过2000家", "2000家", 2000, "家", "..2024-10-24"),
            KeyFact("四成企业由高校师生团队创办", "四成", 40, "%", "..2024-10-24"),
        ),
    ),
    DemoArticle(
        slug="biomedicine-revenue",
        published=at(25, 18, 30),
        title="天津生物医药产业前三季度营业收入增长9.6%",
        byline="新华社记者 王朝阳 张建新",
        authors=("王朝阳", "张建新"),
        source="新华社",
        section="产业",
        pathologies=("xinhua",),
        paragraphs=(
            "新华社天津10月25日电 记者从天津市工业和信息化局获悉，今年前三季度，"
            "天津生物医药产业实现营业收入1086.5亿元，同比增长9.6%，高于全市工业平均水平5.2个百分点。",
            "天津已形成化学药、现代中药、生物药和医疗器械等较为完备的产业体系，全市生物医药企业"
            "超过1400家，其中规模以上企业298家。今年以来，已有7个创新药、11个创新医疗器械获批上市。",
            "“我们正在加快建设生物制造中试基地，力争把研发到量产的周期缩短三分之一。”"
            "天津市工业和信息化局副局长陈立华说。",
            "在天津经济技术开发区，一家生物医药企业新建厂房里，年产5000万支预灌封注射剂生产线"
            "正在调试。企业负责人介绍，项目总投资12亿元，达产后年产值约20亿元。",
            "天津国际生物医药联合研究院院长吴志强表示：“研究院已累计孵化企业260多家，"
            "其中11家企业成功上市。”",
        ),
        photo=Photo(
            "biomedicine-revenue.jpg",
            "天津经济技术开发区一家生物医药企业的实验室。",
            "新华社记者 李然 摄",
        ),
        editor="王敏",
        comments=16,
        likes=73,
        key_facts=(KeyFact("实现营业收入1086.5亿元", "1086.5亿元", 108_650_000_000, "元", Q1_Q3),),
    ),
    DemoArticle(
        slug="nangang-ethylene",
        published=at(26, 11, 45),
        title="南港工业区百万吨级乙烯项目投产 年产值预计超300亿元",
        byline="记者 郭晓峰 王思远",
        authors=("郭晓峰", "王思远"),
        source="渤海经济网",
        section="产业",
        paragraphs=(
            "本网讯 10月26日，位于天津南港工业区的120万吨/年乙烯项目正式投产。"
            "该项目总投资约280亿元，"
            "建成后预计年产值超过300亿元，年利税约40亿元。",
            "项目建设了乙烯、聚乙烯、聚丙烯等9套主要生产装置，可生产高端聚烯烃等20余种产品，"
            "产品本地转化率约八成。",
            "“乙烯项目投产后，南港工业区石化产业链条将延长一倍，下游可带动新材料项目投资超过500亿元。”"
            "南港工业区管委会主任冯振宇说。",
            "天津市工信局局长张建明表示：“到2027年，天津绿色石化产业规模将突破5000亿元，"
            "南港工业区要成为全国重要的化工新材料基地。”",
            "今年1至9月，南港工业区完成固定资产投资186.3亿元，同比增长15.7%；新签约项目42个，"
            "协议投资额620亿元。",
        ),
        photo=Photo(
            "nangang-ethylene.jpg", "天津南港工业区乙烯项目生产装置全景。", "记者 郭晓峰 摄"
        ),
        editor="刘洋",
        comments=48,
        likes=301,
        key_facts=(KeyFact("完成固定资产投资186.3亿元", "186.3亿元", 18_630_000_000, "元", Q1_Q3),),
    ),
)
