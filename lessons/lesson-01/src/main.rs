//! Lesson 01: a single request.
//!
//! ```text
//! cargo run -p lesson-01                 # GET /posts/1 from the built-in mock server
//! cargo run -p lesson-01 -- --id 7       # another post
//! cargo run -p lesson-01 -- --base-url https://jsonplaceholder.typicode.com
//! ```

use std::process::ExitCode;

use clap::Parser;
use lesson_01::fetch_post_json;
use lesson_support::{ApiArgs, Error, Latency, exit_code};

/// Fetch one post and print its status and JSON body.
#[derive(Parser, Debug)]
struct Args {
    /// Which post to fetch (JSONPlaceholder has posts 1 to 100).
    #[arg(long, default_value_t = 1)]
    id: u64,

    #[command(flatten)]
    api: ApiArgs,
}

// ANCHOR: main
// `#[tokio::main]` turns `async fn main` into a plain `fn main` that starts the tokio runtime
// and runs this future to completion on it: what `asyncio.run(main())` does in Python.
#[tokio::main]
async fn main() -> ExitCode {
    // `println!` panics when it cannot write: when the reader has gone (`lesson-01 | head -1`
    // closes the pipe after one line) or the disk is full. This turns that into what a Unix
    // tool does: a quiet exit after a closed pipe, as `ls | head` has, or one clear line.
    lesson_support::output::exit_on_write_error();
    let args = Args::parse();
    exit_code(run(args).await)
}

async fn run(args: Args) -> Result<(), Error> {
    // One client for the whole program: the `ClientSession` of aiohttp.
    let api = args.api.connect(Latency::None).await?;

    let (status, body) = fetch_post_json(&api.client, &api.base_url, args.id).await?;
    println!("Status: {status}");
    println!("{}", serde_json::to_string_pretty(&body)?);
    Ok(())
}
// ANCHOR_END: main
