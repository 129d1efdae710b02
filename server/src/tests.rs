//! The server end to end: each test starts [`app`] on a free port of
//! 127.0.0.1 over a throwaway directory and talks raw HTTP/1.1 to it, so
//! hyper's parsing, the router, ServeDir and the header layers all take part.

use super::*;
use std::fs;
use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread;
use std::time::Duration;

const DEFAULT_POLICY: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; \
     style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; \
     form-action 'self'; frame-ancestors 'self'";

/// A throwaway directory `<tmp>/serve-test-…/` holding a `www/` root and,
/// next to it (outside the root), a `Cargo.toml` that must never be served;
/// and a server for that root.
struct Fixture {
    base: PathBuf,
    root: PathBuf,
    addr: SocketAddr,
}

impl Fixture {
    fn new() -> Self {
        Self::with_policy(&content_security_policy(None))
    }

    fn with_policy(policy: &str) -> Self {
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
        fs::create_dir_all(root.join("v1.2")).unwrap();
        fs::write(base.join("Cargo.toml"), "[package] # secret\n").unwrap();
        fs::write(root.join("index.html"), "<!DOCTYPE html><p>home</p>\n").unwrap();
        fs::write(root.join("docs/index.html"), "<p>docs</p>").unwrap();
        fs::write(root.join("v1.2/index.html"), "<p>v1.2</p>").unwrap();
        fs::write(root.join("pkg/widget_bg.wasm"), b"\0asm\x01\0\0\0").unwrap();
        fs::write(root.join("pkg/widget.js"), "export default 1;\n").unwrap();
        fs::write(root.join("with space.txt"), "spaced").unwrap();
        let addr = start(&root, policy);
        Fixture { base, root, addr }
    }

    fn get(&self, target: &str) -> Vec<u8> {
        self.request("GET", target)
    }

    fn request(&self, method: &str, target: &str) -> Vec<u8> {
        self.raw(format!("{method} {target} HTTP/1.1\r\nHost: localhost\r\n\r\n").as_bytes())
    }

    /// Sends `request` as is and reads until the server closes.
    fn raw(&self, request: &[u8]) -> Vec<u8> {
        fetch(self.addr, request)
    }
}

impl Drop for Fixture {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.base);
    }
}

/// Serves `root` on a free port, on a thread of its own, as `main` does.
fn start(root: &Path, policy: &str) -> SocketAddr {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    listener.set_nonblocking(true).unwrap();
    let addr = listener.local_addr().unwrap();
    let app = app(&root.canonicalize().unwrap(), policy);
    thread::spawn(move || {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        runtime.block_on(async {
            let listener = tokio::net::TcpListener::from_std(listener).unwrap();
            axum::serve(listener, app).await.unwrap();
        });
    });
    addr
}

fn fetch(addr: SocketAddr, request: &[u8]) -> Vec<u8> {
    let mut stream = TcpStream::connect(addr).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    stream.write_all(request).unwrap();
    let mut response = Vec::new();
    stream.read_to_end(&mut response).unwrap();
    response
}

/// Splits a response into status code, headers (lower-cased names) and body.
fn parse(response: &[u8]) -> (u16, Vec<(String, String)>, Vec<u8>) {
    let split = response
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .unwrap_or_else(|| panic!("no blank line after the headers: {response:?}"));
    let head = std::str::from_utf8(&response[..split]).unwrap();
    let mut lines = head.split("\r\n");
    let status_line = lines.next().unwrap();
    assert!(
        status_line.starts_with("HTTP/1.1 ") || status_line.starts_with("HTTP/1.0 "),
        "{status_line}"
    );
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
    let fx = Fixture::new();
    for (name, expected) in [
        ("widget_bg.wasm", "application/wasm"),
        ("WIDGET.WASM", "application/wasm"),
        ("page.html", "text/html; charset=utf-8"),
        ("page.htm", "text/html; charset=utf-8"),
        ("widget.js", "text/javascript; charset=utf-8"),
        ("snippet.mjs", "text/javascript; charset=utf-8"),
        ("widget.css", "text/css; charset=utf-8"),
        ("a.json", "application/json"),
        ("logo.svg", "image/svg+xml"),
        ("logo.png", "image/png"),
        ("favicon.ico", "image/x-icon"),
        ("notes.txt", "text/plain; charset=utf-8"),
        ("board.toml", "text/plain; charset=utf-8"),
        ("README.md", "text/markdown; charset=utf-8"),
        ("site.webmanifest", "application/manifest+json"),
        ("archive.bin", "application/octet-stream"),
        ("Makefile", "application/octet-stream"),
        // Known to tower-http's guess, not to ours.
        ("data.xml", "application/octet-stream"),
        ("page.shtml", "application/octet-stream"),
    ] {
        fs::write(fx.root.join(name), "x").unwrap();
        let (status, headers, _) = parse(&fx.get(&format!("/{name}")));
        assert_eq!(status, 200, "{name}");
        assert_eq!(header(&headers, "content-type"), Some(expected), "{name}");
    }
    // The type follows the decoded name.
    let (_, headers, _) = parse(&fx.get("/pkg/widget_bg%2Ewasm"));
    assert_eq!(header(&headers, "content-type"), Some("application/wasm"));
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

    // With or without the slash (no redirect), and whatever the directory's
    // name looks like.
    for (target, expected) in [
        ("/docs/", &b"<p>docs</p>"[..]),
        ("/docs", b"<p>docs</p>"),
        ("/v1.2/", b"<p>v1.2</p>"),
        ("/v1.2", b"<p>v1.2</p>"),
    ] {
        let (status, headers, body) = parse(&fx.get(target));
        assert_eq!(status, 200, "{target}");
        assert_eq!(
            header(&headers, "content-type"),
            Some("text/html; charset=utf-8"),
            "{target}"
        );
        assert_eq!(body, expected, "{target}");
    }
    // A directory without an index.html is not listed.
    assert_eq!(parse(&fx.get("/pkg/")).0, 404);
}

#[test]
fn query_string_and_fragment_are_ignored() {
    let fx = Fixture::new();
    for target in ["/pkg/widget.js?v=123", "/pkg/widget.js#top", "/?a=b#c"] {
        let (status, _, _) = parse(&fx.get(target));
        assert_eq!(status, 200, "{target}");
    }
    let (status, _, body) = parse(&fx.get("/pkg/widget.js?x=../../Cargo.toml"));
    assert_eq!(status, 200);
    assert_eq!(body, b"export default 1;\n");
}

#[test]
fn percent_encoding_is_decoded() {
    let fx = Fixture::new();
    let (status, _, body) = parse(&fx.get("/with%20space.txt"));
    assert_eq!(status, 200);
    assert_eq!(body, b"spaced");
    let (status, _, _) = parse(&fx.get("/pkg%2Fwidget.js"));
    assert_eq!(status, 200);
    // Malformed escapes and non-UTF-8 names find nothing.
    for target in ["/with%2", "/with%zzspace.txt", "/%ff%fe"] {
        assert_eq!(parse(&fx.get(target)).0, 404, "{target}");
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
        "//../Cargo.toml",
        "http://localhost/../Cargo.toml",
        // An absolute filesystem path is relative to the root.
        &fx.base.join("Cargo.toml").display().to_string(),
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
    // Targets that are not a path: hyper refuses `../Cargo.toml` outright
    // and reads `Cargo.toml` as a host name, i.e. the path `/`.
    assert_eq!(parse(&fx.get("../Cargo.toml")).0, 400);
    let (status, _, body) = parse(&fx.get("Cargo.toml"));
    assert_eq!(
        (status, &body[..]),
        (200, &b"<!DOCTYPE html><p>home</p>\n"[..])
    );
}

#[cfg(unix)]
#[test]
fn symlinks_out_of_the_root_are_not_followed() {
    let fx = Fixture::new();
    std::os::unix::fs::symlink(fx.base.join("Cargo.toml"), fx.root.join("leak.txt")).unwrap();
    std::os::unix::fs::symlink(&fx.base, fx.root.join("up")).unwrap();
    for target in ["/leak.txt", "/up/Cargo.toml", "/up"] {
        let (status, _, body) = parse(&fx.get(target));
        assert_eq!(status, 404, "{target}");
        assert!(!String::from_utf8_lossy(&body).contains("secret"));
    }
    // What counts is where a path lands: back inside the root is fine.
    assert_eq!(parse(&fx.get("/up/www/index.html")).0, 200);
    // So are symlinks that stay inside it.
    std::os::unix::fs::symlink("pkg/widget.js", fx.root.join("alias.js")).unwrap();
    std::os::unix::fs::symlink(fx.root.join("docs"), fx.root.join("manual")).unwrap();
    assert_eq!(parse(&fx.get("/alias.js")).2, b"export default 1;\n");
    assert_eq!(parse(&fx.get("/manual/")).2, b"<p>docs</p>");
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
    assert_eq!(
        header(&headers, "content-type"),
        Some("text/html; charset=utf-8")
    );
    assert!(String::from_utf8_lossy(&body).contains("404 Not Found"));
    // A file is not a directory.
    assert_eq!(parse(&fx.get("/index.html/")).0, 404);
    assert_eq!(parse(&fx.get("/index.html/x")).0, 404);
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
    let length = parse(&fx.get("/missing")).2.len().to_string();
    assert_eq!(header(&headers, "content-length"), Some(length.as_str()));
    assert!(body.is_empty());
}

#[test]
fn other_methods_are_not_allowed() {
    let fx = Fixture::new();
    for method in ["POST", "PUT", "DELETE", "OPTIONS", "PATCH", "get"] {
        for target in ["/index.html", "/missing"] {
            let (status, headers, body) = parse(&fx.request(method, target));
            assert_eq!(status, 405, "{method} {target}");
            assert_eq!(header(&headers, "allow"), Some("GET, HEAD"));
            assert_eq!(
                header(&headers, "content-length"),
                Some(body.len().to_string().as_str())
            );
            assert!(String::from_utf8_lossy(&body).contains("405 Method Not Allowed"));
        }
    }
}

#[test]
fn malformed_requests_are_bad_requests() {
    let fx = Fixture::new();
    for raw in [
        &b"GET /\r\n\r\n"[..],
        b"GET / HTTP/2\r\n\r\n",
        b"GET / HTTP/1.1 extra\r\n\r\n",
        b"\xff\xfe / HTTP/1.1\r\n\r\n",
        b"nonsense\r\n\r\n",
    ] {
        assert_eq!(parse(&fx.raw(raw)).0, 400, "{raw:?}");
    }
    // Bare LF line endings and HTTP/1.0 are fine, and the server is still up.
    let (status, _, body) = parse(&fx.raw(b"GET / HTTP/1.0\n\n"));
    assert_eq!(
        (status, &body[..]),
        (200, &b"<!DOCTYPE html><p>home</p>\n"[..])
    );
}

#[test]
fn security_headers_on_every_response() {
    let fx = Fixture::new();
    let etag = {
        let (_, headers, _) = parse(&fx.get("/"));
        header(&headers, "etag")
            .expect("ServeDir sends an ETag")
            .to_string()
    };
    let responses = [
        fx.get("/"),
        fx.get("/pkg/widget_bg.wasm"),
        fx.get("/missing"),
        fx.request("HEAD", "/"),
        fx.request("HEAD", "/missing"),
        fx.request("POST", "/"),
        fx.get("/../Cargo.toml"),
        fx.raw(format!("GET / HTTP/1.1\r\nHost: x\r\nIf-None-Match: {etag}\r\n\r\n").as_bytes()),
        fx.raw(b"GET /pkg/widget.js HTTP/1.1\r\nHost: x\r\nRange: bytes=0-5\r\n\r\n"),
    ];
    let mut statuses = Vec::new();
    for response in &responses {
        let (status, headers, body) = parse(response);
        statuses.push(status);
        assert_eq!(
            header(&headers, "content-security-policy"),
            Some(DEFAULT_POLICY),
            "{status}"
        );
        assert_eq!(header(&headers, "x-content-type-options"), Some("nosniff"));
        assert_eq!(header(&headers, "referrer-policy"), Some("no-referrer"));
        assert_eq!(header(&headers, "cache-control"), Some("no-cache"));
        assert_eq!(header(&headers, "access-control-allow-origin"), Some("*"));
        assert_eq!(header(&headers, "connection"), Some("close"));
        if status != 304 {
            let length: usize = header(&headers, "content-length").unwrap().parse().unwrap();
            if !body.is_empty() {
                assert_eq!(length, body.len(), "{status}");
            }
        }
    }
    assert_eq!(statuses, [200, 200, 404, 200, 404, 405, 404, 304, 206]);
}

#[test]
fn frame_ancestors_are_added_after_self() {
    let policy = content_security_policy(Some("https://intranet.example.nhs.uk"));
    assert!(policy.ends_with("frame-ancestors 'self' https://intranet.example.nhs.uk"));
    assert!(policy.starts_with("default-src 'self'; script-src 'self' 'wasm-unsafe-eval';"));
    assert_eq!(content_security_policy(None), DEFAULT_POLICY);

    let fx = Fixture::with_policy(&policy);
    for response in [fx.get("/"), fx.get("/missing")] {
        let (_, headers, _) = parse(&response);
        assert_eq!(
            header(&headers, "content-security-policy"),
            Some(policy.as_str())
        );
    }
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
    assert!(parse_args(["--frame-ancestors", "https://a.nhs.uk\r\nX-Evil: 1"]).is_err());
    assert!(parse_args(["--frame-ancestors", "https://a.nhs.uk\u{1}"]).is_err());
    assert!(parse_args(["www"]).is_err());
}

#[test]
fn connections_close_and_clients_are_served_at_once() {
    let fx = Fixture::new();
    // A client asking to keep the connection open still gets it closed
    // after one response (read_to_end returns).
    let (status, headers, body) = parse(&fx.raw(
        b"GET /pkg/widget_bg.wasm?cache=1 HTTP/1.1\r\nHost: localhost\r\nConnection: keep-alive\r\n\r\n",
    ));
    assert_eq!(status, 200);
    assert_eq!(header(&headers, "content-type"), Some("application/wasm"));
    assert_eq!(header(&headers, "content-length"), Some("8"));
    assert_eq!(body, b"\0asm\x01\0\0\0");

    let addr = fx.addr;
    let clients: Vec<_> = (0..8)
        .map(|_| thread::spawn(move || parse(&fetch(addr, b"GET / HTTP/1.0\r\n\r\n")).0))
        .collect();
    for client in clients {
        assert_eq!(client.join().unwrap(), 200);
    }
}
