//! Languages. The texts themselves are in `locales/id.yml` and `locales/en.yml`, one file per
//! language, compiled in by `rust-i18n`.

use serde::{Deserialize, Serialize};

/// The language of everything Lindung shows. Bahasa Indonesia first.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Lang {
    #[default]
    Id,
    En,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Id, Lang::En];

    pub fn code(self) -> &'static str {
        match self {
            Lang::Id => "id",
            Lang::En => "en",
        }
    }

    pub fn from_code(code: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|l| l.code() == code)
    }

    /// The text for `key` in this language.
    pub fn tr(self, key: &str) -> String {
        rust_i18n::t!(key, locale = self.code()).into_owned()
    }

    /// The text for `key` with `%{name}` placeholders filled from `args`.
    pub fn tr_args(self, key: &str, args: &[(&str, String)]) -> String {
        let text = self.tr(key);
        let names: Vec<&str> = args.iter().map(|(name, _)| *name).collect();
        let values: Vec<String> = args.iter().map(|(_, value)| value.clone()).collect();
        rust_i18n::replace_patterns(&text, &names, &values)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    fn keys(text: &str) -> BTreeSet<String> {
        text.lines()
            .filter(|line| !line.starts_with('#') && !line.trim().is_empty())
            .filter_map(|line| line.split_once(':').map(|(key, _)| key.trim().to_owned()))
            .collect()
    }

    #[test]
    fn both_languages_have_the_same_keys() {
        let id = keys(include_str!("../locales/id.yml"));
        let en = keys(include_str!("../locales/en.yml"));
        let only_id: Vec<_> = id.difference(&en).collect();
        let only_en: Vec<_> = en.difference(&id).collect();
        assert!(
            only_id.is_empty() && only_en.is_empty(),
            "id only: {only_id:?}, en only: {only_en:?}"
        );
        assert!(id.len() > 10);
    }

    #[test]
    fn texts_come_from_the_files_with_arguments() {
        assert_eq!(
            Lang::Id.tr_args("problem.below_min", &[("min", "0".into())]),
            "harus ≥ 0"
        );
        assert_eq!(
            Lang::En.tr_args("problem.below_min", &[("min", "0".into())]),
            "must be ≥ 0"
        );
    }
}
