//! Wrong: breaks "each task must own everything it uses"
//! Meeting E0521 ("borrowed data escapes outside of function"), the learner reads that the task
//! needs a `&'static Client`, and makes one with `Box::leak(Box::new(client.clone()))`: one
//! handle for all the tasks instead of a clone each, which felt like saving work. Every request
//! still goes through the caller's client (same settings, same pool), in order, at once; but
//! each call leaks a `Client` handle, so the pool it points to is never freed: after the caller
//! drops its client and every task has finished, the idle connections stay open, and a program
//! calling this in a loop grows without bound.

use lesson_support::models::Post;
use reqwest::Client;
use tokio::task::JoinHandle;

/// Starts fetching the title of every post in `ids`; one handle per entry, in the order of `ids`.
pub fn start_title_fetches(
    client: &Client,
    base_url: &str,
    ids: &[u64],
) -> Vec<JoinHandle<Result<String, reqwest::Error>>> {
    // `tokio::spawn` wants `'static`: one leaked handle lives for the whole program, and a
    // `&'static Client` is `Copy`, so every task can take it.
    let client: &'static Client = Box::leak(Box::new(client.clone()));
    ids.iter()
        .map(|&id| {
            let url = format!("{base_url}/posts/{id}");
            tokio::spawn(async move {
                let post: Post = client
                    .get(url)
                    .send()
                    .await?
                    .error_for_status()?
                    .json()
                    .await?;
                Ok(post.title)
            })
        })
        .collect()
}
