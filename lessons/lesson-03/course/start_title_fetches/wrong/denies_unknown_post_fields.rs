//! Wrong: breaks "each task ends in `Ok(title)`, the title of the post the server sent"
//! The learner reads "a body that is not a post (every field of `Post` ...)" as "exactly the
//! fields of `Post`", and since the stub imports no `Post`, writes a strict one of their own with
//! `#[serde(deny_unknown_fields)]`. Every post the mock serves has exactly the four fields, so
//! all the obvious cases pass; but a post the server sends with one field more (`tags`, say)
//! is a post (`Post` ignores fields it does not name) and here ends in `Err(decode error)`.

use reqwest::Client;
use serde::Deserialize;
use tokio::task::JoinHandle;

/// A post, exactly as the API sends it: every field required, nothing else allowed.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[allow(dead_code)] // only `title` is read; the other fields are there to be checked by serde
struct StrictPost {
    user_id: u64,
    id: u64,
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
                let post: StrictPost = client
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
