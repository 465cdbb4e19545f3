//! Wrong: breaks "a successful answer's body, exactly as it arrived (its bytes, not decoded and encoded again), goes to `digest` once"
//! The learner ports `requests.utils.guess_json_utf`, what `Response.json()` uses: JSON (RFC 4627)
//! may come as UTF-16 or UTF-32, told by a BOM or by where the NUL bytes sit in its first four.
//! Such a body is turned into UTF-8 before it is digested, "so one document gives one digest
//! whatever Unicode encoding the server chose"; UTF-8 (with or without a BOM) and anything the
//! sniff does not recognise (gzip's `1f 8b 08 00`, Latin-1, a guard prefix) is left as it came.

use std::borrow::Cow;

use futures::future::join_all;
use reqwest::Client;

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    let each = ids.iter().map(|id| async move {
        let body = client
            .get(format!("{base_url}/posts/{id}"))
            .send()
            .await?
            .error_for_status()?
            .bytes()
            .await?;
        // The transcoding is CPU work too: it goes to the blocking pool with the digest.
        let digested = tokio::task::spawn_blocking(move || digest(&as_utf8_json(&body))).await;
        Ok(digested.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic())))
    });
    join_all(each).await
}

#[derive(Clone, Copy)]
enum Wide {
    Utf16Le,
    Utf16Be,
    Utf32Le,
    Utf32Be,
}

/// `guess_json_utf`: the wide encoding the first four bytes point to, and the length of its BOM.
fn guess_wide(body: &[u8]) -> Option<(Wide, usize)> {
    let sample = &body[..body.len().min(4)];
    if sample == [0xFF, 0xFE, 0, 0] {
        return Some((Wide::Utf32Le, 4));
    }
    if sample == [0, 0, 0xFE, 0xFF] {
        return Some((Wide::Utf32Be, 4));
    }
    if sample.starts_with(&[0xEF, 0xBB, 0xBF]) {
        return None; // UTF-8 already
    }
    if sample.starts_with(&[0xFF, 0xFE]) {
        return Some((Wide::Utf16Le, 2));
    }
    if sample.starts_with(&[0xFE, 0xFF]) {
        return Some((Wide::Utf16Be, 2));
    }
    if sample.len() < 4 {
        return None;
    }
    let nulls = sample.iter().filter(|&&byte| byte == 0).count();
    match nulls {
        2 if sample[0] == 0 && sample[2] == 0 => Some((Wide::Utf16Be, 0)),
        2 if sample[1] == 0 && sample[3] == 0 => Some((Wide::Utf16Le, 0)),
        3 if sample[..3] == [0, 0, 0] => Some((Wide::Utf32Be, 0)),
        3 if sample[1..] == [0, 0, 0] => Some((Wide::Utf32Le, 0)),
        _ => None,
    }
}

/// The body in UTF-8: as it is when it is not UTF-16 or UTF-32 (or does not decode as such).
fn as_utf8_json(body: &[u8]) -> Cow<'_, [u8]> {
    let Some((wide, bom)) = guess_wide(body) else {
        return Cow::Borrowed(body);
    };
    let rest = &body[bom..];
    let text: Option<String> = match wide {
        Wide::Utf16Le | Wide::Utf16Be if rest.len() % 2 == 0 => {
            let units = rest.chunks_exact(2).map(|pair| match wide {
                Wide::Utf16Le => u16::from_le_bytes([pair[0], pair[1]]),
                _ => u16::from_be_bytes([pair[0], pair[1]]),
            });
            char::decode_utf16(units)
                .collect::<Result<String, _>>()
                .ok()
        }
        Wide::Utf32Le | Wide::Utf32Be if rest.len() % 4 == 0 => rest
            .chunks_exact(4)
            .map(|quad| {
                let bytes = [quad[0], quad[1], quad[2], quad[3]];
                char::from_u32(match wide {
                    Wide::Utf32Le => u32::from_le_bytes(bytes),
                    _ => u32::from_be_bytes(bytes),
                })
            })
            .collect::<Option<String>>(),
        _ => None,
    };
    match text {
        Some(text) => Cow::Owned(text.into_bytes()),
        None => Cow::Borrowed(body),
    }
}
