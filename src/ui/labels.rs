//! The names of the app's states in the user's language: the lookups from `app` types (panels,
//! freshness, sort orders, wall views, key commands) into the `i18n` label sets. They live on
//! the UI side so that `i18n` needs to know only the domain, and `status`, which speaks through
//! `i18n`, does not pull in the app and the terminal. Depends on `app` and `i18n`; draws nothing.

use crate::app::Panel;
use crate::app::health::Freshness;
use crate::app::keys::Command;
use crate::app::lists::{SigningSort, StalledSort};
use crate::app::wall::WallView;
use crate::i18n::{CommandLabel, Labels};

/// An app state the screen names: the name comes from the language's label set, so a state
/// without a label does not compile.
pub trait Labelled {
    fn label(self, labels: &Labels) -> &'static str;
}

impl Labelled for Panel {
    fn label(self, l: &Labels) -> &'static str {
        match self {
            Panel::Signings => l.panels.signings,
            Panel::Targets => l.panels.targets,
            Panel::Stalled => l.panels.stalled,
        }
    }
}

impl Labelled for Freshness {
    fn label(self, l: &Labels) -> &'static str {
        match self {
            Freshness::Loading => l.header.loading,
            Freshness::Fresh => l.header.fresh,
            Freshness::Ageing => l.header.ageing,
            Freshness::Stale => l.header.stale,
            Freshness::Offline => l.header.offline,
        }
    }
}

impl Labelled for SigningSort {
    fn label(self, l: &Labels) -> &'static str {
        match self {
            SigningSort::Date => l.lists.sort_date,
            SigningSort::Amount => l.lists.sort_amount,
            SigningSort::District => l.lists.sort_district,
            SigningSort::Chain => l.nav.sort_chain,
            SigningSort::Investor => l.nav.sort_investor,
            SigningSort::Project => l.nav.sort_project,
        }
    }
}

impl Labelled for StalledSort {
    fn label(self, l: &Labels) -> &'static str {
        match self {
            StalledSort::Overdue => l.lists.sort_overdue,
            StalledSort::Days => l.nav.sort_days,
            StalledSort::Submitted => l.lists.sort_submitted,
            StalledSort::Department => l.lists.sort_department,
            StalledSort::Item => l.nav.sort_item,
            StalledSort::Project => l.nav.sort_project,
        }
    }
}

impl Labelled for WallView {
    fn label(self, l: &Labels) -> &'static str {
        match self {
            WallView::Overview => l.footer.wall_overview,
            WallView::Signings => l.footer.wall_signings,
            WallView::Targets => l.footer.wall_targets,
            WallView::Stalled => l.footer.wall_stalled,
            WallView::Trends => l.footer.wall_trends,
            WallView::Pipeline => l.footer.wall_pipeline,
        }
    }
}

/// What a key command is called in the help overlay and the hint bar.
pub fn command(l: &Labels, command: Command) -> CommandLabel {
    let c = &l.commands;
    match command {
        Command::NextPanel => c.next_panel,
        Command::PrevPanel => c.prev_panel,
        Command::FocusSignings => c.focus_signings,
        Command::FocusTargets => c.focus_targets,
        Command::FocusStalled => c.focus_stalled,
        Command::Down => c.down,
        Command::Up => c.up,
        Command::PageDown => c.page_down,
        Command::PageUp => c.page_up,
        Command::First => c.first,
        Command::Last => c.last,
        Command::Open => c.open,
        Command::Close => c.close,
        Command::Filter => c.filter,
        Command::Sort => c.sort,
        Command::SortReverse => c.sort_reverse,
        Command::Expand => c.expand,
        Command::Copy => c.copy,
        Command::Export => c.export,
        Command::Refresh => c.refresh,
        Command::HoldRotation => c.hold,
        Command::Rejected => c.rejected,
        Command::Trends => c.trends,
        Command::Changes => c.changes,
        Command::Help => c.help,
        Command::Quit => c.quit,
    }
}

#[cfg(test)]
mod tests {
    use strum::IntoEnumIterator;
    use unicode_width::UnicodeWidthStr;

    use super::*;
    use crate::lang::Lang;
    use crate::ui::table::Col;
    use crate::ui::text::Column;
    use crate::ui::{detail, signings, stalled, targets};

    #[test]
    fn every_command_has_a_description_in_each_language() {
        for lang in Lang::ALL {
            for c in Command::iter() {
                let description = command(lang.labels(), c).description;
                assert!(!description.trim().is_empty(), "{lang}: {c:?}");
            }
        }
    }

    fn specs<R>(columns: &[Col<R>]) -> Vec<Column> {
        columns.iter().map(|c| c.spec).collect()
    }

    #[test]
    fn column_titles_fit_their_columns_in_each_language() {
        for lang in Lang::ALL {
            let l = lang.labels();
            let tables = [
                ("signings", specs(&signings::columns(l))),
                ("stalled", specs(&stalled::columns(l))),
                ("approvals", specs(&detail::approval_columns(l))),
                (
                    "breakdowns",
                    specs(&targets::breakdown_columns(&l.targets, "")),
                ),
                (
                    "departments",
                    specs(&targets::department_columns(&l.nav, "")),
                ),
            ];
            for (table, columns) in tables {
                for Column { title, min, .. } in columns {
                    assert!(
                        title.width() <= usize::from(min),
                        "{lang} {table}: {title:?} is wider than {min}"
                    );
                }
            }
            // A breakdown's heading names its first column and may be cut when the panel is
            // narrow, but it must fit once the column has grown.
            for heading in [l.targets.by_district, l.targets.by_chain] {
                let [_, first, ..] = targets::breakdown_columns(&l.targets, heading);
                assert!(
                    heading.width() <= usize::from(first.spec.max),
                    "{lang}: {heading:?}"
                );
            }
            let [_, first, ..] = targets::department_columns(&l.nav, l.nav.by_department);
            assert!(l.nav.by_department.width() <= usize::from(first.spec.max));
        }
    }
}
