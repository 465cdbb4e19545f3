//! Wrong: breaks "`Err(err)` when the request failed (an error status, any 4xx or 5xx: the error then carries it ...)" (and with it "one GET `{base_url}/posts/{id}` per entry of `ids`")
//! The learner knows the two statuses whose RFCs tell the *user agent* to resend on its own: `421
//! Misdirected Request` ("the client MAY retry the request over a different connection", what
//! Chrome and Firefox do when HTTP/2 connection reuse sent a request to the wrong origin) and `425
//! Too Early` (RFC 8470: "the client MAY automatically retry"). reqwest does not, so the learner
//! does it, once, at once, and reports only the second answer. Every other error status (404, 408,
//! 429, 500, 502, 503 ...) is an `Err` after one request, as the contract says.

use futures::future::join_all;
use reqwest::Client;

/// Statuses after which HTTP itself says a user agent may simply send the request again.
const RESEND_AUTOMATICALLY: [u16; 2] = [421, 425];

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    let each = ids.iter().map(|id| {
        let url = format!("{base_url}/posts/{id}");
        async move {
            let mut response = client.get(&url).send().await?;
            if RESEND_AUTOMATICALLY.contains(&response.status().as_u16()) {
                // What a browser does: the first answer is dropped, the request sent afresh.
                drop(response);
                response = client.get(&url).send().await?;
            }
            let body = response.error_for_status()?.bytes().await?;
            let digested = tokio::task::spawn_blocking(move || digest(&body)).await;
            Ok(digested.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic())))
        }
    });
    join_all(each).await
}
