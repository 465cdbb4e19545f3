//! Correct, written another way: each fetch is a small owned struct (a clone of the client and its URL) that implements `IntoFuture` as a boxed `Send` future, and the function spawns `fetch.into_future()` for each entry.

use std::future::{Future, IntoFuture};
use std::pin::Pin;

use lesson_support::models::Post;
use reqwest::Client;
use tokio::task::JoinHandle;

/// Everything one title fetch needs, owned, so that it can go into a task as it is.
struct TitleFetch {
    client: Client,
    url: String,
}

impl IntoFuture for TitleFetch {
    type Output = Result<String, reqwest::Error>;
    type IntoFuture = Pin<Box<dyn Future<Output = Self::Output> + Send>>;

    fn into_future(self) -> Self::IntoFuture {
        let TitleFetch { client, url } = self;
        Box::pin(async move {
            let post: Post = client
                .get(url)
                .send()
                .await?
                .error_for_status()?
                .json()
                .await?;
            Ok(post.title)
        })
    }
}

/// Starts fetching the title of every post in `ids`; one handle per entry, in the order of `ids`.
pub fn start_title_fetches(
    client: &Client,
    base_url: &str,
    ids: &[u64],
) -> Vec<JoinHandle<Result<String, reqwest::Error>>> {
    ids.iter()
        .map(|&id| TitleFetch {
            client: client.clone(),
            url: format!("{base_url}/posts/{id}"),
        })
        // `tokio::spawn` wants a `Future`, not an `IntoFuture`: convert it first.
        .map(|fetch| tokio::spawn(fetch.into_future()))
        .collect()
}
