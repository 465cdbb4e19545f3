//! Wrong: breaks "`Err(err)` when the request failed (... a failed connection), and then `digest` is not called" (and "one GET `{base_url}/posts/{id}` per entry of `ids`") for a successful answer whose connection breaks while its body arrives, from a server that serves ranges: a 200 with `Accept-Ranges: bytes`, `ETag: "v1"` and `Content-Length: 200000`, reset after 100000 bytes, whose server answers `Range: bytes=100000-` with `If-Range: "v1"` by a 206 of the rest: the answer asks a second time, stitches the two parts, and digests them as an `Ok`.
//! The idea is the resumable download (lesson 11's own resume, and what curl `-C -` or a
//! browser's download manager do): when a body breaks mid-way and the server has said it serves
//! byte ranges and given a strong validator, ask only for the missing tail with `Range` and
//! `If-Range` (so a changed resource comes back whole instead), at most three times, and carry
//! on. An engineer who has watched large downloads die at 90% writes it as plain good practice.
//! It is wrong here: the contract asks each entry once and makes a failed connection an `Err`
//! that is not digested; the stitched body is also not an answer "as it arrived". Answers that
//! do not break, and broken answers from servers that do not say `Accept-Ranges: bytes` with a
//! validator, behave like the reference.

use futures::future::join_all;
use reqwest::header::{
    ACCEPT_RANGES, CONTENT_RANGE, ETAG, HeaderValue, IF_RANGE, LAST_MODIFIED, RANGE,
};
use reqwest::{Client, Response, StatusCode};

/// A strong validator for `If-Range`, if the answer serves byte ranges and has one.
fn resume_validator(response: &Response) -> Option<HeaderValue> {
    let headers = response.headers();
    let ranges = headers.get(ACCEPT_RANGES)?.to_str().ok()?;
    if !ranges
        .split(',')
        .any(|unit| unit.trim().eq_ignore_ascii_case("bytes"))
    {
        return None;
    }
    match headers.get(ETAG) {
        Some(etag) if !etag.as_bytes().starts_with(b"W/") => Some(etag.clone()),
        _ => headers.get(LAST_MODIFIED).cloned(),
    }
}

/// Whether a 206 continues exactly where the body broke off.
fn continues_at(response: &Response, offset: usize) -> bool {
    response
        .headers()
        .get(CONTENT_RANGE)
        .and_then(|range| range.to_str().ok())
        .and_then(|range| range.strip_prefix("bytes "))
        .and_then(|range| range.split_once('-'))
        .and_then(|(start, _)| start.trim().parse::<usize>().ok())
        == Some(offset)
}

/// Reads the whole body, resuming a broken one by range when the server allows it.
async fn read_body(
    client: &Client,
    url: &str,
    mut response: Response,
) -> Result<Vec<u8>, reqwest::Error> {
    let validator = resume_validator(&response);
    let mut body = Vec::new();
    let mut resumes = 0;
    loop {
        match response.chunk().await {
            Ok(Some(chunk)) => body.extend_from_slice(&chunk),
            Ok(None) => return Ok(body),
            Err(err) => {
                let Some(validator) = validator
                    .clone()
                    .filter(|_| !body.is_empty() && resumes < 3)
                else {
                    return Err(err);
                };
                resumes += 1;
                let tail = client
                    .get(url)
                    .header(RANGE, format!("bytes={}-", body.len()))
                    .header(IF_RANGE, validator)
                    .send()
                    .await;
                match tail {
                    Ok(tail)
                        if tail.status() == StatusCode::PARTIAL_CONTENT
                            && continues_at(&tail, body.len()) =>
                    {
                        response = tail;
                    }
                    // If-Range did not match: the resource changed, and this is all of it.
                    Ok(tail) if tail.status() == StatusCode::OK => {
                        body.clear();
                        response = tail;
                    }
                    _ => return Err(err),
                }
            }
        }
    }
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
        let response = client.get(&url).send().await?.error_for_status()?;
        let body = read_body(client, &url, response).await?;
        let digested = tokio::task::spawn_blocking(move || digest(&body)).await;
        Ok(digested.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic())))
    });
    join_all(each).await
}
