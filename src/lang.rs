//! The language the dashboard and `status` speak, and how it is chosen from the locale. A leaf:
//! depends on no other module, so `config`, `cli` and `app` can name a language without
//! pulling in the label sets. What each language says (and how it formats amounts, dates and
//! durations) is in `i18n`, which adds those methods to [`Lang`].

use std::fmt;

/// The label set in use.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Deserialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// English: amounts in bn/m
    #[default]
    En,
    /// Chinese: amounts in 亿/万
    Zh,
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Zh];

    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Zh => "zh",
        }
    }

    pub fn parse(text: &str) -> Result<Lang, String> {
        match text.trim().to_ascii_lowercase().as_str() {
            "en" => Ok(Lang::En),
            "zh" => Ok(Lang::Zh),
            _ => Err(format!("unknown language {text:?} (use zh or en)")),
        }
    }

    /// The language of a POSIX locale name: `zh_CN.UTF-8`, `zh_TW`, `zh` are Chinese; anything
    /// else (including `C` and `POSIX`) is English.
    pub fn of_locale(locale: &str) -> Lang {
        let lower = locale.to_ascii_lowercase();
        if lower == "zh" || lower.starts_with("zh_") || lower.starts_with("zh-") {
            Lang::Zh
        } else {
            Lang::En
        }
    }

    /// The language when none is configured: the first set of `LC_ALL`, `LC_MESSAGES`, `LANG`
    /// (the POSIX order), with the variable that decided it, for `doctor`.
    pub fn from_environment(env: &dyn Fn(&str) -> Option<String>) -> (Lang, String) {
        for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            if let Some(value) = env(name).filter(|v| !v.is_empty()) {
                let lang = Lang::of_locale(&value);
                return (lang, format!("{name}={value}"));
            }
        }
        (Lang::En, "no LC_ALL, LC_MESSAGES or LANG set".to_owned())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_locale_decides_the_language_in_posix_order() {
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |key: &str| {
                pairs
                    .iter()
                    .find(|(k, _)| *k == key)
                    .map(|(_, v)| (*v).to_owned())
            }
        };
        let pick = |pairs| Lang::from_environment(&env(pairs));
        assert_eq!(pick(&[("LANG", "zh_CN.UTF-8")]).0, Lang::Zh);
        assert_eq!(pick(&[("LANG", "zh_TW.UTF-8")]).0, Lang::Zh);
        assert_eq!(pick(&[("LANG", "en_GB.UTF-8")]).0, Lang::En);
        assert_eq!(pick(&[("LANG", "C")]).0, Lang::En);
        assert_eq!(pick(&[]).0, Lang::En);
        let (lang, why) = pick(&[("LC_ALL", "en_US.UTF-8"), ("LANG", "zh_CN.UTF-8")]);
        assert_eq!((lang, why.as_str()), (Lang::En, "LC_ALL=en_US.UTF-8"));
        assert_eq!(
            pick(&[("LC_ALL", ""), ("LC_MESSAGES", "zh_CN"), ("LANG", "en_US")]).0,
            Lang::Zh
        );
        assert_eq!(Lang::of_locale("zhx"), Lang::En);
        assert_eq!(Lang::parse("ZH"), Ok(Lang::Zh));
        assert!(Lang::parse("fr").is_err());
    }
}
