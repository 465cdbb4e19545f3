//! Wrong: `Ok(n)` must count the comments the server sent; this learner asks for compressed answers with an `Accept-Encoding: gzip, deflate` header of their own (as aiohttp and requests do, but they also decompress), and the course's reqwest has no decompression built in, so any server that honours the header (JSONPlaceholder behind its CDN does) sends gzip bytes that `json()` cannot decode: every post becomes `Err(decode)`. A mock that never compresses cannot tell.

use futures::future::join_all;
use lesson_support::models::Comment;
use reqwest::Client;
use reqwest::header::ACCEPT_ENCODING;

/// Counts the comments of each post in `ids`, all at once: `(id, count)` in the order of `ids`.
pub async fn comment_counts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
) -> Vec<(u64, Result<usize, reqwest::Error>)> {
    let requests = ids.iter().map(|&id| async move {
        let count = count_comments(client, base_url, id).await;
        (id, count)
    });
    join_all(requests).await
}

async fn count_comments(client: &Client, base_url: &str, id: u64) -> Result<usize, reqwest::Error> {
    let comments: Vec<Comment> = client
        .get(format!("{base_url}/posts/{id}/comments"))
        // Comment lists compress well: ask for the small version, like any browser does.
        .header(ACCEPT_ENCODING, "gzip, deflate")
        .send()
        .await?
        .error_for_status()?
        .json()
        .await?;
    Ok(comments.len())
}
