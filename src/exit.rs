//! How the process ends: the exit codes every command shares, named once. A leaf.
//!
//! The numbers follow monitoring plugins (Nagios, Icinga, Sensu): 0 OK, 1 WARNING,
//! 2 CRITICAL, 3 UNKNOWN. Commands give them their own meaning within that frame (see
//! `docs/` and `--help`); a second signal during shutdown ends with 128 + its number
//! without passing through here.

use std::process::ExitCode;

/// The exit code of a command.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Exit {
    /// Done; `status` OK; `check-feed` found nothing to reject.
    Ok,
    /// `status` WARNING; `check-feed` rejected some records; `doctor` found a problem; a
    /// command failed at run time (a port taken, a file not writable, the terminal lost).
    Warning,
    /// `status` CRITICAL; the feed is unusable.
    Critical,
    /// Bad arguments or configuration, found before any work; `status` UNKNOWN.
    Usage,
}

impl Exit {
    /// Every exit code, in numeric order (the manual page's EXIT STATUS).
    pub const ALL: [Exit; 4] = [Exit::Ok, Exit::Warning, Exit::Critical, Exit::Usage];

    /// What the code means, for the manual page; each variant's doc says the same in short.
    pub fn meaning(self) -> &'static str {
        match self {
            Exit::Ok => {
                "Done. status: OK. check-feed: no record rejected. doctor: everything needed is usable."
            }
            Exit::Warning => {
                "status: WARNING (stalled approvals, data older than warn_age or stamped in the \
                 future, rejected records above max_rejected_share; with --check targets, a \
                 metric behind pace). check-feed: some records rejected. doctor: something is \
                 degraded. Any command: a failure at run time (a port taken, a file not \
                 writable, the terminal lost)."
            }
            Exit::Critical => {
                "status: CRITICAL (no usable feed, data older than crit_age, rejected records \
                 above crit_rejected_share). check-feed: the feed is unusable."
            }
            Exit::Usage => {
                "Bad arguments or configuration, found before any work. status: UNKNOWN."
            }
        }
    }

    pub fn code(self) -> u8 {
        match self {
            Exit::Ok => 0,
            Exit::Warning => 1,
            Exit::Critical => 2,
            Exit::Usage => 3,
        }
    }
}

impl From<Exit> for ExitCode {
    fn from(exit: Exit) -> ExitCode {
        ExitCode::from(exit.code())
    }
}
