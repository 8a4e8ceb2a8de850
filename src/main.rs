//! The `investboard` binary: everything lives in the library; see `investboard::run`.

fn main() -> std::process::ExitCode {
    investboard::run::main_with(std::env::args_os())
}
