//! Wrong: breaks "a body that is not a post (every field of `Post`, its ids JSON numbers, not strings)"
//! The task decodes into its own post type whose ids are `i64`, not `Post`'s `u64`. Every field is
//! still required and a string id is still refused, so the usual "not a post" bodies fail as they
//! should; but a body with `"id": -3` (not a `Post`) comes back as `Ok(title)`, and a real post
//! whose id is above `i64::MAX` (a `Post`, "whatever its id") comes back as an error. A learner
//! writes the struct from the JSON they saw, with `i64` because "JSON numbers are signed".

use reqwest::Client;
use serde::Deserialize;
use tokio::task::JoinHandle;

/// The post as the API sends it; every field required, so that a body missing one is an error.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
#[allow(dead_code)] // only `title` is used; the others are there to check the body's shape
struct PostBody {
    user_id: i64,
    id: i64,
    title: String,
    body: String,
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
                let post: PostBody = client
                    .get(url)
                    .send()
                    .await?
                    .error_for_status()?
                    .json()
                    .await?;
                Ok::<String, reqwest::Error>(post.title)
            })
        })
        .collect()
}
