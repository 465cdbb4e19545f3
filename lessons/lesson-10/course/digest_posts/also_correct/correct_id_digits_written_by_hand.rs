//! Correct: no `format!`: each URL is one `String` sized up front, the base pushed as given, then `/posts/`, then the id's decimal digits worked out by hand (`% 10` and `/ 10` into a 20-byte buffer, the length of `u64::MAX`), so 0 is `0` and the largest `u64` is its 20 digits; the pipelines are the reference's
//!
//! Unusual only in how the text of the URL is made: the digits loop runs at least once (an id of
//! 0 gives one `0`, not an empty string), the buffer holds the longest `u64`, and the base is
//! copied byte for byte with nothing trimmed or added, so the URL is exactly
//! `{base_url}/posts/{id}`. A check that looks for `format!` or `Display` in the answer, or feeds
//! only small ids, would not tell it from the reference.
//!
//! Exercise 15: digest many posts, without blocking the runtime.
//!
//! `digest_posts(client, base_url, ids, digest)` fetches every post in `ids` at once and hands
//! each answer's body to `digest`. `digest` is a *blocking* function: it may take a long time and
//! waits without `.await` (think of a hash of a large body, a parser, a call into a synchronous
//! library). Contract:
//! - one GET `{base_url}/posts/{id}` per entry of `ids` (an id listed twice is asked twice), all in
//!   flight together, its URL made by appending to `base_url`, which may end in a path such as
//!   `/api` that must be kept, through `client`; the requests, their bodies included, are sent
//!   and read by async code on the runtime, not from inside `spawn_blocking` or a thread of your
//!   own (a blocking thread held for a request, or while a body arrives, is one fewer for
//!   blocking work);
//! - a successful answer's body, exactly as it arrived (its bytes, not decoded and encoded again),
//!   goes to `digest` once, as soon as that body is in: a digest never waits for other requests;
//! - `digest` never runs on a thread of the runtime: while digests run, the runtime's other tasks
//!   keep running, and the digests of different posts run at the same time (tokio's blocking
//!   pool, or threads of your own, awaited without blocking);
//! - the result, in the order of `ids`: `Ok(digest(body))`, or `Err(err)` when the request failed
//!   (an error status, any 4xx or 5xx: the error then carries it; a failed connection), and then
//!   `digest` is not called; any other status (a 3xx the client does not follow, say a 300) is an
//!   answer like a 200; a slow answer is waited for, with no time limit of your own (the
//!   client's timeouts, set by whoever built it, are the limit);
//! - no panic: `digest` itself never panics.

use futures::future::join_all;
use reqwest::Client;

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    let each = ids.iter().map(|&id| {
        let url = post_url(base_url, id);
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

/// `{base_url}/posts/{id}`, written out by hand: the base as given, then the id's digits.
fn post_url(base_url: &str, id: u64) -> String {
    const PATH: &str = "/posts/";
    // u64::MAX, 18446744073709551615, has 20 digits.
    let mut digits = [0u8; 20];
    let mut start = digits.len();
    let mut rest = id;
    loop {
        start -= 1;
        digits[start] = b'0' + (rest % 10) as u8;
        rest /= 10;
        if rest == 0 {
            break;
        }
    }
    let digits = &digits[start..];

    let mut url = String::with_capacity(base_url.len() + PATH.len() + digits.len());
    url.push_str(base_url);
    url.push_str(PATH);
    url.extend(digits.iter().map(|&digit| char::from(digit)));
    url
}
