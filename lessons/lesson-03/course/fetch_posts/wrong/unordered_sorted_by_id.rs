//! Wrong: collects (id, result) pairs as they finish, then sorts them by id instead of by place.

use futures::StreamExt;
use futures::stream::FuturesUnordered;
use lesson_support::models::Post;
use reqwest::Client;

pub async fn fetch_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
) -> Vec<Result<Post, reqwest::Error>> {
    let mut pairs: Vec<(u64, Result<Post, reqwest::Error>)> = ids
        .iter()
        .map(|&id| async move {
            let result = async {
                client
                    .get(format!("{base_url}/posts/{id}"))
                    .send()
                    .await?
                    .error_for_status()?
                    .json::<Post>()
                    .await
            }
            .await;
            (id, result)
        })
        .collect::<FuturesUnordered<_>>()
        .collect()
        .await;
    // Put them back "in order".
    pairs.sort_by_key(|(id, _)| *id);
    pairs.into_iter().map(|(_, result)| result).collect()
}
