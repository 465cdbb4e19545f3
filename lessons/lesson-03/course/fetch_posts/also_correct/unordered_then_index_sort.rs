//! Also correct: `FuturesUnordered`, each result tagged with its place in `ids`, then put back
//! in that order.

use futures::StreamExt;
use futures::stream::FuturesUnordered;
use lesson_support::models::Post;
use reqwest::Client;

pub async fn fetch_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
) -> Vec<Result<Post, reqwest::Error>> {
    let mut finished: Vec<(usize, Result<Post, reqwest::Error>)> = ids
        .iter()
        .enumerate()
        .map(|(place, id)| async move {
            let response = client.get(format!("{base_url}/posts/{id}")).send().await;
            let post = match response.and_then(|r| r.error_for_status()) {
                Ok(response) => response.json::<Post>().await,
                Err(err) => Err(err),
            };
            (place, post)
        })
        .collect::<FuturesUnordered<_>>()
        .collect()
        .await;
    finished.sort_by_key(|(place, _)| *place);
    finished.into_iter().map(|(_, post)| post).collect()
}
