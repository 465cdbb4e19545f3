//! Wrong: breaks "one GET `{base_url}/posts/{id}` per entry of `ids`" (and "a successful answer's body, exactly as it arrived, ... goes to `digest`"; "any other status ... is an answer like a 200")
//! The learner has just done lesson 11's resume: a `206 Partial Content` whose `Content-Range`
//! says `bytes 0-1023/5000` holds only a piece of the post, and a digest of a piece is a wrong
//! digest. So when a 206 says more remains, the rest is asked for at once with
//! `Range: bytes=1024-` and the two pieces are joined before the digest. A 206 without a
//! `Content-Range`, or one that covers the whole (`0-4999/5000`, `*`), is digested as it came.

use futures::future::join_all;
use reqwest::header::{CONTENT_RANGE, HeaderMap, RANGE};
use reqwest::{Client, StatusCode};

/// Where the missing part starts, when the answer's `Content-Range` says that part of the
/// representation is not in this answer.
fn missing_from(headers: &HeaderMap) -> Option<u64> {
    let value = headers.get(CONTENT_RANGE)?.to_str().ok()?;
    let (span, total) = value.trim().strip_prefix("bytes ")?.split_once('/')?;
    let (_, last) = span.split_once('-')?;
    let last: u64 = last.trim().parse().ok()?;
    let total: u64 = total.trim().parse().ok()?;
    let next = last.checked_add(1)?;
    (next < total).then_some(next)
}

/// The whole body of one post, its pieces gathered when the server sent only a part.
async fn whole_body(client: &Client, url: &str) -> Result<Vec<u8>, reqwest::Error> {
    let response = client.get(url).send().await?.error_for_status()?;
    let rest_from = if response.status() == StatusCode::PARTIAL_CONTENT {
        missing_from(response.headers())
    } else {
        None
    };
    let mut body = response.bytes().await?.to_vec();
    if let Some(from) = rest_from {
        let rest = client
            .get(url)
            .header(RANGE, format!("bytes={from}-"))
            .send()
            .await?
            .error_for_status()?;
        if rest.status() == StatusCode::PARTIAL_CONTENT {
            body.extend_from_slice(&rest.bytes().await?);
        }
    }
    Ok(body)
}

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    let each = ids.iter().map(|&id| async move {
        let body = whole_body(client, &format!("{base_url}/posts/{id}")).await?;
        let digested = tokio::task::spawn_blocking(move || digest(&body)).await;
        Ok(digested.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic())))
    });
    join_all(each).await
}
