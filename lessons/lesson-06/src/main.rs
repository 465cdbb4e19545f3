//! Lesson 06: sending data.
//!
//! ```text
//! cargo run -p lesson-06                          # every verb, a query, all todos in pages of 30
//! cargo run -p lesson-06 -- --page-size 50        # fewer, larger pages
//! cargo run -p lesson-06 -- --base-url https://jsonplaceholder.typicode.com
//! ```

use std::num::NonZeroU32;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use clap::Parser;
use lesson_06::{
    MAX_PAGES, NewPost, Page, PostPatch, count_posts, create_post, delete_post, fetch_page,
    page_count, patch_post, post_status, posts_by_user, query_pairs, replace_post, search_urls,
};
use lesson_support::api::format_duration;
use lesson_support::models::{Post, Todo};
use lesson_support::report::shorten;
use lesson_support::{ApiArgs, Error, Latency, exit_code};
use serde::Serialize;

/// POST, PUT, PATCH and DELETE a post, filter with a query string, then walk every todo page
/// by page.
#[derive(Parser, Debug)]
struct Args {
    /// Todos per page in the paginated walk (JSONPlaceholder has 200 todos). The walk asks
    /// for at most 1000 pages, and stops at the first empty one.
    #[arg(long, value_name = "N", default_value = "30")]
    page_size: NonZeroU32,

    #[command(flatten)]
    api: ApiArgs,
}

/// The built-in mock answers after this long unless `--latency` says otherwise: enough to see
/// the pages arrive one by one, short enough for a quick run.
const DEFAULT_LATENCY: Duration = Duration::from_millis(100);

/// A search term with the three characters that break a hand-built query string.
const SEARCH_TERM: &str = "salt & pepper #1";

/// Printed titles and bodies are cut to this many characters, so that a line fits 80 columns.
const TEXT_WIDTH: usize = 70;

#[tokio::main]
async fn main() -> ExitCode {
    // A closed pipe (`lesson-06 | head -1`) ends the run quietly, a full disk with one line,
    // instead of a panic in `println!` (see lesson 01).
    lesson_support::output::exit_on_write_error();
    exit_code(run(Args::parse()).await)
}

async fn run(args: Args) -> Result<(), Error> {
    let api = args.api.connect(Latency::Fixed(DEFAULT_LATENCY)).await?;
    let (client, base_url) = (&api.client, api.base_url.as_str());
    println!("Sending data to {base_url}\n");

    // POST: the body is a `NewPost`, with no id; what comes back is a `Post`, with one.
    let new_post = NewPost {
        user_id: 1,
        title: "Sending data with reqwest".to_owned(),
        body: "One .json(&value) and serde does the rest.".to_owned(),
    };
    println!("POST /posts with a NewPost (no id: the server picks it)");
    let created = create_post(client, base_url, &new_post).await?;
    println!("  {}", created.status);
    match &created.location {
        Some(url) => println!("  Location: {url}"),
        None => println!("  Location: not sent by this server (JSONPlaceholder sends one)"),
    }
    print_post(&created.body);
    let new_id = created.body.id;

    // JSONPlaceholder answers like a real API and stores nothing.
    println!("\nWas it stored?");
    let status = post_status(client, base_url, new_id).await?;
    println!("  GET /posts/{new_id} -> {status}");
    let count = count_posts(client, base_url).await?;
    println!("  GET /posts -> {count} posts: the POST changed nothing");

    // PUT sends the whole post; PATCH sends only what changes.
    let replacement = Post {
        user_id: 1,
        id: 1,
        title: "A whole new post".to_owned(),
        body: "PUT replaces every field.".to_owned(),
    };
    println!("\nPUT /posts/1 with a whole Post");
    let replaced = replace_post(client, base_url, 1, &replacement).await?;
    println!("  {}", replaced.status);
    print_post(&replaced.body);

    let patch = PostPatch {
        title: Some("Only the title changes".to_owned()),
        ..PostPatch::default()
    };
    println!(
        "\nPATCH /posts/1 with a PostPatch; sent: {}",
        json_line(&patch)
    );
    let patched = patch_post(client, base_url, 1, &patch).await?;
    println!("  {}", patched.status);
    print_post(&patched.body);

    let changes = serde_json::json!({ "body": "json! builds the body on the spot." });
    println!("\nPATCH /posts/1 with json!; sent: {}", json_line(&changes));
    let patched = patch_post(client, base_url, 1, &changes).await?;
    println!("  {}", patched.status);
    print_post(&patched.body);

    println!("\nDELETE /posts/1");
    println!("  {}", delete_post(client, base_url, 1).await?);

    // Query strings: let `.query` encode them.
    println!("\nGET /posts with .query(&[(\"userId\", 1)])");
    let posts = posts_by_user(client, base_url, 1).await?;
    let ids: Vec<String> = posts.iter().map(|post| post.id.to_string()).collect();
    println!("  {} posts: {}", posts.len(), ids.join(", "));

    println!("\nSearching for {SEARCH_TERM:?}: what the server reads");
    let (encoded, by_hand) = search_urls(client, base_url, SEARCH_TERM)?;
    println!("  .query:  ?{}", encoded.query().unwrap_or(""));
    println!("           {:?}", query_pairs(&encoded));
    println!("  format!: ?{}", by_hand.query().unwrap_or(""));
    println!("           {:?}", query_pairs(&by_hand));
    if let Some(fragment) = by_hand.fragment() {
        println!("           and #{fragment} is a fragment: it is never sent");
    }

    walk_todos(client, base_url, args.page_size).await
}

// ANCHOR: walk_todos
/// Fetches every todo, one page after another, printing each page as it arrives.
///
/// The first answer's `X-Total-Count` says how many pages to ask for. A header is whatever the
/// server says, so the loop it sizes has two bounds of its own: it refuses a total that needs
/// more than `MAX_PAGES` pages, and it stops at the first empty page, where the list has
/// plainly ended whatever the total claimed.
async fn walk_todos(
    client: &reqwest::Client,
    base_url: &str,
    page_size: NonZeroU32,
) -> Result<(), Error> {
    println!("\nAll todos, {page_size} per page (GET /todos?_page=P&_limit={page_size})");
    let started = Instant::now();
    let mut received = 0;
    // Known from the first answer on; later answers' totals cannot move the end of the walk.
    let mut pages = 0;
    let mut total = 0;
    let mut number = 1;
    loop {
        let page: Page<Todo> = fetch_page(client, base_url, "todos", number, page_size).await?;
        if number == 1 {
            (pages, total) = (page_count(page.total, page_size), page.total);
        }
        received += page.items.len();
        println!(
            "  page {number}/{pages} at {}: {}",
            format_duration(started.elapsed()),
            describe_page(&page)
        );
        if number == 1 && pages > MAX_PAGES {
            // Checked after printing page 1: what arrived is shown, then the walk refuses.
            return Err(too_many_pages(total, pages, page_size));
        }
        // Stop at the last page the total allows: no extra request to find an empty page.
        if u64::from(number) >= pages {
            println!("  {received} of {total} todos in {number} requests");
            return Ok(());
        }
        if page.items.is_empty() {
            println!("  page {number} is empty: the list ended before the total it announced");
            println!("  {received} of {total} todos in {number} requests");
            return Ok(());
        }
        number += 1;
    }
}
// ANCHOR_END: walk_todos

/// The error for a total that needs more pages than a walk will ask for.
fn too_many_pages(total: u64, pages: u64, page_size: NonZeroU32) -> Error {
    format!(
        "X-Total-Count says there are {total} todos: {pages} pages of {page_size}, more than \
         the {MAX_PAGES} pages a walk asks for, so it stops after page 1; if the list is really \
         that long, use a larger --page-size"
    )
    .into()
}

// ANCHOR_END: walk_todos

/// "todos 31-60 (12 done)", or "empty".
fn describe_page(page: &Page<Todo>) -> String {
    match (page.items.first(), page.items.last()) {
        (Some(first), Some(last)) => {
            let done = page.items.iter().filter(|todo| todo.completed).count();
            format!("todos {}-{} ({done} done)", first.id, last.id)
        }
        _ => "empty".to_owned(),
    }
}

/// The post that came back, a field per line, each cut to fit the screen.
fn print_post(post: &Post) {
    println!("  userId {}, id {}", post.user_id, post.id);
    println!(
        "  title: {}",
        shorten(&format!("{:?}", post.title), TEXT_WIDTH)
    );
    println!(
        "  body:  {}",
        shorten(&format!("{:?}", post.body), TEXT_WIDTH)
    );
}

/// `value` as compact JSON, the bytes `.json(&value)` sends.
fn json_line(value: &impl Serialize) -> String {
    // Serialising these types cannot fail: their fields are strings and numbers, and the only
    // maps have string keys. Should it ever fail, the message is printed in place of the JSON.
    serde_json::to_string(value).unwrap_or_else(|err| format!("<not JSON: {err}>"))
}
