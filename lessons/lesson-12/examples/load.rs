//! How many requests per second the lesson's server answers, from 64 connections at once.
//!
//! ```text
//! cargo run --release -p lesson-12 --example load
//! cargo run --release -p lesson-12 --example load -- --connections 16 --seconds 10
//! ```
//!
//! Client and server share one process and its cores: the figure is for comparing changes on
//! one machine, not a benchmark of axum.

use std::process::ExitCode;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use clap::Parser;
use lesson_12::{AppState, Limits, app, routes, sample_posts, serve};
use lesson_support::{Error, exit_code};
use tokio::net::TcpListener;
use tokio::task::JoinSet;

#[derive(Parser, Debug)]
struct Args {
    /// How many requests are in flight at once, each on a connection of its own.
    #[arg(long, default_value_t = 64, value_parser = clap::value_parser!(u16).range(1..=1024))]
    connections: u16,

    /// How long to send requests for.
    #[arg(long, default_value_t = 5, value_parser = clap::value_parser!(u64).range(1..=600))]
    seconds: u64,
}

fn main() -> ExitCode {
    let args = Args::parse();
    let runtime = match tokio::runtime::Runtime::new() {
        Ok(runtime) => runtime,
        Err(err) => return exit_code(Err(err.into())),
    };
    exit_code(runtime.block_on(run(&args)))
}

async fn run(args: &Args) -> Result<(), Error> {
    let listener = TcpListener::bind("127.0.0.1:0").await?;
    let addr = listener.local_addr()?;
    let app = app(routes(), AppState::new(sample_posts()), Limits::default());
    tokio::spawn(serve(listener, app, std::future::pending()));

    let url = format!("http://{addr}/posts/3");
    // One client; its pool opens a connection for each request in flight and keeps it.
    let client = lesson_support::client::client_builder(&url)
        .pool_max_idle_per_host(usize::from(args.connections))
        .build()?;
    let answered = Arc::new(AtomicU64::new(0));
    let failed = Arc::new(AtomicU64::new(0));
    let started = Instant::now();
    let until = started + Duration::from_secs(args.seconds);
    let mut senders = JoinSet::new();
    for _ in 0..args.connections {
        let (client, url) = (client.clone(), url.clone());
        let (answered, failed) = (answered.clone(), failed.clone());
        senders.spawn(async move {
            while Instant::now() < until {
                let ok = match client.get(&url).send().await {
                    Ok(response) => {
                        response.status().is_success() && response.bytes().await.is_ok()
                    }
                    Err(_) => false,
                };
                let counter = if ok { &answered } else { &failed };
                counter.fetch_add(1, Ordering::Relaxed);
            }
        });
    }
    while senders.join_next().await.is_some() {}
    let took = started.elapsed().as_secs_f64();
    let answered = answered.load(Ordering::Relaxed);
    println!(
        "{answered} answers in {took:.1} s from {} connections: {:.0} requests/s ({} failed)",
        args.connections,
        answered as f64 / took,
        failed.load(Ordering::Relaxed)
    );
    Ok(())
}
