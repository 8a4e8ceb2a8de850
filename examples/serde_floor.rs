//! The end-to-end floor of `scripts/status-e2e.sh`: read a feed file and parse it into borrowed
//! typed structs, nothing else (see `benches/support/floor.rs`). Prints projects + approvals.
//!
//! `cargo build --release --example serde_floor && target/release/examples/serde_floor FILE`

#[path = "../benches/support/floor.rs"]
mod floor;

fn main() -> std::io::Result<()> {
    let path = std::env::args_os()
        .nth(1)
        .ok_or_else(|| std::io::Error::other("usage: serde_floor FILE"))?;
    let bytes = std::fs::read(path)?;
    println!("{}", floor::parse(&bytes));
    Ok(())
}
