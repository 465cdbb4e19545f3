//! Wrong: breaks "a successful answer's body, exactly as it arrived (its bytes, not decoded and encoded again), goes to `digest` once"
//! The learner has maintained PHP and JSP backends, where a blank line before `<?php` in an
//! included file, or a JSP directive, puts stray whitespace in front of the JSON: the same post
//! served by two nodes then gets two digests. JSON ignores leading whitespace, so the learner
//! cuts it (`trim_ascii_start`) before digesting. The end of the body is left alone on purpose
//! ("a final newline is how servers end documents"), so a body ending in CRLF is digested intact;
//! only a body that *starts* with a space, a tab or a newline is digested without them.

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
        // Stray template whitespace is not part of the document.
        let digested = tokio::task::spawn_blocking(move || digest(body.trim_ascii_start()))
            .await
            .unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic()));
        Ok(digested)
    });
    join_all(each).await
}
