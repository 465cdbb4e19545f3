//! Wrong: breaks "`Err(err)` when the request failed (... a failed connection)" (and "one GET `{base_url}/posts/{id}` per entry of `ids`")
//! The Node.js habit `if (err.code === 'ECONNRESET') retry()`: a connection reset by the peer is
//! "the server's keep-alive racing ours", transient, so a post whose error has an `io::Error` of
//! kind `ConnectionReset` in its source chain is fetched once more, at once, and the second try is
//! the one that counts. A connection the server closes cleanly with no answer (hyper's "connection
//! closed before message completed") is not a reset and stays an `Err` after one request, as do
//! error statuses; everything else is the plain pipeline.

use std::error::Error as _;
use std::io;

use futures::future::join_all;
use reqwest::Client;

/// Whether the peer reset the connection somewhere under this error.
fn reset_by_peer(err: &reqwest::Error) -> bool {
    let mut cause: Option<&(dyn std::error::Error + 'static)> = err.source();
    while let Some(current) = cause {
        if let Some(io_err) = current.downcast_ref::<io::Error>()
            && io_err.kind() == io::ErrorKind::ConnectionReset
        {
            return true;
        }
        cause = current.source();
    }
    false
}

/// One GET, its status checked, its body read whole, all on the runtime; then the digest on the
/// blocking pool.
async fn fetch_and_digest(
    client: &Client,
    url: &str,
    digest: fn(&[u8]) -> u64,
) -> Result<u64, reqwest::Error> {
    let body = client
        .get(url)
        .send()
        .await?
        .error_for_status()?
        .bytes()
        .await?;
    let digested = tokio::task::spawn_blocking(move || digest(&body)).await;
    Ok(digested.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic())))
}

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    let each = ids.iter().map(|id| async move {
        let url = format!("{base_url}/posts/{id}");
        match fetch_and_digest(client, &url, digest).await {
            Err(err) if reset_by_peer(&err) => fetch_and_digest(client, &url, digest).await,
            other => other,
        }
    });
    join_all(each).await
}
