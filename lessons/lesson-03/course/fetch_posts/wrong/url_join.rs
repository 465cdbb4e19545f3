//! Wrong: `Url::join("/posts/{id}")` replaces the base URL's path, so `/api/v1` is lost.

use futures::future::join_all;
use lesson_support::models::Post;
use reqwest::{Client, Url};

pub async fn fetch_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
) -> Vec<Result<Post, reqwest::Error>> {
    let base = Url::parse(base_url).unwrap();
    join_all(ids.iter().map(|id| {
        let url = base.join(&format!("/posts/{id}")).unwrap();
        async move {
            client
                .get(url)
                .send()
                .await?
                .error_for_status()?
                .json::<Post>()
                .await
        }
    }))
    .await
}
