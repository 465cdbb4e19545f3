//! Wrong: breaks "a server that cannot be reached is an `Err` about the URL asked for (`err.url()` is `{base_url}/posts/{id}`): no request goes anywhere else, no fallback server": when a `localhost` base URL refuses the connection it tries again at `127.0.0.1`, the habit of a developer bitten by Node/Python resolving `localhost` to `::1` first while the server listens on IPv4 only (reqwest already tries every address `localhost` resolves to); the error that comes back names `127.0.0.1`, after a second attempt.

use lesson_support::models::Post;
use reqwest::{Client, Url};

/// Fetches post `id` and decodes it into a [`Post`].
pub async fn fetch_post(client: &Client, base_url: &str, id: u64) -> Result<Post, reqwest::Error> {
    let url = format!("{base_url}/posts/{id}");
    let response = match client.get(&url).send().await {
        Ok(response) => response,
        // `localhost` may resolve to `::1` first while a dev server listens on 127.0.0.1 only:
        // give the IPv4 loopback one chance before calling the server unreachable.
        Err(err) if err.is_connect() => match ipv4_loopback(&url) {
            Some(ipv4_url) => client.get(ipv4_url).send().await?,
            None => return Err(err),
        },
        Err(err) => return Err(err),
    };
    response.error_for_status()?.json().await
}

/// The same URL with `localhost` spelled `127.0.0.1`, or `None` for any other host.
fn ipv4_loopback(url: &str) -> Option<Url> {
    let mut url = Url::parse(url).ok()?;
    if !url.host_str()?.eq_ignore_ascii_case("localhost") {
        return None;
    }
    url.set_host(Some("127.0.0.1")).ok()?;
    Some(url)
}
