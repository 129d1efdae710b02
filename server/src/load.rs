//! A load test's client: many HTTP/1.1 keep-alive connections at once, each
//! fetching a list of paths over and over (as a browser would, accepting
//! brotli and gzip) until a deadline, every response checked. Shared by
//! `examples/load.rs` and the short run in the tests.

use std::net::SocketAddr;
use std::time::{Duration, Instant};

use http_body_util::{BodyExt, Empty};
use hyper::body::Bytes;
use hyper::{Request, StatusCode, header};
use hyper_util::rt::TokioIo;
use tokio::net::TcpStream;

/// What a run did.
#[derive(Debug, Default)]
pub struct Report {
    /// Responses received and checked.
    pub requests: u64,
    /// Failed requests: refused or dropped connections, other statuses,
    /// short bodies.
    pub errors: u64,
    /// The first few failures, for the message.
    pub first_errors: Vec<String>,
    /// Body bytes received (compressed, as sent).
    pub bytes: u64,
    /// From the first connection to the last response.
    pub elapsed: Duration,
    /// Every response's time, sorted, for percentiles.
    pub latencies: Vec<Duration>,
}

impl Report {
    /// Requests per second.
    pub fn rate(&self) -> f64 {
        self.requests as f64 / self.elapsed.as_secs_f64()
    }

    /// The `p`th percentile response time (`p` from 0 to 100).
    pub fn percentile(&self, p: usize) -> Duration {
        if self.latencies.is_empty() {
            return Duration::ZERO;
        }
        self.latencies[(self.latencies.len() - 1) * p / 100]
    }

    /// One line for people.
    pub fn summary(&self) -> String {
        format!(
            "{} requests in {:.1} s: {:.0} requests/s, {:.1} MB/s; {} errors; \
             response time p50 {:.1} ms, p99 {:.1} ms, max {:.1} ms",
            self.requests,
            self.elapsed.as_secs_f64(),
            self.rate(),
            self.bytes as f64 / self.elapsed.as_secs_f64() / 1e6,
            self.errors,
            ms(self.percentile(50)),
            ms(self.percentile(99)),
            ms(self.percentile(100)),
        )
    }
}

fn ms(duration: Duration) -> f64 {
    duration.as_secs_f64() * 1e3
}

/// Runs `clients` clients against `addr` for `duration`, each fetching
/// `paths` in turn on one kept-alive connection (a new one if it breaks).
pub async fn run(addr: SocketAddr, paths: &[String], clients: usize, duration: Duration) -> Report {
    let start = Instant::now();
    let deadline = start + duration;
    let tasks: Vec<_> = (0..clients)
        .map(|client| {
            let paths = paths.to_vec();
            tokio::spawn(async move { one_client(addr, &paths, client, deadline).await })
        })
        .collect();
    let mut report = Report::default();
    for task in tasks {
        let part = task.await.expect("a client panicked");
        report.requests += part.requests;
        report.errors += part.errors;
        report.bytes += part.bytes;
        report.latencies.extend(part.latencies);
        for error in part.first_errors {
            if report.first_errors.len() < 5 {
                report.first_errors.push(error);
            }
        }
    }
    report.elapsed = start.elapsed();
    report.latencies.sort_unstable();
    report
}

async fn one_client(
    addr: SocketAddr,
    paths: &[String],
    client: usize,
    deadline: Instant,
) -> Report {
    fn fail(report: &mut Report, message: String) {
        report.errors += 1;
        if report.first_errors.len() < 5 {
            report.first_errors.push(message);
        }
    }
    let mut report = Report::default();
    // Clients start at different files, as browsers would be mid-page.
    let mut next = client % paths.len().max(1);
    'connect: while Instant::now() < deadline {
        let stream = match TcpStream::connect(addr).await {
            Ok(stream) => stream,
            Err(err) => {
                fail(&mut report, format!("connect: {err}"));
                tokio::time::sleep(Duration::from_millis(10)).await;
                continue;
            }
        };
        let _ = stream.set_nodelay(true);
        let (mut sender, connection) =
            match hyper::client::conn::http1::handshake(TokioIo::new(stream)).await {
                Ok(pair) => pair,
                Err(err) => {
                    fail(&mut report, format!("handshake: {err}"));
                    continue;
                }
            };
        tokio::spawn(connection);
        while Instant::now() < deadline {
            let path = &paths[next];
            next = (next + 1) % paths.len();
            let request = Request::get(path.as_str())
                .header(header::HOST, addr.to_string())
                .header(header::ACCEPT_ENCODING, "br, gzip")
                .body(Empty::<Bytes>::new())
                .expect("a valid request");
            let sent = Instant::now();
            let response = match sender.send_request(request).await {
                Ok(response) => response,
                Err(err) => {
                    fail(&mut report, format!("GET {path}: {err}"));
                    continue 'connect;
                }
            };
            let status = response.status();
            let length = response
                .headers()
                .get(header::CONTENT_LENGTH)
                .and_then(|value| value.to_str().ok()?.parse::<u64>().ok());
            let body = match response.into_body().collect().await {
                Ok(body) => body.to_bytes(),
                Err(err) => {
                    fail(&mut report, format!("GET {path}: body: {err}"));
                    continue 'connect;
                }
            };
            report.latencies.push(sent.elapsed());
            report.requests += 1;
            report.bytes += body.len() as u64;
            if status != StatusCode::OK {
                fail(&mut report, format!("GET {path}: {status}"));
            } else if length != Some(body.len() as u64) || body.is_empty() {
                fail(
                    &mut report,
                    format!(
                        "GET {path}: {} bytes, Content-Length {length:?}",
                        body.len()
                    ),
                );
            }
        }
    }
    report
}
