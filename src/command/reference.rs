//! `investboard completions SHELL` and `investboard man`: generated from the clap definitions,
//! needing no settings, so a broken config cannot stop them.

use std::io::Write as _;

use crate::cli::Cli;
use crate::exit::Exit;

pub fn completions(shell: clap_complete::Shell) -> Exit {
    let mut command = <Cli as clap::CommandFactory>::command();
    // Generated into memory first: clap_complete panics when its writer fails (`| head`).
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut command, "investboard", &mut script);
    match super::to_stdout(|out| out.write_all(&script)) {
        Ok(()) => Exit::Ok,
        Err(e) => {
            super::report_io_error("cannot write the completions", &e);
            Exit::Warning
        }
    }
}

pub fn man_page() -> Exit {
    let command = <Cli as clap::CommandFactory>::command();
    let mut page = Vec::new();
    if let Err(e) = clap_mangen::Man::new(command).render(&mut page) {
        super::report_io_error("cannot render the manual page", &e);
        return Exit::Warning;
    }
    // clap_mangen opens with string definitions; the title line goes first, as man(7) shows.
    let text = String::from_utf8_lossy(&page);
    let (title, rest): (Vec<&str>, Vec<&str>) = text.lines().partition(|l| l.starts_with(".TH "));
    let written = super::to_stdout(|out| {
        title
            .iter()
            .chain(&rest)
            .try_for_each(|line| writeln!(out, "{line}"))
    });
    match written {
        Ok(()) => Exit::Ok,
        Err(e) => {
            super::report_io_error("cannot write the manual page", &e);
            Exit::Warning
        }
    }
}
