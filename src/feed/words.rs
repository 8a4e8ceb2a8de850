//! Feed problems in the reader's language. The English text is each error's `Display` (logs
//! and the status JSON use it, unchanged); here the same facts in Chinese. Foreign detail that
//! no translation covers (a TLS library's or a JSON parser's own words) is kept as it came,
//! after a Chinese frame that says what failed.

use crate::feed::FeedError;
use crate::feed::source::{FetchError, TimeoutPhase};
use crate::i18n::{DurationStyle, ZH};
use crate::lang::Lang;

/// A reason a feed gave no snapshot, in every language a person may read it in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FeedProblem {
    /// The contract's wording (status JSON, logs).
    pub en: String,
    pub zh: String,
}

impl FeedProblem {
    /// The same words in both languages (an already translated or language-free text).
    pub fn plain(text: &str) -> FeedProblem {
        FeedProblem {
            en: text.to_owned(),
            zh: text.to_owned(),
        }
    }

    pub fn in_lang(&self, lang: Lang) -> &str {
        match lang {
            Lang::En => &self.en,
            Lang::Zh => &self.zh,
        }
    }
}

impl std::fmt::Display for FeedProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.en)
    }
}

impl From<&FetchError> for FeedProblem {
    fn from(error: &FetchError) -> FeedProblem {
        FeedProblem {
            en: error.to_string(),
            zh: fetch_zh(error),
        }
    }
}

impl From<&FeedError> for FeedProblem {
    fn from(error: &FeedError) -> FeedProblem {
        FeedProblem {
            en: error.to_string(),
            zh: parse_zh(error),
        }
    }
}

fn duration(after: std::time::Duration) -> String {
    ZH.common.units.format(after, DurationStyle::Precise)
}

/// Chinese for the English phrases the fetchers build themselves.
fn phrase_zh(text: &str) -> String {
    const PHRASES: [(&str, &str); 8] = [
        ("connection refused", "连接被拒绝"),
        (
            "connection reset by the feed server",
            "数据源服务器重置了连接",
        ),
        (
            "cannot resolve the feed server's host name",
            "无法解析数据源服务器的主机名",
        ),
        (
            "cannot connect to the feed server: ",
            "无法连接数据源服务器：",
        ),
        ("the feed body could not be read: ", "无法读取数据源内容："),
        ("the feed request failed: ", "数据源请求失败："),
        (
            "the feed server sent a redirect that cannot be followed",
            "数据源服务器的重定向无法跟随",
        ),
        ("the feed server redirected", "数据源服务器重定向"),
    ];
    PHRASES
        .iter()
        .find(|(en, _)| text.starts_with(en))
        .map_or_else(
            || text.to_owned(),
            |(en, zh)| format!("{zh}{}", &text[en.len()..]),
        )
}

/// How an io error reads in Chinese, by its kind (never "(os error 2)").
pub fn io_zh(error: &std::io::Error) -> String {
    use std::io::ErrorKind;
    match error.kind() {
        ErrorKind::NotFound => "文件不存在".to_owned(),
        ErrorKind::PermissionDenied => "没有权限".to_owned(),
        ErrorKind::AddrInUse => "地址已被占用".to_owned(),
        ErrorKind::StorageFull => "磁盘已满".to_owned(),
        ErrorKind::IsADirectory => "这是一个目录".to_owned(),
        ErrorKind::InvalidData => "内容无效".to_owned(),
        _ => super::error::describe_io(error),
    }
}

fn fetch_zh(error: &FetchError) -> String {
    match error {
        FetchError::Timeout { phase, after } => {
            let after = duration(*after);
            match phase {
                TimeoutPhase::Connect => format!("连接数据源服务器超时（{after}）"),
                TimeoutPhase::Read => format!("数据源服务器 {after}内没有发送数据"),
                TimeoutPhase::Total => format!("数据源请求超时（{after}）"),
                TimeoutPhase::Local => {
                    format!("读取数据源超时（{after}）：管道无人写入，或挂载无响应？")
                }
            }
        }
        FetchError::Connect(text) | FetchError::Redirect(text) | FetchError::Transfer(text) => {
            phrase_zh(text)
        }
        FetchError::HttpStatus {
            status,
            retry_after,
        } => {
            let retry = retry_after
                .map(|after| format!("（{}后重试）", duration(after)))
                .unwrap_or_default();
            format!("HTTP {status} 错误{retry}")
        }
        FetchError::BodyTooLarge { .. } => {
            let en = error.to_string();
            let limit = en
                .trim_start_matches("feed body exceeds the ")
                .trim_end_matches(" limit");
            format!("数据源内容超过 {limit} 上限")
        }
        FetchError::Io { place, error } => format!("无法读取 {place}：{}", io_zh(error)),
        FetchError::Tls(detail) => format!("TLS 错误：{detail}"),
        FetchError::InsecureUrl => {
            "数据源地址是明文 http，但设置了 https_only：请使用 https:// 地址".to_owned()
        }
        FetchError::Setup(detail) => format!("无法设置数据源客户端：{detail}"),
        FetchError::StdinConsumed => "标准输入已读完，且没有可用的数据".to_owned(),
        // A variant added later reads in English until it is worded here.
        #[expect(unreachable_patterns, reason = "FetchError is non_exhaustive")]
        _ => error.to_string(),
    }
}

fn parse_zh(error: &FeedError) -> String {
    match error {
        FeedError::Empty => "文件为空（不是 JSON）".to_owned(),
        FeedError::LooksLikeHtml => {
            "看起来是 HTML 网页，不是 JSON（地址错误或服务器报错页？）".to_owned()
        }
        FeedError::NotUtf8 { offset } => format!("数据不是 UTF-8 编码：第 {offset} 字节无效"),
        FeedError::NotJson { message } => format!("数据不是 JSON：{message}"),
        FeedError::NotAnObject => "数据顶层不是 JSON 对象".to_owned(),
        FeedError::MissingSchemaVersion => {
            format!(
                "数据缺少 schema_version（应为 {}）",
                crate::feed::parse::SCHEMA_VERSION
            )
        }
        FeedError::UnsupportedVersion { found } => format!(
            "不支持 schema_version {found}（本版本读取 {}）",
            crate::feed::parse::SCHEMA_VERSION
        ),
        FeedError::MissingProjects => "数据缺少 projects 数组".to_owned(),
        FeedError::WrongShape { field, message } => format!("数据 {field} 格式错误：{message}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_problems_read_in_chinese_and_english() {
        let refused = FetchError::Connect("connection refused".to_owned());
        let problem = FeedProblem::from(&refused);
        assert_eq!(problem.in_lang(Lang::En), "connection refused");
        assert_eq!(problem.in_lang(Lang::Zh), "连接被拒绝");
        let missing = FetchError::Io {
            place: "feed file \"/x.json\"".to_owned(),
            error: std::io::Error::from(std::io::ErrorKind::NotFound),
        };
        let problem = FeedProblem::from(&missing);
        assert_eq!(
            problem.en,
            "cannot read feed file \"/x.json\": no such file"
        );
        assert_eq!(problem.zh, "无法读取 feed file \"/x.json\"：文件不存在");
        let timeout = FetchError::Timeout {
            phase: TimeoutPhase::Total,
            after: std::time::Duration::from_secs(20),
        };
        assert_eq!(FeedProblem::from(&timeout).zh, "数据源请求超时（20 秒）");
        let status = FetchError::HttpStatus {
            status: 503,
            retry_after: None,
        };
        assert_eq!(FeedProblem::from(&status).zh, "HTTP 503 错误");
        let large = FetchError::BodyTooLarge { limit: 64 << 20 };
        assert_eq!(FeedProblem::from(&large).zh, "数据源内容超过 64 MiB 上限");
        for (bytes, en, zh) in [
            (&b""[..], "feed file is empty", "文件为空"),
            (b"  \n", "feed file is empty", "文件为空"),
            (
                b"<!DOCTYPE html><html>502 Bad Gateway</html>",
                "looks like HTML, not JSON",
                "HTML",
            ),
        ] {
            let error = crate::feed::parse_feed(bytes).expect_err("unusable");
            let problem = FeedProblem::from(&error);
            assert!(problem.en.contains(en), "{problem:?}");
            assert!(problem.zh.contains(zh), "{problem:?}");
        }
    }
}
