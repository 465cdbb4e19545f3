//! The `mock-server` binary: the course's mock JSONPlaceholder as a standalone server.
//!
//! `cargo run -p mock-server -- --port 3000 --latency 200ms` serves until Ctrl-C (or SIGTERM),
//! so that a learner can aim curl, a browser, or a lesson's `--base-url` at it. It binds
//! 127.0.0.1 by default (nothing outside this machine can reach it).
//!
//! It runs [`mock_server::serve`], the hyper front end, rather than the wiremock one the tests
//! use: same answers, but no request is kept once answered, so its memory stays flat however
//! long it runs and however hard a load test pushes it.
//!
//! Clients that misbehave are held to limits (`--header-timeout`, `--body-timeout`,
//! `--max-connections`, and a 64 KiB cap on request bodies; see [`mock_server::ServeLimits`]),
//! so that a crowd of idle or slow connections, or a huge upload, cannot wear the server down.
//!
//! Every mistake (a bad flag, a busy port, an output that cannot be written) ends with one line
//! on stderr that says what went wrong and what to do, and a non-zero exit status; never a
//! panic. A closed pipe (`mock-server | head -1`) ends it quietly, as it ends any Unix tool.

use std::io::ErrorKind;
use std::net::TcpListener;
use std::process::ExitCode;
use std::time::Duration;

use clap::Parser;
use mock_server::{
    Fault, FaultEffect, FaultSelect, Latency, ServeLimits, ServeOptions, parse_duration, serve,
};

/// An offline replica of the JSONPlaceholder API, with latency and fault knobs.
#[derive(Parser, Debug)]
#[command(name = "mock-server", version)]
struct Args {
    /// The address to listen on. The default keeps the server private to this machine; 0.0.0.0
    /// opens it to the network.
    #[arg(long, default_value = "127.0.0.1")]
    host: String,

    /// The port to listen on; 0 picks a free one (the URL is printed at start).
    #[arg(long, default_value_t = 0)]
    port: u16,

    /// Wait before every answer: 200ms, 1.5s, or a range such as 100ms..300ms (drawn per
    /// request).
    #[arg(long, value_name = "DURATION", default_value = "0")]
    latency: Latency,

    /// Seed for latency ranges and --fail-share: the same seed fails the same requests.
    #[arg(long, default_value_t = 0)]
    seed: u64,

    /// Fail every Nth request (the Nth, 2Nth, …), counting all requests.
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u64).range(1..))]
    fail_every: Option<u64>,

    /// Fail this share of requests, from 0 to 1 (0.1 = 10%), chosen by --seed.
    #[arg(long, value_name = "SHARE", value_parser = parse_share)]
    fail_share: Option<f64>,

    /// Fail requests about these ids (the 3 in /posts/3 or /posts/3/comments), comma-separated.
    #[arg(long, value_name = "IDS", value_delimiter = ',')]
    fail_ids: Vec<u64>,

    /// How the chosen requests fail: an HTTP status (500, 503, 429, …) or `drop` to close the
    /// connection without an answer.
    #[arg(long, value_name = "500|503|429|drop", value_parser = parse_fail_with)]
    fail_with: Option<FailWith>,

    /// With --fail-with 429: the wait the Retry-After header asks for.
    #[arg(long, value_name = "DURATION", value_parser = parse_duration)]
    retry_after: Option<Duration>,

    /// Close a connection that has not sent a complete request header this long after
    /// connecting, or after its previous answer (so idle keep-alive connections too).
    #[arg(long, value_name = "DURATION", default_value = "30s", value_parser = parse_timeout)]
    header_timeout: Duration,

    /// Close a connection whose request body has not fully arrived this long after its header.
    #[arg(long, value_name = "DURATION", default_value = "30s", value_parser = parse_timeout)]
    body_timeout: Duration,

    /// Answer 503 to newcomers while this many connections are open.
    #[arg(long, value_name = "N", default_value_t = ServeLimits::default().max_connections,
          value_parser = parse_max_connections)]
    max_connections: usize,
}

/// The `--fail-with` choice.
#[derive(Clone, Copy, Debug, PartialEq)]
enum FailWith {
    Status(u16),
    Drop,
}

fn parse_fail_with(text: &str) -> Result<FailWith, String> {
    if text.eq_ignore_ascii_case("drop") {
        return Ok(FailWith::Drop);
    }
    match text.parse::<u16>() {
        Ok(status @ 400..=599) => Ok(FailWith::Status(status)),
        _ => Err("use an error status from 400 to 599 (such as 500, 503 or 429) or `drop`".into()),
    }
}

/// A timeout of zero would close every connection before its first request.
fn parse_timeout(text: &str) -> Result<Duration, String> {
    match parse_duration(text)? {
        Duration::ZERO => Err("use a timeout above zero, such as 10s or 500ms".into()),
        timeout => Ok(timeout),
    }
}

fn parse_max_connections(text: &str) -> Result<usize, String> {
    // tokio's semaphore panics past `Semaphore::MAX_PERMITS`; a million is already far above
    // any descriptor limit.
    match text.parse::<usize>() {
        Ok(n @ 1..=1_000_000) => Ok(n),
        _ => Err("use a number of connections from 1 to 1000000, such as 1024".into()),
    }
}

fn parse_share(text: &str) -> Result<f64, String> {
    match text.parse::<f64>() {
        Ok(share) if (0.0..=1.0).contains(&share) => Ok(share),
        _ => Err("use a share from 0 to 1, such as 0.1 for 10% of requests".into()),
    }
}

impl Args {
    /// The faults the flags describe: one per selection flag, all with the same effect.
    fn faults(&self) -> Result<Vec<Fault>, String> {
        let mut selections = Vec::new();
        if let Some(n) = self.fail_every {
            selections.push(FaultSelect::EveryNth(n));
        }
        if let Some(share) = self.fail_share {
            selections.push(FaultSelect::Share(share));
        }
        if !self.fail_ids.is_empty() {
            selections.push(FaultSelect::Ids(self.fail_ids.clone()));
        }
        let fail_with = self.fail_with.unwrap_or(FailWith::Status(500));
        if selections.is_empty() && self.fail_with.is_some() {
            return Err("--fail-with needs a choice of requests to fail: add --fail-every, --fail-share or --fail-ids".into());
        }
        if self.retry_after.is_some() && fail_with != FailWith::Status(429) {
            return Err("--retry-after only applies to --fail-with 429".into());
        }
        let effect = match fail_with {
            FailWith::Drop => FaultEffect::DropConnection,
            FailWith::Status(429) => FaultEffect::TooManyRequests {
                retry_after: self.retry_after.unwrap_or(Duration::from_secs(1)),
            },
            FailWith::Status(status) => FaultEffect::Status(status),
        };
        Ok(selections
            .into_iter()
            .map(|select| Fault {
                select,
                effect: effect.clone(),
            })
            .collect())
    }
}

/// Binds the port before serving, so that a busy port becomes one clear sentence, with the way
/// out, before anything else happens.
fn bind(host: &str, port: u16) -> Result<TcpListener, String> {
    TcpListener::bind((host, port)).map_err(|err| match err.kind() {
        ErrorKind::AddrInUse => format!(
            "port {port} is already in use on {host}; pick another with --port, or --port 0 for any free port"
        ),
        ErrorKind::PermissionDenied => format!(
            "not allowed to listen on port {port} on {host} (ports below 1024 need privileges); pick another with --port"
        ),
        ErrorKind::AddrNotAvailable => {
            format!("{host} is not an address of this machine; use --host 127.0.0.1 (or 0.0.0.0 for all)")
        }
        _ => format!("cannot listen on {host} port {port}: {err}; check --host and --port"),
    })
}

/// Waits for Ctrl-C, or SIGTERM (what `kill` and service managers send) on Unix.
async fn shutdown_signal() {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{SignalKind, signal};
        match signal(SignalKind::terminate()) {
            Ok(mut terminate) => {
                tokio::select! {
                    _ = tokio::signal::ctrl_c() => {}
                    _ = terminate.recv() => {}
                }
            }
            Err(_) => {
                let _ = tokio::signal::ctrl_c().await;
            }
        }
    }
    #[cfg(not(unix))]
    {
        let _ = tokio::signal::ctrl_c().await;
    }
}

fn describe(latency: Latency, faults: &[Fault]) -> String {
    let mut knobs = Vec::new();
    if latency != Latency::None {
        knobs.push(format!("latency {latency}"));
    }
    knobs.extend(faults.iter().map(|fault| format!("fault: {fault}")));
    if knobs.is_empty() {
        String::new()
    } else {
        format!(" [{}]", knobs.join("; "))
    }
}

#[tokio::main]
async fn main() -> ExitCode {
    // `println!` panics when stdout is a closed pipe or a full disk; end quietly, or with one
    // line, instead (see `mock_server::output`).
    mock_server::output::exit_on_write_error();
    let args = match Args::try_parse() {
        Ok(args) => args,
        Err(err) => {
            use clap::error::ErrorKind as Clap;
            if matches!(err.kind(), Clap::DisplayHelp | Clap::DisplayVersion) {
                // --help and --version are not errors: clap prints them to stdout.
                let _ = err.print();
                return ExitCode::SUCCESS;
            }
            // clap's own report spans several lines (usage, tips); keep its first line, which
            // names the problem, and point at --help for the rest.
            let rendered = err.to_string();
            let first = rendered
                .lines()
                .next()
                .unwrap_or("error: invalid arguments");
            eprintln!("{first}; see --help");
            return ExitCode::from(2);
        }
    };
    match run(args).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::FAILURE
        }
    }
}

async fn run(args: Args) -> Result<(), String> {
    let faults = args.faults()?;
    let listener = bind(&args.host, args.port)?;
    let address = listener
        .local_addr()
        .map_err(|err| format!("cannot read the address we listen on: {err}"))?;
    println!(
        "mock JSONPlaceholder listening on http://{address}{} (Ctrl-C to stop)",
        describe(args.latency, &faults)
    );
    let options = ServeOptions {
        latency: args.latency,
        seed: args.seed,
        faults,
        limits: ServeLimits {
            header_read_timeout: args.header_timeout,
            body_read_timeout: args.body_timeout,
            max_connections: args.max_connections,
        },
        ..ServeOptions::default()
    };
    serve(listener, options, shutdown_signal())
        .await
        .map_err(|err| format!("cannot serve on {address}: {err}"))
}
