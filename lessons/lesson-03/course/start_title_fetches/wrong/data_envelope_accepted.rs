//! Wrong: breaks "or `Err(err)` when its request failed: ... a body that is not a post": it also takes a post wrapped in `{"data": {...}}` (the JSON:API / Laravel habit, decoded with an untagged enum) and returns the inner title, so `{"data": {"userId": 1, "id": 1, "title": "t", "body": "b"}}` is `Ok("t")` instead of a decode error; a bare post, error statuses, other bad bodies, failed connections and timeouts come out as the contract says, from one spawned task per entry, in order, through a clone of `client`.

use lesson_support::models::Post;
use reqwest::Client;
use serde::Deserialize;
use tokio::task::JoinHandle;

/// Many APIs wrap the resource in `{"data": ...}`: take the post either way.
#[derive(Deserialize)]
#[serde(untagged)]
enum PostBody {
    Bare(Post),
    Wrapped { data: Post },
}

impl PostBody {
    fn into_post(self) -> Post {
        match self {
            PostBody::Bare(post) | PostBody::Wrapped { data: post } => post,
        }
    }
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
            tokio::spawn(fetch_title(client, url))
        })
        .collect()
}

/// One GET, the status checked, the title of the post that came back.
async fn fetch_title(client: Client, url: String) -> Result<String, reqwest::Error> {
    let body: PostBody = client
        .get(url)
        .send()
        .await?
        .error_for_status()?
        .json()
        .await?;
    Ok(body.into_post().title)
}
