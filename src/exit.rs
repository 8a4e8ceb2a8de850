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
