//! Wrong: breaks "a body that is not a post (every field of `Post`, its ids JSON numbers, not strings)"
//!
//! Each task decodes into a private `Headline` that keeps `userId` and `id` as `u64` and `title`
//! as `String`, but declares `body` as `serde::de::IgnoredAny`. The learner only returns the
//! title, and a post's body is its longest field: `IgnoredAny` still demands that the field be
//! there (a missing `body` is a "missing field" decode error, so a to-do is still refused) while
//! skipping it without building a `String` that would be thrown away. Every post, every status,
//! a to-do, a string id and a failed connection behave as the reference does. But a 200 whose
//! `body` is of the wrong type (`"body": null`, `"body": 42`, `"body": {}`) is not a `Post`, and
//! the task ends in `Ok(title)` instead of a decode error.

use reqwest::Client;
use serde::Deserialize;
use serde::de::IgnoredAny;
use tokio::task::JoinHandle;

/// What a task needs of a post: its title, with the other fields checked for presence.
#[allow(dead_code)]
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Headline {
    user_id: u64,
    id: u64,
    title: String,
    body: IgnoredAny,
}

/// Starts fetching the title of every post in `ids`; one handle per entry, in the order of `ids`.
pub fn start_title_fetches(
    client: &Client,
    base_url: &str,
    ids: &[u64],
) -> Vec<JoinHandle<Result<String, reqwest::Error>>> {
    ids.iter()
        .map(|&id| {
            let client = client.clone();
            let url = format!("{base_url}/posts/{id}");
            tokio::spawn(async move {
                let headline: Headline = client
                    .get(url)
                    .send()
                    .await?
                    .error_for_status()?
                    .json()
                    .await?;
                Ok::<String, reqwest::Error>(headline.title)
            })
        })
        .collect()
}
