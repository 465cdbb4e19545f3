//! Wrong: "a body that is not a post" must give `Err`; here the body is decoded as either one post or a list of posts (defensive code for APIs that wrap a single item in a list), so a 200 whose body is a list of posts gives `Ok(title of the first)` (an empty list `Ok("")`); only a shape that is neither fails.
//! Exercise 4: start fetches that outlive the caller (warm-up: `tokio::spawn` and `'static`).

use lesson_support::models::Post;
use reqwest::Client;
use serde::Deserialize;
use tokio::task::JoinHandle;

/// What `/posts/{id}` may send: the post, or the post wrapped in a list.
#[derive(Deserialize)]
#[serde(untagged)]
enum OneOrMany {
    One(Post),
    Many(Vec<Post>),
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
                let response = client.get(url).send().await?.error_for_status()?;
                let post = match response.json::<OneOrMany>().await? {
                    OneOrMany::One(post) => Some(post),
                    OneOrMany::Many(posts) => posts.into_iter().next(),
                };
                // An empty list: the post has no title to give.
                Ok(post.map(|post| post.title).unwrap_or_default())
            })
        })
        .collect()
}
