//! Wrong: breaks "no panic: `digest` itself never panics" for a UTF-8 body with a multi-byte character across its 80th byte
//! The learner keeps the first 80 characters of each text body in a small process-wide ring for
//! debugging, the way Python's `text[:80]` would. In Rust `&text[..80]` cuts at byte 80, not at a
//! character: an ASCII body, a short one, or one that is not UTF-8 at all is fine, but a body
//! such as `{"title":"…café…"}` whose `é` straddles byte 80 panics ("byte index 80 is not a char
//! boundary") inside the pipeline, and the whole call panics with it.

use std::collections::VecDeque;
use std::sync::Mutex;

use futures::future::join_all;
use reqwest::Client;

/// The last few bodies seen, shortened, for a debugger or a log dump.
static RECENT: Mutex<VecDeque<(u64, String)>> = Mutex::new(VecDeque::new());
const PREVIEW: usize = 80;
const KEPT: usize = 16;

fn remember(id: u64, body: &[u8]) {
    if let Ok(text) = std::str::from_utf8(body) {
        let preview = if text.len() > PREVIEW {
            &text[..PREVIEW]
        } else {
            text
        };
        let mut recent = RECENT
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        if recent.len() == KEPT {
            recent.pop_front();
        }
        recent.push_back((id, preview.to_owned()));
    }
}

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    let each = ids.iter().map(|&id| async move {
        let body = client
            .get(format!("{base_url}/posts/{id}"))
            .send()
            .await?
            .error_for_status()?
            .bytes()
            .await?;
        remember(id, &body);
        let digested = tokio::task::spawn_blocking(move || digest(&body)).await;
        Ok(digested.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic())))
    });
    join_all(each).await
}
