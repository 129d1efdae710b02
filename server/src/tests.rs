//! The server end to end: each test starts [`app`] on a free port of
//! 127.0.0.1 over a throwaway directory and talks raw HTTP/1.1 to it, so
//! hyper's parsing, the router, ServeDir and the header layers all take part.

use super::*;
use std::fs;
use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::thread;

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
    gauge: Arc<Gauge>,
}

impl Fixture {
    fn new() -> Self {
        Self::with(&content_security_policy(None), Limits::default())
    }

    fn with_policy(policy: &str) -> Self {
        Self::with(policy, Limits::default())
    }

    fn with_limits(limits: Limits) -> Self {
        Self::with(&content_security_policy(None), limits)
    }

    fn with(policy: &str, limits: Limits) -> Self {
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
        let app = app(
            &root.canonicalize().unwrap(),
            policy,
            limits.request_timeout,
        );
        let (addr, gauge) = start(app, limits);
        Fixture {
            base,
            root,
            addr,
            gauge,
        }
    }

    fn get(&self, target: &str) -> Vec<u8> {
        self.request("GET", target)
    }

    fn request(&self, method: &str, target: &str) -> Vec<u8> {
        self.raw(format!("{method} {target} HTTP/1.1\r\nHost: localhost\r\n\r\n").as_bytes())
    }

    /// A `GET` with extra header lines (each ending in `\r\n`).
    fn get_with(&self, target: &str, headers: &str) -> Vec<u8> {
        self.raw(format!("GET {target} HTTP/1.1\r\nHost: localhost\r\n{headers}\r\n").as_bytes())
    }

    /// Sends `request` as is on a new connection and reads one response.
    fn raw(&self, request: &[u8]) -> Vec<u8> {
        fetch(self.addr, request)
    }
}

impl Drop for Fixture {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.base);
    }
}

/// Serves `app` within `limits` on a free port, on a thread of its own, as
/// `main` does.
fn start(app: Router, limits: Limits) -> (SocketAddr, Arc<Gauge>) {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    listener.set_nonblocking(true).unwrap();
    let addr = listener.local_addr().unwrap();
    let gauge = Arc::new(Gauge::default());
    serve_on_thread(
        move || tokio::net::TcpListener::from_std(listener).unwrap(),
        app,
        limits,
        Arc::clone(&gauge),
    );
    (addr, gauge)
}

/// Runs [`serve`] on its own thread and one-thread runtime, on the listener
/// `make` returns (made inside the runtime).
fn serve_on_thread<L: Accept + 'static>(
    make: impl FnOnce() -> L + Send + 'static,
    app: Router,
    limits: Limits,
    gauge: Arc<Gauge>,
) {
    thread::spawn(move || {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        runtime.block_on(async move { serve(make(), app, limits, gauge).await });
    });
}

fn connect(addr: SocketAddr) -> TcpStream {
    let stream = TcpStream::connect(addr).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    stream
}

/// Sends `request` on a new connection and reads one response.
fn fetch(addr: SocketAddr, request: &[u8]) -> Vec<u8> {
    let mut stream = connect(addr);
    stream.write_all(request).unwrap();
    read_response(&mut stream, request.starts_with(b"HEAD "))
}

/// Reads one response from a kept-alive connection: its head, then as many
/// bytes as `Content-Length` says (none after `HEAD` or for a `304`), or to
/// the end without one.
fn read_response(stream: &mut TcpStream, head: bool) -> Vec<u8> {
    let mut response = Vec::new();
    let mut chunk = [0; 8192];
    let end_of_head = loop {
        if let Some(at) = response.windows(4).position(|w| w == b"\r\n\r\n") {
            break at + 4;
        }
        let read = stream.read(&mut chunk).expect("the server answers in time");
        if read == 0 {
            return response;
        }
        response.extend_from_slice(&chunk[..read]);
    };
    let (status, headers, _) = parse(&response[..end_of_head]);
    let length = match header(&headers, "content-length") {
        _ if head || status == 304 => Some(0),
        Some(length) => Some(length.parse::<usize>().unwrap()),
        None => None,
    };
    match length {
        Some(length) => {
            while response.len() < end_of_head + length {
                let read = stream.read(&mut chunk).expect("the server answers in time");
                assert!(read > 0, "the connection closed mid-body");
                response.extend_from_slice(&chunk[..read]);
            }
        }
        None => {
            stream.read_to_end(&mut response).unwrap();
        }
    }
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
        // Kept alive: the hand-written server closed every connection.
        assert_eq!(header(&headers, "connection"), None, "{status}");
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
fn connections_are_kept_alive_and_clients_served_at_once() {
    let fx = Fixture::new();
    // Three requests on one connection, the last asking to close it.
    let mut stream = connect(fx.addr);
    for (target, body) in [
        ("/pkg/widget_bg.wasm", &b"\0asm\x01\0\0\0"[..]),
        ("/pkg/widget.js", b"export default 1;\n"),
    ] {
        write!(stream, "GET {target} HTTP/1.1\r\nHost: localhost\r\n\r\n").unwrap();
        let (status, headers, got) = parse(&read_response(&mut stream, false));
        assert_eq!((status, &got[..]), (200, body), "{target}");
        assert_eq!(header(&headers, "connection"), None, "{target}");
    }
    stream
        .write_all(b"HEAD / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
        .unwrap();
    let (status, headers, _) = parse(&read_response(&mut stream, true));
    assert_eq!(status, 200);
    assert_eq!(header(&headers, "connection"), Some("close"));
    let mut rest = Vec::new();
    stream.read_to_end(&mut rest).unwrap();
    assert!(rest.is_empty(), "closed after the response");

    let addr = fx.addr;
    let clients: Vec<_> = (0..8)
        .map(|_| thread::spawn(move || parse(&fetch(addr, b"GET / HTTP/1.0\r\n\r\n")).0))
        .collect();
    for client in clients {
        assert_eq!(client.join().unwrap(), 200);
    }
}

#[test]
fn hidden_names_are_not_found() {
    let fx = Fixture::new();
    fs::create_dir_all(fx.root.join(".git")).unwrap();
    fs::write(fx.root.join(".git/config"), "[remote] secret").unwrap();
    fs::write(fx.root.join(".env"), "TOKEN=secret").unwrap();
    fs::write(fx.root.join("pkg/.secret.js"), "secret").unwrap();
    fs::create_dir_all(fx.root.join(".hidden")).unwrap();
    fs::write(fx.root.join(".hidden/index.html"), "secret").unwrap();
    for target in [
        "/.git/config",
        "/.git/",
        "/.git",
        "/.env",
        "/%2eenv",
        "/%2Egit%2Fconfig",
        "/pkg/.secret.js",
        "/pkg/%2esecret.js",
        "/.hidden/",
        "/.hidden/index.html",
        "/./index.html",
        "/pkg/./widget.js",
    ] {
        for method in ["GET", "HEAD"] {
            let (status, headers, body) = parse(&fx.request(method, target));
            assert_eq!(status, 404, "{method} {target}");
            assert_eq!(
                header(&headers, "content-security-policy"),
                Some(DEFAULT_POLICY)
            );
            assert!(!String::from_utf8_lossy(&body).contains("secret"));
        }
    }
    // Nor through a symlink with an innocent name.
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink(".git/config", fx.root.join("config.txt")).unwrap();
        std::os::unix::fs::symlink(".hidden", fx.root.join("shown")).unwrap();
        for target in ["/config.txt", "/shown/", "/shown/index.html"] {
            assert_eq!(parse(&fx.get(target)).0, 404, "{target}");
        }
    }
    // Dots inside a name are fine.
    assert_eq!(parse(&fx.get("/v1.2/")).0, 200);
    assert!(is_hidden("/a/.b") && is_hidden("/..") && is_hidden("/a\\.b"));
    assert!(!is_hidden("/a.b/c..d/index.html"));
}

/// A file big enough to be worth compressing, with `.br` and `.gz` beside it
/// holding recognisable bodies (the server sends them as they are).
fn with_precompressed(fx: &Fixture, name: &str) {
    fs::write(fx.root.join(name), "identity ".repeat(200)).unwrap();
    fs::write(fx.root.join(format!("{name}.br")), "brotli body").unwrap();
    fs::write(
        fx.root.join(format!("{name}.gz")),
        "gzip body, a little longer",
    )
    .unwrap();
}

#[test]
fn precompressed_files_are_sent_to_clients_that_accept_them() {
    let fx = Fixture::new();
    with_precompressed(&fx, "pkg/app_bg.wasm");
    with_precompressed(&fx, "index.html");
    // Only a .gz beside this one.
    fs::write(fx.root.join("pkg/app.js"), "export {};\n".repeat(100)).unwrap();
    fs::write(fx.root.join("pkg/app.js.gz"), "gzip of app.js").unwrap();

    let mut etags = Vec::new();
    for (accept, encoding, body) in [
        (Some("br, gzip"), Some("br"), "brotli body"),
        (
            Some("gzip, deflate, br;q=0.5"),
            Some("gzip"),
            "gzip body, a little longer",
        ),
        (Some("gzip"), Some("gzip"), "gzip body, a little longer"),
        (Some("identity"), None, &*"identity ".repeat(200)),
        (None, None, &*"identity ".repeat(200)),
    ] {
        let extra = accept.map_or(String::new(), |a| format!("Accept-Encoding: {a}\r\n"));
        for target in ["/pkg/app_bg.wasm", "/index.html", "/"] {
            let (status, headers, got) = parse(&fx.get_with(target, &extra));
            let what = format!("{target} with {accept:?}");
            assert_eq!(status, 200, "{what}");
            assert_eq!(String::from_utf8_lossy(&got), body, "{what}");
            assert_eq!(header(&headers, "content-encoding"), encoding, "{what}");
            assert_eq!(header(&headers, "vary"), Some("accept-encoding"), "{what}");
            assert_eq!(
                header(&headers, "content-length"),
                Some(body.len().to_string().as_str()),
                "{what}"
            );
            let expected_type = if target.ends_with(".wasm") {
                "application/wasm"
            } else {
                "text/html; charset=utf-8"
            };
            assert_eq!(
                header(&headers, "content-type"),
                Some(expected_type),
                "{what}"
            );
            assert_eq!(
                header(&headers, "content-security-policy"),
                Some(DEFAULT_POLICY)
            );
            if target == "/pkg/app_bg.wasm" {
                etags.push(header(&headers, "etag").unwrap().to_string());
            }
        }
    }
    // Each encoding is its own representation, with its own ETag.
    etags.dedup();
    assert_eq!(etags.len(), 3, "{etags:?}");

    // HEAD tells the same.
    let (status, headers, body) =
        parse(&fx.raw(b"HEAD /pkg/app_bg.wasm HTTP/1.1\r\nHost: x\r\nAccept-Encoding: br\r\n\r\n"));
    assert_eq!(status, 200);
    assert!(body.is_empty());
    assert_eq!(header(&headers, "content-encoding"), Some("br"));
    assert_eq!(header(&headers, "content-type"), Some("application/wasm"));
    assert_eq!(header(&headers, "content-length"), Some("11"));

    // A client accepting br gets the .gz when there is no .br…
    let (_, headers, body) = parse(&fx.get_with("/pkg/app.js", "Accept-Encoding: br, gzip\r\n"));
    assert_eq!(header(&headers, "content-encoding"), Some("gzip"));
    assert_eq!(body, b"gzip of app.js");
    assert_eq!(
        header(&headers, "content-type"),
        Some("text/javascript; charset=utf-8")
    );
    // …and the file itself when there is neither.
    let (_, headers, body) = parse(&fx.get_with("/pkg/widget.js", "Accept-Encoding: br, gzip\r\n"));
    assert_eq!(header(&headers, "content-encoding"), None);
    assert_eq!(body, b"export default 1;\n");
}

#[test]
fn validators_answer_not_modified() {
    let fx = Fixture::new();
    with_precompressed(&fx, "pkg/app_bg.wasm");
    let (status, headers, _) = parse(&fx.get("/pkg/app_bg.wasm"));
    assert_eq!(status, 200);
    let etag = header(&headers, "etag").expect("an ETag").to_string();
    assert!(
        etag.starts_with('"') && etag.ends_with('"'),
        "strong: {etag}"
    );
    let modified = header(&headers, "last-modified")
        .expect("a Last-Modified")
        .to_string();

    for (extra, expected) in [
        (format!("If-None-Match: {etag}\r\n"), 304),
        (format!("If-None-Match: \"other\", {etag}\r\n"), 304),
        (format!("If-None-Match: W/{etag}\r\n"), 304),
        ("If-None-Match: \"other\"\r\n".to_string(), 200),
        (format!("If-Modified-Since: {modified}\r\n"), 304),
        (
            "If-Modified-Since: Mon, 01 Jan 2001 00:00:00 GMT\r\n".to_string(),
            200,
        ),
        // If-None-Match wins over If-Modified-Since.
        (
            format!("If-None-Match: \"other\"\r\nIf-Modified-Since: {modified}\r\n"),
            200,
        ),
        // The identity ETag does not match the brotli representation.
        (
            format!("If-None-Match: {etag}\r\nAccept-Encoding: br\r\n"),
            200,
        ),
    ] {
        let (status, headers, body) = parse(&fx.get_with("/pkg/app_bg.wasm", &extra));
        assert_eq!(status, expected, "{extra}");
        assert_eq!(
            header(&headers, "content-security-policy"),
            Some(DEFAULT_POLICY)
        );
        assert_eq!(header(&headers, "cache-control"), Some("no-cache"));
        if status == 304 {
            assert!(body.is_empty());
            assert_eq!(header(&headers, "etag"), Some(etag.as_str()), "{extra}");
        }
    }
    // The brotli representation's own ETag does.
    let (_, headers, _) = parse(&fx.get_with("/pkg/app_bg.wasm", "Accept-Encoding: br\r\n"));
    let br_etag = header(&headers, "etag").unwrap();
    let (status, _, _) = parse(&fx.get_with(
        "/pkg/app_bg.wasm",
        &format!("If-None-Match: {br_etag}\r\nAccept-Encoding: br\r\n"),
    ));
    assert_eq!(status, 304);
    // A changed file has a new ETag.
    fs::write(fx.root.join("pkg/app_bg.wasm"), "changed").unwrap();
    let (status, _, body) =
        parse(&fx.get_with("/pkg/app_bg.wasm", &format!("If-None-Match: {etag}\r\n")));
    assert_eq!((status, &body[..]), (200, &b"changed"[..]));
}

#[test]
fn content_hashed_names_are_cached_for_a_year() {
    let fx = Fixture::new();
    for name in [
        "pkg/digital_board_assessment_bg.3fa29c1d0b.wasm",
        "widget.0123456789abcdef.css",
        "pkg/app.3fa29c1d0b.js",
        "pkg/app.3fa29c1d0.js",
        "pkg/app.3FA29C1D0B.js",
        "pkg/app-3fa29c1d0b.js",
    ] {
        fs::write(fx.root.join(name), "x").unwrap();
    }
    for (target, hashed) in [
        ("/pkg/digital_board_assessment_bg.3fa29c1d0b.wasm", true),
        ("/widget.0123456789abcdef.css", true),
        ("/pkg/app.3fa29c1d0b.js", true),
        ("/pkg/app.3fa29c1d0b.js?v=2", true),
        // Nine digits, capitals, no dot: not the convention.
        ("/pkg/app.3fa29c1d0.js", false),
        ("/pkg/app.3FA29C1D0B.js", false),
        ("/pkg/app-3fa29c1d0b.js", false),
        ("/", false),
        ("/index.html", false),
        ("/pkg/widget.js", false),
        ("/pkg/widget_bg.wasm", false),
        // A missing hashed name may appear later: not cached.
        ("/pkg/gone.3fa29c1d0b.js", false),
    ] {
        let (status, headers, _) = parse(&fx.get(target));
        let expected = if hashed {
            "public, max-age=31536000, immutable"
        } else {
            "no-cache"
        };
        assert_eq!(
            header(&headers, "cache-control"),
            Some(expected),
            "{target} ({status})"
        );
        if hashed {
            // Its 304 too.
            let etag = header(&headers, "etag").unwrap();
            let (status, headers, _) =
                parse(&fx.get_with(target, &format!("If-None-Match: {etag}\r\n")));
            assert_eq!(status, 304, "{target}");
            assert_eq!(
                header(&headers, "cache-control"),
                Some(expected),
                "{target}"
            );
        }
    }
    assert_eq!(
        parse(&fx.get("/pkg/digital_board_assessment_bg.3fa29c1d0b.wasm"))
            .1
            .iter()
            .find(|(n, _)| n == "content-type")
            .map(|(_, v)| v.as_str()),
        Some("application/wasm")
    );
    for (name, hashed) in [
        ("a.0123456789.js", true),
        ("a.b.0123456789abcdef0123.wasm", true),
        ("0123456789.js", false),
        (".0123456789.js", false),
        ("a.0123456789.", false),
        ("a.0123456789", false),
        ("a.012345678g.js", false),
    ] {
        assert_eq!(is_content_hashed(name), hashed, "{name}");
    }
}

/// Limits small enough for a test to reach quickly.
fn tight(max_connections: usize) -> Limits {
    Limits {
        max_connections,
        header_timeout: Duration::from_millis(300),
        idle_timeout: Duration::from_millis(500),
        request_timeout: Duration::from_secs(5),
    }
}

/// Reads until the server closes the connection (or resets it), and
/// returns what came, or `None` if it stayed open for 10 s.
fn read_until_closed(stream: &mut TcpStream) -> Option<Vec<u8>> {
    let mut got = Vec::new();
    let mut chunk = [0; 65536];
    loop {
        match stream.read(&mut chunk) {
            Ok(0) => return Some(got),
            Ok(read) => got.extend_from_slice(&chunk[..read]),
            Err(err) if err.kind() == io::ErrorKind::ConnectionReset => return Some(got),
            Err(_) => return None,
        }
    }
}

#[test]
fn slow_clients_are_dropped_while_others_are_served() {
    let fx = Fixture::with_limits(tight(64));
    // Slow-loris: the headers a byte at a time, never finished.
    let addr = fx.addr;
    let loris = thread::spawn(move || {
        let mut stream = connect(addr);
        let mut sent = 0;
        for byte in b"GET / HTTP/1.1\r\nHost: localhost\r\nX-Slow: "
            .iter()
            .cycle()
            .take(200)
        {
            if stream.write_all(&[*byte]).is_err() {
                break;
            }
            sent += 1;
            thread::sleep(Duration::from_millis(20));
        }
        (sent, read_until_closed(&mut stream))
    });
    // A client that connects and says nothing.
    let mut silent = connect(fx.addr);
    // One that asks for a big file and never reads it: the socket buffers
    // fill, the server's writes stall, and the idle limit drops it.
    fs::write(fx.root.join("big.bin"), vec![7u8; 32 << 20]).unwrap();
    let mut stalled = connect(fx.addr);
    stalled
        .write_all(b"GET /big.bin HTTP/1.1\r\nHost: localhost\r\n\r\n")
        .unwrap();
    // Meanwhile everyone else is served.
    for _ in 0..20 {
        assert_eq!(parse(&fx.get("/pkg/widget.js")).0, 200);
    }

    let silent_got = read_until_closed(&mut silent).expect("the silent client is dropped");
    assert!(silent_got.is_empty() || silent_got.starts_with(b"HTTP/1.1 408"));
    let (sent, loris_got) = loris.join().unwrap();
    let loris_got = loris_got.expect("the slow-loris client is dropped");
    assert!(
        sent < 200,
        "dropped before it sent everything ({sent} bytes)"
    );
    assert!(loris_got.is_empty() || loris_got.starts_with(b"HTTP/1.1 408"));
    thread::sleep(Duration::from_secs(1));
    let stalled_got = read_until_closed(&mut stalled).expect("the stalled client is dropped");
    assert!(
        stalled_got.len() < 32 << 20,
        "cut off: {} bytes of {}",
        stalled_got.len(),
        32 << 20
    );
    // And the server is still up, with none of them counted once it has
    // seen the last client go.
    assert_eq!(parse(&fx.get("/")).0, 200);
    let mut open = usize::MAX;
    for _ in 0..50 {
        open = fx.gauge.open.load(Ordering::SeqCst);
        if open == 0 {
            break;
        }
        thread::sleep(Duration::from_millis(100));
    }
    assert_eq!(open, 0);
}

#[test]
fn connection_cap_holds_and_the_server_carries_on() {
    let fx = Fixture::with_limits(tight(3));
    // Ten silent clients: three take every place, the rest wait.
    let silent: Vec<_> = (0..10).map(|_| connect(fx.addr)).collect();
    // Twenty real ones, all at once, each for two files on one connection.
    let addr = fx.addr;
    let clients: Vec<_> = (0..20)
        .map(|_| {
            thread::spawn(move || {
                let mut stream = connect(addr);
                let mut statuses = Vec::new();
                for target in ["/", "/pkg/widget_bg.wasm"] {
                    write!(stream, "GET {target} HTTP/1.1\r\nHost: localhost\r\n\r\n").unwrap();
                    statuses.push(parse(&read_response(&mut stream, false)).0);
                }
                statuses
            })
        })
        .collect();
    for client in clients {
        assert_eq!(client.join().unwrap(), [200, 200]);
    }
    assert_eq!(fx.gauge.peak.load(Ordering::SeqCst), 3);
    drop(silent);
    assert_eq!(parse(&fx.get("/")).0, 200);
}

/// A listener that fails as an overloaded machine's does (`EMFILE`: out of
/// file descriptors) before each connection it accepts.
struct Failing {
    listener: tokio::net::TcpListener,
    failures: Arc<AtomicUsize>,
}

impl Accept for Failing {
    async fn accept(&mut self) -> io::Result<tokio::net::TcpStream> {
        if self
            .failures
            .fetch_add(1, Ordering::SeqCst)
            .is_multiple_of(2)
        {
            return Err(io::Error::from_raw_os_error(24));
        }
        Accept::accept(&mut self.listener).await
    }
}

#[test]
fn accept_errors_are_not_fatal() {
    let std_listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    std_listener.set_nonblocking(true).unwrap();
    let addr = std_listener.local_addr().unwrap();
    let fx = Fixture::new();
    let failures = Arc::new(AtomicUsize::new(0));
    let counted = Arc::clone(&failures);
    serve_on_thread(
        move || Failing {
            listener: tokio::net::TcpListener::from_std(std_listener).unwrap(),
            failures: counted,
        },
        app(
            &fx.root.canonicalize().unwrap(),
            DEFAULT_POLICY,
            Duration::from_secs(5),
        ),
        Limits::default(),
        Arc::default(),
    );
    for _ in 0..5 {
        assert_eq!(parse(&fetch(addr, b"GET / HTTP/1.0\r\n\r\n")).0, 200);
    }
    assert!(failures.load(Ordering::SeqCst) >= 10);
}

#[test]
fn slow_answers_get_an_error_page() {
    let slow = Router::new().route(
        "/slow",
        axum::routing::get(|| async {
            tokio::time::sleep(Duration::from_secs(60)).await;
            "too late"
        }),
    );
    let (addr, _) = start(
        site(slow, DEFAULT_POLICY, Duration::from_millis(200)),
        Limits::default(),
    );
    let (status, headers, body) = parse(&fetch(addr, b"GET /slow HTTP/1.1\r\nHost: x\r\n\r\n"));
    assert_eq!(status, 503);
    assert_eq!(
        header(&headers, "content-security-policy"),
        Some(DEFAULT_POLICY)
    );
    assert!(String::from_utf8_lossy(&body).contains("took too long"));
}

/// The load test, short: 100 clients for 5 s against files of the widget's
/// sizes (precompressed as .ci/build writes them), with zero errors.
/// Ignored by default (it takes the machine's cores for 5 s): run it with
/// `cargo test --release -p digital-board-server -- --ignored --nocapture`.
/// The full run is `examples/load.rs` (README, "Hosting").
#[test]
#[ignore = "a 5 s load test: cargo test -p digital-board-server -- --ignored"]
fn load_100_clients_for_5_seconds_without_errors() {
    let fx = Fixture::new();
    let sized = |name: &str, bytes: usize| {
        fs::write(fx.root.join(name), "x".repeat(bytes)).unwrap();
    };
    sized("page.html", 4 << 10);
    sized("widget.0123456789.css", 60 << 10);
    sized("pkg/app.0123456789.js", 30 << 10);
    sized("pkg/app_bg.0123456789.wasm", 600 << 10);
    sized("pkg/app_bg.0123456789.wasm.br", 160 << 10);
    let paths: Vec<String> = [
        "/page.html",
        "/widget.0123456789.css",
        "/pkg/app.0123456789.js",
        "/pkg/app_bg.0123456789.wasm",
    ]
    .map(String::from)
    .to_vec();
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let report = runtime.block_on(load::run(fx.addr, &paths, 100, Duration::from_secs(5)));
    println!("{}", report.summary());
    assert_eq!(report.errors, 0, "{:?}", report.first_errors);
    assert!(report.requests > 0);
    assert!(fx.gauge.peak.load(Ordering::SeqCst) <= Limits::default().max_connections);
}

#[cfg(unix)]
#[test]
fn unreadable_files_get_an_error_page() {
    let fx = Fixture::new();
    // A symlink to itself cannot be resolved (ELOOP), as a file cannot be
    // opened when the server is out of file descriptors.
    std::os::unix::fs::symlink("loop.js", fx.root.join("loop.js")).unwrap();
    let (status, headers, body) = parse(&fx.get("/loop.js"));
    assert_eq!(status, 500);
    assert_eq!(
        header(&headers, "content-security-policy"),
        Some(DEFAULT_POLICY)
    );
    assert_eq!(header(&headers, "cache-control"), Some("no-cache"));
    assert!(String::from_utf8_lossy(&body).contains("could not read this file"));
    assert_eq!(parse(&fx.get("/")).0, 200);
}

#[test]
fn the_connection_cap_fits_the_open_file_limit() {
    // Two descriptors a connection (its socket, the file being sent) and a
    // few for the rest.
    assert_eq!(connection_cap(1024, Some(1_048_576)), 1024);
    assert_eq!(connection_cap(1024, Some(2080)), 1024);
    assert_eq!(connection_cap(1024, Some(1024)), 496);
    assert_eq!(connection_cap(1024, Some(48)), 8);
    assert_eq!(connection_cap(1024, Some(10)), 1);
    assert_eq!(connection_cap(1024, None), 1024);
    #[cfg(unix)]
    assert!(raise_open_file_limit().is_some_and(|limit| limit > RESERVED_FILES));
}
