//! Lesson 02: processing the response.
//!
//! ```text
//! cargo run -p lesson-02
//! cargo run -p lesson-02 -- --id 42 --base-url https://jsonplaceholder.typicode.com
//! ```

use std::process::ExitCode;

use clap::Parser;
use lesson_02::{
    FailureKind, fetch_head, fetch_json, fetch_post, fetch_post_ignoring_status, fetch_post_text,
    fetch_post_value,
};
use lesson_support::models::Post;
use lesson_support::report::error_chain;
use lesson_support::{ApiArgs, Error, Latency, exit_code};

/// Read a response four ways, then watch three requests fail, each in its own way.
#[derive(Parser, Debug)]
struct Args {
    /// Which post to read (JSONPlaceholder has posts 1 to 100).
    #[arg(long, default_value_t = 1)]
    id: u64,

    #[command(flatten)]
    api: ApiArgs,
}

#[tokio::main]
async fn main() -> ExitCode {
    // A closed pipe (`lesson-02 | head -1`) ends the run quietly, a full disk with one line,
    // instead of a panic in `println!` (see lesson 01).
    lesson_support::output::exit_on_write_error();
    let args = Args::parse();
    exit_code(run(args).await)
}

async fn run(args: Args) -> Result<(), Error> {
    let api = args.api.connect(Latency::None).await?;
    let (client, base_url, id) = (&api.client, api.base_url.as_str(), args.id);

    println!("1. Status and headers of GET /posts/{id}");
    let head = fetch_head(client, &format!("{base_url}/posts/{id}")).await?;
    println!("   status:         {}", head.status);
    println!(
        "   content-type:   {}",
        head.content_type.as_deref().unwrap_or("(none)")
    );
    match head.content_length {
        Some(length) => println!("   content-length: {length} bytes"),
        None => println!("   content-length: (not sent)"),
    }

    println!("\n2. The body as a typed Post");
    let post = fetch_post(client, base_url, id).await?;
    println!("   post.id = {}, post.user_id = {}", post.id, post.user_id);
    println!("   post.title = {:?}", post.title);

    println!("\n3. The body as an untyped serde_json::Value");
    let value = fetch_post_value(client, base_url, id).await?;
    // Indexing a `Value` never panics: a missing key gives `Value::Null`.
    println!("   value[\"title\"] = {}", value["title"]);
    println!("   value[\"no_such_key\"] = {}", value["no_such_key"]);

    println!("\n4. The body as raw text");
    let text = fetch_post_text(client, base_url, id).await?;
    println!(
        "   {} bytes, starting {:?}",
        text.len(),
        first_chars(&text, 40)
    );

    println!("\n5. When things go wrong (these failures are expected)");
    let missing = format!("{base_url}/posts/101");
    show_failure(
        "GET /posts/101, status checked first",
        fetch_json::<Post>(client, &missing).await,
    );
    show_failure(
        "GET /posts/101, status ignored",
        fetch_post_ignoring_status(client, base_url, 101).await,
    );
    show_failure(
        "GET /todos/1 decoded as a Post",
        fetch_json::<Post>(client, &format!("{base_url}/todos/1")).await,
    );
    Ok(())
}

/// Prints how a demonstration request failed: its kind, then the full cause chain.
fn show_failure(what: &str, result: Result<Post, reqwest::Error>) {
    match result {
        Ok(post) => println!("   {what}: unexpectedly succeeded with post {}", post.id),
        Err(err) => {
            println!("   {what} -> {}", FailureKind::of(&err));
            println!("      {}", error_chain(&err));
        }
    }
}

/// The first `n` characters of `text` (not bytes: slicing a `str` mid-character panics).
fn first_chars(text: &str, n: usize) -> String {
    text.chars().take(n).collect()
}
