//! Wrong: breaks "is an `Err` that carries that status (`err.status()`), whatever the body"
//!
//! On an error status the function first reads the whole error body with `text().await?`, to
//! print what the server said about its failure, and only then returns the status error. The
//! learner knows an API's error page often says *why* (`{"error": "rate limited"}`), and a
//! `reqwest::Error` cannot carry that text, so it goes to stderr on the way out. For every error
//! answer whose body arrives whole (`{}`, HTML, a post) the result is exactly the status error.
//! But the `?` on the body read makes the body decide: a 503 whose body is cut short (the
//! connection closes before its `Content-Length` is reached) comes back as a body error with
//! `err.status() == None`, and a 500 whose body never finishes waits for the client's timeout
//! and then comes back as a timeout, again without its status.

use lesson_support::models::Post;
use reqwest::Client;

/// Fetches post `id` and decodes it into a [`Post`].
pub async fn fetch_post(client: &Client, base_url: &str, id: u64) -> Result<Post, reqwest::Error> {
    let response = client.get(format!("{base_url}/posts/{id}")).send().await?;

    // `error_for_status_ref` leaves the response with us, so its body can still be read.
    let failure = response.error_for_status_ref().err();
    if let Some(status_error) = failure {
        // The status says *that* it failed; the body usually says *why*. Keep it for the log.
        let explanation = response.text().await?;
        eprintln!("{status_error}; the server said: {explanation}");
        return Err(status_error);
    }

    response.json().await
}
