//! Wrong: breaks "A task never panics"
//! Each task checks `!status.is_success()` itself and returns
//! `response.error_for_status().expect_err(..)`, to get "an error that carries the status"
//! the way the contract asks, and spells out that only a 2xx is a post. But `error_for_status`
//! only turns a 4xx or a 5xx into an error: a 3xx the client hands back as it is (a 304, a 300,
//! a redirect with no `Location`) is not a success and not an error status, so `expect_err`
//! panics and the handle gives a `JoinError`, where the reference decodes the body (a post:
//! `Ok(title)`; anything else: a decode error). Every 200, every 4xx and 5xx (whatever their
//! bodies), every non-post body, a failed connection and a timeout behave as the reference's.

use lesson_support::models::Post;
use reqwest::Client;
use tokio::task::JoinHandle;

/// Starts fetching the title of every post in `ids`; one handle per entry, in the order of `ids`.
pub fn start_title_fetches(
    client: &Client,
    base_url: &str,
    ids: &[u64],
) -> Vec<JoinHandle<Result<String, reqwest::Error>>> {
    let mut handles = Vec::with_capacity(ids.len());
    for &id in ids {
        let client = client.clone();
        let url = format!("{base_url}/posts/{id}");
        handles.push(tokio::spawn(async move {
            let response = client.get(url).send().await?;
            if !response.status().is_success() {
                // Not a 2xx: no post in there. `error_for_status` makes the error carry it.
                return Err(response
                    .error_for_status()
                    .expect_err("a status that is not a success is an error status"));
            }
            let post: Post = response.json().await?;
            Ok(post.title)
        }));
    }
    handles
}
