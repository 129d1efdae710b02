//! `serve`: a small static file server for the built widget, on axum,
//! tower-http, hyper and tokio.
//!
//! Why this exists rather than `python3 -m http.server` or an npm package:
//!
//! * Browsers only compile WebAssembly with `WebAssembly.instantiateStreaming`
//!   when the `.wasm` file is served as exactly `application/wasm`; many ad-hoc
//!   servers get this wrong or depend on the host's MIME database. Every file's
//!   `Content-Type` comes from the table in [`content_type`], not from
//!   tower-http's guess.
//! * Every response carries the same strict Content-Security-Policy the widget
//!   is expected to run under in production (`'self'` only, plus
//!   `'wasm-unsafe-eval'` so the module can be compiled), so the end-to-end
//!   tests prove the widget needs nothing else: no inline scripts or styles, no
//!   third-party origins.
//! * A trust may host the widget with it, so it is safe to leave running: see
//!   "Limits" below.
//!
//! Usage: `serve [--root DIR] [--addr HOST:PORT] [--port N] [--frame-ancestors SOURCES]`
//! (defaults: `--root www --addr 127.0.0.1:8080`).
//!
//! tower-http's `ServeDir` does the serving: only `GET` and `HEAD`, paths
//! percent-decoded, query strings ignored, `/` and directories answered with
//! their `index.html`, any `..` segment refused; `file.br` or `file.gz`
//! beside a file sent instead when the client accepts it (written by
//! `.ci/precompress.mjs`), with `Vary: Accept-Encoding`; a strong `ETag`
//! (size and modification time) and `Last-Modified`, answered with `304 Not
//! Modified`. [`InsideRoot`] adds what it lacks: every path is resolved and
//! must lie under the canonical root, so symlinks cannot lead outside it, and
//! no hidden name (a segment starting with `.`: `/.git/config`, `/.env`) is
//! served. Content-hashed names ([`is_content_hashed`]) are cached for a year
//! as immutable; everything else must be revalidated (`no-cache`).
//!
//! # Limits
//!
//! [`serve`] runs hyper's HTTP/1 connections itself (keep-alive on), within
//! [`Limits`]: at most 1,024 connections at once (more wait in the listen
//! queue until one closes; fewer if the open-file limit, raised as far as
//! allowed, cannot hold them: [`connection_cap`]), 10 s to send a request's headers (slow-loris
//! clients are dropped), 30 s without any progress on a connection (a
//! client that stops reading, or an idle keep-alive connection), 30 s to
//! answer a request. A failed `accept` (out of file descriptors, say) is
//! logged and retried after a short pause: the server never exits on
//! overload.

use std::env;
use std::future::Future;
use std::io;
use std::path::{Component, Path, PathBuf};
use std::pin::Pin;
use std::process::ExitCode;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::task::{Context, Poll, ready};
use std::time::Duration;

use axum::Router;
use axum::extract::{Request, State};
use axum::handler::HandlerWithoutStateExt;
use axum::http::StatusCode;
use axum::http::header::{self, HeaderName, HeaderValue};
use axum::middleware::{self, Next};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::get_service;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::service::TowerToHyperService;
use percent_encoding::percent_decode_str;
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::Semaphore;
use tokio::time::{Instant, Sleep};
use tower_http::services::ServeDir;
use tower_http::services::fs::{Backend, TokioBackend, TokioFile};
use tower_http::set_header::response::SetMultipleResponseHeadersLayer;

const DEFAULT_ROOT: &str = "www";
const DEFAULT_ADDR: &str = "127.0.0.1:8080";

/// The Content-Security-Policy sent with every response.
const CONTENT_SECURITY_POLICY: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; \
     style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; \
     form-action 'self'; frame-ancestors 'self'";

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
                // Sources only: a `;` would smuggle in another directive, and
                // a control character cannot go in a header.
                if value.contains([';', ',']) || value.contains(char::is_control) {
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

/// The policy sent: [`CONTENT_SECURITY_POLICY`], letting `sources` (from
/// `--frame-ancestors`) frame the pages too.
fn content_security_policy(frame_ancestors: Option<&str>) -> String {
    match frame_ancestors {
        Some(sources) => CONTENT_SECURITY_POLICY.replace(
            "frame-ancestors 'self'",
            &format!("frame-ancestors 'self' {sources}"),
        ),
        None => CONTENT_SECURITY_POLICY.to_string(),
    }
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

/// How long a response to a content-hashed name may be cached: a year, the
/// most HTTP caches honour. The name changes whenever the content does.
const CACHE_HASHED: &str = "public, max-age=31536000, immutable";
/// Everything else may be cached but must be revalidated first (a cheap `304`
/// thanks to the `ETag`), so a new release is seen at once.
const CACHE_REVALIDATE: &str = "no-cache";

/// Limits on connections and time; see "Limits" in the crate docs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Limits {
    /// Connections served at once; more wait in the listen queue.
    max_connections: usize,
    /// Time to send a request's headers, from the connection's start (or
    /// the end of the previous response on a kept-alive connection).
    header_timeout: Duration,
    /// Time a connection may go without a byte read or written.
    idle_timeout: Duration,
    /// Time to produce a response's headers (a hung disk, say).
    request_timeout: Duration,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_connections: 1024,
            header_timeout: Duration::from_secs(10),
            idle_timeout: Duration::from_secs(30),
            request_timeout: Duration::from_secs(30),
        }
    }
}

/// The whole server: the files under `root` (a canonical path) behind the
/// headers every response carries, 404 and 405 included. (Requests hyper
/// cannot parse never reach it: hyper answers them with a bare 400.)
fn app(root: &Path, policy: &str, request_timeout: Duration) -> Router {
    let root: Arc<Path> = root.into();
    let files = ServeDir::with_backend(&root, InsideRoot(Arc::clone(&root)))
        // Serve `/docs` as `/docs/index.html` directly, as before, not a redirect.
        .redirect_to_trailing_slash(false)
        // `file.br` / `file.gz` beside `file`, when the client accepts them.
        .precompressed_br()
        .precompressed_gzip()
        .not_found_service(not_found.into_service());
    let files = Router::new()
        .fallback_service(get_service(files).fallback(method_not_allowed))
        .layer(middleware::from_fn_with_state(root, exact_content_type))
        .layer(middleware::from_fn(refuse_hidden))
        .layer(middleware::from_fn(cache_control));
    site(files, policy, request_timeout)
}

/// `router` behind the time limit and the headers every response carries.
fn site(router: Router, policy: &str, request_timeout: Duration) -> Router {
    let static_header =
        |name: HeaderName, value: &'static str| (name, HeaderValue::from_static(value)).into();
    let headers = SetMultipleResponseHeadersLayer::overriding(vec![
        (
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_str(policy).expect("parse_args refuses control characters"),
        )
            .into(),
        static_header(header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        static_header(header::REFERRER_POLICY, "no-referrer"),
        // The files are public, and the custom element's module script,
        // stylesheet and wasm are fetched in CORS mode when a trust's
        // intranet page on another origin loads them.
        static_header(header::ACCESS_CONTROL_ALLOW_ORIGIN, "*"),
    ]);
    router
        .layer(middleware::from_fn_with_state(request_timeout, time_limit))
        .layer(headers)
}

/// A `ServeDir` backend confined to the canonical root: ServeDir refuses `..`
/// but follows symlinks, so each path is resolved first and anything that
/// lands outside the root, or on a hidden name inside it, is "not found".
#[derive(Clone)]
struct InsideRoot(Arc<Path>);

/// What [`InsideRoot`]'s methods return, as [`TokioBackend`]'s do.
type IoFuture<T> = Pin<Box<dyn Future<Output = io::Result<T>> + Send>>;

impl InsideRoot {
    /// `path` with every symlink resolved, if that is still under the root
    /// and not hidden (a symlink may point at `.git/config`).
    fn confine(&self, path: PathBuf) -> impl Future<Output = io::Result<PathBuf>> + use<> {
        let root = Arc::clone(&self.0);
        async move {
            let real = tokio::fs::canonicalize(path).await?;
            match real.strip_prefix(&root) {
                Ok(inside) if !inside.components().any(is_hidden_component) => Ok(real),
                _ => Err(io::ErrorKind::NotFound.into()),
            }
        }
    }
}

/// Whether a path component is a hidden name (`.env`, `.git`).
fn is_hidden_component(component: Component) -> bool {
    component.as_os_str().as_encoded_bytes().starts_with(b".")
}

impl Backend for InsideRoot {
    type File = TokioFile;
    type Metadata = std::fs::Metadata;
    type OpenFuture = IoFuture<TokioFile>;
    type MetadataFuture = IoFuture<std::fs::Metadata>;

    fn open(&self, path: PathBuf) -> Self::OpenFuture {
        let real = self.confine(path);
        Box::pin(async move { TokioBackend.open(real.await?).await })
    }

    fn metadata(&self, path: PathBuf) -> Self::MetadataFuture {
        let real = self.confine(path);
        Box::pin(async move { TokioBackend.metadata(real.await?).await })
    }
}

/// The request's path, percent-decoded (as ServeDir decodes it).
fn decoded_path(request: &Request) -> String {
    percent_decode_str(request.uri().path())
        .decode_utf8_lossy()
        .into_owned()
}

/// Whether any segment of a decoded path starts with `.`: dotfiles and
/// dot-directories (`/.git/config`, `/.env`, `/.well-known/x`), `.` and `..`.
fn is_hidden(path: &str) -> bool {
    path.split(['/', '\\'])
        .any(|segment| segment.starts_with('.'))
}

/// Whether a file name is content-hashed: the last dot-separated part before
/// the extension is 10 or more lowercase hex digits, after a name, as in
/// `digital_board_assessment_bg.3fa29c1d0b.wasm`.
fn is_content_hashed(name: &str) -> bool {
    let mut parts = name.rsplit('.');
    match (parts.next(), parts.next(), parts.next()) {
        (Some(extension), Some(hash), Some(stem)) => {
            !extension.is_empty()
                && !stem.is_empty()
                && hash.len() >= 10
                && hash.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
        }
        _ => false,
    }
}

/// Answers any path with a hidden segment "not found", before ServeDir sees it.
async fn refuse_hidden(request: Request, next: Next) -> Response {
    if is_hidden(&decoded_path(&request)) {
        return not_found().await;
    }
    next.run(request).await
}

/// `Cache-Control`: a year, immutable, for a content-hashed file (and its
/// `304`); revalidate everything else, errors included.
async fn cache_control(request: Request, next: Next) -> Response {
    let path = decoded_path(&request);
    let name = path.rsplit('/').next().unwrap_or_default();
    let hashed = is_content_hashed(name);
    let mut response = next.run(request).await;
    let status = response.status();
    let policy = if hashed && (status.is_success() || status == StatusCode::NOT_MODIFIED) {
        CACHE_HASHED
    } else {
        CACHE_REVALIDATE
    };
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static(policy));
    response
}

/// Gives every file served the `Content-Type` from [`content_type`]:
/// tower-http's guess has no charset and differs for some extensions. It
/// follows the name asked for, so `x.wasm` sent as `x.wasm.br` is still
/// `application/wasm`. Also gives ServeDir's bare `500` an error page.
async fn exact_content_type(
    State(root): State<Arc<Path>>,
    request: Request,
    next: Next,
) -> Response {
    let path = decoded_path(&request);
    let mut response = next.run(request).await;
    if response.status() == StatusCode::INTERNAL_SERVER_ERROR {
        // ServeDir's answer to an error other than "not found" (out of file
        // descriptors, say) has no body.
        return error_page(
            StatusCode::INTERNAL_SERVER_ERROR,
            "The server could not read this file. Try again in a moment.",
        );
    }
    if response.status().is_success() {
        // ServeDir answers a directory with its index.html.
        let served = root.join(path.trim_start_matches('/'));
        let directory = tokio::fs::metadata(&served)
            .await
            .is_ok_and(|metadata| metadata.is_dir());
        let name = if directory {
            Path::new("index.html")
        } else {
            Path::new(&path)
        };
        response.headers_mut().insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static(content_type(name)),
        );
    }
    response
}

/// Answers `503` if the response is not ready within `limit` (its body is
/// bounded by [`IdleTimeout`] instead).
async fn time_limit(State(limit): State<Duration>, request: Request, next: Next) -> Response {
    match tokio::time::timeout(limit, next.run(request)).await {
        Ok(response) => response,
        Err(_) => error_page(
            StatusCode::SERVICE_UNAVAILABLE,
            "The server took too long to answer. Try again in a moment.",
        ),
    }
}

/// A small HTML page for an error response.
fn error_page(status: StatusCode, message: &str) -> Response {
    let code = status.as_u16();
    let reason = status.canonical_reason().unwrap_or_default();
    let page = format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head><meta charset=\"utf-8\">\
         <title>{code} {reason}</title></head>\n\
         <body><h1>{code} {reason}</h1><p>{message}</p></body>\n</html>\n"
    );
    (status, Html(page)).into_response()
}

/// The answer when there is no file (or no way in) at the path.
async fn not_found() -> Response {
    error_page(StatusCode::NOT_FOUND, "Nothing is served at this address.")
}

/// The answer to anything but `GET` and `HEAD`.
async fn method_not_allowed() -> Response {
    let page = error_page(
        StatusCode::METHOD_NOT_ALLOWED,
        "Only GET and HEAD are supported.",
    );
    ([(header::ALLOW, "GET, HEAD")], page).into_response()
}

/// Where [`serve`] takes connections from: a [`TcpListener`], or in the
/// tests one that fails on purpose.
trait Accept {
    /// The next connection, or why there is none.
    fn accept(&mut self) -> impl Future<Output = io::Result<TcpStream>>;
}

impl Accept for TcpListener {
    async fn accept(&mut self) -> io::Result<TcpStream> {
        TcpListener::accept(self).await.map(|(stream, _)| stream)
    }
}

/// Connection counts, for the tests.
#[derive(Debug, Default)]
struct Gauge {
    /// Connections open now.
    open: AtomicUsize,
    /// The most ever open at once.
    peak: AtomicUsize,
}

/// A connection's place under the cap, given back (with its permit) when
/// the connection ends however it ends.
struct Slot {
    gauge: Arc<Gauge>,
    _permit: tokio::sync::OwnedSemaphorePermit,
}

impl Slot {
    fn new(gauge: &Arc<Gauge>, permit: tokio::sync::OwnedSemaphorePermit) -> Self {
        let open = gauge.open.fetch_add(1, Ordering::SeqCst) + 1;
        gauge.peak.fetch_max(open, Ordering::SeqCst);
        Slot {
            gauge: Arc::clone(gauge),
            _permit: permit,
        }
    }
}

impl Drop for Slot {
    fn drop(&mut self) {
        self.gauge.open.fetch_sub(1, Ordering::SeqCst);
    }
}

/// Serves `app` on the connections from `listener`, within `limits`, for ever.
async fn serve(mut listener: impl Accept, app: Router, limits: Limits, gauge: Arc<Gauge>) {
    let permits = Arc::new(Semaphore::new(limits.max_connections));
    let service = TowerToHyperService::new(app);
    let mut http = hyper::server::conn::http1::Builder::new();
    http.timer(TokioTimer::new())
        .header_read_timeout(limits.header_timeout)
        .keep_alive(true);
    // Failed accepts in a row, so a long spell of them is one line, not one a pause.
    let mut failed_accepts = 0u64;
    loop {
        // At the cap, stop accepting: new connections wait in the listen
        // queue (the kernel's, up to its backlog) until one closes.
        let permit = Arc::clone(&permits)
            .acquire_owned()
            .await
            .expect("the semaphore is never closed");
        let stream = match listener.accept().await {
            Ok(stream) => stream,
            Err(err) => {
                failed_accepts = pause_after_accept_error(&err, failed_accepts).await;
                continue;
            }
        };
        if failed_accepts > 0 {
            eprintln!("serve: accepting connections again after {failed_accepts} failed attempts");
            failed_accepts = 0;
        }
        // Small responses go out at once rather than waiting for an ACK.
        let _ = stream.set_nodelay(true);
        let slot = Slot::new(&gauge, permit);
        let io = TokioIo::new(IdleTimeout::new(stream, limits.idle_timeout));
        let connection = http.serve_connection(io, service.clone());
        tokio::spawn(async move {
            // An error here is the client's (gone, too slow, sent nonsense):
            // its connection is closed and there is nothing more to do.
            let _ = connection.await;
            drop(slot);
        });
    }
}

/// After a failed `accept` (`failed` before it in a row): nothing for a
/// client that gave up while queued; otherwise (out of file descriptors or
/// memory, say) a line on stderr for the first of a spell, and a short pause
/// for connections to close before trying again. Never fatal. Returns the
/// new count.
async fn pause_after_accept_error(err: &io::Error, failed: u64) -> u64 {
    use io::ErrorKind::{ConnectionAborted, ConnectionRefused, ConnectionReset};
    if matches!(
        err.kind(),
        ConnectionAborted | ConnectionRefused | ConnectionReset
    ) {
        return failed;
    }
    if failed == 0 {
        eprintln!("serve: cannot accept connections ({err}); trying again every 100 ms");
    }
    tokio::time::sleep(Duration::from_millis(100)).await;
    failed + 1
}

/// File descriptors kept for everything but connections: the listener,
/// stdio, the runtime's own.
const RESERVED_FILES: u64 = 32;

/// `wanted` connections, or fewer if `open_files` (the process's limit)
/// cannot hold them: each takes a socket and, while a file is being sent,
/// that file.
fn connection_cap(wanted: usize, open_files: Option<u64>) -> usize {
    match open_files {
        Some(limit) => {
            let fit = limit.saturating_sub(RESERVED_FILES) / 2;
            wanted
                .min(usize::try_from(fit).unwrap_or(usize::MAX))
                .max(1)
        }
        None => wanted,
    }
}

/// Raises this process's open-file limit to the most it may have, as Go's
/// runtime does: many systems start processes at 1,024, no more than the
/// connection cap. Returns the limit now in force, if known.
#[cfg(unix)]
fn raise_open_file_limit() -> Option<u64> {
    let mut limit = libc::rlimit {
        rlim_cur: 0,
        rlim_max: 0,
    };
    // SAFETY: getrlimit and setrlimit only read or write the struct given.
    unsafe {
        if libc::getrlimit(libc::RLIMIT_NOFILE, &mut limit) != 0 {
            return None;
        }
        if limit.rlim_cur < limit.rlim_max {
            let raised = libc::rlimit {
                rlim_cur: limit.rlim_max,
                rlim_max: limit.rlim_max,
            };
            // On failure (macOS refuses more than OPEN_MAX) keep what there is.
            if libc::setrlimit(libc::RLIMIT_NOFILE, &raised) == 0 {
                limit = raised;
            }
        }
    }
    // `rlim_t` is u64 on Linux but not on every Unix.
    #[allow(clippy::useless_conversion)]
    u64::try_from(limit.rlim_cur).ok()
}

/// Elsewhere the limit is unknown; the cap stays as it is.
#[cfg(not(unix))]
fn raise_open_file_limit() -> Option<u64> {
    None
}

/// A connection that fails with `TimedOut` once `limit` passes with no byte
/// read or written: drops clients that stop reading a response or sending a
/// request, and idle kept-alive connections.
struct IdleTimeout<T> {
    io: T,
    limit: Duration,
    /// When a byte last went either way.
    progress: Instant,
    /// Set lazily to `progress + limit`, so progress costs no timer update.
    timer: Pin<Box<Sleep>>,
}

impl<T> IdleTimeout<T> {
    fn new(io: T, limit: Duration) -> Self {
        IdleTimeout {
            io,
            limit,
            progress: Instant::now(),
            timer: Box::pin(tokio::time::sleep(limit)),
        }
    }

    /// Notes what the inner call returned: progress if it is ready, else an
    /// error once the connection has been idle for `limit`.
    fn check<R>(&mut self, cx: &mut Context<'_>, poll: Poll<io::Result<R>>) -> Poll<io::Result<R>> {
        if poll.is_ready() {
            self.progress = Instant::now();
            return poll;
        }
        loop {
            let deadline = self.progress + self.limit;
            if self.timer.deadline() != deadline {
                self.timer.as_mut().reset(deadline);
            }
            ready!(self.timer.as_mut().poll(cx));
            if Instant::now() >= deadline {
                return Poll::Ready(Err(io::ErrorKind::TimedOut.into()));
            }
        }
    }
}

impl<T: AsyncRead + Unpin> AsyncRead for IdleTimeout<T> {
    fn poll_read(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        let this = self.get_mut();
        let poll = Pin::new(&mut this.io).poll_read(cx, buf);
        this.check(cx, poll)
    }
}

impl<T: AsyncWrite + Unpin> AsyncWrite for IdleTimeout<T> {
    fn poll_write(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        let this = self.get_mut();
        let poll = Pin::new(&mut this.io).poll_write(cx, buf);
        this.check(cx, poll)
    }

    fn poll_write_vectored(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        bufs: &[io::IoSlice<'_>],
    ) -> Poll<io::Result<usize>> {
        let this = self.get_mut();
        let poll = Pin::new(&mut this.io).poll_write_vectored(cx, bufs);
        this.check(cx, poll)
    }

    fn is_write_vectored(&self) -> bool {
        self.io.is_write_vectored()
    }

    fn poll_flush(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        let this = self.get_mut();
        let poll = Pin::new(&mut this.io).poll_flush(cx);
        this.check(cx, poll)
    }

    fn poll_shutdown(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        let this = self.get_mut();
        let poll = Pin::new(&mut this.io).poll_shutdown(cx);
        this.check(cx, poll)
    }
}

/// Threads tokio may start to read files (its default, 512, would let a
/// burst of clients start hundreds).
const FILE_THREADS: usize = 16;

fn main() -> ExitCode {
    // One thread is plenty for a handful of static files (tokio reads them
    // on a small pool of its own).
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .max_blocking_threads(FILE_THREADS)
        .build();
    match runtime {
        Ok(runtime) => runtime.block_on(run()),
        Err(err) => {
            eprintln!("serve: cannot start: {err}");
            ExitCode::FAILURE
        }
    }
}

/// Everything `main` does, on the runtime.
async fn run() -> ExitCode {
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

    let listener = match TcpListener::bind(&config.addr).await {
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
    // `.ci/test` and `.ci/bench` find the port by grepping this line for `http://…`.
    println!("Serving {root_display} at http://{shown_addr}/ (Ctrl+C to stop)");

    let policy = content_security_policy(config.frame_ancestors.as_deref());
    let mut limits = Limits::default();
    let open_files = raise_open_file_limit();
    limits.max_connections = connection_cap(limits.max_connections, open_files);
    if limits.max_connections < Limits::default().max_connections {
        eprintln!(
            "serve: at most {} connections at once: this process may open only {} files \
             (raise it with `ulimit -n`)",
            limits.max_connections,
            open_files.unwrap_or_default()
        );
    }
    let app = app(&root, &policy, limits.request_timeout);
    serve(listener, app, limits, Arc::default()).await;
    unreachable!("serve never returns")
}

#[cfg(test)]
mod load;
#[cfg(test)]
mod tests;
