//! Wrong: a task ends in `Ok(title)` for any post the server sends, whatever its id; here the body is decoded into the learner's own post type with `u32` ids ("ids are small"), so a post whose `id` or `userId` does not fit in 32 bits (a `u64` in the course's `Post`) ends in a decode `Err`.

use reqwest::Client;
use serde::Deserialize;
use tokio::task::JoinHandle;

/// Only the title is needed; the other fields make sure the body is a post.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
#[allow(dead_code)]
struct PostTitle {
    user_id: u32,
    id: u32,
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
                let post: PostTitle = client
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
