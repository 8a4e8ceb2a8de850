//! Which column holds which feed field. A mapping file (TOML) names the header for a field;
//! otherwise the built-in list of common Chinese and English headers is tried. Headers compare
//! without spaces, with full-width brackets as ASCII ones, ASCII case ignored and a leading `*`
//! (a template's "required" mark) dropped.

use std::collections::BTreeMap;

use crate::import::values::Unit;

/// The three tables of a ledger.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Table {
    Projects,
    Approvals,
    Targets,
}

impl Table {
    /// The section of the mapping file.
    pub fn key(self) -> &'static str {
        match self {
            Table::Projects => "projects",
            Table::Approvals => "approvals",
            Table::Targets => "targets",
        }
    }
}

/// A field a ledger column can fill: its key in the mapping file, its table, and the headers
/// that name it when no mapping does.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Field {
    Id,
    Name,
    Investor,
    District,
    Zone,
    Chain,
    SourceRegion,
    Amount(Unit),
    Stage,
    SignedOn,
    LandedOn,
    StartedOn,
    OperatingOn,
    Top500,
    Headquarters,
    ApprovalProject,
    ApprovalId,
    Item,
    Department,
    SubmittedOn,
    DecidedOn,
    Status,
    Limit,
    Year,
    Quarter,
    SignedProjects,
    SignedAmount(Unit),
    StartedProjects,
}

impl Field {
    pub const ALL: [Field; 32] = [
        Field::Id,
        Field::Name,
        Field::Investor,
        Field::District,
        Field::Zone,
        Field::Chain,
        Field::SourceRegion,
        Field::Amount(Unit::Yi),
        Field::Amount(Unit::Wan),
        Field::Amount(Unit::Yuan),
        Field::Stage,
        Field::SignedOn,
        Field::LandedOn,
        Field::StartedOn,
        Field::OperatingOn,
        Field::Top500,
        Field::Headquarters,
        Field::ApprovalProject,
        Field::ApprovalId,
        Field::Item,
        Field::Department,
        Field::SubmittedOn,
        Field::DecidedOn,
        Field::Status,
        Field::Limit,
        Field::Year,
        Field::Quarter,
        Field::SignedProjects,
        Field::SignedAmount(Unit::Yi),
        Field::SignedAmount(Unit::Wan),
        Field::SignedAmount(Unit::Yuan),
        Field::StartedProjects,
    ];

    pub fn table(self) -> Table {
        match self {
            Field::ApprovalProject
            | Field::ApprovalId
            | Field::Item
            | Field::Department
            | Field::SubmittedOn
            | Field::DecidedOn
            | Field::Status
            | Field::Limit => Table::Approvals,
            Field::Year
            | Field::Quarter
            | Field::SignedProjects
            | Field::SignedAmount(_)
            | Field::StartedProjects => Table::Targets,
            _ => Table::Projects,
        }
    }

    /// The key in the mapping file's section for [`Field::table`].
    pub fn key(self) -> &'static str {
        match self {
            Field::Id | Field::ApprovalId => "id",
            Field::Name => "name",
            Field::Investor => "investor",
            Field::District => "district",
            Field::Zone => "zone",
            Field::Chain => "chain",
            Field::SourceRegion => "source_region",
            Field::Amount(Unit::Yi) => "amount_yi",
            Field::Amount(Unit::Wan) => "amount_wan",
            Field::Amount(Unit::Yuan) => "amount_cny",
            Field::Stage => "stage",
            Field::SignedOn => "signed_on",
            Field::LandedOn => "landed_on",
            Field::StartedOn => "started_on",
            Field::OperatingOn => "operating_on",
            Field::Top500 => "top500",
            Field::Headquarters => "headquarters",
            Field::ApprovalProject => "project_id",
            Field::Item => "item",
            Field::Department => "department",
            Field::SubmittedOn => "submitted_on",
            Field::DecidedOn => "decided_on",
            Field::Status => "status",
            Field::Limit => "limit_working_days",
            Field::Year => "year",
            Field::Quarter => "quarter",
            Field::SignedProjects => "signed_projects",
            Field::SignedAmount(Unit::Yi) => "signed_amount_yi",
            Field::SignedAmount(Unit::Wan) => "signed_amount_wan",
            Field::SignedAmount(Unit::Yuan) => "signed_amount_cny",
            Field::StartedProjects => "started_projects",
        }
    }

    /// Headers that name the field when the mapping file does not (compared after
    /// [`normalise`]).
    #[expect(
        clippy::too_many_lines,
        reason = "one table of words, a line per header; splitting it would hide nothing"
    )]
    pub fn default_headers(self) -> &'static [&'static str] {
        match self {
            Field::Id => &[
                "项目编号",
                "编号",
                "项目代码",
                "项目id",
                "id",
                "project id",
                "project no.",
            ],
            Field::Name => &[
                "项目名称",
                "名称",
                "项目",
                "name",
                "project",
                "project name",
            ],
            Field::Investor => &[
                "投资方",
                "投资主体",
                "投资企业",
                "签约企业",
                "签约主体",
                "investor",
            ],
            Field::District => &[
                "所属区县",
                "所属区县（市）",
                "区县",
                "区县（市）",
                "所在区县",
                "属地",
                "district",
            ],
            Field::Zone => &["所属园区", "园区", "园区平台", "平台", "zone", "park"],
            Field::Chain => &[
                "产业链",
                "所属产业链",
                "产业",
                "chain",
                "industry chain",
                "industry",
            ],
            Field::SourceRegion => &["来源地", "资金来源地", "投资方来源地", "source region"],
            Field::Amount(Unit::Yi) => &[
                "投资额（亿元）",
                "总投资（亿元）",
                "投资总额（亿元）",
                "计划总投资（亿元）",
                "合同投资额（亿元）",
                "签约金额（亿元）",
                "amount (100m cny)",
                "amount (yi)",
            ],
            Field::Amount(Unit::Wan) => &[
                "投资额（万元）",
                "总投资（万元）",
                "投资总额（万元）",
                "计划总投资（万元）",
                "合同投资额（万元）",
                "签约金额（万元）",
                "amount (10k cny)",
                "amount (wan)",
            ],
            Field::Amount(Unit::Yuan) => &[
                "投资额（元）",
                "投资额",
                "总投资",
                "投资总额",
                "amount",
                "amount_cny",
                "amount (cny)",
            ],
            Field::Stage => &[
                "阶段",
                "项目阶段",
                "进展阶段",
                "项目进度",
                "项目状态",
                "stage",
            ],
            Field::SignedOn => &[
                "签约日期",
                "签约时间",
                "signed on",
                "signed",
                "signing date",
            ],
            Field::LandedOn => &["落地日期", "落地时间", "注册日期", "landed on", "landed"],
            Field::StartedOn => &[
                "开工日期",
                "开工时间",
                "started on",
                "started",
                "start date",
            ],
            Field::OperatingOn => &[
                "投产日期",
                "投产时间",
                "运营日期",
                "operating on",
                "operating",
            ],
            Field::Top500 => &["500强", "500强类型", "是否500强", "top500", "top 500"],
            Field::Headquarters => &["总部类型", "总部", "headquarters"],
            Field::ApprovalProject => &["项目编号", "project id", "project_id", "project"],
            Field::ApprovalId => &["审批编号", "事项编号", "approval id", "id"],
            Field::Item => &["审批事项", "事项", "事项名称", "item"],
            Field::Department => &["审批部门", "责任部门", "办理部门", "部门", "department"],
            Field::SubmittedOn => &[
                "提交日期",
                "申报日期",
                "受理日期",
                "提交时间",
                "submitted on",
                "submitted",
            ],
            Field::DecidedOn => &["办结日期", "批复日期", "办结时间", "decided on", "decided"],
            Field::Status => &["状态", "办理状态", "审批状态", "status"],
            Field::Limit => &[
                "时限（工作日）",
                "办理时限（工作日）",
                "承诺时限（工作日）",
                "时限",
                "承诺时限",
                "limit (working days)",
                "limit",
                "limit_working_days",
            ],
            Field::Year => &["年度", "年份", "年", "year"],
            Field::Quarter => &["季度", "quarter"],
            Field::SignedProjects => &[
                "签约项目数",
                "签约项目（个）",
                "签约个数",
                "signed projects",
            ],
            Field::SignedAmount(Unit::Yi) => &[
                "签约金额（亿元）",
                "签约额（亿元）",
                "signed amount (100m cny)",
            ],
            Field::SignedAmount(Unit::Wan) => &[
                "签约金额（万元）",
                "签约额（万元）",
                "signed amount (10k cny)",
            ],
            Field::SignedAmount(Unit::Yuan) => &[
                "签约金额（元）",
                "签约金额",
                "signed amount",
                "signed_amount_cny",
            ],
            Field::StartedProjects => &[
                "开工项目数",
                "开工项目（个）",
                "开工个数",
                "started projects",
            ],
        }
    }

    /// Fields a row must fill to become a record (an amount in any unit counts for the
    /// projects' amount).
    pub fn required(table: Table) -> &'static [Field] {
        match table {
            Table::Projects => &[Field::Id, Field::Name, Field::Stage],
            Table::Approvals => &[Field::ApprovalProject, Field::SubmittedOn],
            Table::Targets => &[Field::Year, Field::Quarter],
        }
    }
}

/// A header as compared: no whitespace, full-width brackets and colon as ASCII, ASCII lower
/// case, no leading `*`.
pub fn normalise(header: &str) -> String {
    header
        .trim()
        .trim_start_matches(['*', '＊'])
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '（' => '(',
            '）' => ')',
            '：' => ':',
            other => other.to_ascii_lowercase(),
        })
        .collect()
}

/// The mapping file: per table, field key -> header text.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Mapping {
    headers: BTreeMap<Field, String>,
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct MappingFile {
    #[serde(default)]
    projects: BTreeMap<String, String>,
    #[serde(default)]
    approvals: BTreeMap<String, String>,
    #[serde(default)]
    targets: BTreeMap<String, String>,
}

impl Mapping {
    /// Reads a mapping file's text; an unknown table or field key is an error naming it and
    /// the keys that exist.
    pub fn parse(text: &str) -> Result<Mapping, String> {
        let file: MappingFile = toml::from_str(text).map_err(|e| e.to_string())?;
        let mut headers = BTreeMap::new();
        for (table, entries) in [
            (Table::Projects, file.projects),
            (Table::Approvals, file.approvals),
            (Table::Targets, file.targets),
        ] {
            for (key, header) in entries {
                let field = Field::ALL
                    .into_iter()
                    .find(|f| f.table() == table && f.key() == key)
                    .ok_or_else(|| {
                        let known: Vec<&str> = Field::ALL
                            .iter()
                            .filter(|f| f.table() == table)
                            .map(|f| f.key())
                            .collect();
                        format!(
                            "[{}] {key}: no such field (known: {})",
                            table.key(),
                            known.join(", ")
                        )
                    })?;
                headers.insert(field, header);
            }
        }
        Ok(Mapping { headers })
    }

    /// The column of each field of `table` found among `headers`: the mapped header when the
    /// file names one (an error when it is absent), else the first default header present.
    pub fn resolve(
        &self,
        table: Table,
        headers: &[String],
    ) -> Result<BTreeMap<Field, usize>, String> {
        let normalised: Vec<String> = headers.iter().map(|h| normalise(h)).collect();
        let find = |wanted: &str| {
            let wanted = normalise(wanted);
            normalised.iter().position(|h| *h == wanted)
        };
        let mut columns = BTreeMap::new();
        let mut taken = Vec::new();
        for field in Field::ALL.into_iter().filter(|f| f.table() == table) {
            if columns.contains_key(&field) {
                continue;
            }
            let column = match self.headers.get(&field) {
                Some(header) => Some(find(header).ok_or_else(|| {
                    format!(
                        "the mapping names column \"{header}\" for {}.{}, but the headers are: {}",
                        table.key(),
                        field.key(),
                        headers.join(", ")
                    )
                })?),
                None if self.headers.keys().any(|f| same_value(*f, field)) => None,
                None => field
                    .default_headers()
                    .iter()
                    .filter_map(|h| find(h))
                    .find(|column| !taken.contains(column)),
            };
            if let Some(column) = column {
                taken.push(column);
                columns.insert(field, column);
            }
        }
        Ok(columns)
    }
}

/// Two spellings of one value (an amount in different units): mapping one turns the defaults
/// of the others off.
fn same_value(a: Field, b: Field) -> bool {
    matches!(
        (a, b),
        (Field::Amount(_), Field::Amount(_)) | (Field::SignedAmount(_), Field::SignedAmount(_))
    ) && a != b
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| (*s).to_owned()).collect()
    }

    #[test]
    fn default_headers_find_chinese_and_english_columns() {
        let columns = Mapping::default()
            .resolve(
                Table::Projects,
                &headers(&[
                    "序号",
                    "项目编号",
                    "项目名称",
                    "投资额（万元）",
                    "*阶段",
                    "签约日期",
                ]),
            )
            .expect("resolves");
        assert_eq!(columns.get(&Field::Id), Some(&1));
        assert_eq!(columns.get(&Field::Name), Some(&2));
        assert_eq!(columns.get(&Field::Amount(Unit::Wan)), Some(&3));
        assert_eq!(columns.get(&Field::Amount(Unit::Yi)), None);
        assert_eq!(columns.get(&Field::Stage), Some(&4));
        assert_eq!(columns.get(&Field::SignedOn), Some(&5));
        let english = Mapping::default()
            .resolve(
                Table::Projects,
                &headers(&["ID", "Name", "Amount (100m CNY)", "Stage"]),
            )
            .expect("resolves");
        assert_eq!(english.get(&Field::Amount(Unit::Yi)), Some(&2));
        assert_eq!(normalise(" 投资额 (亿元) "), normalise("投资额（亿元）"));
    }

    #[test]
    fn a_mapping_file_names_columns_and_refuses_unknown_keys() {
        let mapping = Mapping::parse(
            "[projects]\nid = \"台账号\"\namount_wan = \"金额\"\n[approvals]\nproject_id = \"台账号\"\n",
        )
        .expect("valid mapping");
        let columns = mapping
            .resolve(
                Table::Projects,
                &headers(&["台账号", "项目名称", "金额", "投资额（亿元）"]),
            )
            .expect("resolves");
        assert_eq!(columns.get(&Field::Id), Some(&0));
        assert_eq!(columns.get(&Field::Amount(Unit::Wan)), Some(&2));
        // Mapping one unit turns the other units' defaults off: no double amount.
        assert_eq!(columns.get(&Field::Amount(Unit::Yi)), None);
        let absent = mapping.resolve(Table::Projects, &headers(&["项目名称"]));
        assert!(absent.is_err_and(|e| e.contains("\"台账号\" for projects.id")));
        let unknown = Mapping::parse("[projects]\namount = \"x\"\n");
        assert!(unknown.is_err_and(|e| e.contains("[projects] amount: no such field")));
        assert!(Mapping::parse("[project]\nid = \"x\"\n").is_err());
    }
}
