//! The server's load test: many clients at once fetching the widget's files
//! (every `.html`, `.js`, `.css` and `.wasm` under the root, only the
//! content-hashed copy where there is one, as a browser would, accepting
//! brotli and gzip) from a running `serve`, for a while;
//! every response must be a whole `200`. Prints requests per second and
//! response times; exits 1 on any error.
//!
//! ```sh
//! .ci/build && cargo build --release -p digital-board-server --bin serve
//! target/release/serve --root www --port 8091 &
//! cargo run --release -p digital-board-server --example load -- --url http://127.0.0.1:8091
//! ```
//!
//! Options: `--url URL` (default `http://127.0.0.1:8080`), `--root DIR`
//! (where to find the file names, default `www`), `--clients N` (200),
//! `--seconds S` (30).

#[path = "../src/load.rs"]
mod load;

use std::net::{SocketAddr, ToSocketAddrs};
use std::path::Path;
use std::process::ExitCode;
use std::time::Duration;

const USAGE: &str = "Usage: load [--url http://HOST:PORT] [--root DIR] [--clients N] [--seconds S]";

/// The widget's files under `root`, as URL paths: the pages, scripts,
/// stylesheets and wasm, not their sources (styles/, templates/), the
/// example pages or precompressed copies.
fn widget_paths(root: &Path, dir: &Path, paths: &mut Vec<String>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        let path = entry.path();
        let relative = path.strip_prefix(root).expect("under the root");
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with('.') {
            continue;
        }
        if entry.file_type()?.is_dir() {
            if !matches!(name.as_str(), "styles" | "templates" | "examples") {
                widget_paths(root, &path, paths)?;
            }
        } else if [".html", ".js", ".css", ".wasm"]
            .iter()
            .any(|extension| name.ends_with(extension))
        {
            paths.push(format!("/{}", relative.to_string_lossy()));
        }
    }
    Ok(())
}

/// `dir/name.ext` for a content-hashed `dir/name.0123456789.ext` (10 or more
/// lowercase hex digits, as the server's `is_content_hashed`).
fn unhashed(path: &str) -> Option<String> {
    let (stem, extension) = path.rsplit_once('.')?;
    let (name, hash) = stem.rsplit_once('.')?;
    let hex = hash.len() >= 10 && hash.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'));
    (hex && !name.ends_with('/')).then(|| format!("{name}.{extension}"))
}

fn parse() -> Result<(SocketAddr, Vec<String>, usize, Duration), String> {
    let mut url = "http://127.0.0.1:8080".to_string();
    let mut root = "www".to_string();
    let mut clients = 200;
    let mut seconds = 30.0;
    let mut args = std::env::args().skip(1);
    while let Some(flag) = args.next() {
        if flag == "-h" || flag == "--help" {
            return Err(USAGE.to_string());
        }
        let value = args
            .next()
            .ok_or(format!("{flag} needs a value\n{USAGE}"))?;
        let number = || format!("{flag} expects a positive number, got '{value}'");
        match flag.as_str() {
            "--url" => url = value.clone(),
            "--root" => root = value.clone(),
            "--clients" => clients = value.parse().ok().filter(|&n| n > 0).ok_or_else(number)?,
            "--seconds" => {
                seconds = value
                    .parse()
                    .ok()
                    .filter(|&s: &f64| s > 0.0)
                    .ok_or_else(number)?
            }
            _ => return Err(format!("unknown argument '{flag}'\n{USAGE}")),
        }
    }
    let host = url
        .strip_prefix("http://")
        .map(|rest| rest.trim_end_matches('/'))
        .filter(|host| !host.contains('/'))
        .ok_or(format!("--url expects http://HOST:PORT, got '{url}'"))?;
    let addr = host
        .to_socket_addrs()
        .ok()
        .and_then(|mut addrs| addrs.next())
        .ok_or(format!("cannot resolve '{host}'"))?;
    let mut paths = Vec::new();
    widget_paths(Path::new(&root), Path::new(&root), &mut paths)
        .map_err(|err| format!("cannot list {root}: {err} (build the widget first: .ci/build)"))?;
    if paths.is_empty() {
        return Err(format!(
            "no widget files under {root} (build the widget first: .ci/build)"
        ));
    }
    // A plain name beside its content-hashed copy (start.js, start.0c5e1f2a9b.js)
    // is not loaded by the pages: fetch the hashed one only, as a browser does.
    let hashed: Vec<String> = paths.iter().filter_map(|path| unhashed(path)).collect();
    paths.retain(|path| !hashed.contains(path));
    paths.sort();
    Ok((addr, paths, clients, Duration::from_secs_f64(seconds)))
}

// One thread, like the server, so the two share the machine's cores.
#[tokio::main(flavor = "current_thread")]
async fn main() -> ExitCode {
    let (addr, paths, clients, duration) = match parse() {
        Ok(parsed) => parsed,
        Err(message) => {
            eprintln!("load: {message}");
            return ExitCode::from(2);
        }
    };
    println!(
        "{clients} clients for {:.0} s against http://{addr}, each fetching {} files in turn: {}",
        duration.as_secs_f64(),
        paths.len(),
        paths.join(" ")
    );
    let report = load::run(addr, &paths, clients, duration).await;
    println!("{}", report.summary());
    for error in &report.first_errors {
        eprintln!("load: {error}");
    }
    if report.errors > 0 || report.requests == 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}
