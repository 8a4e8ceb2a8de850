//! The module graph has no cycles: each module can be read, changed and tested knowing only
//! what it imports. Reads `src/` the way `use` and paths name modules (`crate::a::b`,
//! `super::c`), leaving test code out, and looks for cycles among sibling modules at every
//! level (`crate`'s children, `feed`'s children, ...). A child naming its own ancestor (as
//! `app::keys` naming `app::Action`) is part of that ancestor, not a cycle.
//!
//! `cargo test --test module_graph -- --nocapture` prints the graph it read.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

type Module = Vec<String>;

/// Every library module (from its file) with the source of its non-test code.
fn modules() -> BTreeMap<Module, String> {
    let mut found = BTreeMap::new();
    collect(
        Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/src")),
        &[],
        &mut found,
    );
    found
}

fn collect(dir: &Path, parent: &[String], found: &mut BTreeMap<Module, String>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .expect("src is readable")
        .map(|e| e.expect("directory entry").path())
        .collect();
    entries.sort();
    for path in entries {
        let name = path
            .file_stem()
            .and_then(|s| s.to_str())
            .expect("UTF-8 file name")
            .to_owned();
        if path.is_dir() {
            if name != "tests" {
                let mut module = parent.to_vec();
                module.push(name);
                collect(&path, &module, found);
            }
            continue;
        }
        if path.extension().and_then(|e| e.to_str()) != Some("rs")
            || name == "main"
            || name == "tests"
            || (parent.is_empty() && name == "testing")
        {
            continue;
        }
        let mut module = parent.to_vec();
        if !(parent.is_empty() && name == "lib") {
            module.push(name);
        }
        let text = std::fs::read_to_string(&path).expect("readable source");
        found.insert(module, without_tests(&text));
    }
}

/// The file's text up to its inline test module, with comments dropped.
fn without_tests(text: &str) -> String {
    let code = text
        .find("#[cfg(test)]\nmod tests {")
        .map_or(text, |at| &text[..at]);
    code.lines()
        .filter(|line| !line.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The module paths a file names, resolved against its own module (`super`, `self`).
fn references(module: &[String], code: &str) -> Vec<Module> {
    let mut paths = Vec::new();
    let bytes: Vec<char> = code.chars().collect();
    let mut i = 0;
    while i < bytes.len() {
        let rest: String = bytes[i..bytes.len().min(i + 7)].iter().collect();
        let boundary = i == 0 || !(bytes[i - 1].is_alphanumeric() || bytes[i - 1] == '_');
        if boundary && (rest.starts_with("crate::") || rest.starts_with("super::")) {
            let (prefixes, end) = expand(&bytes, i);
            for prefix in prefixes {
                if let Some(path) = resolve(module, &prefix) {
                    paths.push(path);
                }
            }
            i = end;
        } else {
            i += 1;
        }
    }
    paths
}

/// The paths of one `crate::a::{b, c::d}` or `super::x` expression, as segments.
fn expand(chars: &[char], start: usize) -> (Vec<Vec<String>>, usize) {
    let mut segments = Vec::new();
    let mut i = start;
    loop {
        let begin = i;
        while i < chars.len() && (chars[i].is_alphanumeric() || chars[i] == '_') {
            i += 1;
        }
        if begin == i {
            break;
        }
        segments.push(chars[begin..i].iter().collect::<String>());
        if chars[i..].starts_with(&[':', ':']) {
            i += 2;
            if chars.get(i) == Some(&'{') {
                let mut depth = 0;
                let open = i;
                while i < chars.len() {
                    match chars[i] {
                        '{' => depth += 1,
                        '}' => {
                            depth -= 1;
                            if depth == 0 {
                                break;
                            }
                        }
                        _ => {}
                    }
                    i += 1;
                }
                let inner: String = chars[open + 1..i].iter().collect();
                let mut all = Vec::new();
                for item in split_top_level(&inner) {
                    let item: Vec<char> = item.trim().chars().collect();
                    if item.is_empty() {
                        continue;
                    }
                    let (tails, _) = expand(&item, 0);
                    for tail in tails {
                        let mut path = segments.clone();
                        path.extend(tail);
                        all.push(path);
                    }
                }
                return (all, i + 1);
            }
        } else {
            break;
        }
    }
    (vec![segments], i)
}

fn split_top_level(s: &str) -> Vec<String> {
    let mut items = vec![String::new()];
    let mut depth = 0;
    for c in s.chars() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            ',' if depth == 0 => {
                items.push(String::new());
                continue;
            }
            _ => {}
        }
        items.last_mut().expect("one item").push(c);
    }
    items
}

fn resolve(module: &[String], path: &[String]) -> Option<Module> {
    let mut base: Vec<String> = Vec::new();
    let mut rest = path;
    match path.first().map(String::as_str) {
        Some("crate") => rest = &path[1..],
        Some("super") => {
            base = module.to_vec();
            while rest.first().map(String::as_str) == Some("super") {
                base.pop()?;
                rest = &rest[1..];
            }
        }
        _ => return None,
    }
    base.extend(rest.iter().cloned());
    Some(base)
}

/// The deepest known module that `path` lies in.
fn owner(known: &BTreeMap<Module, String>, path: &[String]) -> Module {
    (0..=path.len())
        .rev()
        .map(|n| path[..n].to_vec())
        .find(|prefix| known.contains_key(prefix))
        .unwrap_or_default()
}

/// Edges between siblings: for `from` naming `to`, the children of their deepest common
/// ancestor that contain each (none when one contains the other).
fn sibling_edges(known: &BTreeMap<Module, String>) -> BTreeSet<(Module, Module)> {
    let mut edges = BTreeSet::new();
    for (from, code) in known {
        for path in references(from, code) {
            let to = owner(known, &path);
            let common = from.iter().zip(&to).take_while(|(a, b)| a == b).count();
            if common == from.len() || common == to.len() {
                continue;
            }
            edges.insert((from[..=common].to_vec(), to[..=common].to_vec()));
        }
    }
    edges
}

/// Strongly connected groups of more than one module (Tarjan's algorithm, iterative enough
/// for a graph of a few hundred edges).
fn cycles(edges: &BTreeSet<(Module, Module)>) -> Vec<Vec<Module>> {
    let nodes: BTreeSet<&Module> = edges.iter().flat_map(|(a, b)| [a, b]).collect();
    let reach = |start: &Module| -> BTreeSet<Module> {
        let mut seen = BTreeSet::new();
        let mut todo = vec![start.clone()];
        while let Some(node) = todo.pop() {
            for (a, b) in edges {
                if *a == node && seen.insert(b.clone()) {
                    todo.push(b.clone());
                }
            }
        }
        seen
    };
    let reachable: BTreeMap<&Module, BTreeSet<Module>> =
        nodes.iter().map(|n| (*n, reach(n))).collect();
    let mut groups: Vec<Vec<Module>> = Vec::new();
    for node in &nodes {
        let group: Vec<Module> = nodes
            .iter()
            .filter(|other| reachable[node].contains(**other) && reachable[**other].contains(*node))
            .map(|m| (*m).clone())
            .collect();
        if group.len() > 1 && !groups.contains(&group) {
            groups.push(group);
        }
    }
    groups
}

fn name(module: &[String]) -> String {
    if module.is_empty() {
        "crate".to_owned()
    } else {
        module.join("::")
    }
}

#[test]
fn the_reader_sees_uses_grouped_and_relative() {
    let module = vec!["feed".to_owned(), "http".to_owned()];
    let code = "use super::capped::CappedBuf;\nuse crate::{domain::model::{Snapshot, Stage}, sanitize};\nlet x = crate::app::keys::Command::Quit;";
    let found: Vec<String> = references(&module, code).iter().map(|m| name(m)).collect();
    assert_eq!(
        found,
        [
            "feed::capped::CappedBuf",
            "domain::model::Snapshot",
            "domain::model::Stage",
            "sanitize",
            "app::keys::Command::Quit",
        ]
    );
}

#[test]
fn a_cycle_between_siblings_is_found_and_a_child_naming_its_parent_is_not() {
    let module = |s: &str| -> Module { s.split("::").map(str::to_owned).collect() };
    let mut known = BTreeMap::new();
    known.insert(Vec::new(), String::new());
    known.insert(module("app"), "use crate::app::keys::Key;".to_owned());
    known.insert(
        module("app::keys"),
        "use crate::app::Action; use crate::config::X;".to_owned(),
    );
    known.insert(module("config"), "use crate::app::keys::Key;".to_owned());
    known.insert(module("ui"), "use crate::app::App;".to_owned());
    let edges = sibling_edges(&known);
    assert!(edges.contains(&(module("app"), module("config"))));
    assert!(
        !edges
            .iter()
            .any(|(a, b)| a == &module("app::keys") || b == &module("app::keys"))
    );
    assert_eq!(cycles(&edges), vec![vec![module("app"), module("config")]]);
}

#[test]
fn no_module_cycles() {
    let known = modules();
    assert!(known.len() > 40, "read {} modules", known.len());
    let edges = sibling_edges(&known);
    for (from, to) in &edges {
        println!("{} -> {}", name(from), name(to));
    }
    let found = cycles(&edges);
    let shown: Vec<String> = found
        .iter()
        .map(|group| {
            group
                .iter()
                .map(|m| name(m))
                .collect::<Vec<_>>()
                .join(" <-> ")
        })
        .collect();
    assert!(shown.is_empty(), "import cycles:\n{}", shown.join("\n"));
}
