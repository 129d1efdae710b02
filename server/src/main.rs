//! `serve`: a small static file server for the built widget, on axum,
//! tower-http and tokio.
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
//!
//! Usage: `serve [--root DIR] [--addr HOST:PORT] [--port N] [--frame-ancestors SOURCES]`
//! (defaults: `--root www --addr 127.0.0.1:8080`).
//!
//! tower-http's `ServeDir` does the serving: only `GET` and `HEAD`, paths
//! percent-decoded, query strings ignored, `/` and directories answered with
//! their `index.html`, any `..` segment refused. [`InsideRoot`] adds what it
//! lacks: every path is resolved and must lie under the canonical root, so
//! symlinks cannot lead outside it. Each response still closes its
//! connection (`Connection: close`), as the hand-written server's did.

use std::env;
use std::future::Future;
use std::io;
use std::path::{Path, PathBuf};
use std::pin::Pin;
use std::process::ExitCode;
use std::sync::Arc;

use axum::Router;
use axum::extract::{Request, State};
use axum::handler::HandlerWithoutStateExt;
use axum::http::StatusCode;
use axum::http::header::{self, HeaderName, HeaderValue};
use axum::middleware::{self, Next};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::get_service;
use percent_encoding::percent_decode_str;
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

/// The whole server: the files under `root` (a canonical path) behind the
/// headers every response carries, 404 and 405 included. (Requests hyper
/// cannot parse never reach it: hyper answers them with a bare 400.)
fn app(root: &Path, policy: &str) -> Router {
    let root: Arc<Path> = root.into();
    let files = ServeDir::with_backend(&root, InsideRoot(Arc::clone(&root)))
        // Serve `/docs` as `/docs/index.html` directly, as before, not a redirect.
        .redirect_to_trailing_slash(false)
        .not_found_service(not_found.into_service());
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
        static_header(header::CACHE_CONTROL, "no-cache"),
        static_header(header::CONNECTION, "close"),
    ]);
    Router::new()
        .fallback_service(get_service(files).fallback(method_not_allowed))
        .layer(middleware::from_fn_with_state(root, exact_content_type))
        .layer(headers)
}

/// A `ServeDir` backend confined to the canonical root: ServeDir refuses `..`
/// but follows symlinks, so each path is resolved first and anything that
/// lands outside the root is "not found".
#[derive(Clone)]
struct InsideRoot(Arc<Path>);

/// What [`InsideRoot`]'s methods return, as [`TokioBackend`]'s do.
type IoFuture<T> = Pin<Box<dyn Future<Output = io::Result<T>> + Send>>;

impl InsideRoot {
    /// `path` with every symlink resolved, if that is still under the root.
    fn confine(&self, path: PathBuf) -> impl Future<Output = io::Result<PathBuf>> + use<> {
        let root = Arc::clone(&self.0);
        async move {
            let real = tokio::fs::canonicalize(path).await?;
            if real.starts_with(&root) {
                Ok(real)
            } else {
                Err(io::ErrorKind::NotFound.into())
            }
        }
    }
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

/// Gives every file served the `Content-Type` from [`content_type`]:
/// tower-http's guess has no charset and differs for some extensions.
async fn exact_content_type(
    State(root): State<Arc<Path>>,
    request: Request,
    next: Next,
) -> Response {
    let path = percent_decode_str(request.uri().path())
        .decode_utf8_lossy()
        .into_owned();
    let mut response = next.run(request).await;
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

// One thread is plenty for a handful of static files (tokio reads them on
// its blocking pool).
#[tokio::main(flavor = "current_thread")]
async fn main() -> ExitCode {
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

    let listener = match tokio::net::TcpListener::bind(&config.addr).await {
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
    match axum::serve(listener, app(&root, &policy)).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("serve: {err}");
            ExitCode::FAILURE
        }
    }
}

#[cfg(test)]
mod tests;
