//! What went wrong with one row (its number as the spreadsheet shows it, its column and why),
//! in English or Chinese. Cell text is quoted through `sanitize`: a ledger can hold anything,
//! and these lines go to a terminal.

use std::fmt::Write as _;

use crate::lang::Lang;
use crate::sanitize::sanitize;

/// Why a cell (or a row) cannot become part of a record.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Reason {
    Missing,
    BadDate(String),
    NotAnAmount(String),
    NegativeAmount(String),
    AmountTooFine(String),
    UnknownStage(String),
    UnknownStatus(String),
    UnknownTop500(String),
    UnknownHeadquarters(String),
    NotACount(String),
    BadQuarter(String),
    /// The spreadsheet's own error value (`#REF!`, `#N/A`).
    CellError(String),
    DuplicateId {
        first_row: u32,
    },
    DuplicateTarget {
        first_row: u32,
    },
    UnknownProject(String),
    /// The approval's project was itself rejected.
    ProjectRejected(String),
}

impl Reason {
    pub fn text(&self, lang: Lang) -> String {
        let q = |s: &str| format!("\"{}\"", sanitize(s));
        match (lang, self) {
            (Lang::En, Reason::Missing) => "required, but empty".to_owned(),
            (Lang::Zh, Reason::Missing) => "必填，但为空".to_owned(),
            (Lang::En, Reason::BadDate(t)) => format!(
                "invalid date {} (use 2022-01-20, 2022/1/20 or 2022年1月20日)",
                q(t)
            ),
            (Lang::Zh, Reason::BadDate(t)) => format!(
                "日期无效 {}（可写作 2022-01-20、2022/1/20 或 2022年1月20日）",
                q(t)
            ),
            (Lang::En, Reason::NotAnAmount(t)) => format!("not an amount: {}", q(t)),
            (Lang::Zh, Reason::NotAnAmount(t)) => format!("不是金额：{}", q(t)),
            (Lang::En, Reason::NegativeAmount(t)) => {
                format!("amount must not be negative: {}", q(t))
            }
            (Lang::Zh, Reason::NegativeAmount(t)) => format!("金额不能为负：{}", q(t)),
            (Lang::En, Reason::AmountTooFine(t)) => {
                format!("amount finer than 0.00000001 yuan: {}", q(t))
            }
            (Lang::Zh, Reason::AmountTooFine(t)) => {
                format!("金额精度超过 0.00000001 元：{}", q(t))
            }
            (Lang::En, Reason::UnknownStage(t)) => format!(
                "unknown stage {} (negotiating, signed, landed, started, operating, cancelled or 洽谈/签约/落地/开工/投产/终止)",
                q(t)
            ),
            (Lang::Zh, Reason::UnknownStage(t)) => format!(
                "无法识别的阶段 {}（洽谈、签约、落地、开工、投产、终止）",
                q(t)
            ),
            (Lang::En, Reason::UnknownStatus(t)) => format!(
                "unknown approval status {} (pending, approved, rejected, withdrawn or 办理中/已办结/退回/撤回)",
                q(t)
            ),
            (Lang::Zh, Reason::UnknownStatus(t)) => {
                format!("无法识别的审批状态 {}（办理中、已办结、退回、撤回）", q(t))
            }
            (Lang::En, Reason::UnknownTop500(t)) => format!(
                "unknown Top 500 kind {} (世界500强, 中国500强, 中国民营500强)",
                q(t)
            ),
            (Lang::Zh, Reason::UnknownTop500(t)) => format!(
                "无法识别的500强类型 {}（世界500强、中国500强、中国民营500强）",
                q(t)
            ),
            (Lang::En, Reason::UnknownHeadquarters(t)) => format!(
                "unknown headquarters kind {} (总部, 区域总部, 功能性总部)",
                q(t)
            ),
            (Lang::Zh, Reason::UnknownHeadquarters(t)) => {
                format!("无法识别的总部类型 {}（总部、区域总部、功能性总部）", q(t))
            }
            (Lang::En, Reason::NotACount(t)) => format!("not a whole number: {}", q(t)),
            (Lang::Zh, Reason::NotACount(t)) => format!("不是整数：{}", q(t)),
            (Lang::En, Reason::BadQuarter(t)) => format!("not a quarter (1-4): {}", q(t)),
            (Lang::Zh, Reason::BadQuarter(t)) => format!("不是季度（1-4）：{}", q(t)),
            (Lang::En, Reason::CellError(t)) => format!("the cell holds an error: {}", q(t)),
            (Lang::Zh, Reason::CellError(t)) => format!("单元格为错误值：{}", q(t)),
            (Lang::En, Reason::DuplicateId { first_row }) => {
                format!("duplicate id, first used in row {first_row}")
            }
            (Lang::Zh, Reason::DuplicateId { first_row }) => {
                format!("编号重复，第 {first_row} 行已使用")
            }
            (Lang::En, Reason::DuplicateTarget { first_row }) => {
                format!("the same year and quarter as row {first_row}")
            }
            (Lang::Zh, Reason::DuplicateTarget { first_row }) => {
                format!("年度和季度与第 {first_row} 行重复")
            }
            (Lang::En, Reason::UnknownProject(id)) => {
                format!("no project with id {} in the ledger", q(id))
            }
            (Lang::Zh, Reason::UnknownProject(id)) => format!("台账中没有编号为 {} 的项目", q(id)),
            (Lang::En, Reason::ProjectRejected(id)) => {
                format!("its project {} was rejected", q(id))
            }
            (Lang::Zh, Reason::ProjectRejected(id)) => format!("所属项目 {} 未能导入", q(id)),
        }
    }
}

/// One row that did not become a record (or one approval or target row).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// The file or sheet the row is in, as the user named it.
    pub table: String,
    /// The row number as the spreadsheet shows it (the header is usually row 1).
    pub row: u32,
    /// The column's header, when one column is at fault.
    pub column: Option<String>,
    pub reason: Reason,
}

impl Problem {
    /// `ledger.csv row 7, 签约日期: invalid date "2022-02-30" (...)`, or in Chinese
    /// `ledger.csv 第 7 行，签约日期：日期无效 ...`.
    pub fn line(&self, lang: Lang) -> String {
        let mut line = sanitize(&self.table);
        match lang {
            Lang::En => {
                let _ = write!(line, " row {}", self.row);
                if let Some(column) = &self.column {
                    let _ = write!(line, ", {}", sanitize(column));
                }
                let _ = write!(line, ": {}", self.reason.text(lang));
            }
            Lang::Zh => {
                let _ = write!(line, " 第 {} 行", self.row);
                if let Some(column) = &self.column {
                    let _ = write!(line, "，{}", sanitize(column));
                }
                let _ = write!(line, "：{}", self.reason.text(lang));
            }
        }
        line
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_problem_names_row_column_and_reason_in_both_languages() {
        let problem = Problem {
            table: "ledger.csv".to_owned(),
            row: 7,
            column: Some("签约日期".to_owned()),
            reason: Reason::BadDate("2022-02-30".to_owned()),
        };
        assert_eq!(
            problem.line(Lang::En),
            "ledger.csv row 7, 签约日期: invalid date \"2022-02-30\" (use 2022-01-20, 2022/1/20 or 2022年1月20日)"
        );
        assert_eq!(
            problem.line(Lang::Zh),
            "ledger.csv 第 7 行，签约日期：日期无效 \"2022-02-30\"（可写作 2022-01-20、2022/1/20 或 2022年1月20日）"
        );
    }

    #[test]
    fn cell_text_cannot_reach_the_terminal_raw() {
        let problem = Problem {
            table: "x".to_owned(),
            row: 2,
            column: None,
            reason: Reason::UnknownStage("\u{1b}[31mred".to_owned()),
        };
        assert!(!problem.line(Lang::En).contains('\u{1b}'));
    }
}
