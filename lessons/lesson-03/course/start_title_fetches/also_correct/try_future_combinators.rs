//! Correct, written another way: no `async` block at all. Each task is a chain of `futures`
//! combinators spawned as it is: `future::lazy` builds and sends the request through the task's
//! own clone of `client` on the task's first poll, `flatten` awaits the response, and
//! `TryFutureExt::and_then` / `map_ok` check the status, decode a whole `Post` (with
//! `Response::json::<Post>` passed as a function) and keep its title; each `Err` short-circuits
//! the chain as `?` would.

use futures::future::{self, FutureExt, TryFutureExt};
use lesson_support::models::Post;
use reqwest::{Client, Response};
use tokio::task::JoinHandle;

/// Starts fetching the title of every post in `ids`; one handle per entry, in the order of `ids`.
pub fn start_title_fetches(
    client: &Client,
    base_url: &str,
    ids: &[u64],
) -> Vec<JoinHandle<Result<String, reqwest::Error>>> {
    let mut handles = Vec::with_capacity(ids.len());
    for id in ids {
        let client = client.clone();
        let url = format!("{base_url}/posts/{id}");
        let title = future::lazy(move |_| client.get(url).send())
            .flatten()
            .and_then(|response: Response| future::ready(response.error_for_status()))
            .and_then(Response::json::<Post>)
            .map_ok(|post: Post| post.title);
        handles.push(tokio::spawn(title));
    }
    handles
}
