//! Wrong: breaks "one GET `{base_url}/posts/{id}` per entry of `ids`" for an id past `i64::MAX`
//! (the chapter: "the largest `u64` is an id like any other"): the id is converted with `as i64`
//! before the path is made, so `u64::MAX` is asked as `/posts/-1` and `2^63` as
//! `/posts/-9223372036854775808`; the server sees another post's path (or a 404), and the result
//! is that answer's, not the post's.
//! Why a learner would think it right: ids "are" `i64` where the learner comes from (SQLite and
//! Postgres `BIGINT` rowids, Java's `long`, JSON numbers), the URL helper was written for an
//! `i64`, and `as` is how Rust converts numbers without a `Result` to handle; every id a real
//! server hands out fits. Otherwise the reference pipeline.

use futures::future::join_all;
use reqwest::Client;

/// The post's URL, its id as the server's `BIGINT` key.
fn post_url(base_url: &str, id: i64) -> String {
    format!("{base_url}/posts/{id}")
}

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    let each = ids.iter().map(|&id| {
        let url = post_url(base_url, id as i64);
        async move {
            let body = client
                .get(url)
                .send()
                .await?
                .error_for_status()?
                .bytes()
                .await?;
            let digested = tokio::task::spawn_blocking(move || digest(&body)).await;
            Ok::<u64, reqwest::Error>(
                digested.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic())),
            )
        }
    });
    join_all(each).await
}
