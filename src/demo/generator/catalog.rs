//! The demo's reference data: Changsha's districts and zones, industrial chains, approval items
//! and a handful of investors. Static tables only; no logic beyond lookups.
//!
//! Real company names appear only as investors in ordinary, positive stories: the generator
//! never cancels their projects nor rejects or withdraws their approvals (see `plan.rs`).

pub struct District {
    pub name: &'static str,
    /// Short Chinese name, used in generic Chinese project names ("宁乡储能电池产业园项目").
    pub short_zh: &'static str,
    /// Prefix of project ids ("YL-2026-0001").
    pub code: &'static str,
    pub weight: u32,
    pub zones: &'static [&'static str],
    /// Chains this district is known for, with extra weight.
    pub strengths: &'static [(usize, u32)],
}

pub const CHANGSHA_ETDZ: &str = "Changsha Economic and Technological Development Zone";
pub const HI_TECH_ZONE: &str = "Changsha Hi-tech Industrial Development Zone";
pub const WANGCHENG_ETDZ: &str = "Wangcheng Economic and Technological Development Zone";
pub const NINGXIANG_ETDZ: &str = "Ningxiang Economic and Technological Development Zone";
pub const LIUYANG_ETDZ: &str = "Liuyang Economic and Technological Development Zone";
pub const XIANGJIANG: &str = "Xiangjiang New Area";
pub const FTZ: &str = "China (Hunan) Pilot Free Trade Zone Changsha Area";

// Chain indices into CHAINS.
pub const MACHINERY: usize = 0;
pub const AUTO: usize = 1;
pub const STORAGE: usize = 2;
pub const DISPLAY: usize = 3;
pub const SEMI: usize = 4;
pub const TESTING: usize = 5;
pub const BIG_DATA: usize = 6;
pub const FOOD: usize = 7;
pub const ROBOTICS: usize = 8;
pub const SECURITY: usize = 9;
pub const AEROSPACE: usize = 10;
pub const ICV: usize = 11;
pub const BIOMED: usize = 12;
pub const HARD: usize = 13;
pub const INDUSTRIAL_NET: usize = 14;
pub const PREFAB: usize = 15;
pub const CARBON: usize = 16;

pub const DISTRICTS: [District; 9] = [
    District {
        name: "Furong District",
        short_zh: "芙蓉",
        code: "FR",
        weight: 7,
        zones: &[],
        strengths: &[(TESTING, 3), (BIG_DATA, 4), (FOOD, 2)],
    },
    District {
        name: "Tianxin District",
        short_zh: "天心",
        code: "TX",
        weight: 8,
        zones: &[],
        strengths: &[(TESTING, 6), (SECURITY, 4), (BIG_DATA, 3)],
    },
    District {
        name: "Yuelu District",
        short_zh: "岳麓",
        code: "YL",
        weight: 15,
        zones: &[HI_TECH_ZONE, HI_TECH_ZONE, XIANGJIANG],
        strengths: &[
            (MACHINERY, 4),
            (SEMI, 5),
            (SECURITY, 6),
            (AEROSPACE, 5),
            (ICV, 6),
        ],
    },
    District {
        name: "Kaifu District",
        short_zh: "开福",
        code: "KF",
        weight: 8,
        zones: &[],
        strengths: &[(BIG_DATA, 4), (INDUSTRIAL_NET, 4), (FOOD, 2)],
    },
    District {
        name: "Yuhua District",
        short_zh: "雨花",
        code: "YH",
        weight: 10,
        zones: &[FTZ],
        strengths: &[(ROBOTICS, 6), (AUTO, 3), (TESTING, 3)],
    },
    District {
        name: "Wangcheng District",
        short_zh: "望城",
        code: "WC",
        weight: 12,
        zones: &[WANGCHENG_ETDZ, WANGCHENG_ETDZ, XIANGJIANG],
        strengths: &[(STORAGE, 6), (FOOD, 4), (MACHINERY, 2), (HARD, 3)],
    },
    District {
        name: "Changsha County",
        short_zh: "长沙县",
        code: "CS",
        weight: 16,
        zones: &[CHANGSHA_ETDZ, CHANGSHA_ETDZ, FTZ],
        strengths: &[(MACHINERY, 8), (AUTO, 8), (AEROSPACE, 2), (PREFAB, 2)],
    },
    District {
        name: "Liuyang City",
        short_zh: "浏阳",
        code: "LY",
        weight: 12,
        zones: &[LIUYANG_ETDZ],
        strengths: &[(DISPLAY, 8), (BIOMED, 7), (SEMI, 3), (CARBON, 2)],
    },
    District {
        name: "Ningxiang City",
        short_zh: "宁乡",
        code: "NX",
        weight: 12,
        zones: &[NINGXIANG_ETDZ, NINGXIANG_ETDZ, XIANGJIANG],
        strengths: &[(STORAGE, 9), (FOOD, 5), (PREFAB, 3), (CARBON, 3)],
    },
];

pub struct Chain {
    pub name: &'static str,
    pub weight: u32,
    /// What a project of this chain builds: (English, Chinese).
    pub products: &'static [(&'static str, &'static str)],
    /// Industry word in generated company names: (English, Chinese).
    pub trade: (&'static str, &'static str),
}

pub const CHAINS: [Chain; 17] = [
    Chain {
        name: "Construction machinery",
        weight: 9,
        products: &[
            ("intelligent excavator plant", "智能挖掘机产业园"),
            ("hydraulic components base", "液压件生产基地"),
            (
                "tower crane intelligent manufacturing",
                "塔式起重机智能制造",
            ),
            ("remanufacturing centre", "工程机械再制造中心"),
        ],
        trade: ("Machinery", "重工"),
    },
    Chain {
        name: "Automobiles and parts",
        weight: 8,
        products: &[
            ("new energy vehicle parts", "新能源汽车零部件"),
            ("automotive electronics park", "汽车电子产业园"),
            ("powertrain base", "动力总成生产基地"),
        ],
        trade: ("Auto Parts", "汽车部件"),
    },
    Chain {
        name: "Advanced energy storage materials",
        weight: 9,
        products: &[
            ("energy storage cell", "储能电池产业园"),
            ("cathode materials", "正极材料"),
            ("battery recycling", "动力电池回收利用"),
            ("anode materials", "负极材料"),
        ],
        trade: ("Energy", "储能"),
    },
    Chain {
        name: "Display devices",
        weight: 5,
        products: &[
            ("display module", "显示模组"),
            ("touch cover glass", "触控玻璃"),
            ("Micro LED display", "Micro LED显示"),
        ],
        trade: ("Display", "光显"),
    },
    Chain {
        name: "New-generation semiconductors",
        weight: 5,
        products: &[
            ("silicon carbide power device", "碳化硅功率器件"),
            ("chip packaging and testing", "芯片封装测试"),
            ("IC design centre", "集成电路设计中心"),
        ],
        trade: ("Semiconductor", "半导体"),
    },
    Chain {
        name: "Inspection and testing",
        weight: 4,
        products: &[
            ("inspection and testing centre", "检验检测中心"),
            ("metrology laboratory", "计量检测实验室"),
        ],
        trade: ("Testing", "检测"),
    },
    Chain {
        name: "Big data",
        weight: 5,
        products: &[
            ("data centre", "数据中心"),
            ("computing power centre", "智算中心"),
            ("cloud services base", "云服务基地"),
        ],
        trade: ("Data", "数科"),
    },
    Chain {
        name: "Food processing",
        weight: 6,
        products: &[
            ("prepared food plant", "预制菜加工"),
            ("cold-chain logistics", "冷链物流园"),
            ("snack food base", "休闲食品生产基地"),
        ],
        trade: ("Foods", "食品"),
    },
    Chain {
        name: "AI and robotics",
        weight: 5,
        products: &[
            ("industrial robot", "工业机器人"),
            ("AI innovation centre", "人工智能创新中心"),
            ("service robot", "服务机器人"),
        ],
        trade: ("Robotics", "智能"),
    },
    Chain {
        name: "Information security",
        weight: 4,
        products: &[
            ("secure computing", "自主安全计算"),
            ("cybersecurity base", "网络安全产业基地"),
        ],
        trade: ("Security", "安信"),
    },
    Chain {
        name: "Aerospace",
        weight: 3,
        products: &[
            ("BeiDou navigation", "北斗导航"),
            ("UAV", "无人机"),
            ("aero-engine parts", "航空发动机零部件"),
        ],
        trade: ("Aerospace", "航宇"),
    },
    Chain {
        name: "Intelligent connected vehicles",
        weight: 4,
        products: &[
            ("autonomous driving test", "自动驾驶测试"),
            ("vehicle-road cooperation", "车路协同"),
            ("smart cockpit", "智能座舱"),
        ],
        trade: ("Mobility", "智行"),
    },
    Chain {
        name: "Biomedicine",
        weight: 5,
        products: &[
            ("biopharmaceutical", "生物医药"),
            ("medical devices", "医疗器械"),
            ("modern Chinese medicine", "现代中药"),
        ],
        trade: ("Biotech", "生物"),
    },
    Chain {
        name: "Advanced hard materials",
        weight: 3,
        products: &[
            ("cemented carbide", "硬质合金"),
            ("superhard tools", "超硬刀具"),
        ],
        trade: ("Materials", "硬材"),
    },
    Chain {
        name: "Industrial internet",
        weight: 3,
        products: &[
            ("industrial internet platform", "工业互联网平台"),
            ("smart factory", "智能工厂"),
        ],
        trade: ("Industrial Systems", "工业互联"),
    },
    Chain {
        name: "Prefabricated construction",
        weight: 3,
        products: &[("prefabricated building components", "装配式建筑部品部件")],
        trade: ("Building Systems", "筑工"),
    },
    Chain {
        name: "Carbon-based materials",
        weight: 2,
        products: &[
            ("graphene materials", "石墨烯材料"),
            ("carbon fibre", "碳纤维"),
        ],
        trade: ("Carbon", "碳材"),
    },
];

pub const FORTUNE: u8 = 1;
pub const CHINA: u8 = 2;
pub const PRIVATE: u8 = 4;

pub struct Investor {
    pub name: &'static str,
    pub chinese: bool,
    pub chain: usize,
    pub region: &'static str,
    /// Bit set of FORTUNE, CHINA, PRIVATE.
    pub top500: u8,
}

const fn real(
    name: &'static str,
    chinese: bool,
    chain: usize,
    region: &'static str,
    top500: u8,
) -> Investor {
    Investor {
        name,
        chinese,
        chain,
        region,
        top500,
    }
}

pub const GBA: &str = "Greater Bay Area";
pub const YRD: &str = "Yangtze River Delta";
pub const BTH: &str = "Beijing-Tianjin-Hebei";
pub const LOCAL: &str = "Hunan (local)";
pub const EUROPE: &str = "Europe";

/// Real firms, used only in positive stories.
pub const REAL_INVESTORS: [Investor; 30] = [
    real("三一重工", true, MACHINERY, LOCAL, CHINA | PRIVATE),
    real("中联重科", true, MACHINERY, LOCAL, CHINA),
    real("铁建重工", true, MACHINERY, LOCAL, 0),
    real("山河智能", true, MACHINERY, LOCAL, 0),
    real("比亚迪", true, AUTO, GBA, FORTUNE | CHINA | PRIVATE),
    real("广汽集团", true, AUTO, GBA, FORTUNE | CHINA),
    real("吉利汽车", true, AUTO, YRD, FORTUNE | CHINA | PRIVATE),
    real("Bosch", false, AUTO, EUROPE, FORTUNE),
    real("Desai Battery", false, STORAGE, GBA, 0),
    real("中伟股份", true, STORAGE, LOCAL, 0),
    real(
        "宁德时代",
        true,
        STORAGE,
        "Southeast coast",
        FORTUNE | CHINA | PRIVATE,
    ),
    real("蓝思科技", true, DISPLAY, LOCAL, CHINA | PRIVATE),
    real("惠科股份", true, DISPLAY, GBA, PRIVATE),
    real("三安光电", true, SEMI, "Southeast coast", 0),
    real("SGS", false, TESTING, EUROPE, 0),
    real("TÜV SÜD", false, TESTING, EUROPE, 0),
    real("华为", true, BIG_DATA, GBA, FORTUNE | CHINA | PRIVATE),
    real("腾讯", true, BIG_DATA, GBA, FORTUNE | CHINA | PRIVATE),
    real("Nestlé", false, FOOD, EUROPE, FORTUNE),
    real("盐津铺子", true, FOOD, LOCAL, 0),
    real("科大讯飞", true, ROBOTICS, YRD, 0),
    real("ABB", false, ROBOTICS, EUROPE, 0),
    real("麒麟软件", true, SECURITY, BTH, 0),
    real("中国电科", true, AEROSPACE, BTH, FORTUNE | CHINA),
    real("百度", true, ICV, BTH, CHINA | PRIVATE),
    real("九芝堂", true, BIOMED, LOCAL, 0),
    real("中钨高新", true, HARD, LOCAL, 0),
    real("Siemens", false, INDUSTRIAL_NET, EUROPE, FORTUNE),
    real("远大住工", true, PREFAB, LOCAL, 0),
    real("Schneider Electric", false, INDUSTRIAL_NET, EUROPE, 0),
];

/// Source regions of invented Chinese-named firms, with weights.
pub const REGIONS: [(&str, u32); 8] = [
    (GBA, 20),
    (YRD, 22),
    (BTH, 14),
    ("Chengdu-Chongqing", 6),
    (LOCAL, 20),
    ("Central China", 8),
    ("Southeast coast", 6),
    ("Hong Kong, Macao and Taiwan", 4),
];

/// Syllables of invented Chinese firm names: deliberately uncommon pairings.
pub const ZH_FIRST: [&str; 10] = ["湘", "麓", "星", "楚", "潇", "橘", "岳", "沩", "浏", "沅"];
pub const ZH_SECOND: [&str; 12] = [
    "澜", "拓", "芯", "元", "途", "辰", "驰", "砚", "岑", "峰", "翎", "策",
];
pub const ZH_SUFFIX: [&str; 4] = ["科技", "股份", "集团", "实业"];

/// Invented English firm names, with the region their legal form suggests.
pub const EN_STEMS: [&str; 16] = [
    "Arvel",
    "Brightmoor",
    "Corvane",
    "Deltaris",
    "Everlin",
    "Fenwick",
    "Galvora",
    "Hartlane",
    "Ivoria",
    "Junova",
    "Lumora",
    "Meridane",
    "Norvell",
    "Orison",
    "Pellion",
    "Solvane",
];
pub const EN_FORMS: [(&str, &str); 5] = [
    ("GmbH", EUROPE),
    ("Inc.", "North America"),
    ("Co., Ltd.", "Japan and Korea"),
    ("Holdings", "Hong Kong, Macao and Taiwan"),
    ("Pte. Ltd.", "Southeast Asia"),
];

pub const HEADQUARTERS: [(&str, &str, &str); 3] = [
    ("corporate", "headquarters", "总部"),
    (
        "regional",
        "Central China regional headquarters",
        "华中区域总部",
    ),
    ("functional", "R&D and settlement centre", "研发结算中心"),
];

pub struct Item {
    pub name: &'static str,
    pub department: &'static str,
    /// Share (per mille) handled by the one-stop Administrative Approval Service Bureau.
    pub one_stop: u64,
    /// Weights of the limits 9, 20, 5 working days and "omitted" (the configured default).
    pub limits: [u32; 4],
}

pub const ONE_STOP: &str = "Administrative Approval Service Bureau";
pub const LIMITS: [Option<u32>; 4] = [Some(9), Some(20), Some(5), None];

/// Approval items in the order a project usually meets them.
pub const ITEMS: [Item; 6] = [
    Item {
        name: "Project filing",
        department: "Development and Reform Commission",
        one_stop: 350,
        limits: [60, 0, 30, 10],
    },
    Item {
        name: "Land use approval",
        department: "Natural Resources and Planning Bureau",
        one_stop: 0,
        limits: [75, 10, 0, 15],
    },
    Item {
        name: "Environmental impact assessment",
        department: "Ecology and Environment Bureau",
        one_stop: 300,
        limits: [55, 35, 0, 10],
    },
    Item {
        name: "Energy conservation review",
        department: "Development and Reform Commission",
        one_stop: 200,
        limits: [70, 15, 5, 10],
    },
    Item {
        name: "Planning permit",
        department: "Natural Resources and Planning Bureau",
        one_stop: 300,
        limits: [80, 0, 8, 12],
    },
    Item {
        name: "Construction permit",
        department: "Housing and Urban-Rural Development Bureau",
        one_stop: 300,
        limits: [80, 5, 5, 10],
    },
];

/// Index of "Construction permit" in ITEMS: the approval a construction start waits for.
pub const CONSTRUCTION_PERMIT: usize = 5;

/// Amount quantiles in yuan: (cumulative share in ppm, amount). Skewed: median about
/// 200 million, about one project in twelve at 1 billion or more, a rare few in the tens of
/// billions.
pub const AMOUNT_QUANTILES: [(u64, u64); 12] = [
    (0, 20_000_000),
    (100_000, 40_000_000),
    (250_000, 80_000_000),
    (400_000, 130_000_000),
    (550_000, 210_000_000),
    (700_000, 360_000_000),
    (820_000, 600_000_000),
    (930_000, 1_000_000_000),
    (965_000, 2_000_000_000),
    (986_000, 5_000_000_000),
    (996_500, 12_000_000_000),
    (1_000_000, 30_000_000_000),
];

/// The catalog's words in Chinese, and the Chinese names' English: the demo feed's text
/// follows the language it is generated in (`record.rs`). Parallel to the tables above.
pub mod words {
    /// `DISTRICTS` in Chinese, in order.
    pub const DISTRICT_ZH: [&str; 9] = [
        "芙蓉区",
        "天心区",
        "岳麓区",
        "开福区",
        "雨花区",
        "望城区",
        "长沙县",
        "浏阳市",
        "宁乡市",
    ];
    /// `DISTRICTS` as English place names inside project names.
    pub const DISTRICT_SHORT_EN: [&str; 9] = [
        "Furong",
        "Tianxin",
        "Yuelu",
        "Kaifu",
        "Yuhua",
        "Wangcheng",
        "Changsha County",
        "Liuyang",
        "Ningxiang",
    ];
    /// `CHAINS` in Chinese, in order.
    pub const CHAIN_ZH: [&str; 17] = [
        "工程机械",
        "汽车及零部件",
        "先进储能材料",
        "显示功能器件",
        "新一代半导体",
        "检验检测",
        "大数据",
        "食品加工",
        "人工智能和机器人",
        "信息安全",
        "航空航天",
        "智能网联汽车",
        "生物医药",
        "先进硬质材料",
        "工业互联网",
        "装配式建筑",
        "碳基材料",
    ];
    /// `REAL_INVESTORS` in the other script: English for Chinese firms, Chinese for foreign.
    pub const REAL_INVESTOR_OTHER: [&str; 30] = [
        "SANY Heavy Industry",
        "Zoomlion",
        "CRCHI",
        "Sunward Intelligent",
        "BYD",
        "GAC Group",
        "Geely Auto",
        "博世",
        "德赛电池",
        "CNGR",
        "CATL",
        "Lens Technology",
        "HKC",
        "San'an Optoelectronics",
        "SGS通标",
        "南德认证",
        "Huawei",
        "Tencent",
        "雀巢",
        "Yanjin Puzi",
        "iFLYTEK",
        "ABB",
        "Kylinsoft",
        "CETC",
        "Baidu",
        "Jiuzhitang",
        "China Tungsten Hightech",
        "西门子",
        "Broad Homes",
        "施耐德电气",
    ];
    /// `ZH_FIRST` and `ZH_SECOND` in pinyin, `ZH_SUFFIX` in English.
    pub const ZH_FIRST_EN: [&str; 10] = [
        "Xiang", "Lu", "Xing", "Chu", "Xiao", "Ju", "Yue", "Wei", "Liu", "Yuan",
    ];
    pub const ZH_SECOND_EN: [&str; 12] = [
        "lan", "tuo", "xin", "yuan", "tu", "chen", "chi", "yan", "cen", "feng", "ling", "ce",
    ];
    pub const ZH_SUFFIX_EN: [&str; 4] = ["Technology", "Co., Ltd.", "Group", "Industrial"];
    /// `EN_STEMS` and `EN_FORMS` as Chinese writes them.
    pub const EN_STEMS_ZH: [&str; 16] = [
        "阿维尔",
        "布莱特摩尔",
        "科凡",
        "德尔塔瑞斯",
        "艾弗林",
        "芬威克",
        "加尔沃拉",
        "哈特兰",
        "艾沃瑞亚",
        "朱诺瓦",
        "卢莫拉",
        "梅里丹",
        "诺维尔",
        "奥里森",
        "佩利昂",
        "索尔文",
    ];
    pub const EN_FORMS_ZH: [&str; 5] = ["有限公司", "公司", "株式会社", "控股", "私人有限公司"];
    /// `ITEMS` in Chinese, in order.
    pub const ITEM_ZH: [&str; 6] = [
        "项目备案",
        "用地审批",
        "环境影响评价",
        "节能审查",
        "规划许可",
        "施工许可",
    ];

    /// A zone, department or region of the catalog in Chinese (itself when not listed).
    pub fn zh(english: &'static str) -> &'static str {
        match english {
            super::CHANGSHA_ETDZ => "长沙经济技术开发区",
            super::HI_TECH_ZONE => "长沙高新技术产业开发区",
            super::WANGCHENG_ETDZ => "望城经济技术开发区",
            super::NINGXIANG_ETDZ => "宁乡经济技术开发区",
            super::LIUYANG_ETDZ => "浏阳经济技术开发区",
            super::XIANGJIANG => "湘江新区",
            super::FTZ => "中国（湖南）自由贸易试验区长沙片区",
            super::ONE_STOP => "行政审批服务局",
            "Development and Reform Commission" => "发展和改革委员会",
            "Natural Resources and Planning Bureau" => "自然资源和规划局",
            "Ecology and Environment Bureau" => "生态环境局",
            "Housing and Urban-Rural Development Bureau" => "住房和城乡建设局",
            super::GBA => "粤港澳大湾区",
            super::YRD => "长三角",
            super::BTH => "京津冀",
            super::LOCAL => "湖南本地",
            super::EUROPE => "欧洲",
            "Chengdu-Chongqing" => "成渝",
            "Central China" => "华中",
            "Southeast coast" => "东南沿海",
            "Hong Kong, Macao and Taiwan" => "港澳台",
            "North America" => "北美",
            "Japan and Korea" => "日韩",
            "Southeast Asia" => "东南亚",
            other => other,
        }
    }
}
