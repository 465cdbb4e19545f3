//! Correct, written another way: a small request value that implements `IntoFuture`, so the function body is one `.await` on it; the status is checked and the body decoded inside its boxed future, each `?` converting through `From<reqwest::Error>`.

use std::future::{Future, IntoFuture};
use std::pin::Pin;
use std::time::Duration;

use lesson_support::models::Post;
use reqwest::Client;

use crate::ApiError;

/// One post, asked for through a client, within a time limit. Awaiting it sends the request.
struct PostWithin<'a> {
    client: &'a Client,
    url: String,
    limit: Duration,
}

impl<'a> IntoFuture for PostWithin<'a> {
    type Output = Result<Post, ApiError>;
    type IntoFuture = Pin<Box<dyn Future<Output = Result<Post, ApiError>> + Send + 'a>>;

    fn into_future(self) -> Self::IntoFuture {
        Box::pin(async move {
            let response = self.client.get(self.url).timeout(self.limit).send().await?;
            let response = response.error_for_status()?;
            let post = response.json::<Post>().await?;
            Ok(post)
        })
    }
}

/// Fetches post `id`, giving up after `limit`, classifying any failure.
pub async fn fetch_post_within(
    client: &Client,
    base_url: &str,
    id: u64,
    limit: Duration,
) -> Result<Post, ApiError> {
    PostWithin {
        client,
        url: format!("{base_url}/posts/{id}"),
        limit,
    }
    .await
}
