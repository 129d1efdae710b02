//! `serve`: a tiny, dependency-free static file server for the built widget.
//!
//! Why this exists rather than `python3 -m http.server` or an npm package:
//!
//! * Browsers only compile WebAssembly with `WebAssembly.instantiateStreaming`
//!   when the `.wasm` file is served as exactly `application/wasm`; many ad-hoc
//!   servers get this wrong or depend on the host's MIME database.
//! * Every response carries the same strict Content-Security-Policy the widget
//!   is expected to run under in production (`'self'` only, plus
//!   `'wasm-unsafe-eval'` so the module can be compiled), so the end-to-end
//!   tests prove the widget needs nothing else: no inline scripts or styles, no
//!   third-party origins.
//! * It uses only the Rust standard library, so it builds offline from the
//!   same toolchain as the widget and needs no internet access.
//!
//! Usage: `serve [--root DIR] [--addr HOST:PORT] [--port N]`
//! (defaults: `--root www --addr 127.0.0.1:8080`).
//!
//! Only `GET` and `HEAD` are supported. Each connection gets its own thread
//! and is closed after one response (`Connection: close`). Paths are
//! percent-decoded, query strings and fragments ignored, `/` and directories
//! map to `index.html`, and nothing outside the root is ever served (any `..`
//! segment, backslash or NUL is refused, and the canonical path of the file
//! must lie under the canonical root, which also defeats symlinks that point
//! outside it).

use std::env;
use std::fs;
use std::io::{self, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;
use std::thread;
use std::time::Duration;

const DEFAULT_ROOT: &str = "www";
const DEFAULT_ADDR: &str = "127.0.0.1:8080";

/// Security headers sent with every response. (Every response also allows
/// any origin to read it (`Access-Control-Allow-Origin: *`): the files are
/// public, and the custom element's module script, stylesheet and wasm are
/// fetched in CORS mode when a trust's intranet page on another origin
/// loads them.)
const CONTENT_SECURITY_POLICY: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; \
     style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; \
     form-action 'self'; frame-ancestors 'self'";

/// The policy actually sent: [`CONTENT_SECURITY_POLICY`], with any
/// `--frame-ancestors` sources added. Set once at start-up.
static POLICY: std::sync::OnceLock<String> = std::sync::OnceLock::new();

fn content_security_policy() -> &'static str {
    POLICY.get().map_or(CONTENT_SECURITY_POLICY, String::as_str)
}

/// [`CONTENT_SECURITY_POLICY`] letting `sources` frame the pages too.
fn policy_with_frame_ancestors(sources: &str) -> String {
    CONTENT_SECURITY_POLICY.replace(
        "frame-ancestors 'self'",
        &format!("frame-ancestors 'self' {sources}"),
    )
}

/// Largest request head (request line plus headers) we will read.
const MAX_REQUEST_HEAD: usize = 16 * 1024;

/// How long an idle client may keep a connection thread busy.
const IO_TIMEOUT: Duration = Duration::from_secs(10);

const USAGE: &str = "\
Usage: serve [--root DIR] [--addr HOST:PORT] [--port N]

Serve the built widget (a static directory) over HTTP.

Options:
  --root DIR         directory to serve (default: www)
  --addr HOST:PORT   address to listen on (default: 127.0.0.1:8080)
  --port N           listen on port N, keeping the host of --addr
  --frame-ancestors SOURCES
                     also let these origins frame the pages (iframe embed),
                     e.g. \"https://intranet.example.nhs.uk\"
  -h, --help         show this help";

/// Command-line configuration.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Config {
    root: PathBuf,
    addr: String,
    /// Extra `frame-ancestors` sources, after `'self'`.
    frame_ancestors: Option<String>,
}

/// What the command line asked for.
#[derive(Debug, PartialEq, Eq)]
enum Command {
    Serve(Config),
    Help,
}

/// Parses the arguments after the program name.
fn parse_args<I, S>(args: I) -> Result<Command, String>
where
    I: IntoIterator<Item = S>,
    S: Into<String>,
{
    let mut root = PathBuf::from(DEFAULT_ROOT);
    let mut addr = DEFAULT_ADDR.to_string();
    let mut frame_ancestors = None;
    let mut args = args.into_iter().map(Into::into);

    while let Some(arg) = args.next() {
        if arg == "-h" || arg == "--help" {
            return Ok(Command::Help);
        }
        let (flag, inline) = match arg.split_once('=') {
            Some((flag, value)) if flag.starts_with("--") => (flag.to_string(), Some(value.into())),
            _ => (arg, None),
        };
        if !matches!(
            flag.as_str(),
            "--root" | "--addr" | "--port" | "--frame-ancestors"
        ) {
            return Err(format!("unknown argument '{flag}'"));
        }
        let value = match inline.or_else(|| args.next()) {
            Some(value) if !value.is_empty() => value,
            _ => return Err(format!("{flag} needs a value")),
        };
        match flag.as_str() {
            "--root" => root = PathBuf::from(value),
            "--frame-ancestors" => {
                // Sources only: a `;` would smuggle in another directive.
                if value.contains([';', ',', '\r', '\n']) {
                    return Err(format!(
                        "--frame-ancestors takes CSP sources separated by spaces, got '{value}'"
                    ));
                }
                frame_ancestors = Some(value);
            }
            "--addr" => {
                match value.rsplit_once(':') {
                    Some((host, port)) if !host.is_empty() && port.parse::<u16>().is_ok() => {}
                    _ => return Err(format!("--addr expects HOST:PORT, got '{value}'")),
                }
                addr = value;
            }
            _ => {
                let port: u16 = value.parse().map_err(|_| {
                    format!("--port expects a number from 0 to 65535, got '{value}'")
                })?;
                let host = addr.rsplit_once(':').map_or("127.0.0.1", |(host, _)| host);
                addr = format!("{host}:{port}");
            }
        }
    }
    Ok(Command::Serve(Config {
        root,
        addr,
        frame_ancestors,
    }))
}

/// The `Content-Type` for a file, chosen by its extension (case-insensitive).
fn content_type(path: &Path) -> &'static str {
    let ext = path
        .extension()
        .and_then(|ext| ext.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    match ext.as_str() {
        "html" | "htm" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "wasm" => "application/wasm",
        "json" => "application/json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "ico" => "image/x-icon",
        "txt" | "toml" => "text/plain; charset=utf-8",
        "md" => "text/markdown; charset=utf-8",
        "webmanifest" => "application/manifest+json",
        _ => "application/octet-stream",
    }
}

/// Decodes `%XX` escapes. Returns `None` for malformed escapes or if the
/// result is not UTF-8.
fn percent_decode(input: &str) -> Option<String> {
    let bytes = input.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = bytes.get(i + 1..i + 3)?;
            let hex = std::str::from_utf8(hex).ok()?;
            if !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
                return None;
            }
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// Maps a request target (e.g. `/pkg/widget_bg.wasm?v=2`) to an existing
/// file under `root`, or `None` if there is no such file or the target tries
/// to escape the root.
fn resolve(root: &Path, request_target: &str) -> Option<PathBuf> {
    // Accept absolute-form targets (`http://host/path`) by dropping the origin.
    let target = match request_target
        .strip_prefix("http://")
        .or_else(|| request_target.strip_prefix("https://"))
    {
        Some(rest) => rest.find('/').map_or("/", |slash| &rest[slash..]),
        None => request_target,
    };
    let path = target.split(['?', '#']).next().unwrap_or_default();
    if !path.starts_with('/') {
        return None;
    }
    let decoded = percent_decode(path)?;
    if decoded.contains(['\\', '\0']) {
        return None;
    }

    let mut candidate = root.to_path_buf();
    for segment in decoded.split('/') {
        match segment {
            "" | "." => {}
            ".." => return None,
            // A drive prefix such as `C:` would replace the whole path on Windows.
            s if s.contains(':') => return None,
            s => candidate.push(s),
        }
    }
    if candidate.is_dir() {
        candidate.push("index.html");
    }

    let root = root.canonicalize().ok()?;
    let candidate = candidate.canonicalize().ok()?;
    (candidate.starts_with(&root) && candidate.is_file()).then_some(candidate)
}

/// The parts of an HTTP/1.x request line.
#[derive(Debug, PartialEq, Eq)]
struct RequestLine<'a> {
    method: &'a str,
    target: &'a str,
    version: &'a str,
}

/// Parses `METHOD SP TARGET SP HTTP/1.x`; `None` if malformed.
fn parse_request_line(line: &str) -> Option<RequestLine<'_>> {
    let mut parts = line.split_ascii_whitespace();
    let (method, target, version) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some()
        || !method.bytes().all(|b| b.is_ascii_uppercase())
        || !matches!(version, "HTTP/1.0" | "HTTP/1.1")
    {
        return None;
    }
    Some(RequestLine {
        method,
        target,
        version,
    })
}

/// An HTTP response before serialisation.
struct Response {
    status: u16,
    reason: &'static str,
    content_type: &'static str,
    body: Vec<u8>,
    allow: bool,
}

impl Response {
    fn file(path: &Path, body: Vec<u8>) -> Self {
        Response {
            status: 200,
            reason: "OK",
            content_type: content_type(path),
            body,
            allow: false,
        }
    }

    fn error(status: u16, reason: &'static str, message: &str) -> Self {
        let body = format!(
            "<!DOCTYPE html>\n<html lang=\"en\">\n<head><meta charset=\"utf-8\">\
             <title>{status} {reason}</title></head>\n\
             <body><h1>{status} {reason}</h1><p>{message}</p></body>\n</html>\n"
        );
        Response {
            status,
            reason,
            content_type: "text/html; charset=utf-8",
            body: body.into_bytes(),
            allow: status == 405,
        }
    }

    /// Serialises the response; `HEAD` responses keep `Content-Length` but
    /// omit the body.
    fn into_bytes(self, include_body: bool) -> Vec<u8> {
        let mut head = format!(
            "HTTP/1.1 {} {}\r\n\
             Content-Type: {}\r\n\
             Content-Length: {}\r\n\
             Content-Security-Policy: {}\r\n\
             X-Content-Type-Options: nosniff\r\n\
             Referrer-Policy: no-referrer\r\n\
             Access-Control-Allow-Origin: *\r\n\
             Cache-Control: no-cache\r\n\
             Connection: close\r\n",
            self.status,
            self.reason,
            self.content_type,
            self.body.len(),
            content_security_policy(),
        );
        if self.allow {
            head.push_str("Allow: GET, HEAD\r\n");
        }
        head.push_str("\r\n");
        let mut bytes = head.into_bytes();
        if include_body {
            bytes.extend_from_slice(&self.body);
        }
        bytes
    }
}

/// Builds the complete response (status line, headers and body) for the raw
/// bytes of a request head.
fn respond(root: &Path, raw_request: &[u8]) -> Vec<u8> {
    let line_end = raw_request.iter().position(|&b| b == b'\n');
    let line = line_end
        .and_then(|end| std::str::from_utf8(&raw_request[..end]).ok())
        .map(|line| line.trim_end_matches('\r'));
    let Some(request) = line.and_then(parse_request_line) else {
        return Response::error(400, "Bad Request", "Malformed HTTP request.").into_bytes(true);
    };

    let include_body = match request.method {
        "GET" => true,
        "HEAD" => false,
        _ => {
            return Response::error(
                405,
                "Method Not Allowed",
                "Only GET and HEAD are supported.",
            )
            .into_bytes(true);
        }
    };

    let response = match resolve(root, request.target).and_then(|path| {
        let body = fs::read(&path).ok()?;
        Some(Response::file(&path, body))
    }) {
        Some(response) => response,
        None => Response::error(404, "Not Found", "Nothing is served at this address."),
    };
    response.into_bytes(include_body)
}

/// Reads one request head from `stream`, writes the response and closes.
fn handle_connection(mut stream: TcpStream, root: &Path) -> io::Result<()> {
    stream.set_read_timeout(Some(IO_TIMEOUT))?;
    stream.set_write_timeout(Some(IO_TIMEOUT))?;

    let mut request = Vec::new();
    let mut chunk = [0u8; 2048];
    loop {
        let n = stream.read(&mut chunk)?;
        if n == 0 {
            break;
        }
        request.extend_from_slice(&chunk[..n]);
        let complete = request.windows(4).any(|w| w == b"\r\n\r\n")
            || request.windows(2).any(|w| w == b"\n\n");
        if complete || request.len() >= MAX_REQUEST_HEAD {
            break;
        }
    }
    if request.is_empty() {
        return Ok(());
    }

    stream.write_all(&respond(root, &request))?;
    stream.flush()?;
    stream.shutdown(std::net::Shutdown::Write)
}

/// Accepts connections forever, one thread per connection.
fn serve(listener: TcpListener, root: Arc<PathBuf>) {
    for stream in listener.incoming() {
        match stream {
            Ok(stream) => {
                let root = Arc::clone(&root);
                thread::spawn(move || {
                    // Client hang-ups and timeouts are routine; nothing to report.
                    let _ = handle_connection(stream, &root);
                });
            }
            Err(err) => eprintln!("serve: failed to accept a connection: {err}"),
        }
    }
}

fn main() -> ExitCode {
    let config = match parse_args(env::args().skip(1)) {
        Ok(Command::Serve(config)) => config,
        Ok(Command::Help) => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Err(message) => {
            eprintln!("serve: {message}\n\n{USAGE}");
            return ExitCode::from(2);
        }
    };

    if let Some(sources) = &config.frame_ancestors {
        let _ = POLICY.set(policy_with_frame_ancestors(sources));
    }
    let root_display = format!(
        "{}/",
        config.root.display().to_string().trim_end_matches('/')
    );
    if !config.root.is_dir() {
        eprintln!(
            "serve: root directory '{root_display}' does not exist or is not a directory \
             (build the widget first, or pass --root DIR)"
        );
        return ExitCode::FAILURE;
    }
    let root = match config.root.canonicalize() {
        Ok(root) => root,
        Err(err) => {
            eprintln!("serve: cannot open root directory '{root_display}': {err}");
            return ExitCode::FAILURE;
        }
    };

    let listener = match TcpListener::bind(&config.addr) {
        Ok(listener) => listener,
        Err(err) if err.kind() == io::ErrorKind::AddrInUse => {
            eprintln!(
                "serve: {} is already in use (is another server running?); \
                 stop it or choose another port with --port N",
                config.addr
            );
            return ExitCode::FAILURE;
        }
        Err(err) => {
            eprintln!("serve: cannot listen on {}: {err}", config.addr);
            return ExitCode::FAILURE;
        }
    };
    let shown_addr = listener
        .local_addr()
        .map_or_else(|_| config.addr.clone(), |addr| addr.to_string());
    println!("Serving {root_display} at http://{shown_addr}/ (Ctrl+C to stop)");
    let _ = io::stdout().flush();

    serve(listener, Arc::new(root));
    ExitCode::SUCCESS
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};

    /// A throwaway directory `<tmp>/serve-test-…/` holding a `www/` root and,
    /// next to it (outside the root), a `Cargo.toml` that must never be served.
    struct Fixture {
        base: PathBuf,
        root: PathBuf,
    }

    impl Fixture {
        fn new() -> Self {
            static COUNTER: AtomicUsize = AtomicUsize::new(0);
            let base = env::temp_dir().join(format!(
                "serve-test-{}-{}",
                std::process::id(),
                COUNTER.fetch_add(1, Ordering::Relaxed)
            ));
            let _ = fs::remove_dir_all(&base);
            let root = base.join("www");
            fs::create_dir_all(root.join("pkg")).unwrap();
            fs::create_dir_all(root.join("docs")).unwrap();
            fs::write(base.join("Cargo.toml"), "[package] # secret\n").unwrap();
            fs::write(root.join("index.html"), "<!DOCTYPE html><p>home</p>\n").unwrap();
            fs::write(root.join("docs/index.html"), "<p>docs</p>").unwrap();
            fs::write(root.join("pkg/widget_bg.wasm"), b"\0asm\x01\0\0\0").unwrap();
            fs::write(root.join("pkg/widget.js"), "export default 1;\n").unwrap();
            fs::write(root.join("with space.txt"), "spaced").unwrap();
            Fixture { base, root }
        }

        fn get(&self, target: &str) -> Vec<u8> {
            self.request("GET", target)
        }

        fn request(&self, method: &str, target: &str) -> Vec<u8> {
            let raw = format!("{method} {target} HTTP/1.1\r\nHost: localhost\r\n\r\n");
            respond(&self.root, raw.as_bytes())
        }
    }

    impl Drop for Fixture {
        fn drop(&mut self) {
            let _ = fs::remove_dir_all(&self.base);
        }
    }

    /// Splits a response into status code, headers (lower-cased names) and body.
    fn parse(response: &[u8]) -> (u16, Vec<(String, String)>, Vec<u8>) {
        let split = response
            .windows(4)
            .position(|w| w == b"\r\n\r\n")
            .expect("response has a blank line after the headers");
        let head = std::str::from_utf8(&response[..split]).unwrap();
        let mut lines = head.split("\r\n");
        let status_line = lines.next().unwrap();
        assert!(status_line.starts_with("HTTP/1.1 "), "{status_line}");
        let status = status_line[9..12].parse().unwrap();
        let headers = lines
            .map(|line| {
                let (name, value) = line.split_once(": ").unwrap();
                (name.to_ascii_lowercase(), value.to_string())
            })
            .collect();
        (status, headers, response[split + 4..].to_vec())
    }

    fn header<'a>(headers: &'a [(String, String)], name: &str) -> Option<&'a str> {
        headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    #[test]
    fn content_types() {
        let ct = |name: &str| content_type(Path::new(name));
        assert_eq!(ct("pkg/widget_bg.wasm"), "application/wasm");
        assert_eq!(ct("WIDGET.WASM"), "application/wasm");
        assert_eq!(ct("index.html"), "text/html; charset=utf-8");
        assert_eq!(ct("widget.js"), "text/javascript; charset=utf-8");
        assert_eq!(ct("snippet.mjs"), "text/javascript; charset=utf-8");
        assert_eq!(ct("widget.css"), "text/css; charset=utf-8");
        assert_eq!(ct("a.json"), "application/json");
        assert_eq!(ct("logo.svg"), "image/svg+xml");
        assert_eq!(ct("logo.png"), "image/png");
        assert_eq!(ct("favicon.ico"), "image/x-icon");
        assert_eq!(ct("notes.txt"), "text/plain; charset=utf-8");
        assert_eq!(ct("board.toml"), "text/plain; charset=utf-8");
        assert_eq!(ct("README.md"), "text/markdown; charset=utf-8");
        assert_eq!(ct("site.webmanifest"), "application/manifest+json");
        assert_eq!(ct("archive.bin"), "application/octet-stream");
        assert_eq!(ct("Makefile"), "application/octet-stream");
    }

    #[test]
    fn wasm_is_served_as_application_wasm() {
        let fx = Fixture::new();
        let (status, headers, body) = parse(&fx.get("/pkg/widget_bg.wasm"));
        assert_eq!(status, 200);
        assert_eq!(header(&headers, "content-type"), Some("application/wasm"));
        assert_eq!(body, b"\0asm\x01\0\0\0");
    }

    #[test]
    fn root_and_directories_serve_index_html() {
        let fx = Fixture::new();
        let (status, headers, body) = parse(&fx.get("/"));
        assert_eq!(status, 200);
        assert_eq!(
            header(&headers, "content-type"),
            Some("text/html; charset=utf-8")
        );
        assert_eq!(body, b"<!DOCTYPE html><p>home</p>\n");

        for target in ["/docs/", "/docs"] {
            let (status, _, body) = parse(&fx.get(target));
            assert_eq!(status, 200, "{target}");
            assert_eq!(body, b"<p>docs</p>", "{target}");
        }
    }

    #[test]
    fn query_string_and_fragment_are_ignored() {
        let fx = Fixture::new();
        for target in ["/pkg/widget.js?v=123", "/pkg/widget.js#top", "/?a=b#c"] {
            let (status, _, _) = parse(&fx.get(target));
            assert_eq!(status, 200, "{target}");
        }
        assert_eq!(
            resolve(&fx.root, "/pkg/widget.js?x=../../Cargo.toml"),
            Some(fx.root.join("pkg/widget.js").canonicalize().unwrap())
        );
    }

    #[test]
    fn percent_encoding_is_decoded() {
        let fx = Fixture::new();
        let (status, _, body) = parse(&fx.get("/with%20space.txt"));
        assert_eq!(status, 200);
        assert_eq!(body, b"spaced");
        let (status, _, _) = parse(&fx.get("/pkg%2Fwidget.js"));
        assert_eq!(status, 200);
        // Malformed escapes are refused rather than guessed at.
        for target in ["/with%2", "/with%zzspace.txt", "/%ff%fe"] {
            assert_eq!(resolve(&fx.root, target), None, "{target}");
        }
    }

    #[test]
    fn traversal_attempts_are_not_found() {
        let fx = Fixture::new();
        // The file exists just outside the root...
        assert!(fx.base.join("Cargo.toml").is_file());
        // ...but no spelling of a path to it is served.
        for target in [
            "/../Cargo.toml",
            "/%2e%2e/Cargo.toml",
            "/%2E%2E/Cargo.toml",
            "/..%2fCargo.toml",
            "/..%2FCargo.toml",
            "/pkg/../../Cargo.toml",
            "/pkg/%2e%2e/%2e%2e/Cargo.toml",
            "/..\\Cargo.toml",
            "/..%5cCargo.toml",
            "/index.html%00.txt",
            "../Cargo.toml",
            "Cargo.toml",
            "//../Cargo.toml",
            "http://localhost/../Cargo.toml",
        ] {
            let (status, headers, body) = parse(&fx.get(target));
            assert_eq!(status, 404, "{target}");
            assert_eq!(
                header(&headers, "content-type"),
                Some("text/html; charset=utf-8")
            );
            assert!(
                !String::from_utf8_lossy(&body).contains("secret"),
                "{target}"
            );
        }
        // An absolute filesystem path is treated as relative to the root.
        let outside = fx.base.join("Cargo.toml");
        assert_eq!(resolve(&fx.root, &outside.display().to_string()), None);
    }

    #[cfg(unix)]
    #[test]
    fn symlinks_out_of_the_root_are_not_followed() {
        let fx = Fixture::new();
        std::os::unix::fs::symlink(fx.base.join("Cargo.toml"), fx.root.join("leak.txt")).unwrap();
        std::os::unix::fs::symlink(&fx.base, fx.root.join("up")).unwrap();
        assert_eq!(parse(&fx.get("/leak.txt")).0, 404);
        assert_eq!(parse(&fx.get("/up/Cargo.toml")).0, 404);
    }

    #[test]
    fn missing_files_are_not_found() {
        let fx = Fixture::new();
        let (status, headers, body) = parse(&fx.get("/nope.js"));
        assert_eq!(status, 404);
        assert_eq!(
            header(&headers, "content-length"),
            Some(body.len().to_string().as_str())
        );
        assert!(String::from_utf8_lossy(&body).contains("404 Not Found"));
    }

    #[test]
    fn head_has_headers_but_no_body() {
        let fx = Fixture::new();
        let (status, headers, body) = parse(&fx.request("HEAD", "/pkg/widget_bg.wasm"));
        assert_eq!(status, 200);
        assert_eq!(header(&headers, "content-type"), Some("application/wasm"));
        assert_eq!(header(&headers, "content-length"), Some("8"));
        assert!(body.is_empty());

        let (status, headers, body) = parse(&fx.request("HEAD", "/missing"));
        assert_eq!(status, 404);
        assert_ne!(header(&headers, "content-length"), Some("0"));
        assert!(body.is_empty());
    }

    #[test]
    fn other_methods_are_not_allowed() {
        let fx = Fixture::new();
        for method in ["POST", "PUT", "DELETE", "OPTIONS", "PATCH"] {
            let (status, headers, body) = parse(&fx.request(method, "/index.html"));
            assert_eq!(status, 405, "{method}");
            assert_eq!(header(&headers, "allow"), Some("GET, HEAD"));
            assert_eq!(
                header(&headers, "content-length"),
                Some(body.len().to_string().as_str())
            );
        }
    }

    #[test]
    fn malformed_requests_are_bad_requests() {
        let fx = Fixture::new();
        for raw in [
            &b""[..],
            b"GET /\r\n\r\n",
            b"GET / HTTP/2\r\n\r\n",
            b"get / HTTP/1.1\r\n\r\n",
            b"GET / HTTP/1.1 extra\r\n\r\n",
            b"\xff\xfe / HTTP/1.1\r\n\r\n",
            b"GET / HTTP/1.1",
        ] {
            assert_eq!(parse(&respond(&fx.root, raw)).0, 400, "{raw:?}");
        }
        // Bare LF line endings are tolerated.
        assert_eq!(parse(&respond(&fx.root, b"GET / HTTP/1.0\n\n")).0, 200);
    }

    #[test]
    fn request_line_parsing() {
        assert_eq!(
            parse_request_line("GET /a?b HTTP/1.1"),
            Some(RequestLine {
                method: "GET",
                target: "/a?b",
                version: "HTTP/1.1"
            })
        );
        assert_eq!(parse_request_line("GET /a"), None);
        assert_eq!(parse_request_line(""), None);
    }

    #[test]
    fn security_headers_on_every_response() {
        let fx = Fixture::new();
        let responses = [
            fx.get("/"),
            fx.get("/pkg/widget_bg.wasm"),
            fx.get("/missing"),
            fx.request("HEAD", "/"),
            fx.request("POST", "/"),
            respond(&fx.root, b"nonsense\r\n\r\n"),
        ];
        for response in &responses {
            let (status, headers, body) = parse(response);
            assert_eq!(
                header(&headers, "content-security-policy"),
                Some(
                    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; \
                     img-src 'self' data:; connect-src 'self'; base-uri 'none'; \
                     form-action 'self'; frame-ancestors 'self'"
                ),
                "{status}"
            );
            assert_eq!(header(&headers, "x-content-type-options"), Some("nosniff"));
            assert_eq!(header(&headers, "referrer-policy"), Some("no-referrer"));
            assert_eq!(header(&headers, "cache-control"), Some("no-cache"));
            assert_eq!(header(&headers, "access-control-allow-origin"), Some("*"));
            assert_eq!(header(&headers, "connection"), Some("close"));
            let length: usize = header(&headers, "content-length").unwrap().parse().unwrap();
            if !body.is_empty() {
                assert_eq!(length, body.len(), "{status}");
            }
        }
    }

    #[test]
    fn frame_ancestors_are_added_after_self() {
        let policy = policy_with_frame_ancestors("https://intranet.example.nhs.uk");
        assert!(policy.ends_with("frame-ancestors 'self' https://intranet.example.nhs.uk"));
        assert!(policy.starts_with("default-src 'self'; script-src 'self' 'wasm-unsafe-eval';"));
    }

    #[test]
    fn command_line() {
        let serve = |root: &str, addr: &str| {
            Ok(Command::Serve(Config {
                root: PathBuf::from(root),
                addr: addr.to_string(),
                frame_ancestors: None,
            }))
        };
        let none: [&str; 0] = [];
        assert_eq!(parse_args(none), serve("www", "127.0.0.1:8080"));
        assert_eq!(
            parse_args(["--root", "dist", "--addr", "0.0.0.0:9000"]),
            serve("dist", "0.0.0.0:9000")
        );
        assert_eq!(
            parse_args(["--port", "3000"]),
            serve("www", "127.0.0.1:3000")
        );
        assert_eq!(
            parse_args(["--addr", "[::1]:80", "--port=81", "--root=out"]),
            serve("out", "[::1]:81")
        );
        assert_eq!(parse_args(["--help"]), Ok(Command::Help));
        assert!(parse_args(["--port", "99999"]).is_err());
        assert!(parse_args(["--addr", "localhost"]).is_err());
        assert!(parse_args(["--root"]).is_err());
        assert!(parse_args(["--bogus"]).is_err());
        assert_eq!(
            parse_args(["--frame-ancestors", "https://intranet.example.nhs.uk"]),
            Ok(Command::Serve(Config {
                root: PathBuf::from("www"),
                addr: "127.0.0.1:8080".to_string(),
                frame_ancestors: Some("https://intranet.example.nhs.uk".to_string()),
            }))
        );
        assert!(parse_args(["--frame-ancestors", "https://a.nhs.uk; script-src *"]).is_err());
        assert!(parse_args(["www"]).is_err());
    }

    #[test]
    fn serves_over_a_real_socket() {
        let fx = Fixture::new();
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let addr = listener.local_addr().unwrap();
        let root = Arc::new(fx.root.canonicalize().unwrap());
        thread::spawn(move || serve(listener, root));

        let fetch = |request: &str| {
            let mut stream = TcpStream::connect(addr).unwrap();
            stream
                .set_read_timeout(Some(Duration::from_secs(10)))
                .unwrap();
            stream.write_all(request.as_bytes()).unwrap();
            let mut response = Vec::new();
            stream.read_to_end(&mut response).unwrap();
            response
        };

        let (status, headers, body) = parse(&fetch(
            "GET /pkg/widget_bg.wasm?cache=1 HTTP/1.1\r\nHost: localhost\r\nConnection: keep-alive\r\n\r\n",
        ));
        assert_eq!(status, 200);
        assert_eq!(header(&headers, "content-type"), Some("application/wasm"));
        assert_eq!(header(&headers, "content-length"), Some("8"));
        assert_eq!(body, b"\0asm\x01\0\0\0");

        let (status, _, _) = parse(&fetch("GET /../Cargo.toml HTTP/1.1\r\nHost: x\r\n\r\n"));
        assert_eq!(status, 404);

        // Several clients at once, one thread each.
        let clients: Vec<_> = (0..8)
            .map(|_| {
                thread::spawn(move || {
                    let mut stream = TcpStream::connect(addr).unwrap();
                    stream.write_all(b"GET / HTTP/1.0\r\n\r\n").unwrap();
                    let mut response = Vec::new();
                    stream.read_to_end(&mut response).unwrap();
                    parse(&response).0
                })
            })
            .collect();
        for client in clients {
            assert_eq!(client.join().unwrap(), 200);
        }
    }
}
