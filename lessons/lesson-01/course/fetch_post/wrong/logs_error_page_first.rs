//! Wrong: breaks "is an `Err` that carries that status (`err.status()`), whatever the body": before returning the status error it reads the error page for a log line, and `?` on that read means an error answer whose body is cut short (a `Content-Length` that lies, a connection closed mid-body) comes back as a body error with no status; with a whole error body (post, `{}`, HTML, empty) it returns the status error, and success, decoding and the URL are right.

use std::time::Duration;

use lesson_support::models::Post;
use reqwest::Client;

/// How long to wait for an error page that is only wanted for the log.
const ERROR_PAGE_WAIT: Duration = Duration::from_secs(1);

/// Fetches post `id` and decodes it into a [`Post`].
pub async fn fetch_post(client: &Client, base_url: &str, id: u64) -> Result<Post, reqwest::Error> {
    let url = format!("{base_url}/posts/{id}");
    let response = client.get(&url).send().await?;

    if let Some(status_error) = response.error_for_status_ref().err() {
        // Like `print(await resp.text())` before `resp.raise_for_status()`: an error page
        // usually says what went wrong, so put the start of it in the log. Don't wait long
        // for it though: a slow error page is not worth holding the caller.
        match tokio::time::timeout(ERROR_PAGE_WAIT, response.text()).await {
            Ok(page) => {
                let page = page?;
                let excerpt: String = page.chars().take(200).collect();
                eprintln!("GET {url} failed: {status_error}: {excerpt}");
            }
            Err(_) => eprintln!("GET {url} failed: {status_error} (no error page in time)"),
        }
        return Err(status_error);
    }

    response.json().await
}
