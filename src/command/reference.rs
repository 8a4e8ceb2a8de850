//! `investboard completions SHELL` and `investboard man`: generated from the clap definitions,
//! needing no settings, so a broken config cannot stop them.

use std::fmt::{self, Write as _};
use std::io::{self, Write as _};

use crate::app::keys::Command as KeyCommand;
use crate::cli::Cli;
use crate::exit::Exit;

pub fn completions(shell: clap_complete::Shell) -> Exit {
    let mut command = Cli::command();
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
    let page = match manual_page() {
        Ok(page) => page,
        Err(e) => {
            super::report_io_error("cannot render the manual page", &e);
            return Exit::Warning;
        }
    };
    match super::to_stdout(|out| out.write_all(page.as_bytes())) {
        Ok(()) => Exit::Ok,
        Err(e) => {
            super::report_io_error("cannot write the manual page", &e);
            Exit::Warning
        }
    }
}

/// The manual page in roff: `clap_mangen`'s title, name, description and options, and the rest
/// written here from the registries (arguments, exit codes, settings, keys), so that the page
/// cannot drift from the program. No SEE ALSO: no other page is shipped.
pub fn manual_page() -> io::Result<String> {
    let command = Cli::command();
    let man = clap_mangen::Man::new(command.clone());
    let mut page = Vec::new();
    man.render_title(&mut page)?;
    // Whole words: hyphenated variable names and flags cannot be searched or pasted.
    page.extend_from_slice(b".nh\n");
    man.render_name_section(&mut page)?;
    let mut page = String::from_utf8_lossy(&page).into_owned();
    synopsis(&mut page, &command).map_err(io::Error::other)?;
    let mut rest = Vec::new();
    man.render_description_section(&mut rest)?;
    man.render_options_section(&mut rest)?;
    page.push_str(&String::from_utf8_lossy(&rest));
    commands(&mut page, &command).map_err(io::Error::other)?;
    examples(&mut page).map_err(io::Error::other)?;
    exit_status(&mut page).map_err(io::Error::other)?;
    environment(&mut page).map_err(io::Error::other)?;
    keys(&mut page).map_err(io::Error::other)?;
    files(&mut page).map_err(io::Error::other)?;
    // clap_mangen opens each part with string definitions (once is enough); the title line
    // goes first, as man(7) shows.
    let mut seen_definitions = Vec::new();
    let lines = page.lines().filter(|line| {
        let definition = line.starts_with(".ie ") || line.starts_with(".el ");
        if definition && seen_definitions.contains(line) {
            return false;
        }
        if definition {
            seen_definitions.push(*line);
        }
        true
    });
    let (title, body): (Vec<&str>, Vec<&str>) = lines.partition(|l| l.starts_with(".TH "));
    Ok(title
        .iter()
        .chain(&body)
        .fold(String::new(), |mut text, line| {
            text.push_str(line);
            text.push('\n');
            text
        }))
}

/// Text made safe for roff: backslashes and hyphens escaped, no line read as a request.
fn roff(text: &str) -> String {
    let escaped = text.replace('\\', "\\e").replace('-', "\\-");
    if escaped.starts_with(['.', '\'']) {
        format!("\\&{escaped}")
    } else {
        escaped
    }
}

fn bold(text: &str) -> String {
    format!("\\fB{}\\fR", roff(text))
}

fn italic(text: &str) -> String {
    format!("\\fI{}\\fR", roff(text))
}

/// One argument as a synopsis shows it: `[--feed URL|PATH|-]`, `[--wall]`, `LEDGER`.
fn synopsis_argument(arg: &clap::Arg) -> Option<String> {
    if arg.is_hide_set() {
        return None;
    }
    let placeholder = arg.get_value_names().map_or_else(
        || italic(&arg.get_id().as_str().to_ascii_uppercase()),
        |names| {
            names
                .iter()
                .map(|n| italic(n))
                .collect::<Vec<_>>()
                .join(" ")
        },
    );
    let takes_value = arg.get_action().takes_values();
    let shown = match (arg.get_long(), takes_value) {
        (Some(long), true) => format!("{} {placeholder}", bold(&format!("--{long}"))),
        (Some(long), false) => bold(&format!("--{long}")),
        (None, _) if arg.is_positional() => placeholder,
        (None, _) => return None,
    };
    Some(if arg.is_required_set() {
        shown
    } else {
        format!("[{shown}]")
    })
}

fn synopsis(page: &mut String, command: &clap::Command) -> fmt::Result {
    page.push_str(".SH SYNOPSIS\n");
    let global: Vec<String> = command
        .get_arguments()
        .filter_map(synopsis_argument)
        .collect();
    writeln!(
        page,
        "{} {} [{}]",
        bold("investboard"),
        global.join(" "),
        italic("COMMAND")
    )?;
    for sub in command.get_subcommands() {
        let own: Vec<String> = sub
            .get_arguments()
            .filter(|a| !a.is_global_set())
            .filter_map(synopsis_argument)
            .collect();
        writeln!(
            page,
            ".br\n{} {}",
            bold(&format!("investboard {}", sub.get_name())),
            own.join(" ")
        )?;
    }
    Ok(())
}

fn commands(page: &mut String, command: &clap::Command) -> fmt::Result {
    writeln!(
        page,
        ".SH COMMANDS\nWith no command, the live dashboard. {} shows a command's own options.",
        bold("investboard COMMAND --help")
    )?;
    for sub in command.get_subcommands() {
        let about = sub.get_about().map(ToString::to_string).unwrap_or_default();
        writeln!(
            page,
            ".TP\n{}\n{}",
            bold(&format!("investboard {}", sub.get_name())),
            roff(&about)
        )?;
    }
    Ok(())
}

/// The examples as `--help` shows them, kept on their lines (no filling).
fn examples(page: &mut String) -> fmt::Result {
    page.push_str(".SH EXAMPLES\n.nf\n");
    for line in crate::cli::EXAMPLES.lines().skip(1) {
        writeln!(page, "{}", roff(line.trim_start()))?;
    }
    page.push_str(".fi\n");
    Ok(())
}

fn exit_status(page: &mut String) -> fmt::Result {
    page.push_str(".SH EXIT STATUS\n");
    for exit in Exit::ALL {
        writeln!(
            page,
            ".TP\n{}\n{}",
            bold(&exit.code().to_string()),
            roff(exit.meaning())
        )?;
    }
    Ok(())
}

fn environment(page: &mut String) -> fmt::Result {
    page.push_str(
        ".SH ENVIRONMENT\nEvery setting can be given as a variable; a flag beats the variable, \
         the variable beats the config file.\n",
    );
    for setting in crate::config::declared() {
        // An optional setting's "default" says what unset means, which its text already does.
        let default = if setting.default.starts_with('(') {
            String::new()
        } else {
            format!(" Default: {}.", roff(&setting.default))
        };
        writeln!(
            page,
            ".TP\n{}\n{}{default}",
            bold(&crate::config::env_name(setting.key)),
            roff(&setting.about.replace('`', "")),
        )?;
    }
    let others = [
        (
            "INVESTBOARD_TOKEN",
            "The feed's bearer token; overrides token_file. Never shown.",
        ),
        (
            "NO_COLOR",
            "Set and not empty: no colour codes (with --color auto).",
        ),
        (
            "TERM, COLORTERM",
            "How many colours the terminal shows; TERM=linux picks the console glyphs.",
        ),
        (
            "LC_ALL, LC_MESSAGES, LANG",
            "The language when lang is not set: zh for a zh_* locale.",
        ),
        (
            "XDG_CONFIG_HOME, HOME",
            "Where the config file is looked for (see FILES).",
        ),
        ("RUST_LOG", "The log level (default info), e.g. debug."),
    ];
    for (name, about) in others {
        writeln!(page, ".TP\n{}\n{}", bold(name), roff(about))?;
    }
    Ok(())
}

fn keys(page: &mut String) -> fmt::Result {
    page.push_str(
        ".SH KEYS\nThe dashboard's default keys; the config file's [keys] table rebinds them \
         by the name after the keys.\n",
    );
    let labels = crate::lang::Lang::En.labels();
    for command in <KeyCommand as strum::IntoEnumIterator>::iter() {
        let keys: Vec<String> = command.default_keys().iter().map(|k| k.name()).collect();
        let name: &'static str = command.into();
        writeln!(
            page,
            ".TP\n{}  {}\n{}",
            bold(&keys.join(", ")),
            italic(name),
            roff(crate::ui::labels::command(labels, command).description),
        )?;
    }
    Ok(())
}

fn files(page: &mut String) -> fmt::Result {
    writeln!(
        page,
        ".SH FILES\n.TP\n{}\nThe config file when {} is not given; if XDG_CONFIG_HOME is unset, {}. \
         A config file named with {} must exist.\n\
         .TP\n{}\nThe log, when set with {} or log_file; none by default (RUST_LOG sets the level).\n\
         .TP\n{}\nExtra holiday-table years and the feed's bearer token, when the config file names them.",
        italic("$XDG_CONFIG_HOME/investboard/config.toml"),
        bold("--config"),
        italic("~/.config/investboard/config.toml"),
        bold("--config"),
        italic("log_file"),
        bold("--log-file"),
        italic("calendar_file, token_file"),
    )?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page() -> String {
        manual_page().expect("rendered")
    }

    #[test]
    fn the_manual_page_has_every_section_and_refers_to_no_other_page() {
        let page = page();
        assert!(page.starts_with(".TH investboard 1"), "{page}");
        for section in [
            "NAME",
            "SYNOPSIS",
            "DESCRIPTION",
            "OPTIONS",
            "COMMANDS",
            "EXAMPLES",
            "EXIT STATUS",
            "ENVIRONMENT",
            "KEYS",
            "FILES",
        ] {
            assert_eq!(
                page.matches(&format!("\n.SH {section}\n")).count(),
                1,
                "{section} once in\n{page}"
            );
        }
        assert!(
            !page.contains("(1)"),
            "no page but this one is shipped:\n{page}"
        );
        assert_eq!(
            page.matches(".ds Aq").count(),
            2,
            "one .ie/.el pair:\n{page}"
        );
    }

    #[test]
    fn the_synopsis_shows_each_argument_with_its_placeholder() {
        let page = page();
        let synopsis = &page[page.find(".SH SYNOPSIS").expect("synopsis")
            ..page.find(".SH DESCRIPTION").expect("description")];
        for expected in [
            r"[\fB\-\-feed\fR \fIURL|PATH|\-\fR]",
            r"[\fB\-\-interval\fR \fIDURATION\fR]",
            r"[\fB\-\-wall\fR]",
            r"\fBinvestboard status\fR [\fB\-\-format\fR \fIFORMAT\fR]",
            r"\fBinvestboard check\-feed\fR [\fIURL|PATH|\-\fR]",
            r"\fBinvestboard import\fR \fILEDGER\fR",
            r"\fBinvestboard completions\fR \fISHELL\fR",
        ] {
            assert!(synopsis.contains(expected), "{expected} not in\n{synopsis}");
        }
    }

    #[test]
    fn the_examples_keep_their_lines() {
        let page = page();
        let examples = &page[page.find(".SH EXAMPLES\n.nf\n").expect("unfilled examples")..];
        let examples = &examples[..examples.find(".fi\n").expect("end of examples")];
        assert_eq!(
            examples.lines().count() - 2,
            crate::cli::EXAMPLES.lines().count() - 1,
            "{examples}"
        );
        assert!(
            examples.contains(
                "\ninvestboard \\-\\-wall                           wall\\-screen mode: rotating views, large figures\n"
            ),
            "{examples}"
        );
    }

    #[test]
    fn the_environment_lists_every_setting_variable_and_the_token() {
        let page = page();
        let environment = &page[page.find(".SH ENVIRONMENT").expect("environment")
            ..page.find(".SH KEYS").expect("keys")];
        let declared = crate::config::declared();
        assert!(declared.len() > 20, "the registry is read");
        for setting in declared {
            let name = bold(&crate::config::env_name(setting.key));
            assert!(
                environment.contains(&format!(".TP\n{name}\n")),
                "{name} not in\n{environment}"
            );
        }
        assert!(environment.contains(r"\fBINVESTBOARD_TOKEN\fR"));
    }

    #[test]
    fn the_exit_status_and_keys_come_from_their_registries() {
        let page = page();
        for exit in Exit::ALL {
            assert!(
                page.contains(&format!(
                    ".TP\n\\fB{}\\fR\n{}\n",
                    exit.code(),
                    roff(exit.meaning())
                )),
                "exit {} missing",
                exit.code()
            );
        }
        for command in <KeyCommand as strum::IntoEnumIterator>::iter() {
            let name: &'static str = command.into();
            assert!(
                page.contains(&format!("  {}\n", italic(name))),
                "{name} missing"
            );
        }
        assert!(
            page.contains("\n.TP\n\\fBq, Ctrl\\-C\\fR  \\fIquit\\fR\nquit\n"),
            "{page}"
        );
    }

    #[test]
    fn text_cannot_become_a_roff_request() {
        assert_eq!(roff(".SH x"), r"\&.SH x");
        assert_eq!(roff("'x"), r"\&'x");
        assert_eq!(roff(r"a\b-c"), r"a\eb\-c");
    }
}
